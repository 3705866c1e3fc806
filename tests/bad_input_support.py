"""Helpers for the bad-input tests: copies of data/sources, CSV edits, the CLI, hashes."""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bureau import paths
from bureau.__main__ import main
from bureau.schema import Table
from bureau.topics import TABLES

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
    sources = tmp_path / "sources"
    shutil.copytree(paths.sources_dir(), sources)
    database = tmp_path / "live" / "bureau.duckdb"
    database.parent.mkdir()
    shutil.copyfile(live_database, database)
    return Workspace(sources, database, sha256(database))


# -- the catalogue: one entry per bad input, grouped in classes of mistake ---------------


@dataclass(frozen=True)
class Case:
    """One bad input: ``edit`` damages a copy of the sources and returns the start of the
    single error line expected (``file:line:column: field: ``); the line must also contain
    ``message`` and the whole output none of ``forbidden`` (text that must not leak)."""

    kind: str
    name: str
    edit: Callable[[Workspace], str]
    message: str
    forbidden: tuple[str, ...] = ()


def column_of(path: Path, column: str) -> int:
    return read_rows(path)[0].index(column) + 1


def first_line_with(path: Path, column: str) -> int:
    """The file line of the first row with a value in ``column``."""
    rows = read_rows(path)
    position = rows[0].index(column)
    return next(number for number, row in enumerate(rows[1:], start=2) if row[position])


def header_only(table: Table) -> Case:
    def edit(ws: Workspace) -> str:
        path = ws.file(table.file)
        write_rows(path, read_rows(path)[:1])
        return f"{table.file}:2:1: "

    return Case("header only", table.file, edit, "행이 없습니다")


def cell(kind: str, file: str, column: str, value: str, message: str, *forbidden: str) -> Case:
    """``value`` in the first row of ``file`` that has a ``column`` value; rejected there."""

    def edit(ws: Workspace) -> str:
        path = ws.file(file)
        line = first_line_with(path, column)
        set_cell(path, line, column, value)
        return f"{file}:{line}:{column_of(path, column)}: {column}: "

    shown = value if len(value) < 20 else value[:10] + "…"
    return Case(kind, f"{file} {column}={shown!r}", edit, message, forbidden)


def end_before_start(file: str, start: str = "start", end: str = "end") -> Case:
    def edit(ws: Workspace) -> str:
        path = ws.file(file)
        line = first_line_with(path, start)
        set_cell(path, line, end, "2000-01-01")
        return f"{file}:{line}:{column_of(path, end)}: {end}: "

    return Case("end before start, at the end column", file, edit, "종료가 시작보다 앞섭니다")


def symlink(name: str, target: Callable[[Workspace], Path], *forbidden: str) -> Case:
    def edit(ws: Workspace) -> str:
        path = ws.file("duties.csv")
        destination = target(ws)
        path.unlink()
        path.symlink_to(destination)
        return "duties.csv:0:0: "

    return Case("symlinked source", name, edit, "심볼릭 링크", forbidden)


def _outside_copy(ws: Workspace) -> Path:
    """A valid duties.csv outside the sources folder."""
    outside = ws.sources.parent / "elsewhere.csv"
    shutil.copyfile(ws.file("duties.csv"), outside)
    return outside


PLAIN_DATE_COLUMNS = (
    ("relief_volunteers.csv", "start"),
    ("relief_appropriations.csv", "event_on"),
    ("market_schedule.csv", "start"),
    ("issue_points.csv", "start"),
    ("program_execution.csv", "measured_on"),
    ("ai_training_goal.csv", "period_start"),
)


LONG_CELL = "long cell quoted short"


def catalogue() -> list[Case]:
    return [
        *(header_only(table) for table in TABLES),
        *(
            cell("misgrouped thousands", "departments.csv", "headcount", value, "숫자 형식 오류")
            for value in ("1,88", "1_88", "23,1", "1,8800")
        ),
        cell("misgrouped thousands", "budget.csv", "budget", "12,34,567", "숫자 형식 오류"),
        *(
            cell("not a calendar date", file, column, value, "날짜 형식 오류")
            for file, column in PLAIN_DATE_COLUMNS
            for value in ("86400", "0")
        ),
        *(
            cell("implausible date", file, column, value, "날짜가 범위를 벗어났습니다")
            for file, column in PLAIN_DATE_COLUMNS
            for value in ("2205-03-25", "1700-01-01")
        ),
        *(
            end_before_start(file)
            for file in (
                "relief_volunteers.csv",
                "relief_donations.csv",
                "relief_timeline.csv",
                "market_schedule.csv",
                "issue_points.csv",
            )
        ),
        symlink("to a valid CSV outside data/", _outside_copy),
        symlink("to /etc/passwd", lambda ws: Path("/etc/passwd"), "root:", "/bin/"),
        symlink("to another source", lambda ws: ws.file("contacts.csv")),
        cell("unregistered topic", "program_execution.csv", "topic", "parks", "등록되지 않은 주제"),
        cell("unregistered topic", "printed_figures.csv", "topic", "Relief", "등록되지 않은 주제"),
        cell("a topic without a page", "current_issues.csv", "page", "report", "등록되지 않은 주제"),
        cell(LONG_CELL, "departments.csv", "headcount", "9x" * 300, "valid integer", "9x" * 30),
        cell(LONG_CELL, "contacts.csv", "name", "이름" * 100, "at most 80 characters", "이름" * 30),
    ]
