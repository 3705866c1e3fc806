"""Load a few source tables (optionally edited) into an in-memory DuckDB for check tests."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import duckdb

from bureau import paths
from bureau.build import arrow_table, build
from bureau.checks.base import Reconciliation
from bureau.checks.engine import reconciliations
from bureau.sources import SourceError, SourceErrors, read_table
from bureau.topics import TABLES, TOPICS


def copy_sources(tmp_path: Path) -> Path:
    """A copy of data/sources under ``tmp_path`` to edit and build from."""
    target = tmp_path / "sources"
    shutil.copytree(paths.sources_dir(), target)
    return target


def edit_source(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a source file (which must contain it) with ``new``."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edited_con(tmp_path: Path, edits: Mapping[str, tuple[str, str]] = ()) -> duckdb.DuckDBPyConnection:
    """Every source table loaded into memory; ``edits`` maps a file to (old text, new text)."""
    sources = copy_sources(tmp_path)
    for file, (old, new) in dict(edits).items():
        edit_source(sources / file, old, new)
    con = duckdb.connect()
    for table in TABLES:
        rows, errors = read_table(sources / table.file, table.model)
        assert not errors, errors
        con.from_arrow(arrow_table(table, rows)).create(table.name)
    return con


def topic_reconciliations(con: duckdb.DuckDBPyConnection, topic: str) -> list[Reconciliation]:
    """What the declared checks record for ``topic``'s page."""
    return [item for item in reconciliations(con, TOPICS) if item.topic == topic]


def build_errors(tmp_path: Path, edits: Mapping[str, tuple[str, str]]) -> list[SourceError]:
    """The errors a build of the edited sources fails with (none: the build passed)."""
    sources = copy_sources(tmp_path)
    for file, (old, new) in dict(edits).items():
        edit_source(sources / file, old, new)
    try:
        build(sources, tmp_path / "bureau.duckdb")
    except SourceErrors as failure:
        return failure.errors
    return []
