"""The executive briefing's 영남 산불 피해 구호 items (see bureau.briefing)."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.format import money, rate
from bureau.highlights import Highlight
from bureau.metrics import percent
from bureau.topics.relief import calc as relief
from bureau.topics.relief import queries as relief_queries
from bureau.topics.report import queries as issue_queries
from bureau.units import UnitView


def relief_item(
    con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None
) -> list[Highlight]:
    supplies = relief_queries.supplies(con, as_of)
    funds = relief_queries.funds(con, as_of)
    if supplies.empty or funds.empty:
        return []
    totals = relief.supply_totals(supplies, issue_queries.printed_figures(con, as_of, "relief"))
    fund_total = funds[funds["parent_id"].isna()]["amount"].sum()
    execution = issue_queries.program_execution(con, as_of, "relief")
    spent = ""
    if not execution.empty:
        row = execution.iloc[0]
        spent = f", 재해구호 사업비 집행률 {rate(percent(row['spent'], row['budget']))}%"
    approx = f"{totals.printed_approx}: " if totals.printed_approx else ""
    funds_text = money(fund_total, relief.FUND_UNIT, units.of("relief_funds"))
    text = f"산불 피해 구호: 구호물품 {approx}{totals.breakdown}, 구호금 {funds_text} 지원{spent}"
    return [
        Highlight(
            "relief",
            "delivered",
            "info",
            "산불 피해 구호",
            text,
            funds_text,
            None,
            "relief",
        )
    ]
