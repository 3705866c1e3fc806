"""A topic page's KPI row for one report, with what changed since the report before it."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.kpi import Kpi, since_previous
from bureau.topics import TOPICS_BY_SLUG
from bureau.topics.report import meta
from bureau.units import UnitMode, UnitView


def page_kpis(
    con: duckdb.DuckDBPyConnection,
    topic: str,
    as_of: date,
    mode: UnitMode,
    dept: str | None = None,
    **options: object,
) -> list[Kpi]:
    """The KPIs ``Topic.kpis`` of ``topic`` builds for the report of ``as_of`` and ``dept``
    (``options`` are the builder's own, e.g. the budget's sides); when a report came before
    it, each KPI that report has too says what changed since (:func:`bureau.kpi.since_previous`)."""
    build = TOPICS_BY_SLUG[topic].kpis
    if build is None:
        raise ValueError(f"topic {topic!r} declares no KPIs")

    def at(day: date) -> list[Kpi]:
        return build(con, day, UnitView(mode, meta.printed_units(con, day)), dept, **options)

    shown = at(as_of)
    previous = meta.previous_report(con, as_of)
    return shown if previous is None else since_previous(shown, at(previous), previous)
