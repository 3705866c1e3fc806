"""The executive briefing: each topic's sentences with their figure (``Topic.briefing``), computed
from the same queries and calculations as the topic pages, then the report check. The overview
shows it; the deck repeats it."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau import differences
from bureau.format import korean_date
from bureau.highlights import Highlight
from bureau.kpi import SINCE_PREVIOUS, Movement, movements
from bureau.topic import Topic
from bureau.topics import TOPICS
from bureau.topics.report import meta
from bureau.topics.report import queries as issue_queries
from bureau.units import UnitMode, UnitView

#: The overview's slug: its KPIs need no topic name before them, and its items link nowhere.
OVERVIEW = "overview"


def report_check_item(con: duckdb.DuckDBPyConnection, as_of: date) -> list[Highlight]:
    """How the report's printed derived figures compare with ours, counted by kind."""
    found = meta.reconciliations(con, as_of)
    if found.empty:
        return []
    differing = sum(differences.counts(found).values())
    return [
        Highlight(
            OVERVIEW,
            "report_check",
            "info",
            "보고서 검증",
            f"보고서 검증: {differences.summary(found)}",
            differences.counts_text(found),
            differing,
            "",
        )
    ]


#: How many KPIs' movements the briefing's first line names at most.
MOVEMENTS_SHOWN = 4


def headline_movement(moved: list[Movement]) -> Movement | None:
    """A topic's movement that stands for it: the first KPI of its row that moved by a number
    (the rows lead with their main figure), else the first that moved at all."""
    sized = [item for item in moved if item.size is not None] or moved
    return sized[0] if sized else None


def movements_text(movements: list[tuple[str, Movement]], previous: date) -> str:
    """``직전 보고(2025. 3. 31.) 대비: 인원 365명 → 369명(+4명), AI 교육 이수 인원 …``:
    each KPI named with its topic's prefix (none for the overview's own)."""
    parts = [
        f"{prefix}{item.label} {item.before} → {item.now}"
        + (f"({item.change})" if item.size is not None else "")
        for prefix, item in movements
    ]
    return f"직전 보고({korean_date(previous)}) 대비: " + ", ".join(parts)


def since_previous_item(
    con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None, topics: list[Topic]
) -> list[Highlight]:
    """What changed since the previous report, first: each topic's headline movement
    (:func:`headline_movement` of its KPI row, ``Topic.kpis``), the largest first, at most
    :data:`MOVEMENTS_SHOWN`. Nothing when no report came before or nothing moved."""
    previous = meta.previous_report(con, as_of)
    if previous is None:
        return []
    earlier_units = UnitView(units.mode, meta.printed_units(con, previous))
    found = []
    for topic in topics:
        if topic.kpis is None:
            continue
        now, before = topic.kpis(con, as_of, units, dept), topic.kpis(con, previous, earlier_units, dept)
        item = headline_movement([item for item in movements(now, before) if item.moved])
        if item is not None:
            prefix = "" if topic.slug == OVERVIEW or topic.page is None else f"{topic.page.title} "
            found.append((prefix, item))
    if not found:
        return []
    found.sort(key=lambda pair: -1.0 if pair[1].size is None else -pair[1].size)
    shown = found[:MOVEMENTS_SHOWN]
    return [
        Highlight(
            OVERVIEW,
            "since_previous",
            "info",
            SINCE_PREVIOUS,
            movements_text(shown, previous),
            shown[0][1].change,
            len(found),
            "",
        )
    ]


def briefing(
    con: duckdb.DuckDBPyConnection,
    as_of: date,
    unit: UnitMode = UnitMode.REPORT,
    dept: str | None = None,
) -> list[Highlight]:
    """Five to nine highlights across every topic: what changed since the previous report
    first (where one came before), then each topic's in the report's order of topics; amounts
    in the unit ``unit`` mode gives each. With ``dept``: its budget lines and the issues it
    leads or staffs."""
    units = UnitView(UnitMode(unit), meta.printed_units(con, as_of))
    issue_pages = set(issue_queries.current_issues(con, as_of)["page"])
    shown_pages = set(issue_queries.current_issues(con, as_of, dept)["page"])
    topics = [topic for topic in TOPICS if topic.slug not in issue_pages or topic.slug in shown_pages]
    items = [
        item
        for topic in TOPICS
        if topic.briefing is not None
        for item in topic.briefing(con, as_of, units, dept)
        if item.page not in issue_pages or item.page in shown_pages
    ]
    return since_previous_item(con, as_of, units, dept, topics) + items + report_check_item(con, as_of)
