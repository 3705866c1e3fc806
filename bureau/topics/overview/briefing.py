"""The overview's KPI rows for one report: the bureau's (the executive briefing says what moved
in it since the previous report, see bureau.briefing) and one department's."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.kpi import Kpi
from bureau.topics.overview import calc
from bureau.topics.overview import queries as org
from bureau.topics.overview.district import Indicators
from bureau.units import UnitView


def bureau_kpis(
    con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None
) -> list[Kpi]:
    """조직, 인원, 팀, 서울시 인구 and the districts' budget: the whole bureau's, whatever ``dept``."""
    indicators = Indicators.from_frame(org.district_indicators(con, as_of))
    facts = calc.district_facts(indicators, units.of("district_indicators"))
    return calc.bureau_kpis(org.bureau_totals(con, as_of), facts)


def department_kpis(
    con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None
) -> list[Kpi]:
    """인원, 팀 and 구분 of ``dept``; none without one, or when the report does not have it."""
    departments = org.departments(con, as_of)
    rows = departments[departments["dept"] == dept]
    return [] if rows.empty else calc.department_kpis(rows.iloc[0])


def kpis(con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None) -> list[Kpi]:
    """The overview's KPIs: the department's with ``dept``, the bureau's otherwise."""
    return (department_kpis if dept else bureau_kpis)(con, as_of, units, dept)
