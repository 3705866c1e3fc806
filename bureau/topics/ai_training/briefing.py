"""The executive briefing's AI 교육 items (see bureau.briefing)."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.format import number, rate
from bureau.highlights import Highlight
from bureau.topics.ai_training import calc as ai_training
from bureau.topics.ai_training import queries as ai_queries
from bureau.units import UnitView


def ai_item(
    con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None
) -> list[Highlight]:
    goal, progress = ai_queries.goal(con, as_of), ai_queries.progress(con, as_of)
    if goal.empty or progress.empty:
        return []
    summary = ai_training.summarise(goal, progress, as_of)
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
