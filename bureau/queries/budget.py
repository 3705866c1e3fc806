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

    ``side`` is 세입 or 세출; ``dept`` keeps the lines of one department.
    """
    return frame(
        con,
        """
        SELECT fiscal_year, side, item_id, parent_id, item, dept, prior_budget, budget, actual,
               printed_change, printed_change_rate, printed_actual_rate
        FROM budget
        WHERE as_of = ? AND (? IS NULL OR side = ?) AND (? IS NULL OR dept = ?)
        ORDER BY side, sort_order
        """,
        [as_of, side, side, dept, dept],
    )
