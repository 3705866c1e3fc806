"""The executive briefing's 세입·세출 items (see bureau.briefing)."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.highlights import Highlight
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
