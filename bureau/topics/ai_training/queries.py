"""AI 교육 queries: goal, progress by grade group, tiers, stages, roles, programmes, next steps."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from bureau.sql import frame


def goal(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    """The goal row: course, plan, period_start, goal_share, times_per_year, printed figures."""
    return frame(
        con,
        "SELECT dept, course, plan, period_start, goal_share, times_per_year, printed_trained, "
        "printed_share_of_staff FROM ai_training_goal WHERE as_of = ? ORDER BY course",
        [as_of],
    )


def progress(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    """Trained people (명) by grade group in the report's order."""
    return frame(
        con,
        "SELECT grade_group, trained FROM ai_training_progress WHERE as_of = ? ORDER BY sort_order",
        [as_of],
    )


def course_tiers(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    return frame(
        con,
        "SELECT tier, grade_group FROM ai_course_tiers WHERE as_of = ? ORDER BY sort_order",
        [as_of],
    )


def stages(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    return frame(
        con,
        "SELECT stage, title, goal, audience FROM ai_stages WHERE as_of = ? ORDER BY stage",
        [as_of],
    )


def stage_roles(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    return frame(
        con,
        "SELECT stage, agency, agency_order, seq, role FROM ai_stage_roles "
        "WHERE as_of = ? ORDER BY stage, agency_order, seq",
        [as_of],
    )


def programmes(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    return frame(
        con,
        "SELECT programme_id, stage, agency, name, audience, courses, duration_months, "
        "cohorts_per_year, per_cohort FROM ai_programmes WHERE as_of = ? ORDER BY sort_order",
        [as_of],
    )


def next_steps(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    return frame(con, "SELECT seq, step FROM ai_next_steps WHERE as_of = ? ORDER BY seq", [as_of])
