"""The executive briefing's 세입·세출 items (see bureau.briefing) and the page's KPI row."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.highlights import Highlight
from bureau.kpi import Kpi
from bureau.topics.budget import calc as budget
from bureau.topics.budget import queries as budget_queries
from bureau.units import UnitView


def budget_items(
    con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None
) -> list[Highlight]:
    """The largest change of each side, and the spending line furthest behind the pace of the
    year (revenue lines only when no spending line lags); with ``dept``, its own lines."""
    lines = budget_queries.budget_lines(con, as_of, dept=dept)
    if lines.empty:
        return []
    found = budget.budget_highlights(lines, as_of, units.of("budget"))
    picks = []
    sides = lines["side"].unique()
    for side in ("세출", "세입"):
        changes = [
            h
            for h in found
            if h.kind in ("increase", "decrease") and (h.subject.startswith(side) or len(sides) == 1)
        ]
        if changes and side in sides:
            picks.append(max(changes, key=lambda item: abs(item.value or 0)))
    behind = [h for h in found if h.kind == "behind_pace"]
    spending = [h for h in behind if not h.subject.startswith("세입")] or behind
    if spending:
        picks.append(min(spending, key=lambda item: item.value if item.value is not None else 0))
    return picks


def kpis(
    con: duckdb.DuckDBPyConnection,
    as_of: date,
    units: UnitView,
    dept: str | None = None,
    sides: tuple[str, ...] = tuple(budget.ACTUAL_NAMES),
) -> list[Kpi]:
    """Each side's 예산현액 and 징수율/집행률 (:func:`bureau.topics.budget.calc.kpis`), of the
    department's lines with ``dept``; ``sides`` keeps 세입 or 세출 only."""
    lines = budget_queries.budget_lines(con, as_of, dept=dept)
    shown = lines[lines["side"].isin(sides)]
    return budget.kpis(shown, as_of, units.of("budget")) if len(shown) else []
