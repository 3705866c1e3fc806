"""The executive briefing's 직거래장터 items (see bureau.briefing) and the page's KPI row."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.format import number
from bureau.highlights import Highlight
from bureau.kpi import Kpi
from bureau.topics.markets import calc as markets
from bureau.topics.markets import queries as market_queries
from bureau.units import UnitView


def markets_item(
    con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None
) -> list[Highlight]:
    changes = markets.kpi_changes(market_queries.kpis(con, as_of))
    if not changes:
        return []
    parts = [
        f"{item.label} {number(item.a)}→{number(item.b)}{item.unit}(+{item.rate_text}%)" for item in changes
    ]
    biggest = max(changes, key=lambda item: item.rate or 0)
    text = f"직거래장터 {biggest.year_b}년 계획: " + ", ".join(parts)
    return [
        Highlight(
            "markets",
            "growth",
            "info",
            "직거래장터",
            text,
            f"+{biggest.rate_text}%",
            biggest.rate,
            "markets",
        )
    ]


def kpis(con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None) -> list[Kpi]:
    """Each indicator of the 운영 계획 with its increase
    (:func:`bureau.topics.markets.calc.kpi_headlines`)."""
    return markets.kpi_headlines(markets.kpi_changes(market_queries.kpis(con, as_of)))
