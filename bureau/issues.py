"""Calculations shared by the 현안 업무 pages: execution tables and the department filter."""

from __future__ import annotations

import pandas as pd

from bureau.format import markdown_text
from bureau.metrics import percent
from bureau.table import Column, Table, amounts, rates, unit_header
from bureau.units import Unit

#: program_execution amounts are in 천원.
EXECUTION_UNIT = Unit.THOUSAND


def effective_dept(dept: str | None, issue_departments: list[str]) -> str | None:
    """The department filter to apply on an issue's page: the chosen one when it staffs
    the issue, otherwise none (the whole issue is shown)."""
    return dept if dept in issue_departments else None


def execution_table(rows: pd.DataFrame, unit: Unit) -> Table:
    """The report's 집행현황 table with every rate recomputed from the amounts, amounts in ``unit``.

    원인행위 columns appear only when a program has them; 예상 집행률 is 예상액 ÷ 예산현액,
    as in the report's other execution tables.
    """
    has_committed = rows["committed"].notna().any()
    spent_name = "지출액" if has_committed else "집행액"
    frame = pd.DataFrame({"사업명": rows["program"].tolist()})
    columns: dict[str, Column] = {}

    def money(name: str, column: str) -> None:
        header = unit_header(name, unit.value)
        frame[header] = amounts(rows[column], EXECUTION_UNIT, unit)
        columns[header] = Column.amount(EXECUTION_UNIT, unit)

    def rates_of(name: str, column: str) -> None:
        header = unit_header(name, "%")
        frame[header] = rates(
            [
                None if pd.isna(value) else percent(value, budget)
                for value, budget in zip(rows[column], rows["budget"])
            ]
        )
        columns[header] = Column.rate()

    money("예산현액", "budget")
    if has_committed:
        money("원인행위", "committed")
    money(spent_name, "spent")
    if has_committed:
        rates_of("원인행위 집행률", "committed")
    rates_of(f"{spent_name} 집행률", "spent")
    year = f"’{rows['measured_on'].iloc[0]:%y}" if len(rows) else ""
    money(f"{year}년말 예상액", "expected")
    rates_of(f"{year}년말 예상 집행률", "expected")
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


def discrepancy_caption(discrepancies: pd.DataFrame, table_name: str) -> str | None:
    """A one-line reminder under a table whose printed figures differ from ours."""
    rows = discrepancies[discrepancies["table_name"] == table_name]
    if rows.empty:
        return None
    parts = [
        markdown_text(f"{row.figure} 보고서 {row.printed} → 재계산 {row.recomputed}")
        for row in rows.itertuples()
    ]
    return "※ 보고서 표기와 다름(표에는 재계산 값): " + "; ".join(parts)
