"""AI 교육 queries: goal, progress by grade group, tiers, stages, roles, programmes, next steps."""

from __future__ import annotations

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
