"""Load a few source tables (optionally edited) into an in-memory DuckDB for check tests."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import duckdb

from bureau import paths
from bureau.build import arrow_table
from bureau.schema import TABLES
from bureau.sources import read_table


def edited_con(tmp_path: Path, edits: Mapping[str, tuple[str, str]] = ()) -> duckdb.DuckDBPyConnection:
    """Every source table loaded into memory; ``edits`` maps a file to (old text, new text)."""
    sources = tmp_path / "sources"
    shutil.copytree(paths.sources_dir(), sources)
    for file, (old, new) in dict(edits).items():
        path = sources / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    con = duckdb.connect()
    for table in TABLES:
        rows, errors = read_table(sources / table.file, table.model)
        assert not errors, errors
        con.from_arrow(arrow_table(table, rows)).create(table.name)
    return con
