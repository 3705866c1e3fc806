"""The executive briefing's 직원 주거복지 items (see bureau.briefing) and the page's KPI row."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.format import money, number, rate
from bureau.highlights import Highlight
from bureau.kpi import Kpi
from bureau.topics.housing import calc as housing
from bureau.topics.housing import queries as housing_queries
from bureau.units import UnitView


def housing_item(
    con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None
) -> list[Highlight]:
    applications = housing_queries.applications(con, as_of)
    if applications.empty:
        return []
    result = housing.round_result(applications)
    shown = units.of("housing_applications")
    applied = money(result.applied_amount, housing.BUDGET_UNIT, shown)
    selected = money(result.selected_amount, housing.BUDGET_UNIT, shown)
    text = (
        f"직원 전세자금: {result.half} {number(result.applied)}명({applied}) 신청 중 "
        f"{number(result.selected)}명({selected}) 선정, "
        f"선정률 {rate(result.selection_rate)}%"
    )
    return [
        Highlight(
            "housing",
            "selection",
            "info",
            "주거복지",
            text,
            f"{rate(result.selection_rate)}%",
            result.selection_rate,
            "housing",
        )
    ]


def kpis(con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None) -> list[Kpi]:
    """The page's KPI row (:func:`bureau.topics.housing.calc.headline`): the year's budget and
    the latest round."""
    budget, applications = housing_queries.budget(con, as_of), housing_queries.applications(con, as_of)
    if budget.empty or applications.empty:
        return []
    return housing.headline(budget, housing.round_result(applications), units.of("housing_budget"))
