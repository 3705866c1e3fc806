"""The read-only connection to the database in service, re-opened after a rebuild.

A rebuild publishes a new file with ``os.replace``. An open DuckDB connection keeps
reading the old file, and within one process ``duckdb.connect(path)`` hands back the
old database while any earlier connection to that path is open. So the connection is
keyed by the file's identity (inode, mtime): when it changes, the stale connection is
closed and the new file opened. Every connection is read-only with external access
disabled and its configuration locked, so no query can read files, load extensions or
switch the protections back on.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

#: The configuration of every connection that serves readers.
READ_ONLY_CONFIG: dict[str, object] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


def open_read_only(database: Path | str) -> duckdb.DuckDBPyConnection:
    """A hardened read-only connection to ``database``."""
    return duckdb.connect(str(database), read_only=True, config=dict(READ_ONLY_CONFIG))


def verify(con: duckdb.DuckDBPyConnection) -> None:
    """Read every column of every table once; raise ``duckdb.Error`` if the file is damaged.

    Opening a truncated file can succeed (its catalog is at the start) while the blocks
    of later tables are gone; reading them, which checks each block's checksum, fails.
    Table names come from the file's own catalog.
    """
    tables = con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()")
    for (table,) in tables.fetchall():
        quoted = '"' + table.replace('"', '""') + '"'
        con.execute(f"SELECT max(hash(COLUMNS(*))) FROM {quoted}").fetchall()


def is_usable(database: Path) -> bool:
    """Whether ``database`` exists, reads back whole and names its build."""
    try:
        with open_read_only(database) as con:
            verify(con)
            return con.execute("SELECT count(*) FROM build_info").fetchone() == (1,)
    except (OSError, duckdb.Error):
        return False


def identity(database: Path) -> tuple[str, int, int]:
    """What changes when a rebuild swaps the file: its path, inode and modification time."""
    stat = os.stat(database)
    return (str(database), stat.st_ino, stat.st_mtime_ns)


class LiveConnection:
    """One connection per process to whichever file is in service at ``database``.

    ``with live.use(path) as con:`` holds a lock for the duration of the block (DuckDB
    connections are not shared between threads) and reopens the file after a swap.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._identity: tuple[str, int, int] | None = None
        self._connection: duckdb.DuckDBPyConnection | None = None

    @contextmanager
    def use(self, database: Path) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._lock:
            current = identity(database)
            if current != self._identity or self._connection is None:
                self._close()
                self._connection = open_read_only(database)
                self._identity = current
            yield self._connection

    @property
    def identity(self) -> tuple[str, int, int] | None:
        """The identity of the file currently open (read it inside ``use``)."""
        return self._identity

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection, self._identity = None, None
