"""Small helpers for SQL whose identifiers come from code, never from users.

Values are always bound as parameters; only table and column names defined in
``bureau.schema`` pass through :func:`identifier`.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd


def identifier(name: str) -> str:
    """Quote a table or column name for DuckDB."""
    return '"' + name.replace('"', '""') + '"'


def frame(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = ()) -> pd.DataFrame:
    """Run a parameterised query and return its result as a DataFrame."""
    return con.execute(sql, list(params)).df()


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
