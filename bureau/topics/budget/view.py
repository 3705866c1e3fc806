"""The 예산 현황 page's view: its tables, KPIs, highlights and figures for one report, unit
and department (see :mod:`bureau.view`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

import duckdb
import pandas as pd
import plotly.graph_objects as go

from bureau.highlights import Highlight
from bureau.table import Table
from bureau.topics.budget import calc as budget
from bureau.topics.budget import charts
from bureau.topics.budget.queries import budget_lines, lines_of_the_year
from bureau.topics.report import meta
from bureau.units import Unit, UnitMode, UnitView
from bureau.view import part

#: Each side's table as the report heads it.
TITLES = {"세입": "세입총괄", "세출": "세출총괄"}


@dataclass(frozen=True, eq=False)
class BudgetView:
    """``everything``: all of the report's lines; ``lines``: the department's (all of them
    without a department); amounts shown in ``unit``. ``sides`` and ``levels`` (the page's
    own settings) are the parts' arguments."""

    as_of: date
    unit: Unit
    dept: str | None
    everything: pd.DataFrame
    lines: pd.DataFrame
    reconciliations: pd.DataFrame
    #: the department's lines at every report of this fiscal year so far (the rates across them)
    reports_of_the_year: dict[date, pd.DataFrame]

    @classmethod
    def load(
        cls, con: duckdb.DuckDBPyConnection, as_of: date, mode: UnitMode, dept: str | None
    ) -> BudgetView:
        unit = UnitView(mode, meta.printed_units(con, as_of)).of("budget")
        return cls(
            as_of,
            unit,
            dept,
            budget_lines(con, as_of),
            budget_lines(con, as_of, dept=dept),
            meta.reconciliations(con, as_of, table_name="budget"),
            lines_of_the_year(con, as_of, dept=dept),
        )

    @cached_property
    def depths(self) -> list[int]:
        """The 표시 수준 choices: 1 (계만) to the deepest level."""
        return list(range(1, budget.depth(self.everything) + 1))

    @part
    def of_sides(self, sides: tuple[str, ...]) -> pd.DataFrame:
        """The department's lines of ``sides``."""
        return self.lines[self.lines["side"].isin(sides)]

    @part
    def side_rows(self, side: str, levels: int | None) -> pd.DataFrame:
        """One side's lines in its report table (``levels``: None for every level)."""
        return budget.of_side(self.lines, side, levels)

    @part
    def discrepancies(self, sides: tuple[str, ...]) -> pd.DataFrame:
        return budget.discrepancies(self.reconciliations, self.of_sides(sides))

    @part
    def highlights(self, sides: tuple[str, ...]) -> list[Highlight]:
        return budget.budget_highlights(self.of_sides(sides), self.as_of, self.unit, self.reconciliations)

    @part
    def report(self, side: str, levels: int | None) -> tuple[Table, Table]:
        """One side's report table on screen (names indented) and as downloaded (not)."""
        rows, notes = self.side_rows(side, levels), budget.row_notes(self.reconciliations, side)
        return (
            budget.lines_table(rows, self.unit, levels=True, notes=notes),
            budget.lines_table(rows, self.unit, levels=True, notes=notes, indent=False),
        )

    @part
    def dominant(self, side: str) -> tuple[str, str, float] | None:
        """The line that hides the others in the side's composition chart, if any."""
        return budget.dominant_line(budget.of_side(self.everything, side))

    @part
    def composition(self, side: str, hide_dominant: bool) -> go.Figure:
        rows = budget.of_side(self.everything, side)
        dominant = self.dominant(side)
        tree = budget.budget_tree(rows, self.unit, [dominant[0]] if hide_dominant and dominant else [])
        return charts.budget_hierarchy(tree, self.unit, f"{budget.years(rows)[1]}년 {TITLES[side]} 구성")

    @part
    def composition_table(self, side: str, levels: int) -> Table:
        rows = budget.within_depth(budget.of_side(self.everything, side), levels)
        return budget.lines_table(rows, self.unit, levels=True)

    @part
    def chart_rows(self, side: str, levels: int) -> pd.DataFrame:
        """One side's lines of the first ``levels`` levels, against the pace of the year."""
        return budget.chart_lines(budget.of_side(self.lines, side, levels), self.as_of)

    @part
    def chart_table(self, side: str, levels: int) -> Table:
        return budget.lines_table(self.chart_rows(side, levels), self.unit, levels=True)

    @part
    def change(self, side: str, levels: int) -> go.Figure:
        rows = self.chart_rows(side, levels)
        return charts.change_by_item(rows, self.unit, f"{side}: {budget.years(rows)[0]}년 대비 증감")

    @part
    def pace(self, side: str, levels: int) -> go.Figure:
        rate_name = budget.ACTUAL_NAMES[side][1]
        return charts.rate_against_pace(
            self.chart_rows(side, levels), f"{side} 항목별 {rate_name}과 연간 경과율", f"{rate_name}(%)"
        )

    @cached_property
    def programs(self) -> pd.DataFrame:
        """Each department's 사업비 line, against the pace of the year."""
        return budget.chart_lines(budget.department_lines(self.everything), self.as_of)

    @cached_property
    def programs_table(self) -> Table:
        return budget.lines_table(self.programs, self.unit)

    @cached_property
    def programs_pace(self) -> go.Figure:
        return charts.rate_against_pace(
            self.programs, "부서별 사업비 집행률과 연간 경과율", "집행률(%)", selected=self.dept
        )

    @cached_property
    def programs_amounts(self) -> go.Figure:
        return charts.programs_by_department(self.programs, self.unit, self.dept)

    @part
    def rates_by_report(self, sides: tuple[str, ...]) -> pd.DataFrame:
        """The rates of ``sides`` at each report of the year, against the pace of each date."""
        return budget.rates_by_report(self.reports_of_the_year, sides)

    @part
    def rates_by_report_figure(self, sides: tuple[str, ...]) -> go.Figure:
        rates = "·".join(budget.ACTUAL_NAMES[side][1] for side in sides)
        return charts.rates_by_report(self.rates_by_report(sides), f"보고 기준일별 {rates}과 연간 경과율")

    @part
    def rates_by_report_table(self, sides: tuple[str, ...]) -> Table:
        return budget.rates_by_report_table(self.rates_by_report(sides))
