"""The 개요 page's views, one per panel (a panel whose data fails is shown as failed alone):
each ``(con, as_of, …)`` returns what its panel shows for one report, unit and department
(see :mod:`bureau.view`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd
import plotly.graph_objects as go

from bureau import differences
from bureau.table import Table
from bureau.topics.budget import calc as budget
from bureau.topics.budget.queries import budget_lines
from bureau.topics.overview import charts
from bureau.topics.overview import queries as org
from bureau.topics.overview.calc import Fact, district_facts
from bureau.topics.overview.district import Indicators
from bureau.topics.report import meta
from bureau.topics.report import queries as issue_queries
from bureau.topics.report.calc import contacts_for
from bureau.units import Unit, UnitMode, UnitView

#: The departments table's columns as the 부서별 인원 chart's 표로 보기 names them.
DEPARTMENT_COLUMNS = {
    "dept": "부서",
    "kind": "구분",
    "divisions": "부",
    "teams": "팀",
    "headcount": "인원(명)",
    "founded": "설립",
}
#: Not counted in the bureau's figures (shown apart, in a note).
AFFILIATE = "유관기관"


def facts(con: duckdb.DuckDBPyConnection, as_of: date, mode: UnitMode) -> list[Fact]:
    """자치구·동 행정여건 as sentences (:func:`bureau.topics.overview.calc.district_facts`)."""
    units = UnitView(mode, meta.printed_units(con, as_of))
    indicators = Indicators.from_frame(org.district_indicators(con, as_of))
    return district_facts(indicators, units.of("district_indicators"))


@dataclass(frozen=True)
class Checks:
    """The report's figures that differ from ours, by kind (:func:`bureau.differences.table`)."""

    table: pd.DataFrame
    label: str


def checks(con: duckdb.DuckDBPyConnection, as_of: date) -> Checks:
    checked = meta.reconciliations(con, as_of)
    return Checks(differences.table(checked), differences.table_label(checked))


@dataclass(frozen=True)
class DepartmentBudget:
    table: Table
    unit: Unit


def department_budget(
    con: duckdb.DuckDBPyConnection, as_of: date, mode: UnitMode, dept: str
) -> DepartmentBudget | None:
    """The department's 사업비 lines in the budget's unit, or None without any."""
    lines = budget_lines(con, as_of, dept=dept)
    if lines.empty:
        return None
    unit = UnitView(mode, meta.printed_units(con, as_of)).of("budget")
    return DepartmentBudget(budget.lines_table(lines, unit), unit)


@dataclass(frozen=True)
class Headcount:
    """The 부서별 인원 chart and its table."""

    figure: go.Figure
    table: pd.DataFrame


def headcount(con: duckdb.DuckDBPyConnection, as_of: date) -> Headcount:
    departments = org.departments(con, as_of)
    return Headcount(
        charts.headcount_by_department(departments[departments["kind"] != AFFILIATE]),
        departments.rename(columns=DEPARTMENT_COLUMNS),
    )


@dataclass(frozen=True)
class Duties:
    """Each department's duties in the report's order, and the 유관기관 rows (named tuples
    of the departments' columns), which the bureau's figures leave out."""

    by_department: list[tuple[str, list[str]]]
    affiliates: list[tuple]


def duties(con: duckdb.DuckDBPyConnection, as_of: date) -> Duties:
    listed = org.duties(con, as_of)
    departments = org.departments(con, as_of)
    return Duties(
        [(name, rows["duty"].tolist()) for name, rows in listed.groupby("dept", sort=False)],
        list(departments[departments["kind"] == AFFILIATE].itertuples()),
    )


def issue_cards(
    con: duckdb.DuckDBPyConnection, as_of: date, dept: str | None
) -> list[tuple[tuple, list[tuple]]]:
    """Each current issue shown (a named tuple) with its 담당자 shown (named tuples)."""
    contacts = issue_queries.contacts(con, as_of)
    return [
        (issue, list(contacts_for(contacts, issue.issue_no, dept).itertuples()))
        for issue in issue_queries.current_issues(con, as_of, dept).itertuples()
    ]
