"""Opening the built database the way the dashboard does: read-only, no external access."""

from __future__ import annotations

from pathlib import Path

import duckdb


def connect_read_only(database: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that cannot read files or URLs through SQL (``read_csv`` …).

    Every reader in a process must use the same settings: DuckDB refuses a second
    connection to the same file with a different configuration.
    """
    return duckdb.connect(str(database), read_only=True, config={"enable_external_access": False})
