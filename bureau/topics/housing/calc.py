"""직원 주거복지: the 전세자금 loan's budget, selection tables and averages (the calculator is
:mod:`bureau.loan_calculator`)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import pandas as pd

from bureau.format import markdown_text, money, number, rate, short_year
from bureau.kpi import Figure, Kpi
from bureau.metrics import percent
from bureau.table import Column, Table, amounts, rates, unit_header
from bureau.topics.housing.loan_calculator import LoanTerms, rules_for_year
from bureau.units import Unit, convert

#: Units of the source tables (as printed in the report).
RULE_UNIT = Unit.WON
BUDGET_UNIT = Unit.HUNDRED_MILLION
SELECTION_UNIT = Unit.MILLION


def rules_table(rules: pd.DataFrame, unit: Unit) -> Table:
    """Caps by group and year (in ``unit``) as a wide table, one row per group."""
    years = sorted(rules["from_year"].unique())
    ordered = rules.sort_values(["sort_order", "from_year"])
    groups = ordered.drop_duplicates("loan_group")["loan_group"].tolist()
    frame = pd.DataFrame({"그룹": groups})
    columns: dict[str, Column] = {}
    for year in years:
        of_year = ordered[ordered["from_year"] == year].set_index("loan_group")
        cap = unit_header(f"{short_year(year)}년~ 지원한도", unit.value)
        share = unit_header(f"{short_year(year)}년~ 보증금 대비", "%")
        frame[cap] = amounts([of_year["cap"].get(group) for group in groups], RULE_UNIT, unit)
        frame[share] = rates([of_year["max_deposit_share"].get(group) for group in groups], 0)
        columns[cap], columns[share] = Column.amount(RULE_UNIT, unit), Column.rate(0)
    return Table(frame, columns)


def with_averages(selection: pd.DataFrame, rules: pd.DataFrame) -> pd.DataFrame:
    """Group rows (printed totals dropped), round by round (year, then half), with 1인당 평균
    지원액 and that year's cap, 백만원."""
    groups = selection[~selection["printed_total"]].sort_values(["fiscal_year", "half", "sort_order"]).copy()
    groups["average"] = [
        amount_ / people if people else None for amount_, people in zip(groups["amount"], groups["selected"])
    ]
    caps = []
    for row in groups.itertuples():
        rule = rules_for_year(rules, int(row.fiscal_year)).get(row.loan_group)
        caps.append(convert(rule.cap, RULE_UNIT, SELECTION_UNIT) if rule else None)
    groups["cap"] = caps
    return groups


def period_label(year: int, half: str) -> str:
    """A selection round as the report names it: its abbreviated year and its half (``’YY년`` + half)."""
    return f"{short_year(int(year))}년 {half}"


def selection_table(selection: pd.DataFrame, unit: Unit, footnoted: Collection[str] = ()) -> Table:
    """The report's group table, amounts in ``unit``, 합계 recomputed: each year's allocation
    (그룹별 배정액, for the whole year), then each round's (year and half) selections. A
    selection header that a note names with its ``*`` (``footnoted``: the notes' subjects,
    e.g. the ``인원*`` of the report's group table) carries the mark."""
    groups = selection[~selection["printed_total"]]
    years = sorted(groups["fiscal_year"].unique())
    rounds = sorted(set(zip(groups["fiscal_year"], groups["half"])))
    marked = set(footnoted)
    order = groups.sort_values("sort_order").drop_duplicates("loan_group")["loan_group"].tolist()
    money_column, people_column = Column.amount(SELECTION_UNIT, unit), Column.count("명")
    labels = ["합계", *order]
    picked = [groups if label == "합계" else groups[groups["loan_group"] == label] for label in labels]
    frame = pd.DataFrame({"구분": labels})
    columns: dict[str, Column] = {}

    def add(name: str, column: Column, values: list[float]) -> None:
        frame[name] = amounts(values, SELECTION_UNIT, unit) if column is money_column else values
        columns[name] = column

    for year in years:
        # a year's allocation is repeated on each of its rounds' rows: count it once
        allocations = [rows[rows["fiscal_year"] == year].drop_duplicates("loan_group") for rows in picked]
        add(
            unit_header(f"{short_year(year)}년 배정액", unit.value),
            money_column,
            [rows["allocation"].sum() for rows in allocations],
        )
    for year, half in rounds:
        of_round = [rows[(rows["fiscal_year"] == year) & (rows["half"] == half)] for rows in picked]
        people = f"{period_label(year, half)} 인원"
        add(
            f"{people}{'*' if f'{people}*' in marked else ''}(명)",
            people_column,
            [int(rows["selected"].sum()) for rows in of_round],
        )
        add(
            unit_header(f"{period_label(year, half)} 금액", unit.value),
            money_column,
            [rows["amount"].sum() for rows in of_round],
        )
    return Table(frame, columns)


def footnotes(notes: pd.DataFrame) -> list[str]:
    """The texts of the notes that are footnotes (their ``subject`` ends in the ``*`` they
    explain, e.g. the 인원* of the group table), in ``note_id`` order."""
    return notes.loc[notes["subject"].str.endswith("*"), "text"].tolist()


def averages_table(selection: pd.DataFrame, rules: pd.DataFrame, unit: Unit) -> Table:
    """1인당 평균 지원액 by group and year against that year's cap, in ``unit``. The average
    is not a whole 백만원, so it is kept to the 천원 (96,769천원, 96.8백만원, 0.97억원)."""
    groups = with_averages(selection, rules)
    in_thousands = [
        None if pd.isna(v) else convert(v, SELECTION_UNIT, Unit.THOUSAND) for v in groups["average"]
    ]
    names = {
        "amount": unit_header("선정 금액", unit.value),
        "average": unit_header("1인당 평균", unit.value),
        "cap": unit_header("지원한도", unit.value),
    }
    frame = pd.DataFrame(
        {
            "연도": list(map(period_label, groups["fiscal_year"], groups["half"])),
            "그룹": groups["loan_group"].tolist(),
            "선정 인원(명)": groups["selected"].astype("int64").tolist(),
            names["amount"]: amounts(groups["amount"], SELECTION_UNIT, unit),
            names["average"]: amounts(in_thousands, Unit.THOUSAND, unit),
            names["cap"]: amounts(groups["cap"], SELECTION_UNIT, unit),
            "한도 대비(%)": rates(
                [percent(a, c) if c else None for a, c in zip(groups["average"], groups["cap"])]
            ),
        }
    )
    columns = {
        "선정 인원(명)": Column.count("명"),
        names["amount"]: Column.amount(SELECTION_UNIT, unit),
        names["average"]: Column.amount(Unit.THOUSAND, unit),
        names["cap"]: Column.amount(SELECTION_UNIT, unit),
        "한도 대비(%)": Column.rate(),
    }
    return Table(frame, columns)


@dataclass(frozen=True)
class RoundResult:
    fiscal_year: int
    half: str
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

    @property
    def label(self) -> str:
        """The round as the report names it (:func:`period_label`)."""
        return period_label(self.fiscal_year, self.half)


def round_result(applications: pd.DataFrame) -> RoundResult:
    """신청 vs 선정 of the latest round (the last year, its second half after its first; amounts
    in 억원)."""
    year, half = max(zip(applications["fiscal_year"], applications["half"]))
    latest = applications[(applications["fiscal_year"] == year) & (applications["half"] == half)]
    by_stage = latest.set_index("stage")
    return RoundResult(
        int(year),
        str(half),
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


def _months(start: int, end: int) -> str:
    return f"{start}월" if start == end else f"{start}~{end}월"


def schedule_table(schedule: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "구분": list(map(period_label, schedule["fiscal_year"], schedule["half"])),
            "단계": schedule["step"],
            "시기": [_months(s, e) for s, e in zip(schedule["start_month"], schedule["end_month"])],
        }
    )


def allocation_observations(selection: pd.DataFrame, unit: Unit) -> list[str]:
    """Groups whose selected amount in a round exceeds the whole year's allocation (in ``unit``)."""
    groups = selection[~selection["printed_total"]]
    over = groups[groups["amount"] > groups["allocation"]]
    found = []
    for row in over.itertuples():
        selected, allocated = (
            money(row.amount, SELECTION_UNIT, unit),
            money(row.allocation, SELECTION_UNIT, unit),
        )
        found.append(
            f"{short_year(int(row.fiscal_year))}년 {row.loan_group}: {row.half} 선정금액 {selected}이 "
            f"그룹별 배정액 {allocated}을 넘습니다"
        )
    return found


def programme_lines(rules: pd.DataFrame, terms: LoanTerms | None, year: int, unit: Unit) -> list[str]:
    """사업개요 in the report's words, built from the rule rows (base cap, raised caps, terms),
    caps in ``unit`` (the report: 1억원, 1.5억원)."""

    def _eok(won: int) -> str:
        return money(won, RULE_UNIT, unit)

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
        lines.append(f"{short_year(raised[0].from_year)}년부터 {changed}으로 1인당 지원한도 상향")
    if terms:
        lines.append(
            f"지원기간 {terms.period_years}년(최장 {terms.max_period_years}년) / "
            f"이자율 연 {rate(terms.annual_rate)}% ({terms.guarantee_insurance})"
        )
    return lines


def cap_recipient_text(recipients: pd.DataFrame, rules: pd.DataFrame, unit: Unit) -> str | None:
    """``기존 최대 1억원 → 다자녀 2억원 지원(6명), 신혼부부 1.5억원 지원(13명)``, caps in ``unit``."""
    if recipients.empty:
        return None

    def _eok(won: int) -> str:
        return money(won, RULE_UNIT, unit)

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

    def shown(value: float) -> str:
        return money(value, BUDGET_UNIT, unit)

    split = ", ".join(f"{row.source} {shown(row.amount)}" for row in parts.itertuples())
    line = f"사업예산: {shown(total)} ({split})"
    if change is not None:
        line += f" ※ 전년대비 {shown(abs(change))} {'증액' if change >= 0 else '감액'}"
    return line


def headline(budget: pd.DataFrame, result: RoundResult, unit: Unit) -> list[Kpi]:
    """The KPI row: budget, applications, selections, selection rates (the round's figures
    are known across reports by the round, :attr:`RoundResult.label`)."""
    total, parts, change = budget_parts(budget)
    year = int(budget["fiscal_year"].iloc[0])

    def shown(value: float) -> str:
        return money(value, BUDGET_UNIT, unit)

    def of_round(label: str, value: str, figure: Figure | None, help: str) -> Kpi:
        """A figure of the round, known across reports by the round (another round's is another)."""
        return Kpi(label, value, help=help, figure=figure, key=f"{result.label} {label}")

    split = " + ".join(f"{markdown_text(row.source)} {shown(row.amount)}" for row in parts.itertuples())
    return [
        Kpi(
            f"{short_year(year)}년 사업예산",
            shown(total),
            help=split + (f" · 전년대비 {shown(change)} 증액" if change is not None else ""),
            figure=Figure.money(total, BUDGET_UNIT, unit),
        ),
        of_round(
            f"{result.half} 신청",
            f"{number(result.applied)}명",
            Figure.count(result.applied, "명"),
            f"신청 금액 {shown(result.applied_amount)}",
        ),
        of_round(
            f"{result.half} 선정",
            f"{number(result.selected)}명",
            Figure.count(result.selected, "명"),
            f"선정 금액 {shown(result.selected_amount)}",
        ),
        of_round(
            "선정률(인원)",
            f"{rate(result.selection_rate)}%",
            Figure.rate(result.selection_rate),
            "선정 인원 ÷ 신청 인원",
        ),
        of_round(
            "선정률(금액)",
            f"{rate(result.amount_rate)}%",
            Figure.rate(result.amount_rate),
            "선정 금액 ÷ 신청 금액",
        ),
    ]


def budget_table(budget: pd.DataFrame, unit: Unit) -> Table:
    """재원별 예산 with the recomputed 합계 first, in ``unit``."""
    total, parts, change = budget_parts(budget)
    amount_name = unit_header("예산", unit.value)
    change_name = unit_header("전년대비 증감", unit.value)
    frame = pd.DataFrame(
        {
            "재원": ["합계", *parts["source"]],
            amount_name: amounts([total, *parts["amount"]], BUDGET_UNIT, unit),
            change_name: amounts([change, *[None] * len(parts)], BUDGET_UNIT, unit),
        }
    )
    column = Column.amount(BUDGET_UNIT, unit)
    return Table(frame, {amount_name: column, change_name: column})


def round_table(applications: pd.DataFrame, unit: Unit) -> Table:
    """신청 vs 선정: people and amounts (``unit``), with the selection rates as a last row."""
    result = round_result(applications)
    amount_name = unit_header("금액", unit.value)
    frame = pd.DataFrame(
        {
            "구분": ["신청", "선정"],
            "인원(명)": [result.applied, result.selected],
            amount_name: amounts([result.applied_amount, result.selected_amount], BUDGET_UNIT, unit),
            "선정률 인원(%)": rates([None, result.selection_rate]),
            "선정률 금액(%)": rates([None, result.amount_rate]),
        }
    )
    columns = {
        "인원(명)": Column.count("명"),
        amount_name: Column.amount(BUDGET_UNIT, unit),
        "선정률 인원(%)": Column.rate(),
        "선정률 금액(%)": Column.rate(),
    }
    return Table(frame, columns)


def schedule_sentence(schedule: pd.DataFrame) -> str:
    """The 향후계획 line from the schedule rows: the round (:func:`period_label`), then each step
    with its months: ``… 신청 접수(6월), 선정(7월) 및 지원(8~11월)``."""
    if schedule.empty:
        return ""
    steps = [
        f"{step}({_months(start, end)})"
        for step, start, end in zip(schedule["step"], schedule["start_month"], schedule["end_month"])
    ]
    joined = ", ".join(steps[:-1]) + (" 및 " if len(steps) > 1 else "") + steps[-1]
    first = schedule.iloc[0]
    return f"{period_label(first['fiscal_year'], str(first['half']))} {joined}"
