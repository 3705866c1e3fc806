"""Queries shared by the 현안 업무 pages: the issues and their contacts, points, program execution,
printed figures and each topic's reconciliations."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from bureau.sql import frame, with_dates


def issue_points(
    con: duckdb.DuckDBPyConnection, as_of: date, issue_no: int, dept: str | None = None
) -> pd.DataFrame:
    """추진방향·추진내용·향후계획 of one current issue, in the report's order."""
    points = frame(
        con,
        """
        SELECT kind, seq, dept, heading, text, detail, period_text, start, "end"
        FROM issue_points
        WHERE as_of = ? AND issue_no = ? AND (? IS NULL OR dept = ?)
        ORDER BY CASE kind WHEN '추진방향' THEN 1 WHEN '추진내용' THEN 2 ELSE 3 END, seq
        """,
        [as_of, issue_no, dept, dept],
    )
    return with_dates(points, "start", "end")


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


def program_execution(
    con: duckdb.DuckDBPyConnection, as_of: date, topic: str, dept: str | None = None
) -> pd.DataFrame:
    """A topic's 예산·기금 집행현황 rows (of one department), amounts in 천원, printed rates beside them."""
    rows = frame(
        con,
        """
        SELECT measured_on, dept, program, budget, committed, spent, printed_committed_rate,
               printed_spent_rate, expected, expected_basis, printed_expected_rate
        FROM program_execution WHERE as_of = ? AND topic = ? AND (? IS NULL OR dept = ?)
        ORDER BY program
        """,
        [as_of, topic, dept, dept],
    )
    return with_dates(rows, "measured_on")


def printed_figures(con: duckdb.DuckDBPyConnection, as_of: date, topic: str) -> pd.DataFrame:
    return frame(
        con,
        """
        SELECT figure_id, label, value, unit, printed_text
        FROM printed_figures WHERE as_of = ? AND topic = ? ORDER BY figure_id
        """,
        [as_of, topic],
    )


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


def contacts(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    return frame(
        con,
        "SELECT issue_no, dept, position, name, phone FROM contacts "
        "WHERE as_of = ? ORDER BY issue_no, sort_order",
        [as_of],
    )
