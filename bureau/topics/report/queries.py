"""Queries shared by the 현안 업무 pages: the issues and their contacts, points, program execution,
printed figures and each topic's reconciliations."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from bureau.selection import selector
from bureau.sql import frame
from bureau.topics.report.tables import TABLES

select = selector(TABLES)

#: 추진방향·추진내용·향후계획 of one current issue (``issue_no``), in the report's order.
issue_points = select(
    "issue_points",
    ("kind", "seq", "dept", "heading", "text", "detail", "period_text", "start", "end"),
    by=("issue_no",),
)
#: A topic's 예산·기금 집행현황 rows (of one department), amounts in 천원, printed rates beside them.
program_execution = select(
    "program_execution",
    (
        "measured_on",
        "dept",
        "program",
        "budget",
        "committed",
        "spent",
        "printed_committed_rate",
        "printed_spent_rate",
        "expected",
        "expected_basis",
        "printed_expected_rate",
    ),
    by=("topic",),
)
printed_figures = select(
    "printed_figures", ("figure_id", "label", "value", "unit", "printed_text"), by=("topic",)
)
contacts = select("contacts", ("issue_no", "dept", "position", "name", "phone"))


def issue_departments(con: duckdb.DuckDBPyConnection, as_of: date, issue_no: int) -> list[str]:
    """The departments that staff an issue (its 담당자), lead department first."""
    rows = con.execute(
        """
        SELECT dept FROM contacts WHERE as_of = ? AND issue_no = ?
        GROUP BY dept ORDER BY min(sort_order)
        """,
        [as_of, issue_no],
    ).fetchall()
    return [row[0] for row in rows]


def topic_reconciliations(
    con: duckdb.DuckDBPyConnection, as_of: date, topic: str, discrepancies_only: bool = False
) -> pd.DataFrame:
    """Printed-vs-recomputed comparisons made by one topic's checks."""
    return frame(
        con,
        """
        SELECT table_name, row_key, subject, figure, rule, printed, recomputed, matches, kind, note
        FROM reconciliation
        WHERE as_of = ? AND topic = ? AND (NOT ? OR NOT matches)
        ORDER BY table_name, row_key, figure
        """,
        [as_of, topic, discrepancies_only],
    )


def current_issues(con: duckdb.DuckDBPyConnection, as_of: date, dept: str | None = None) -> pd.DataFrame:
    """The report's current issues; with ``dept``, those it leads or staffs."""
    return frame(
        con,
        """
        SELECT i.issue_no, i.title, i.lead_dept, i.page, i.goal, i.attachment
        FROM current_issues i
        WHERE i.as_of = ? AND (? IS NULL OR i.lead_dept = ? OR EXISTS (
            SELECT 1 FROM contacts c
            WHERE c.as_of = i.as_of AND c.issue_no = i.issue_no AND c.dept = ?))
        ORDER BY i.issue_no
        """,
        [as_of, dept, dept, dept],
    )
