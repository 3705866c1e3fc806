"""영남 산불 구호: tables and headline figures for the relief page (pure, no streamlit)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

import pandas as pd

from bureau.format import markdown_text, money, number, rate
from bureau.kpi import Figure, Kpi
from bureau.metrics import percent
from bureau.table import Column, Table, amounts, unit_header
from bureau.units import Unit, UnitView

#: Units the source tables record their amounts in.
FUND_UNIT = Unit.HUNDRED_MILLION
APPROPRIATION_UNIT = Unit.MILLION
DONATION_UNIT = Unit.THOUSAND
EXECUTION_UNIT = Unit.THOUSAND
#: The order the report counts in: 개 (items) first, then 동 (tents), 대 (food trucks).
UNIT_ORDER = ("개", "동", "대")
#: The fewest steps of the response drawn as a timeline chart; fewer read better as a list.
TIMELINE_CHART_STEPS = 3


def short_date(day: date) -> str:
    """A date within the year as the report writes it: ``3.22.``."""
    return f"{day.month}.{day.day}."


def date_span(start: date, end: date | None) -> str:
    """``3.26.~4.10.``, or one date."""
    if end is None or end == start:
        return short_date(start)
    return f"{short_date(start)}~{short_date(end)}"


@dataclass(frozen=True)
class SupplyTotals:
    """The category quantities added up, as the report does (``total``, units mixed), and
    per counting unit (``by_unit``), with the report's own wording of the total."""

    total: int
    by_unit: dict[str, int]
    printed_total: str | None
    printed_approx: str | None

    @property
    def breakdown(self) -> str:
        """``722,608개 + 549동 + 13대``."""
        return " + ".join(f"{number(quantity)}{unit}" for unit, quantity in self.by_unit.items())


def supply_totals(supplies: pd.DataFrame, printed: pd.DataFrame) -> SupplyTotals:
    by_unit = supplies.groupby("count_unit")["quantity"].sum()
    ordered = {unit: int(by_unit[unit]) for unit in UNIT_ORDER if unit in by_unit.index}
    texts = dict(zip(printed["figure_id"], printed["printed_text"]))
    return SupplyTotals(
        int(supplies["quantity"].sum()),
        ordered,
        texts.get("supplies_total"),
        texts.get("supplies_approx"),
    )


def supplies_table(supplies: pd.DataFrame) -> Table:
    """구분, 수량 (a number), 단위 and the quantity as printed (``549동``)."""
    frame = pd.DataFrame(
        {
            "구분": supplies["category"].tolist(),
            "수량": supplies["quantity"].astype("int64").tolist(),
            "단위": supplies["count_unit"].tolist(),
            "표기": [f"{number(q)}{u}" for q, u in zip(supplies["quantity"], supplies["count_unit"])],
        }
    )
    return Table(frame, {"수량": Column.count()})


def unit_subtotals(supplies: pd.DataFrame) -> Table:
    """Per counting unit: how many categories, which, and their quantity."""
    rows = []
    for unit in UNIT_ORDER:
        part = supplies[supplies["count_unit"] == unit]
        if part.empty:
            continue
        rows.append(
            {
                "단위": unit,
                "품목 수": len(part),
                "품목": ", ".join(part["category"]),
                "수량": int(part["quantity"].sum()),
                "표기": f"{number(part['quantity'].sum())}{unit}",
            }
        )
    return Table(pd.DataFrame(rows), {"품목 수": Column.count(), "수량": Column.count()})


def _or_none(values: pd.Series) -> list[object]:
    """Missing cells as None (an empty cell in a download, ``-`` on screen)."""
    return [None if pd.isna(value) else value for value in values]


def funds_table(funds: pd.DataFrame, unit: Unit) -> Table:
    """구호금 as the report lays it out: total, then stages, then the 40억 split by region."""
    depth = _depths(funds)
    amount_name = unit_header("지원액", unit.value)
    frame = pd.DataFrame(
        {
            "구분": ["\u3000" * depth[f] + s for f, s in zip(funds["fund_id"], funds["stage"])],
            "지역": _or_none(funds["region"]),
            "지원일": _or_none(funds["granted_on"]),
            "내용": funds["purpose"].tolist(),
            amount_name: amounts(funds["amount"], FUND_UNIT, unit),
        }
    )
    return Table(frame, {"지원일": Column.date(), amount_name: Column.amount(FUND_UNIT, unit)})


def _depths(funds: pd.DataFrame) -> dict[str, int]:
    parents = dict(zip(funds["fund_id"], funds["parent_id"]))
    depth = {}
    for fund_id in parents:
        level, current = 0, parents[fund_id]
        while isinstance(current, str) and current in parents:
            level, current = level + 1, parents[current]
        depth[fund_id] = level
    return depth


def fund_leaves(funds: pd.DataFrame) -> pd.DataFrame:
    """The funds no other fund splits further (5억, 37억 경북, 3억 경남): what was given."""
    parents = set(funds["parent_id"].dropna())
    return funds[~funds["fund_id"].isin(parents)]


def appropriations_table(rows: pd.DataFrame, unit: Unit) -> Table:
    amount_name = unit_header("금액", unit.value)
    frame = pd.DataFrame(
        {
            "일자": rows["event_on"].tolist(),
            "구분": rows["event"].tolist(),
            "사업": rows["program"].tolist(),
            amount_name: amounts(rows["amount"], APPROPRIATION_UNIT, unit),
        }
    )
    return Table(frame, {"일자": Column.date(), amount_name: Column.amount(APPROPRIATION_UNIT, unit)})


def volunteers_table(rows: pd.DataFrame) -> Table:
    frame = pd.DataFrame(
        {
            "구분": rows["activity"].tolist(),
            "참여": rows["volunteer_group"].tolist(),
            "인원(명)": rows["people"].astype("int64").tolist(),
            "국가 수": rows["countries"].astype("Int64"),
            "신청(명)": rows["applicants"].astype("Int64"),
            "기간": [date_span(s, e) for s, e in zip(rows["start"], rows["end"])],
            "활동": rows["work"].tolist(),
        }
    )
    counts = Column.count("명")
    return Table(frame, {"인원(명)": counts, "국가 수": Column.count("개국"), "신청(명)": counts})


def timeline_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Events with ``finish`` one day after their last day (so a one-day event has width)
    and a label that keeps the printed date."""
    frame = rows.copy()
    last = [e if not pd.isna(e) else s for s, e in zip(rows["start"], rows["end"])]
    frame["begin"] = pd.to_datetime(rows["start"])
    frame["finish"] = pd.to_datetime([day + timedelta(days=1) for day in last])
    frame["label"] = [f"{p} {e}" for p, e in zip(rows["printed_date"], rows["event"])]
    return frame


def timeline_table(rows: pd.DataFrame) -> Table:
    frame = pd.DataFrame(
        {
            "일자(표기)": rows["printed_date"].tolist(),
            "시작": rows["start"].tolist(),
            "종료": _or_none(rows["end"]),
            "구분": rows["category"].tolist(),
            "내용": rows["event"].tolist(),
            "담당": rows["dept"].tolist(),
        }
    )
    return Table(frame, {"시작": Column.date(), "종료": Column.date()})


def headlines(
    totals: SupplyTotals,
    funds: pd.DataFrame,
    volunteers: pd.DataFrame,
    donations: pd.DataFrame,
    execution: pd.DataFrame,
    units: UnitView,
) -> list[Kpi]:
    """The relief page's KPI row (amounts in the unit ``units`` gives each table); sections
    with no rows (department filter) are left out."""
    #: every delta here is a note (a date, the printed wording), not a change
    note = partial(Kpi, delta_color="off", delta_arrow="off")
    found: list[Kpi] = []
    if totals.by_unit:
        found.append(
            note(
                "구호물품 총계",
                number(totals.total),
                f"{totals.printed_approx}" if totals.printed_approx else None,
                f"보고서 총계 {markdown_text(totals.printed_total)}: 단위가 다른 수량을 더한 값"
                f"({markdown_text(totals.breakdown)})",
                figure=Figure.count(totals.total),
            )
        )
    roots = funds[funds["parent_id"].isna()]
    if not roots.empty:
        root = roots.iloc[0]
        stages = funds[funds["parent_id"] == root["fund_id"]]
        shown = units.of("relief_funds")
        parts = " + ".join(
            f"{money(a, FUND_UNIT, shown)}({short_date(d)})"
            for a, d in zip(stages["amount"], stages["granted_on"])
        )
        found.append(
            note(
                "구호금(지역교류협력기금)",
                money(root["amount"], FUND_UNIT, shown),
                parts,
                markdown_text(root["purpose"]),
                figure=Figure.money(root["amount"], FUND_UNIT, shown),
            )
        )
    if not execution.empty:
        row, shown = execution.iloc[0], units.of("program_execution")
        found.append(
            note(
                "기금 집행률",
                f"{rate(percent(row['spent'], row['budget']))}%",
                f"{short_date(row['measured_on'])} 기준",
                f"집행액 {money(row['spent'], EXECUTION_UNIT, shown)} ÷ 예산현액 "
                f"{money(row['budget'], EXECUTION_UNIT, shown)}",
                figure=Figure.rate(percent(row["spent"], row["budget"])),
            )
        )
    if not volunteers.empty:
        people = " + ".join(f"{number(n)}" for n in volunteers["people"])
        found.append(
            note(
                "자원봉사 인원",
                f"{number(volunteers['people'].sum())}명",
                f"{date_span(volunteers['start'].min(), volunteers['end'].max())}",
                f"{people}명 (합계는 대시보드 계산)",
                figure=Figure.count(volunteers["people"].sum(), "명"),
            )
        )
    if not donations.empty:
        row = donations.iloc[0]
        found.append(
            note(
                "직원 성금",
                money(row["amount"], DONATION_UNIT, units.of("relief_donations")),
                date_span(row["start"], row["end"]),
                f"{markdown_text(row['recipient'])}에 전달({markdown_text(row['delivered'])})",
                figure=Figure.money(row["amount"], DONATION_UNIT, units.of("relief_donations")),
            )
        )
    return found


def summary_parts(
    totals: SupplyTotals,
    funds: pd.DataFrame,
    execution: pd.DataFrame,
    volunteers: pd.DataFrame,
    donations: pd.DataFrame,
    units: UnitView,
) -> list[tuple[str, str]]:
    """What the relief did, in the briefing's words, each with its key figure: 구호물품 (split
    by counting unit), 구호금, the fund's 집행률, 자원봉사, 직원 성금; parts with no rows
    (another department's) are left out."""
    parts: list[tuple[str, str]] = []
    if totals.by_unit:
        approx = f"{totals.printed_approx}: " if totals.printed_approx else ""
        parts.append((f"구호물품 {approx}{totals.breakdown}", totals.breakdown))
    roots = funds[funds["parent_id"].isna()]
    if not roots.empty:
        given = money(roots["amount"].sum(), FUND_UNIT, units.of("relief_funds"))
        parts.append((f"구호금 {given} 지원", given))
    if not execution.empty:
        spent = f"{rate(percent(execution['spent'].iloc[0], execution['budget'].iloc[0]))}%"
        parts.append((f"재해구호 사업비 집행률 {spent}", spent))
    if not volunteers.empty:
        people = f"{number(volunteers['people'].sum())}명"
        when = date_span(volunteers["start"].min(), volunteers["end"].max())
        parts.append((f"자원봉사 {people}({when})", people))
    for row in donations.itertuples():
        raised = money(row.amount, DONATION_UNIT, units.of("relief_donations"))
        parts.append((f"직원 성금 {raised} 모금({date_span(row.start, row.end)})", raised))
    return parts


def supply_summary(totals: SupplyTotals) -> str:
    """The printed total beside its split by counting unit (Markdown)."""
    return (
        f"**총계 {markdown_text(totals.printed_total)}** "
        f"(보고서 표기, 본문 ‘{markdown_text(totals.printed_approx)}’) — "
        f"품목마다 단위가 달라 단위별로 나누면 **{markdown_text(totals.breakdown)}**"
    )


def appropriation_lines(rows: pd.DataFrame, unit: Unit) -> list[str]:
    """``- 3.25. … 1,000백만원 전액 소진`` as the report's note says it, amounts in ``unit``."""
    return [
        "- "
        + markdown_text(
            f"{short_date(row.event_on)} {row.program} "
            f"{money(row.amount, APPROPRIATION_UNIT, unit)} {row.event}"
        )
        for row in rows.itertuples()
    ]


def volunteer_lines(rows: pd.DataFrame) -> dict[str, list[str]]:
    """Per activity (노력봉사, 의료봉사), one Markdown bullet per group."""
    lines: dict[str, list[str]] = {}
    for row in rows.itertuples():
        countries = f" (총 {number(row.countries)}개국)" if pd.notna(row.countries) else ""
        applicants = f", 모집 {number(row.applicants)}명 신청" if pd.notna(row.applicants) else ""
        lines.setdefault(str(row.activity), []).append(
            f"- **{markdown_text(row.volunteer_group)}** "
            + markdown_text(
                f"{number(row.people)}명{countries}{applicants} ({date_span(row.start, row.end)}): {row.work}"
            )
        )
    return lines


def donation_lines(rows: pd.DataFrame, unit: Unit) -> list[str]:
    lines = []
    for row in rows.itertuples():
        printed = "" if unit == DONATION_UNIT else f"(보고서 {money(row.amount, DONATION_UNIT)})"
        lines.append("- " + markdown_text(f"{row.donors} ({date_span(row.start, row.end)})"))
        lines.append(
            "- "
            + markdown_text(
                f"총 모금액 {money(row.amount, DONATION_UNIT, unit)}{printed} "
                f"{row.recipient}에 전달({row.delivered})"
            )
        )
    return lines


def timeline_lines(rows: pd.DataFrame) -> list[str]:
    """The response's steps as a numbered Markdown list: ``1. 3.22.(토)~ [물품지원] …``."""
    return [
        f"{index}. **{markdown_text(row.printed_date)}** {markdown_text(f'[{row.category}] {row.event}')}"
        for index, row in enumerate(rows.itertuples(), start=1)
    ]


def tf_line(members: pd.DataFrame) -> str:
    """``**TF 구성** : 대외협력과 · 시민협력과 · …`` (Markdown)."""
    return "**TF 구성** : " + " · ".join(markdown_text(member) for member in members["member"])
