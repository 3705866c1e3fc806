"""The executive briefing's AI 교육 items (see bureau.briefing) and the page's KPI row."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.format import number, rate
from bureau.highlights import Highlight
from bureau.kpi import Kpi
from bureau.topics.ai_training import calc as ai_training
from bureau.topics.ai_training import queries as ai_queries
from bureau.units import UnitView


def summary_at(con: duckdb.DuckDBPyConnection, as_of: date) -> ai_training.Summary | None:
    """The report's progress and our projection (from the previous report of the same cycle
    where there is one); None when the report has no AI 교육."""
    goal, progress = ai_queries.goal(con, as_of), ai_queries.progress(con, as_of)
    if goal.empty or progress.empty:
        return None
    return ai_training.summarise(goal, progress, as_of, ai_queries.previous_trained(con, as_of))


def ai_item(
    con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None
) -> list[Highlight]:
    summary = summary_at(con, as_of)
    if summary is None:
        return []
    on_track = summary.projection.on_track
    text = (
        f"AI 교육: {number(summary.printed_trained)}명 이수(전 직원의 {rate(summary.printed_share)}%). "
        f"{ai_training.estimate_line(summary)}{'' if on_track else ' — 연내 목표에 못 미치는 속도'}"
    )
    return [
        Highlight(
            "ai_training",
            "progress",
            "info" if on_track else "notice",
            "AI 교육",
            text,
            f"{rate(summary.printed_share)}%",
            summary.printed_share,
            "ai_training",
        )
    ]


def kpis(con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None) -> list[Kpi]:
    """The page's KPI row (:func:`bureau.topics.ai_training.calc.headline`): the report's figures."""
    summary = summary_at(con, as_of)
    return [] if summary is None else ai_training.headline(summary, ai_queries.progress(con, as_of))
