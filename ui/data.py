"""The read-only DuckDB connection and cached query calls.

The connection is keyed by the database file's identity: after a rebuild swaps in a
new file, the next query closes the stale connection and opens the new one (DuckDB
would otherwise hand back the old database while any connection to the path is open).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import streamlit as st

from bureau import paths
from bureau.build import build, is_stale
from bureau.sources import SourceErrors

_lock = threading.Lock()
_open: dict[str, Any] = {"identity": None, "connection": None, "build_id": None}


def _identity(database: Path) -> tuple[str, int, int]:
    stat = database.stat()
    return (str(database), stat.st_ino, stat.st_mtime_ns)


def _connection() -> duckdb.DuckDBPyConnection:
    """The process-wide connection to the current file (call with ``_lock`` held)."""
    database = paths.database_path()
    identity = _identity(database)
    if identity != _open["identity"]:
        if _open["connection"] is not None:
            _open["connection"].close()
        _open["connection"] = duckdb.connect(
            str(database), read_only=True, config={"enable_external_access": False}
        )
        _open["identity"] = identity
        # Read once per opened file: every run() needs it, and it cannot change for a file.
        _open["build_id"] = _open["connection"].execute("SELECT build_id FROM build_info").fetchone()[0]
    return _open["connection"]


def build_id() -> str:
    """Identifies the database in service; part of every cache key."""
    with _lock:
        _connection()
        return _open["build_id"]


@st.cache_data(show_spinner=False, max_entries=2000)
def _cached(name: str, build: str, arguments: tuple, _query: Callable[..., Any]) -> Any:
    with _lock:
        return _query(_connection(), **dict(arguments))


def run(query: Callable[..., Any], **arguments: Any) -> Any:
    """Call ``query(connection, **arguments)`` once per database build and arguments."""
    name = f"{query.__module__}.{query.__qualname__}"
    return _cached(name, build_id(), tuple(sorted(arguments.items())), query)


def ensure_database() -> list[str]:
    """Build the database when it is missing or older than data/sources.

    Returns the build errors to show when the sources are bad; the last good database
    then stays in service. Stops the page when there is none at all.
    """
    sources, database = paths.sources_dir(), paths.database_path()
    if not is_stale(sources, database):
        return []
    errors = _try_build(str(sources), str(database), _sources_signature(sources))
    if errors and not database.exists():
        st.error("데이터를 불러올 수 없습니다. data/sources 파일을 고쳐 주세요.")
        st.code("\n".join(errors), language=None)
        st.stop()
    return errors


def _sources_signature(sources: Path) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((entry.name, entry.stat().st_mtime_ns) for entry in os.scandir(sources)))


@st.cache_data(show_spinner="데이터베이스를 새로 만드는 중…", max_entries=4)
def _try_build(sources: str, database: str, signature: tuple) -> list[str]:
    """One attempt per state of the sources (``signature`` is only part of the cache key)."""
    try:
        build(Path(sources), Path(database))
    except SourceErrors as failure:
        return [str(error) for error in failure.errors]
    return []
