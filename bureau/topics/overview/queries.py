"""조직·부서·자치구 여건 queries for the overview page."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from bureau.selection import selector
from bureau.sql import frame
from bureau.topics.overview.tables import TABLES

select = selector(TABLES)

#: All departments of a report in the report's order, with teams and headcount.
departments = select("departments", ("dept", "kind", "divisions", "teams", "headcount", "founded"))
#: 자치구·동 행정여건, keyed by ``indicator_id`` and ``reference``.
district_indicators = select("district_indicators")


def bureau_totals(con: duckdb.DuckDBPyConnection, as_of: date) -> dict[str, int]:
    """과 수, 사업소 수 and headcount computed from the department rows (유관기관 excluded)."""
    row = con.execute(
        """
        SELECT count(*) FILTER (WHERE kind = '과'),
               count(*) FILTER (WHERE kind = '사업소'),
               CAST(coalesce(sum(headcount) FILTER (WHERE kind IN ('과', '사업소')), 0) AS BIGINT),
               CAST(coalesce(sum(teams) FILTER (WHERE kind = '과'), 0) AS BIGINT)
        FROM departments WHERE as_of = ?
        """,
        [as_of],
    ).fetchone()
    return dict(zip(("departments", "field_offices", "headcount", "teams"), row))


def duties(con: duckdb.DuckDBPyConnection, as_of: date, dept: str | None = None) -> pd.DataFrame:
    return frame(
        con,
        """
        SELECT u.dept, u.seq, u.duty FROM duties u
        JOIN departments d USING (as_of, dept)
        WHERE u.as_of = ? AND (? IS NULL OR u.dept = ?)
        ORDER BY d.sort_order, u.seq
        """,
        [as_of, dept, dept],
    )
