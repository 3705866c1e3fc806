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
from bureau.build import WRITE_FAILURES, build, is_stale, write_failure_message
from bureau.connection import LiveConnection, verify
from bureau.sources import SourceErrors

_live = LiveConnection()
_build_ids: dict[tuple[str, int, int] | None, str] = {}


def build_id() -> str:
    """Identifies the database in service; part of every cache key. Read once per file,
    after checking the whole file reads back (``verify``): every run() needs it, and it
    cannot change while the file stays the same."""
    with _live.use(paths.database_path()) as con:
        if _live.identity not in _build_ids:
            _build_ids.clear()
            verify(con)
            _build_ids[_live.identity] = con.execute("SELECT build_id FROM build_info").fetchone()[0]
        return _build_ids[_live.identity]


@st.cache_data(show_spinner=False, max_entries=2000)
def _cached(name: str, build: str, arguments: tuple, _query: Callable[..., Any]) -> Any:
    with _live.use(paths.database_path()) as con:
        return _query(con, **dict(arguments))


def run(query: Callable[..., Any], **arguments: Any) -> Any:
    """Call ``query(connection, **arguments)`` once per database build and arguments. A query
    is known by its function's name, or by its ``cache_name`` (a ``bureau.selection.Selection``:
    one class, one name per table and columns). Each call hands out a copy."""
    return _cached(_name(query), build_id(), tuple(sorted(arguments.items())), query)


@st.cache_resource(show_spinner=False, max_entries=200)
def _view(name: str, build: str, arguments: tuple, _load: Callable[..., Any]) -> Any:
    with _live.use(paths.database_path()) as con:
        return _load(con, **dict(arguments))


def view(load: Callable[..., Any], **arguments: Any) -> Any:
    """``load(connection, **arguments)`` once per database build and arguments (the report,
    unit mode, department: plain values, cheap to key): a page's view model
    (``bureau.view``), or any result its callers only read. Every rerun and every session
    with the same arguments gets the same object (a view with the parts computed so far).
    Not a copy, unlike :func:`run` (copying frames and figures on every run is what this
    saves): callers must not change it."""
    return _view(_name(load), build_id(), tuple(sorted(arguments.items())), load)


def _name(function: Callable[..., Any]) -> str:
    return getattr(function, "cache_name", None) or f"{function.__module__}.{function.__qualname__}"


#: Shown instead of a page when no usable database exists and none can be built.
UNAVAILABLE = (
    "데이터를 불러올 수 없습니다: 사용할 수 있는 데이터베이스가 없고 data/sources로 새로 만들지 "
    "못했습니다. 아래 오류를 고친 뒤 다시 여십시오."
)


def ensure_database() -> list[str]:
    """Build the database when it is missing, unreadable (corrupt, truncated, empty) or
    older than data/sources.

    Returns the problems to show when the build failed (bad sources, a read-only data/
    folder); the last good database then stays in service. Stops the page with
    ``UNAVAILABLE`` when there is no usable database at all.
    """
    sources, database = paths.sources_dir(), paths.database_path()
    if not is_stale(sources, database) and _usable():
        return []
    errors = _try_build(str(sources), str(database), (_signature(sources), _signature(database)))
    if not _usable():
        st.error(UNAVAILABLE)
        st.code("\n".join(errors), language=None)
        st.stop()
    return errors


def _usable() -> bool:
    """Whether the database in service opens and names its build (``build_id`` caches that
    per file, so a healthy database costs one ``stat`` per run)."""
    try:
        build_id()
    except (OSError, duckdb.Error):
        return False
    return True


def _signature(path: Path) -> tuple[tuple[str, int, int], ...]:
    """What changes when a file in ``path`` (or the file ``path``) changes; empty when missing."""
    try:
        entries = list(os.scandir(path)) if path.is_dir() else [path]
        stats = ((entry.name, entry.stat()) for entry in entries)
        return tuple(sorted((name, stat.st_size, stat.st_mtime_ns) for name, stat in stats))
    except OSError:
        return ()


@st.cache_data(show_spinner="데이터베이스를 새로 만드는 중…", max_entries=4)
def _try_build(sources: str, database: str, signature: tuple) -> list[str]:
    """One attempt per state of the sources and the database (``signature`` is only part of
    the cache key)."""
    try:
        build(Path(sources), Path(database))
    except SourceErrors as failure:
        return [str(error) for error in failure.errors]
    except WRITE_FAILURES as failure:
        return [write_failure_message(failure)]
    return []


def connection() -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    """``with connection() as con:`` the app's own read-only connection (for checks and tests)."""
    return _live.use(paths.database_path())
