"""Calculations shared by the 현안 업무 pages: execution tables and the department filter."""

from __future__ import annotations

import pandas as pd

from bureau.format import amount, korean_date, markdown_text, rate
from bureau.metrics import percent
from bureau.units import Unit

#: program_execution amounts are in 천원.
EXECUTION_UNIT = Unit.THOUSAND


def effective_dept(dept: str | None, issue_departments: list[str]) -> str | None:
    """The department filter to apply on an issue's page: the chosen one when it staffs
    the issue, otherwise none (the whole issue is shown)."""
    return dept if dept in issue_departments else None


def execution_table(rows: pd.DataFrame, unit: Unit) -> pd.DataFrame:
    """The report's 집행현황 table with every rate recomputed from the amounts.

    원인행위 columns appear only when a program has them; 예상 집행률 is 예상액 ÷ 예산현액,
    as in the report's other execution tables.
    """
    has_committed = rows["committed"].notna().any()
    spent_name = "지출액" if has_committed else "집행액"

    def money(column: str) -> list[str]:
        return [amount(None if pd.isna(value) else value, EXECUTION_UNIT, unit) for value in rows[column]]

    def rates(column: str) -> list[str]:
        return [
            rate(None if pd.isna(value) else percent(value, budget))
            for value, budget in zip(rows[column], rows["budget"])
        ]

    table = {"사업명": rows["program"].tolist(), "예산현액": money("budget")}
    if has_committed:
        table["원인행위"] = money("committed")
    table[spent_name] = money("spent")
    if has_committed:
        table["원인행위 집행률"] = rates("committed")
    table[f"{spent_name} 집행률"] = rates("spent")
    table["’25년말 예상액"] = money("expected")
    table["’25년말 예상 집행률"] = rates("expected")
    table["기준일"] = [korean_date(day) for day in rows["measured_on"]]
    return pd.DataFrame(table)


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
