"""Helpers for the bad-input tests: copies of data/sources, CSV edits, the CLI, hashes."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from bureau import paths
from bureau.__main__ import main

TEMP_PATTERN = ".bureau.duckdb.*.tmp*"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


def set_cell(path: Path, line: int, column: str, value: str) -> None:
    """Set the cell at file ``line`` (1 = header) under ``column`` (files have no multi-line cells)."""
    rows = read_rows(path)
    rows[line - 1][rows[0].index(column)] = value
    write_rows(path, rows)


def find_line(path: Path, **match: str) -> int:
    """The file line of the first row whose cells equal ``match``."""
    rows = read_rows(path)
    header = rows[0]
    for number, row in enumerate(rows[1:], start=2):
        if all(row[header.index(column)] == value for column, value in match.items()):
            return number
    raise AssertionError(f"no row {match} in {path.name}")


@dataclass
class Outcome:
    code: int
    out: str
    err: str

    @property
    def errors(self) -> list[str]:
        """The ``file:line:column: message`` lines (the summary line is left out)."""
        return [line for line in self.err.splitlines() if not line.startswith("빌드 실패")]


@dataclass
class Workspace:
    sources: Path
    database: Path
    live_hash: str

    def file(self, name: str) -> Path:
        return self.sources / name

    def build(self, capsys: pytest.CaptureFixture[str]) -> Outcome:
        code = main(["build", "--sources", str(self.sources), "--database", str(self.database)])
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    def rejected(self, capsys: pytest.CaptureFixture[str]) -> Outcome:
        """Run the CLI and check the rejection contract: exit 1, a located message, no
        traceback, the live database byte-for-byte as it was, no temp file left behind."""
        outcome = self.build(capsys)
        assert outcome.code == 1, outcome
        assert "Traceback" not in outcome.err
        assert "기존 데이터베이스는 그대로입니다" in outcome.err
        assert outcome.errors, outcome.err
        for line in outcome.errors:
            file, row, column, message = line.split(":", 3)
            assert file.endswith(".csv") and row.isdigit() and column.isdigit() and message.strip(), line
        assert sha256(self.database) == self.live_hash
        assert not list(self.database.parent.glob(TEMP_PATTERN))
        return outcome


def make_workspace(tmp_path: Path, live_database: Path) -> Workspace:
    import shutil

    sources = tmp_path / "sources"
    shutil.copytree(paths.sources_dir(), sources)
    database = tmp_path / "live" / "bureau.duckdb"
    database.parent.mkdir()
    shutil.copyfile(live_database, database)
    return Workspace(sources, database, sha256(database))
