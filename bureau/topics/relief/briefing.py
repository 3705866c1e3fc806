"""The executive briefing's 영남 산불 피해 구호 items (see bureau.briefing) and the page's KPI row."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from bureau.highlights import Highlight
from bureau.kpi import Kpi
from bureau.topics.relief import calc as relief
from bureau.topics.relief import queries as relief_queries
from bureau.topics.report import queries as issue_queries
from bureau.topics.report.calc import effective_dept
from bureau.units import UnitView

#: The relief page's slug, which is also its topic in the shared tables.
RELIEF_PAGE = "relief"


def relief_figures(
    con: duckdb.DuckDBPyConnection, as_of: date, dept: str | None = None
) -> tuple[relief.SupplyTotals, pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame] | None:
    """What the relief did at ``as_of``: supply totals, funds, the fund's execution, volunteers
    and donations. With ``dept`` (one that staffs the issue, as on the relief page) only its
    rows: 인력개발과 ran the 성금 alone. None when the report has no relief issue."""
    issues = issue_queries.current_issues(con, as_of)
    relief_issues = issues[issues["page"] == RELIEF_PAGE]
    if relief_issues.empty:
        return None
    staffed = issue_queries.issue_departments(con, as_of, int(relief_issues["issue_no"].iloc[0]))
    dept = effective_dept(dept, staffed)
    return (
        relief.supply_totals(
            relief_queries.supplies(con, as_of, dept=dept),
            issue_queries.printed_figures(con, as_of, RELIEF_PAGE),
        ),
        relief_queries.funds(con, as_of, dept=dept),
        issue_queries.program_execution(con, as_of, RELIEF_PAGE, dept=dept),
        relief_queries.volunteers(con, as_of, dept=dept),
        relief_queries.donations(con, as_of, dept=dept),
    )


def relief_item(
    con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None
) -> list[Highlight]:
    """One sentence of what the relief did (:func:`relief_figures`): 구호물품, 구호금, the
    fund's 집행률, 자원봉사 and 직원 성금."""
    found = relief_figures(con, as_of, dept)
    parts = [] if found is None else relief.summary_parts(*found, units)
    if not parts:
        return []
    text = "산불 피해 구호: " + ", ".join(words for words, _ in parts)
    return [Highlight("relief", "delivered", "info", "산불 피해 구호", text, parts[0][1], None, RELIEF_PAGE)]


def kpis(con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None) -> list[Kpi]:
    """The relief page's KPI row (:func:`bureau.topics.relief.calc.headlines`) of
    :func:`relief_figures`."""
    found = relief_figures(con, as_of, dept)
    if found is None:
        return []
    totals, funds, execution, volunteers, donations = found
    return relief.headlines(totals, funds, volunteers, donations, execution, units)
