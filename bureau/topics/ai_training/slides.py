"""Council deck slides: AI 교육, from the same queries and calculations as the page."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.format import number, rate
from bureau.pack.spec import ChartSpec, SlideSpec
from bureau.topics.ai_training import calc as ai_training
from bureau.topics.ai_training import queries as ai_queries
from bureau.topics.ai_training.briefing import summary_at


def ai_slides(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    summary = summary_at(con, as_of)
    if summary is None:
        return []
    progress = ai_queries.progress(con, as_of)
    bullets = [
        f"{summary.course} {number(summary.printed_trained)}명 이수 "
        f"(전 직원의 {rate(summary.printed_share)}%)",
        f"목표: 전 직원 연 {summary.times_per_year}회 이수",
        ai_training.estimate_line(summary),
    ]
    return [
        SlideSpec(
            "AI 역량 강화 교육",
            bullets,
            ChartSpec(
                "column",
                progress["grade_group"].tolist(),
                {"이수 인원": [float(v) for v in progress["trained"]]},
                "명",
            ),
        )
    ]
