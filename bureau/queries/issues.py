"""Queries shared by the 현안 업무 pages: points, program execution, departments, discrepancies."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from bureau.sql import frame

#: The source tables behind each topic's page (printed_figures and program_execution are
#: shared; their reconciliation rows carry the topic in ``row_key`` as ``topic|...``).
TOPIC_TABLES: dict[str, tuple[str, ...]] = {
    "relief": (
        "relief_supplies",
        "relief_funds",
        "relief_appropriations",
        "relief_volunteers",
        "relief_donations",
        "relief_timeline",
        "relief_tf_members",
    ),
    "markets": ("market_kpis", "market_places", "market_schedule", "market_hope_regions"),
}
SHARED_TABLES = ("printed_figures", "program_execution")


def with_dates(table: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """DATE columns as ``datetime.date`` values (None when missing) rather than pandas
    Timestamps, so calendar code can compare them with plain dates."""
    for column in columns:
        table[column] = pd.Series(
            [None if pd.isna(value) else pd.Timestamp(value).date() for value in table[column]],
            index=table.index,
            dtype=object,
        )
    return table


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
    """Printed-vs-recomputed comparisons behind one topic's page."""
    return frame(
        con,
        """
        SELECT table_name, row_key, subject, figure, rule, printed, recomputed, matches, kind, note
        FROM reconciliation
        WHERE as_of = ? AND (NOT ? OR NOT matches)
          AND (list_contains(?, table_name)
               OR (list_contains(?, table_name) AND split_part(row_key, '|', 1) = ?))
        ORDER BY table_name, row_key, figure
        """,
        [as_of, discrepancies_only, list(TOPIC_TABLES[topic]), list(SHARED_TABLES), topic],
    )
