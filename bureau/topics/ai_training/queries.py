"""AI 교육 queries: goal, progress by grade group, tiers, stages, roles, programmes, next steps."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.selection import selector
from bureau.topics.ai_training.tables import TABLES

select = selector(TABLES)

#: The goal row: course, plan, period_start, goal_share, times_per_year, printed figures.
goal = select("ai_training_goal")
#: Trained people (명) by grade group in the report's order.
progress = select("ai_training_progress", ("grade_group", "trained"))
course_tiers = select("ai_course_tiers", ("tier", "grade_group"))
stages = select("ai_stages", ("stage", "title", "goal", "audience"))
stage_roles = select("ai_stage_roles", ("stage", "agency", "agency_order", "seq", "role"))
programmes = select(
    "ai_programmes",
    (
        "programme_id",
        "stage",
        "agency",
        "name",
        "audience",
        "courses",
        "duration_months",
        "cohorts_per_year",
        "per_cohort",
    ),
)
next_steps = select("ai_next_steps", ("seq", "step"))


def previous_trained(con: duckdb.DuckDBPyConnection, as_of: date) -> tuple[date, int] | None:
    """The latest report before ``as_of`` counting the same training cycle (the same
    ``period_start``): its 기준일 and trained (the grade groups' sum); None when there is none."""
    row = con.execute(
        """
        SELECT p.as_of, CAST(sum(p.trained) AS BIGINT)
        FROM ai_training_progress p JOIN ai_training_goal g ON g.as_of = p.as_of
        WHERE p.as_of < ? AND g.period_start = (SELECT period_start FROM ai_training_goal WHERE as_of = ?)
        GROUP BY p.as_of
        ORDER BY p.as_of DESC
        LIMIT 1
        """,
        [as_of, as_of],
    ).fetchone()
    return None if row is None else (row[0], int(row[1]))
