"""The executive briefing: each topic's sentences with their figure (``Topic.briefing``), computed
from the same queries and calculations as the topic pages, then the report check. The overview
shows it; the deck repeats it."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau import differences
from bureau.highlights import Highlight
from bureau.topics import TOPICS
from bureau.topics.report import meta
from bureau.topics.report import queries as issue_queries
from bureau.units import UnitMode, UnitView


def report_check_item(con: duckdb.DuckDBPyConnection, as_of: date) -> list[Highlight]:
    """How the report's printed derived figures compare with ours, counted by kind."""
    found = meta.reconciliations(con, as_of)
    if found.empty:
        return []
    differing = sum(differences.counts(found).values())
    return [
        Highlight(
            "overview",
            "report_check",
            "info",
            "보고서 검증",
            f"보고서 검증: {differences.summary(found)}",
            differences.counts_text(found),
            differing,
            "",
        )
    ]


def briefing(
    con: duckdb.DuckDBPyConnection,
    as_of: date,
    unit: UnitMode = UnitMode.REPORT,
    dept: str | None = None,
) -> list[Highlight]:
    """Five to eight highlights across every topic, in the report's order of topics; amounts
    in the unit ``unit`` mode gives each. With ``dept``: its budget lines and the issues it
    leads or staffs."""
    units = UnitView(UnitMode(unit), meta.printed_units(con, as_of))
    issue_pages = set(issue_queries.current_issues(con, as_of)["page"])
    shown_pages = set(issue_queries.current_issues(con, as_of, dept)["page"])
    items = [
        item
        for topic in TOPICS
        if topic.briefing is not None
        for item in topic.briefing(con, as_of, units, dept)
        if item.page not in issue_pages or item.page in shown_pages
    ]
    return items + report_check_item(con, as_of)
