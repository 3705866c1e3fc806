"""The read-only DuckDB connection and cached query calls.

The connection (``bureau.connection.LiveConnection``) is keyed by the database file's
identity: after a rebuild swaps in a new file, the next query closes the stale
connection and opens the new one. It is read-only with external access disabled.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import duckdb
import streamlit as st

from bureau import paths
from bureau.build import build, is_stale
from bureau.connection import LiveConnection
from bureau.sources import SourceErrors

_live = LiveConnection()
_build_ids: dict[tuple[str, int, int] | None, str] = {}


def build_id() -> str:
    """Identifies the database in service; part of every cache key. Read once per file:
    every run() needs it, and it cannot change while the file stays the same."""
    with _live.use(paths.database_path()) as con:
        if _live.identity not in _build_ids:
            _build_ids.clear()
            _build_ids[_live.identity] = con.execute("SELECT build_id FROM build_info").fetchone()[0]
        return _build_ids[_live.identity]


@st.cache_data(show_spinner=False, max_entries=2000)
def _cached(name: str, build: str, arguments: tuple, _query: Callable[..., Any]) -> Any:
    with _live.use(paths.database_path()) as con:
        return _query(con, **dict(arguments))


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


def connection() -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    """``with connection() as con:`` the app's own read-only connection (for checks and tests)."""
    return _live.use(paths.database_path())
