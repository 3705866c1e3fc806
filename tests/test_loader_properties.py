"""Property-based: whatever staff put into a source file, the loader and the build
either accept it or report SourceErrors located at file:line:column — never another
exception, and never a half-published database."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from bureau import paths
from bureau.build import build
from bureau.schema import Count, Day
from bureau.sources import SourceError, SourceErrors, read_table
from bureau.topics import TABLES, TABLES_BY_NAME

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TRICKY = [
    "",
    " ",
    "△1,234",
    "1,234",
    "-0",
    "1e309",
    "nan",
    "inf",
    "2025-03-31",
    "2025-02-30",
    "2025. 3. 31.",
    "9999-12-31",
    "총무과",
    "과",
    "사업소",
    "true",
    "예",
    "rev",
    "rev.nontax",
    "세입",
    "=1+2",
    "@SUM(A1)",
    "<script>alert(1)</script>",
    '"',
    "\x00",
    "\r\n",
    "a\nb",
    "9" * 40,
    "-99999999999999999999",
    "1" + "0" * 18,
]

cells = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=30),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.dates().map(str),
)


def to_csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def check_errors(errors: list[SourceError], name: str, lines: int, columns: int) -> None:
    for error in errors:
        assert error.file == name
        assert 0 <= error.line <= lines + 1, error
        assert 0 <= error.column <= columns + 1, error
        assert error.message.strip()
        assert str(error).startswith(f"{name}:{error.line}:{error.column}: ")


def _table_strategy():
    return st.sampled_from([table.name for table in TABLES])


@SETTINGS
@given(table_name=_table_strategy(), raw=st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_the_loader(table_name: str, raw: bytes):
    table = TABLES_BY_NAME[table_name]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / table.file
        path.write_bytes(raw)
        _rows, errors = read_table(path, table.model)
    check_errors(errors, table.file, raw.count(b"\n") + raw.count(b"\r") + 1, 10**6)


@SETTINGS
@given(
    table_name=_table_strategy(),
    data=st.data(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp949"]),
)
def test_generated_rows_load_or_are_reported(table_name: str, data: st.DataObject, encoding: str):
    table = TABLES_BY_NAME[table_name]
    header = list(table.model.model_fields)
    width = len(header)
    rows = data.draw(
        st.lists(
            st.lists(cells, min_size=width, max_size=width)
            | st.lists(cells, min_size=0, max_size=width + 2),  # a row with too few or many cells
            max_size=8,
        )
    )
    text = to_csv([header, *rows])
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        raw = text.encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / table.file
        path.write_bytes(raw)
        loaded, errors = read_table(path, table.model)
    check_errors(errors, table.file, text.count("\n") + text.count("\r") + 1, width)
    assert len(loaded) <= len(rows)


MUTABLE = ["departments", "budget", "duties", "contacts", "district_indicators"]


@pytest.fixture(scope="module")
def good_sources() -> Path:
    return paths.sources_dir()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table_name=st.sampled_from(MUTABLE), data=st.data())
def test_mutated_sources_build_or_are_reported(good_sources: Path, table_name: str, data: st.DataObject):
    """Change a few cells of a real file and run the whole build (checks included)."""
    table = TABLES_BY_NAME[table_name]
    original = list(csv.reader(io.StringIO((good_sources / table.file).read_text(encoding="utf-8-sig"))))
    edits = data.draw(
        st.lists(
            st.tuples(
                st.integers(1, len(original) - 1),
                st.integers(0, len(original[0]) - 1),
                st.sampled_from(TRICKY) | cells,
            ),
            min_size=1,
            max_size=4,
        )
    )
    rows = [list(row) for row in original]
    for line, column, value in edits:
        rows[line][column] = value
    if data.draw(st.booleans()):
        rows.append(list(rows[data.draw(st.integers(1, len(rows) - 1))]))  # a pasted duplicate
    with tempfile.TemporaryDirectory() as folder:
        sources = Path(folder) / "sources"
        shutil.copytree(good_sources, sources)
        (sources / table.file).write_text(to_csv(rows), encoding="utf-8")
        database = Path(folder) / "bureau.duckdb"
        try:
            result = build(sources, database)
        except SourceErrors as failure:
            assert failure.errors
            assert not database.exists()
            for error in failure.errors:
                assert str(error).count(":") >= 3
        else:
            assert database.exists()
            assert sum(result.rows.values()) > 0
        assert not list(Path(folder).glob(".bureau.duckdb.*.tmp*"))


# -- numbers and dates: one syntax each, whatever the column --------------------------

COUNT = TypeAdapter(Count)
DAY = TypeAdapter(Day)


@SETTINGS
@given(number=st.integers(min_value=0, max_value=10**15))
def test_a_number_reads_back_with_or_without_grouping(number: int):
    assert COUNT.validate_python(f"{number:,}") == number
    assert COUNT.validate_python(str(number)) == number


@SETTINGS
@given(number=st.integers(min_value=1_000, max_value=10**15), data=st.data())
def test_a_misplaced_thousands_separator_is_rejected(number: int, data: st.DataObject):
    digits = str(number)
    grouped = f"{number:,}"
    # a comma anywhere else than between groups of three (never at either end)
    position = data.draw(st.integers(1, len(digits) - 1).filter(lambda at: (len(digits) - at) % 3))
    misplaced = digits[:position] + data.draw(st.sampled_from([",", "_"])) + digits[position:]
    assert misplaced != grouped
    with pytest.raises(ValidationError):
        COUNT.validate_python(misplaced)


@SETTINGS
@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_spelling_of_a_date_reads_back(day: date):
    for spelling in (
        day.isoformat(),
        f"{day.year}-{day.month}-{day.day}",
        f"{day.year}. {day.month}. {day.day}.",
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}/{day.month}/{day.day}",
    ):
        assert DAY.validate_python(spelling) == day


@SETTINGS
@given(day=st.dates().filter(lambda day: not date(1900, 1, 1) <= day <= date(2100, 12, 31)))
def test_a_date_outside_the_plausible_range_is_rejected(day: date):
    with pytest.raises(ValidationError):
        DAY.validate_python(day.isoformat())


@SETTINGS
@given(number=st.integers(min_value=-(10**12), max_value=10**12))
def test_a_bare_number_is_never_read_as_a_date(number: int):
    with pytest.raises(ValidationError):
        DAY.validate_python(str(number))
