"""The 개요 page's view: the bureau, its departments, the district conditions, the report's
checks and current issues for one report, unit and department (see :mod:`bureau.view`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

import duckdb
import pandas as pd
import plotly.graph_objects as go

from bureau import differences
from bureau.briefing import briefing
from bureau.highlights import Highlight
from bureau.kpi import Kpi
from bureau.table import Table
from bureau.topics.budget import calc as budget
from bureau.topics.budget.queries import budget_lines
from bureau.topics.overview import queries as org
from bureau.topics.overview.calc import Fact, department_kpis, district_facts
from bureau.topics.overview.charts import headcount_by_department
from bureau.topics.overview.district import Indicators
from bureau.topics.report import meta
from bureau.topics.report import queries as issue_queries
from bureau.topics.report.calc import contacts_for
from bureau.units import UnitMode, UnitView

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


@dataclass(frozen=True, eq=False)
class OverviewView:
    """One report's overview with ``dept`` (or the whole bureau), amounts in ``units``."""

    as_of: date
    units: UnitView
    dept: str | None
    totals: dict[str, int]
    departments: pd.DataFrame
    duties: pd.DataFrame
    indicators: pd.DataFrame
    checked: pd.DataFrame
    briefing: list[Highlight]
    issues: pd.DataFrame
    contacts: pd.DataFrame
    budget_lines: pd.DataFrame

    @classmethod
    def load(
        cls, con: duckdb.DuckDBPyConnection, as_of: date, mode: UnitMode, dept: str | None
    ) -> OverviewView:
        return cls(
            as_of,
            UnitView(mode, meta.printed_units(con, as_of)),
            dept,
            org.bureau_totals(con, as_of),
            org.departments(con, as_of),
            org.duties(con, as_of),
            org.district_indicators(con, as_of),
            meta.reconciliations(con, as_of),
            briefing(con, as_of, mode, dept),
            issue_queries.current_issues(con, as_of, dept),
            issue_queries.contacts(con, as_of),
            budget_lines(con, as_of, dept=dept) if dept else pd.DataFrame(),
        )

    @cached_property
    def facts(self) -> list[Fact]:
        """자치구·동 행정여건 as sentences (:func:`bureau.topics.overview.calc.district_facts`)."""
        return district_facts(Indicators.from_frame(self.indicators), self.units.of("district_indicators"))

    @cached_property
    def differing(self) -> pd.DataFrame:
        """The report's figures that differ from ours, by kind (:func:`bureau.differences.table`)."""
        return differences.table(self.checked)

    @cached_property
    def differing_label(self) -> str:
        return differences.table_label(self.checked)

    @cached_property
    def department_kpis(self) -> list[Kpi]:
        return department_kpis(self.departments[self.departments["dept"] == self.dept].iloc[0])

    @cached_property
    def department_duties(self) -> list[str]:
        return self.duties.loc[self.duties["dept"] == self.dept, "duty"].tolist()

    @cached_property
    def department_budget(self) -> Table | None:
        """The department's 사업비 lines in the budget's unit, or None without any."""
        if self.budget_lines.empty:
            return None
        return budget.lines_table(self.budget_lines, self.units.of("budget"))

    @cached_property
    def headcount(self) -> go.Figure:
        return headcount_by_department(self.departments[self.departments["kind"] != AFFILIATE])

    @cached_property
    def department_table(self) -> pd.DataFrame:
        return self.departments.rename(columns=DEPARTMENT_COLUMNS)

    @cached_property
    def duties_by_department(self) -> list[tuple[str, list[str]]]:
        """Each department's duties, in the report's order."""
        return [(name, rows["duty"].tolist()) for name, rows in self.duties.groupby("dept", sort=False)]

    @cached_property
    def affiliates(self) -> list[tuple]:
        """The 유관기관 rows (named tuples of the departments' columns)."""
        return list(self.departments[self.departments["kind"] == AFFILIATE].itertuples())

    @cached_property
    def issue_cards(self) -> list[tuple[tuple, list[tuple]]]:
        """Each current issue shown (a named tuple) with its 담당자 shown (named tuples)."""
        return [
            (issue, list(contacts_for(self.contacts, issue.issue_no, self.dept).itertuples()))
            for issue in self.issues.itertuples()
        ]
