"""직원 주거복지: the 전세자금 loan's budget, selection tables and averages (the calculator is
:mod:`bureau.loan_calculator`)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bureau.format import amount, markdown_text, number, rate
from bureau.kpi import Kpi
from bureau.loan_calculator import LoanTerms, rules_for_year
from bureau.metrics import percent
from bureau.units import Unit, convert

#: Units of the source tables (as printed in the report).
RULE_UNIT = Unit.WON
BUDGET_UNIT = Unit.HUNDRED_MILLION
SELECTION_UNIT = Unit.MILLION
EXECUTION_UNIT = Unit.THOUSAND


def rules_table(rules: pd.DataFrame, unit: Unit) -> pd.DataFrame:
    """Caps by group and year (in ``unit``) as a wide table, one row per group."""
    years = sorted(rules["from_year"].unique())
    ordered = rules.sort_values(["sort_order", "from_year"])
    table = pd.DataFrame({"그룹": ordered.drop_duplicates("loan_group")["loan_group"].tolist()})
    for year in years:
        of_year = ordered[ordered["from_year"] == year].set_index("loan_group")
        table[f"’{year % 100:02d}년~ 지원한도({unit.value})"] = [
            amount(of_year["cap"].get(group), RULE_UNIT, unit) for group in table["그룹"]
        ]
        table[f"’{year % 100:02d}년~ 보증금 대비(%)"] = [
            number(of_year["max_deposit_share"].get(group)) for group in table["그룹"]
        ]
    return table


def with_averages(selection: pd.DataFrame, rules: pd.DataFrame) -> pd.DataFrame:
    """Group rows (printed totals dropped) with 1인당 평균 지원액 and that year's cap, 백만원."""
    groups = selection[~selection["printed_total"]].copy()
    groups["average"] = [
        amount_ / people if people else None for amount_, people in zip(groups["amount"], groups["selected"])
    ]
    caps = []
    for row in groups.itertuples():
        rule = rules_for_year(rules, int(row.fiscal_year)).get(row.loan_group)
        caps.append(convert(rule.cap, RULE_UNIT, SELECTION_UNIT) if rule else None)
    groups["cap"] = caps
    return groups


def selection_table(selection: pd.DataFrame, unit: Unit) -> pd.DataFrame:
    """The report's group table, both years side by side, amounts in ``unit``; 합계 recomputed."""
    groups = selection[~selection["printed_total"]]
    years = sorted(groups["fiscal_year"].unique())
    order = groups.sort_values("sort_order").drop_duplicates("loan_group")["loan_group"].tolist()
    rows = []
    for label in ["합계", *order]:
        row: dict[str, str] = {"구분": label}
        picked = groups if label == "합계" else groups[groups["loan_group"] == label]
        for year in years:
            row[f"’{year % 100:02d}년 배정액"] = amount(
                picked.loc[picked["fiscal_year"] == year, "allocation"].sum(), SELECTION_UNIT, unit
            )
        for year in years:
            of_year = picked[picked["fiscal_year"] == year]
            mark = "*" if year == years[-1] else ""
            row[f"’{year % 100:02d}년 상반기 인원{mark}(명)"] = number(of_year["selected"].sum())
            row[f"’{year % 100:02d}년 상반기 금액"] = amount(of_year["amount"].sum(), SELECTION_UNIT, unit)
        rows.append(row)
    return pd.DataFrame(rows)


def average_amount(value: float | None, unit: Unit) -> str:
    """An average in 백만원 shown in ``unit``: 96,769천원, 96.8백만원, 0.97억원."""
    digits = {Unit.MILLION: 1, Unit.HUNDRED_MILLION: 2}.get(unit, 0)
    return "-" if value is None else number(convert(value, SELECTION_UNIT, unit), digits)


def averages_table(selection: pd.DataFrame, rules: pd.DataFrame, unit: Unit) -> pd.DataFrame:
    """1인당 평균 지원액 by group and year against that year's cap, in ``unit``."""
    groups = with_averages(selection, rules)
    return pd.DataFrame(
        {
            "연도": [f"’{year % 100:02d}년 상반기" for year in groups["fiscal_year"]],
            "그룹": groups["loan_group"],
            "선정 인원(명)": [number(value) for value in groups["selected"]],
            f"선정 금액({unit.value})": [amount(v, SELECTION_UNIT, unit) for v in groups["amount"]],
            f"1인당 평균({unit.value})": [average_amount(v, unit) for v in groups["average"]],
            f"지원한도({unit.value})": [amount(v, SELECTION_UNIT, unit) for v in groups["cap"]],
            "한도 대비(%)": [
                rate(percent(a, c)) if c else "-" for a, c in zip(groups["average"], groups["cap"])
            ],
        }
    )


@dataclass(frozen=True)
class RoundResult:
    applied: int
    applied_amount: int
    selected: int
    selected_amount: int

    @property
    def selection_rate(self) -> float | None:
        return percent(self.selected, self.applied)

    @property
    def amount_rate(self) -> float | None:
        return percent(self.selected_amount, self.applied_amount)


def round_result(applications: pd.DataFrame) -> RoundResult:
    """신청 vs 선정 of one round (amounts in 억원)."""
    by_stage = applications.set_index("stage")
    return RoundResult(
        int(by_stage.loc["신청", "people"]),
        int(by_stage.loc["신청", "amount"]),
        int(by_stage.loc["선정", "people"]),
        int(by_stage.loc["선정", "amount"]),
    )


def budget_parts(budget: pd.DataFrame) -> tuple[int, pd.DataFrame, int | None]:
    """(recomputed total, parts, printed change) of the budget in 억원."""
    parts = budget[~budget["printed_total"]].sort_values("sort_order")
    printed = budget[budget["printed_total"]]
    change = printed["printed_change"].iloc[0] if len(printed) else None
    return int(parts["amount"].sum()), parts, (None if pd.isna(change) else int(change))


def execution_table(execution: pd.DataFrame, unit: Unit) -> pd.DataFrame:
    """예산집행 현황 as printed, rates recomputed, amounts in ``unit``."""

    def money(column: str) -> list[str]:
        return [amount(value, EXECUTION_UNIT, unit) for value in execution[column]]

    return pd.DataFrame(
        {
            "사업명": execution["programme"],
            "예산현액": money("budget"),
            "집행액 원인행위": money("committed"),
            "집행액 지출액": money("spent"),
            "집행률 원인행위(%)": [
                rate(percent(c, b)) for c, b in zip(execution["committed"], execution["budget"])
            ],
            "집행률 지출액(%)": [
                rate(percent(s, b)) for s, b in zip(execution["spent"], execution["budget"])
            ],
            "’25년말 집행예상액": money("expected_year_end"),
            "’25년말 집행예상률(%)": [
                rate(percent(e, b)) for e, b in zip(execution["expected_year_end"], execution["budget"])
            ],
        }
    )


def schedule_table(schedule: pd.DataFrame) -> pd.DataFrame:
    def months(start: int, end: int) -> str:
        return f"{start}월" if start == end else f"{start}~{end}월"

    return pd.DataFrame(
        {
            "구분": [f"’{y % 100:02d}년 {h}" for y, h in zip(schedule["fiscal_year"], schedule["half"])],
            "단계": schedule["step"],
            "시기": [months(s, e) for s, e in zip(schedule["start_month"], schedule["end_month"])],
        }
    )


def allocation_observations(selection: pd.DataFrame) -> list[str]:
    """Groups whose first-half selected amount exceeds the whole year's allocation (백만원)."""
    groups = selection[~selection["printed_total"]]
    over = groups[groups["amount"] > groups["allocation"]]
    return [
        f"’{int(row.fiscal_year) % 100:02d}년 {row.loan_group}: 상반기 선정금액 {number(row.amount)}백만원이 "
        f"그룹별 배정액 {number(row.allocation)}백만원을 넘습니다"
        for row in over.itertuples()
    ]


def _eok(won: int) -> str:
    """``150_000_000`` → ``1.5억원`` as the report writes caps."""
    return f"{convert(won, RULE_UNIT, Unit.HUNDRED_MILLION):g}억원"


def programme_lines(rules: pd.DataFrame, terms: LoanTerms | None, year: int) -> list[str]:
    """사업개요 in the report's words, built from the rule rows (base cap, raised caps, terms)."""
    first_year = int(rules["from_year"].min())
    base = rules_for_year(rules, first_year)
    current = rules_for_year(rules, year)
    share = number(next(iter(base.values())).max_deposit_share) if base else "-"
    base_cap = max((rule.cap for rule in base.values()), default=0)
    lines = [f"사업내용: 무주택 공무원 전세자금 융자 (보증금 {share}% 이내 최대 {_eok(base_cap)})"]
    raised = sorted(
        (rule for rule in current.values() if rule.cap != base.get(rule.loan_group, rule).cap),
        key=lambda rule: -rule.cap,
    )
    if raised:
        changed = ", ".join(f"{rule.loan_group} {_eok(rule.cap)}" for rule in raised)
        lines.append(f"’{raised[0].from_year % 100:02d}년부터 {changed}으로 1인당 지원한도 상향")
    if terms:
        lines.append(
            f"지원기간 {terms.period_years}년(최장 {terms.max_period_years}년) / "
            f"이자율 연 {rate(terms.annual_rate)}% ({terms.guarantee_insurance})"
        )
    return lines


def cap_recipient_text(recipients: pd.DataFrame, rules: pd.DataFrame) -> str | None:
    """``기존 최대 1억원 → 다자녀 2억원 지원(6명), 신혼부부 1.5억원 지원(13명)``."""
    if recipients.empty:
        return None
    year = int(recipients["fiscal_year"].iloc[0])
    before = rules_for_year(rules, year - 1)
    previous = max((rule.cap for rule in before.values()), default=None)
    parts = ", ".join(
        f"{row.loan_group} {_eok(int(row.cap))} 지원({number(row.people)}명)"
        for row in recipients.itertuples()
    )
    return f"기존 최대 {_eok(previous)} → {parts}" if previous else parts


def budget_line(budget: pd.DataFrame, unit: Unit) -> str:
    """``사업예산: 220억원 (일반 94억원, 기금 126억원) ※ 전년대비 40억원 증액`` in ``unit``."""
    total, parts, change = budget_parts(budget)

    def money(value: float) -> str:
        return f"{amount(value, BUDGET_UNIT, unit)}{unit.value}"

    split = ", ".join(f"{row.source} {money(row.amount)}" for row in parts.itertuples())
    line = f"사업예산: {money(total)} ({split})"
    if change is not None:
        line += f" ※ 전년대비 {money(abs(change))} {'증액' if change >= 0 else '감액'}"
    return line


def headline(budget: pd.DataFrame, result: RoundResult, unit: Unit) -> list[Kpi]:
    """The KPI row: budget, applications, selections, selection rates."""
    total, parts, change = budget_parts(budget)
    year = int(budget["fiscal_year"].iloc[0])

    def money(value: float) -> str:
        return f"{amount(value, BUDGET_UNIT, unit)}{unit.value}"

    split = " + ".join(f"{markdown_text(row.source)} {money(row.amount)}" for row in parts.itertuples())
    return [
        Kpi(
            f"’{year % 100:02d}년 사업예산",
            money(total),
            help=split + (f" · 전년대비 {money(change)} 증액" if change is not None else ""),
        ),
        Kpi("상반기 신청", f"{number(result.applied)}명", help=f"신청 금액 {money(result.applied_amount)}"),
        Kpi("상반기 선정", f"{number(result.selected)}명", help=f"선정 금액 {money(result.selected_amount)}"),
        Kpi("선정률(인원)", f"{rate(result.selection_rate)}%", help="선정 인원 ÷ 신청 인원"),
        Kpi("선정률(금액)", f"{rate(result.amount_rate)}%", help="선정 금액 ÷ 신청 금액"),
    ]


def budget_table(budget: pd.DataFrame, unit: Unit) -> pd.DataFrame:
    """재원별 예산 with the recomputed 합계 first, in ``unit``."""
    total, parts, change = budget_parts(budget)
    return pd.DataFrame(
        {
            "재원": ["합계", *parts["source"]],
            f"예산({unit.value})": [amount(v, BUDGET_UNIT, unit) for v in [total, *parts["amount"]]],
            f"전년대비 증감({unit.value})": [amount(change, BUDGET_UNIT, unit)] + ["-"] * len(parts),
        }
    )


def round_table(applications: pd.DataFrame, unit: Unit) -> pd.DataFrame:
    result = round_result(applications)
    return pd.DataFrame(
        {
            "구분": ["신청", "선정", "선정률(%)"],
            "인원(명)": [number(result.applied), number(result.selected), rate(result.selection_rate)],
            f"금액({unit.value})": [
                amount(result.applied_amount, BUDGET_UNIT, unit),
                amount(result.selected_amount, BUDGET_UNIT, unit),
                rate(result.amount_rate),
            ],
        }
    )


def schedule_sentence(schedule: pd.DataFrame) -> str:
    """``하반기 신청 접수(6월), 선정(7월) 및 지원(8~11월)``."""
    if schedule.empty:
        return ""
    steps = [f"{step}({when})" for step, when in zip(schedule["단계"], schedule["시기"])]
    joined = ", ".join(steps[:-1]) + (" 및 " if len(steps) > 1 else "") + steps[-1]
    return f"{schedule['구분'].iloc[0]} {joined}"
