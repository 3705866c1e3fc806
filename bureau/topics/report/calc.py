"""Calculations shared by the 현안 업무 pages: execution tables and the department filter."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from bureau.differences import Kind, shown_rate
from bureau.format import markdown_text, short_date, short_year
from bureau.metrics import percent
from bureau.table import Column, Table, amounts, rates, unit_header
from bureau.units import Unit

#: program_execution amounts are in 천원.
EXECUTION_UNIT = Unit.THOUSAND
#: How each reading of 예상액 (``expected_basis``) gives the 예상 집행률.
EXPECTED_RULES = {"누계": "예상액 ÷ 예산현액 × 100", "잔여": "(집행액 + 예상액) ÷ 예산현액 × 100"}


def spent_names(has_committed: bool) -> tuple[str, str]:
    """The spent amount's column and its rate's as the report heads them: 지출액 and
    "지출액 집행률" beside 원인행위 (집행률 of two amounts), otherwise 집행액 and plain "집행률"."""
    return ("지출액", "지출액 집행률") if has_committed else ("집행액", "집행률")


def year_end_spent(spent: float, expected: float, basis: str) -> float:
    """What will have been spent by the year's end: 예상액 where it is that total (누계),
    집행액 + 예상액 where it is what remains to spend (잔여)."""
    return spent + expected if basis == "잔여" else expected


def expected_note(rows: pd.DataFrame) -> str | None:
    """What 예상액 means where it is the amount still to spend, so its rate is not misread
    (Markdown-escaped, like :func:`difference_captions`)."""
    remaining = rows[rows["expected_basis"] == "잔여"]
    if remaining.empty:
        return None
    return markdown_text(
        f"※ 이 표의 {year_end_label(rows)}년말 예상액은 연말까지 더 집행할 금액입니다: "
        f"예상 집행률 = {EXPECTED_RULES['잔여']}"
    )


def year_end_label(rows: pd.DataFrame) -> str:
    """The year whose end 예상액 looks to, as the report abbreviates it: the year the rows
    were measured in (``’YY``)."""
    return short_year(rows["measured_on"].iloc[0].year) if len(rows) else ""


def execution_caption(rows: pd.DataFrame) -> str:
    """The 집행현황 table's own 기준일 (``’YY. M. D. 기준``) and how its rates are shown."""
    return f"{short_date(rows['measured_on'].iloc[0])} 기준 · 집행률은 금액으로 재계산한 값"


def place_in_report(sections: pd.DataFrame, issues: pd.DataFrame, page: str, title: str = "") -> str:
    """Where a page's content is in the report, from its parts (:func:`meta.report_sections`)
    and current issues (:func:`meta.issue_places`): the parts the page shows (``Ⅰ. 일반현황 ·
    Ⅱ. 현안 업무보고``), or its issue's number in its part, the issue's title unless it is the
    page's ``title``, and its attachment (``Ⅱ. 현안 업무보고 2 · 붙임 …``). Empty for a page
    that is neither."""
    parts = [f"{row.numeral}. {row.title}" for row in sections[sections["page"] == page].itertuples()]
    titles = dict(zip(sections["numeral"], sections["title"]))
    for issue in issues[issues["page"] == page].itertuples():
        named = "" if issue.title == title else f". {issue.title}"
        parts.append(f"{issue.section}. {titles.get(issue.section, '')} {issue.issue_no}{named}")
        if isinstance(issue.attachment, str) and issue.attachment:
            parts.append(f"붙임 {issue.attachment}")
    return " · ".join(parts)


def effective_dept(dept: str | None, issue_departments: list[str]) -> str | None:
    """The department filter to apply on an issue's page: the chosen one when it staffs
    the issue, otherwise none (the whole issue is shown)."""
    return dept if dept in issue_departments else None


def contacts_for(contacts: pd.DataFrame, issue_no: int, dept: str | None) -> pd.DataFrame:
    """An issue's 담당자 (``bureau.topics.report.queries.contacts``); with ``dept`` among them, only
    that department's people. A department that does not staff the issue sees them all."""
    people = contacts[contacts["issue_no"] == issue_no]
    return people[people["dept"] == dept] if dept in set(people["dept"]) else people


def shown_checks(reconciliations: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The reconciliations of the tables a page shows, ``tables`` naming each source table
    with the rows on screen: a table a department filter leaves empty is not on screen, so
    its figures are not counted or listed."""
    shown = [name for name, rows in tables.items() if not rows.empty]
    return reconciliations[reconciliations["table_name"].isin(shown)]


def execution_table(rows: pd.DataFrame, unit: Unit) -> Table:
    """The report's 집행현황 table with every rate recomputed from the amounts (the printed
    one where it only cut the decimals, :func:`bureau.differences.shown_rate`), amounts in ``unit``.

    원인행위 columns appear only when a program has them; 예상 집행률 is what will have been
    spent by the year's end (:func:`year_end_spent`) over 예산현액.
    """
    has_committed = rows["committed"].notna().any()
    spent_name, spent_rate_name = spent_names(has_committed)
    frame = pd.DataFrame({"사업명": rows["program"].tolist()})
    columns: dict[str, Column] = {}

    def money(name: str, column: str) -> None:
        header = unit_header(name, unit.value)
        frame[header] = amounts(rows[column], EXECUTION_UNIT, unit)
        columns[header] = Column.amount(EXECUTION_UNIT, unit)

    def rates_of(name: str, column: str, printed: str) -> None:
        header = unit_header(name, "%")
        frame[header] = rates(
            [
                None if pd.isna(value) else shown_rate(shown, percent(value, budget))
                for value, budget, shown in zip(rows[column], rows["budget"], rows[printed])
            ]
        )
        columns[header] = Column.rate()

    money("예산현액", "budget")
    if has_committed:
        money("원인행위", "committed")
    money(spent_name, "spent")
    if has_committed:
        rates_of("원인행위 집행률", "committed", "printed_committed_rate")
    rates_of(spent_rate_name, "spent", "printed_spent_rate")
    year = year_end_label(rows)
    money(f"{year}년말 예상액", "expected")
    rows = rows.assign(
        expected_total=list(map(year_end_spent, rows["spent"], rows["expected"], rows["expected_basis"]))
    )
    rates_of(f"{year}년말 예상 집행률", "expected_total", "printed_expected_rate")
    frame["기준일"] = rows["measured_on"].tolist()
    columns["기준일"] = Column.date()
    return Table(frame, columns)


def points_markdown(points: pd.DataFrame, kind: str) -> list[str]:
    """추진방향·추진내용·향후계획 bullets as Markdown lines, with their printed period."""
    lines = []
    for row in points[points["kind"] == kind].itertuples():
        heading = f"**{markdown_text(f'({row.heading})')}** " if isinstance(row.heading, str) else ""
        period = f" : {markdown_text(row.period_text)}" if isinstance(row.period_text, str) else ""
        lines.append(f"- {heading}{markdown_text(row.text)}{period}")
        if isinstance(row.detail, str):
            lines.extend(f"    - {markdown_text(part)}" for part in row.detail.split(";"))
    return lines


#: The footnote under a table for each kind of difference: its lead and one part per figure.
CAPTIONS = {
    Kind.ARITHMETIC: (
        "※ 보고서 표기와 다름(표에는 재계산 값): ",
        "{figure} 보고서 {printed} → 재계산 {recomputed}",
    ),
    Kind.ROUNDING: (
        "※ 보고서는 소수점 이하를 버려 적음(표에는 보고서 값): ",
        "{subject} {figure} {printed}(계산 {recomputed})",
    ),
}


def difference_captions(reconciliations: pd.DataFrame, table_name: str) -> list[str]:
    """One-line footnotes under a table whose printed figures differ from ours: the
    recomputed figure for an arithmetic difference, the unrounded one where decimals were cut."""
    found = []
    for kind, (lead, part) in CAPTIONS.items():
        rows = reconciliations[
            (reconciliations["table_name"] == table_name) & (reconciliations["kind"] == kind)
        ]
        if not rows.empty:
            found.append(
                lead + "; ".join(markdown_text(part.format(**row._asdict())) for row in rows.itertuples())
            )
    return found
