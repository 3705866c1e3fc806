"""Build data/bureau.duckdb from data/sources: validate, check, write to a temp file, swap.

The live database is replaced only by a complete, checked file (``os.replace`` is
atomic), so readers never see a half-built database and a bad source leaves the
last good one in service.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
from pydantic.fields import FieldInfo

from bureau.checks.base import ErrorCheck, Reconciliation
from bureau.checks.engine import error_checks, reconciliations
from bureau.schema import Table, base_type
from bureau.sources import LoadedRow, SourceError, SourceErrors, read_table
from bureau.topics import TABLES, TOPICS

#: Keys and references of every table, then each table's declared checks, in registry order.
ERROR_CHECKS: tuple[ErrorCheck, ...] = tuple(error_checks(TOPICS))

_ARROW_TYPES: dict[type, pa.DataType] = {
    bool: pa.bool_(),
    int: pa.int64(),
    float: pa.float64(),
    str: pa.string(),
    date: pa.date32(),
}


@dataclass(frozen=True)
class BuildResult:
    build_id: str
    database: Path
    rows: dict[str, int]
    discrepancies: list[Reconciliation]


def arrow_type(field: FieldInfo) -> pa.DataType:
    """The Arrow (and so DuckDB) type for a model field: ``int | None`` → int64, etc."""
    return _ARROW_TYPES[base_type(field)]


def arrow_table(table: Table, rows: list[LoadedRow]) -> pa.Table:
    fields = table.model.model_fields
    schema = pa.schema(
        [pa.field(name, arrow_type(info)) for name, info in fields.items()]
        + [pa.field("source_line", pa.int32())]
    )
    columns: dict[str, list] = {name: [] for name in schema.names}
    for row in rows:
        for name in fields:
            columns[name].append(getattr(row.record, name))
        columns["source_line"].append(row.line)
    return pa.table(columns, schema=schema)


def source_digest(sources: Path) -> dict[str, str]:
    """SHA-256 of every source file, so a build records exactly what it was made from."""
    return {
        table.file: hashlib.sha256((sources / table.file).read_bytes()).hexdigest()
        for table in TABLES
        if (sources / table.file).exists()
    }


def load_sources(sources: Path) -> dict[str, pa.Table]:
    """Read and validate every table; raise SourceErrors listing every problem found.

    When rows are rejected, the cross-row checks still run on the rows that loaded, so
    one report lists a bad cell in one file and a duplicate key in another together.
    """
    loaded: dict[str, pa.Table] = {}
    errors: list[SourceError] = []
    for table in TABLES:
        rows, table_errors = read_table(sources / table.file, table.model)
        errors.extend(table_errors)
        loaded[table.name] = arrow_table(table, rows)
    if errors:
        raise SourceErrors(errors + _cross_row_errors_of_partial(loaded, {error.file for error in errors}))
    return loaded


def _cross_row_errors_of_partial(loaded: dict[str, pa.Table], incomplete: set[str]) -> list[SourceError]:
    """Cross-row errors among the rows that did load, leaving out any that a rejected row
    could explain: errors in a file with row errors, or that depend on such a file."""
    con = duckdb.connect(config={"enable_external_access": False})
    try:
        for name, arrow in loaded.items():
            con.from_arrow(arrow).create(name)
        found = []
        for check in ERROR_CHECKS:
            try:
                found.extend(check(con))
            except Exception:  # a check that cannot cope with partial data: the build fails
                continue  # anyway, and the check runs again once the rows above are fixed
    finally:
        con.close()
    return [
        error
        for error in found
        if error.file not in incomplete and not incomplete.intersection(error.related)
    ]


def _write(con: duckdb.DuckDBPyConnection, loaded: dict[str, pa.Table]) -> list[Reconciliation]:
    for name, arrow in loaded.items():
        con.from_arrow(arrow).create(name)
    errors = [error for check in ERROR_CHECKS for error in check(con)]
    if errors:
        raise SourceErrors(errors)
    found = reconciliations(con, TOPICS)
    reconciliation = pa.Table.from_pylist(
        [dataclasses.asdict(item) for item in found],
        schema=pa.schema(
            [("topic", pa.string()), ("as_of", pa.date32())]
            + [
                (name, pa.string())
                for name in ("table_name", "row_key", "subject", "figure", "rule", "printed", "recomputed")
            ]
            + [("matches", pa.bool_()), ("note", pa.string()), ("kind", pa.string())]
        ),
    )
    con.from_arrow(reconciliation).create("reconciliation")
    return found


#: What stops a build from writing its database: a read-only data/ folder, a full disk, no
#: permission. The live database is untouched then, as with bad sources.
WRITE_FAILURES = (OSError, duckdb.Error)


def write_failure_message(failure: OSError | duckdb.Error) -> str:
    """One line saying why the database could not be written (never a traceback)."""
    if isinstance(failure, OSError):
        detail = f"{failure.filename}: {failure.strerror}" if failure.filename else str(failure)
    else:
        detail = str(failure).splitlines()[0] if str(failure) else type(failure).__name__
    return f"데이터베이스를 쓸 수 없습니다 (data 폴더가 읽기 전용인가요?): {detail}"


def build(sources: Path, database: Path) -> BuildResult:
    """Validate ``sources`` and publish a new ``database``; on any error it is left untouched."""
    loaded = load_sources(sources)
    digest = source_digest(sources)
    build_id = uuid.uuid4().hex
    database.parent.mkdir(parents=True, exist_ok=True)
    temporary = database.with_name(f".{database.name}.{build_id}.tmp")
    with _build_lock(database):
        try:
            con = duckdb.connect(str(temporary))
            try:
                found = _write(con, loaded)
                con.execute(
                    "CREATE TABLE build_info AS SELECT ?::VARCHAR AS build_id, ?::TIMESTAMPTZ AS built_at, "
                    "(SELECT max(as_of) FROM reports) AS latest_as_of",
                    [build_id, datetime.now(UTC)],
                )
                con.execute("CREATE TABLE build_sources (file VARCHAR, sha256 VARCHAR)")
                con.executemany("INSERT INTO build_sources VALUES (?, ?)", list(digest.items()))
                con.execute("CHECKPOINT")
            finally:
                con.close()
            os.replace(temporary, database)
        finally:
            for leftover in (temporary, temporary.with_name(temporary.name + ".wal")):
                if leftover.exists():  # (unlinking a missing file in a read-only folder
                    leftover.unlink()  # raises, hiding why the build failed)
    rows = {name: arrow.num_rows for name, arrow in loaded.items()}
    return BuildResult(build_id, database, rows, [item for item in found if not item.matches])


class _build_lock:
    """An exclusive lock so two builds (CLI and app) never interleave."""

    def __init__(self, database: Path) -> None:
        self._database = database
        self._path = database.with_name(f".{database.name}.lock")

    def __enter__(self) -> None:
        self._file = self._path.open("w")
        fcntl.flock(self._file, fcntl.LOCK_EX)
        remove_leftovers(self._database)

    def __exit__(self, *exc: object) -> None:
        fcntl.flock(self._file, fcntl.LOCK_UN)
        self._file.close()


def remove_leftovers(database: Path) -> list[Path]:
    """Delete temp files of builds that died (SIGKILL, power loss) before publishing.

    Call with the build lock held: a build writes its temp file only while it holds the
    lock, so every temp file found then belongs to a build that no longer runs.
    """
    removed = []
    for leftover in database.parent.glob(f".{database.name}.*.tmp*"):
        leftover.unlink(missing_ok=True)
        removed.append(leftover)
    return removed


def is_stale(sources: Path, database: Path) -> bool:
    """True when the database is missing or any source file is newer than it."""
    if not database.exists():
        return True
    built = database.stat().st_mtime
    return any(
        (sources / table.file).stat().st_mtime > built for table in TABLES if (sources / table.file).exists()
    )
