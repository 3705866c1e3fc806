"""영남 산불 피해지역 구호 지원: each table of the section, optionally one department's rows."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from bureau.sql import frame, with_dates


def supplies(con: duckdb.DuckDBPyConnection, as_of: date, dept: str | None = None) -> pd.DataFrame:
    """구호물품 by category with its counting unit (동, 대, 개)."""
    return frame(
        con,
        """
        SELECT seq, category, quantity, count_unit, dept FROM relief_supplies
        WHERE as_of = ? AND (? IS NULL OR dept = ?) ORDER BY seq
        """,
        [as_of, dept, dept],
    )


def funds(con: duckdb.DuckDBPyConnection, as_of: date, dept: str | None = None) -> pd.DataFrame:
    """구호금 hierarchy (45억 → 5억 + 40억 → 37억 경북 + 3억 경남), amounts in 억원."""
    return with_dates(
        frame(
            con,
            """
            SELECT fund_id, parent_id, seq, stage, region, purpose, granted_on, amount, dept
            FROM relief_funds WHERE as_of = ? AND (? IS NULL OR dept = ?) ORDER BY seq
            """,
            [as_of, dept, dept],
        ),
        "granted_on",
    )


def appropriations(con: duckdb.DuckDBPyConnection, as_of: date, dept: str | None = None) -> pd.DataFrame:
    """재해·재난 구호지원 사업비 전액 소진·긴급편성, amounts in 백만원."""
    return with_dates(
        frame(
            con,
            """
            SELECT seq, event_on, event, program, amount, dept FROM relief_appropriations
            WHERE as_of = ? AND (? IS NULL OR dept = ?) ORDER BY seq
            """,
            [as_of, dept, dept],
        ),
        "event_on",
    )


def volunteers(con: duckdb.DuckDBPyConnection, as_of: date, dept: str | None = None) -> pd.DataFrame:
    return with_dates(
        frame(
            con,
            """
            SELECT seq, activity, volunteer_group, people, countries, applicants, start, "end", work, dept
            FROM relief_volunteers WHERE as_of = ? AND (? IS NULL OR dept = ?) ORDER BY seq
            """,
            [as_of, dept, dept],
        ),
        "start",
        "end",
    )


def donations(con: duckdb.DuckDBPyConnection, as_of: date, dept: str | None = None) -> pd.DataFrame:
    """직원 성금 모금, amount in 천원."""
    return with_dates(
        frame(
            con,
            """
            SELECT start, "end", amount, donors, recipient, delivered, dept FROM relief_donations
            WHERE as_of = ? AND (? IS NULL OR dept = ?) ORDER BY start
            """,
            [as_of, dept, dept],
        ),
        "start",
        "end",
    )


def timeline(con: duckdb.DuckDBPyConnection, as_of: date, dept: str | None = None) -> pd.DataFrame:
    """The response's dated steps, 3.22. first supplies to 4.11. execution."""
    return with_dates(
        frame(
            con,
            """
            SELECT seq, start, "end", category, event, printed_date, printed_weekdays, dept
            FROM relief_timeline WHERE as_of = ? AND (? IS NULL OR dept = ?) ORDER BY seq
            """,
            [as_of, dept, dept],
        ),
        "start",
        "end",
    )


def tf_members(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    return frame(con, "SELECT seq, member FROM relief_tf_members WHERE as_of = ? ORDER BY seq", [as_of])
