"""세입·세출 budget lines."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from bureau.sql import frame


def budget_lines(
    con: duckdb.DuckDBPyConnection,
    as_of: date,
    side: str | None = None,
    dept: str | None = None,
) -> pd.DataFrame:
    """Budget lines of one report in the report's order, amounts in 천원.

    ``side`` is 세입 or 세출; ``dept`` keeps the lines of one department. ``level`` is the
    line's depth in its table (계 = 0) and ``is_leaf`` whether no line sits beneath it.
    """
    return frame(
        con,
        """
        WITH RECURSIVE tree AS (
            SELECT as_of, side, item_id, 0 AS level FROM budget WHERE parent_id IS NULL
            UNION ALL
            SELECT b.as_of, b.side, b.item_id, t.level + 1
            FROM budget b JOIN tree t
              ON b.as_of = t.as_of AND b.side = t.side AND b.parent_id = t.item_id
        )
        SELECT b.fiscal_year, b.side, b.item_id, b.parent_id, b.item, b.dept,
               b.prior_budget, b.budget, b.actual,
               b.printed_change, b.printed_change_rate, b.printed_actual_rate,
               b.sort_order, CAST(t.level AS INTEGER) AS level,
               NOT EXISTS (
                   SELECT 1 FROM budget c
                   WHERE c.as_of = b.as_of AND c.side = b.side AND c.parent_id = b.item_id
               ) AS is_leaf
        FROM budget b JOIN tree t USING (as_of, side, item_id)
        WHERE b.as_of = ? AND (? IS NULL OR b.side = ?) AND (? IS NULL OR b.dept = ?)
        ORDER BY b.side, b.sort_order
        """,
        [as_of, side, side, dept, dept],
    )


def lines_of_the_year(
    con: duckdb.DuckDBPyConnection, as_of: date, dept: str | None = None
) -> dict[date, pd.DataFrame]:
    """:func:`budget_lines` of every report up to ``as_of`` whose budget is of the same fiscal
    year, by 기준일, oldest first (an earlier year's rates measure another budget)."""
    dates = con.execute(
        """
        SELECT DISTINCT as_of FROM budget
        WHERE as_of <= ? AND fiscal_year = (SELECT max(fiscal_year) FROM budget WHERE as_of = ?)
        ORDER BY as_of
        """,
        [as_of, as_of],
    ).fetchall()
    return {day: budget_lines(con, day, dept=dept) for (day,) in dates}
