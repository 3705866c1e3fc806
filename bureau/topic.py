"""What a topic of the report is to the dashboard: its tables (with their checks), page, briefing,
KPIs and slides.

Each topic package (``bureau/topics/<slug>/``) declares one :class:`Topic`; the registry
``bureau.topics.TOPICS`` lists them in the report's order, and the build, the navigation, the
executive briefing, the deck and the workbook all read it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import duckdb

from bureau.highlights import Highlight
from bureau.kpi import Kpi
from bureau.pack.spec import SlideSpec
from bureau.schema import Table
from bureau.units import UnitView

#: ``(con, as_of, units, dept)`` → the topic's lines of the executive briefing
BriefingItems = Callable[[duckdb.DuckDBPyConnection, date, UnitView, str | None], list[Highlight]]
#: ``(con, as_of, units, dept)`` → the KPI row of the topic's page for one report (the page shows
#: each KPI's change since the previous report, the briefing the largest of them)
KpiBuilder = Callable[[duckdb.DuckDBPyConnection, date, UnitView, str | None], list[Kpi]]
#: ``(con, as_of)`` → the topic's slides of the council deck
SlideBuilder = Callable[[duckdb.DuckDBPyConnection, date], list[SlideSpec]]


@dataclass(frozen=True)
class Page:
    """The topic's page: ``pages/<slug>.py``, its menu title and icon."""

    title: str
    icon: str


@dataclass(frozen=True)
class Topic:
    slug: str
    tables: tuple[Table, ...]
    page: Page | None = None
    briefing: BriefingItems | None = None
    kpis: KpiBuilder | None = None
    slides: SlideBuilder | None = None

    @property
    def table_names(self) -> tuple[str, ...]:
        return tuple(table.name for table in self.tables)
