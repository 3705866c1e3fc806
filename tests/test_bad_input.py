"""The catalogue of what staff get wrong editing data/sources in Excel.

Each bad input is rejected by ``python -m bureau build`` with ``file:line:column:
message``, no traceback, exit status 1, and the live database byte-for-byte untouched
(see ``Workspace.rejected``). Formula-looking text is neutralised in the exports.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest
from pydantic import TypeAdapter, ValidationError

from bureau import build as build_module
from bureau import paths
from bureau.export import csv_bytes, xlsx_bytes
from bureau.schema import Day, Name, SignedAmount, SourceModel, Table, report_reference
from bureau.sources import MAX_FILE_BYTES, parse_table, read_table
from bureau.topics import TABLES, TABLES_BY_NAME
from bureau.topics.overview import queries as org
from bureau.topics.report import queries as issue_queries
from tests.bad_input_support import (
    PLAIN_DATE_COLUMNS,
    Case,
    Workspace,
    catalogue,
    find_line,
    first_line_with,
    make_workspace,
    read_rows,
    set_cell,
    sha256,
    write_rows,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def ws(tmp_path: Path, built_database: Path) -> Workspace:
    return make_workspace(tmp_path, built_database)


def only(outcome, prefix: str) -> str:
    """The single error line; it must start with ``prefix`` (file:line:column: ...)."""
    assert len(outcome.errors) == 1, outcome.errors
    assert outcome.errors[0].startswith(prefix), outcome.errors
    return outcome.errors[0]


def test_good_sources_build(ws: Workspace, capsys):
    outcome = ws.build(capsys)
    assert outcome.code == 0, outcome.err
    assert sha256(ws.database) != ws.live_hash  # a new build was published


def test_missing_file(ws: Workspace, capsys):
    ws.file("duties.csv").unlink()
    line = only(ws.rejected(capsys), "duties.csv:0:0: ")
    assert "파일이 없습니다" in line


def test_missing_column(ws: Workspace, capsys):
    rows = read_rows(ws.file("departments.csv"))
    position = rows[0].index("teams")
    write_rows(ws.file("departments.csv"), [row[:position] + row[position + 1 :] for row in rows])
    line = only(ws.rejected(capsys), "departments.csv:1:8: ")
    assert "missing column(s): teams" in line


def test_extra_column(ws: Workspace, capsys):
    rows = read_rows(ws.file("departments.csv"))
    write_rows(ws.file("departments.csv"), [[*row, "비고" if i == 0 else ""] for i, row in enumerate(rows)])
    assert only(ws.rejected(capsys), "departments.csv:1:9: ").endswith("unexpected column '비고'")


def test_renamed_column(ws: Workspace, capsys):
    rows = read_rows(ws.file("departments.csv"))
    rows[0][rows[0].index("headcount")] = "인원"
    write_rows(ws.file("departments.csv"), rows)
    outcome = ws.rejected(capsys)
    assert outcome.errors[0] == (
        "departments.csv:1:6: unexpected column '인원': "
        "renamed? expected 'headcount' (열 이름이 바뀌었습니다)"
    )


def test_wrong_type(ws: Workspace, capsys):
    line = find_line(ws.file("departments.csv"), dept="인사과")
    set_cell(ws.file("departments.csv"), line, "headcount", "많음")
    assert only(ws.rejected(capsys), f"departments.csv:{line}:6: headcount: Input should be a valid integer")


def test_empty_required_value(ws: Workspace, capsys):
    line = find_line(ws.file("departments.csv"), dept="인사과")
    set_cell(ws.file("departments.csv"), line, "headcount", " ")
    assert only(ws.rejected(capsys), f"departments.csv:{line}:6: ") == (
        f"departments.csv:{line}:6: headcount: 값이 비어 있습니다 (a value is required)"
    )


def test_negative_amount(ws: Workspace, capsys):
    line = find_line(ws.file("budget.csv"), item_id="rev.nontax.recurring.property_rent")
    set_cell(ws.file("budget.csv"), line, "budget", "△560,295")
    expected = f"budget.csv:{line}:10: budget: Input should be greater than or equal to 0"
    assert only(ws.rejected(capsys), expected)


def test_negative_count(ws: Workspace, capsys):
    line = find_line(ws.file("departments.csv"), dept="총무과")
    set_cell(ws.file("departments.csv"), line, "teams", "-7")
    expected = f"departments.csv:{line}:5: teams: Input should be greater than or equal"
    assert only(ws.rejected(capsys), expected)


@pytest.mark.parametrize(
    ("column", "value", "position", "message"),
    [
        ("printed_actual_rate", "-20.1", 14, "greater than or equal to 0"),
        ("printed_change_rate", "231000", 13, "less than or equal to 100000"),
        ("printed_change_rate", "nan", 13, "(value 'nan')"),
    ],
)
def test_rate_out_of_range(ws: Workspace, capsys, column, value, position, message):
    line = find_line(ws.file("budget.csv"), item_id="rev")
    set_cell(ws.file("budget.csv"), line, column, value)
    assert message in only(ws.rejected(capsys), f"budget.csv:{line}:{position}: {column}: ")


def test_duplicate_key(ws: Workspace, capsys):
    rows = read_rows(ws.file("duties.csv"))
    write_rows(ws.file("duties.csv"), [*rows, rows[3]])
    line = only(ws.rejected(capsys), f"duties.csv:{len(rows) + 1}:3: ")
    assert line.endswith("duplicate key (as_of, dept, seq): same as line 4")


def test_unknown_department(ws: Workspace, capsys):
    line = find_line(ws.file("duties.csv"), dept="인사과", seq="2")
    set_cell(ws.file("duties.csv"), line, "dept", "인사처")
    assert only(ws.rejected(capsys), f"duties.csv:{line}:2: ") == (
        f"duties.csv:{line}:2: dept '인사처' does not exist in departments.csv (as of 2025-03-31)"
    )


def test_unknown_parent(ws: Workspace, capsys):
    line = find_line(ws.file("budget.csv"), item_id="rev.nontax.recurring.property_rent")
    set_cell(ws.file("budget.csv"), line, "parent_id", "rev.nontax.recuring")
    outcome = ws.rejected(capsys)
    expected = (
        f"budget.csv:{line}:5: parent_id 'rev.nontax.recuring' does not exist in budget.csv "
        "(as of 2025-03-31)"
    )
    assert expected in outcome.errors
    # The former parent now lacks a child, so its sums break too: both are reported.
    assert any("children add up to" in error for error in outcome.errors)


def test_children_do_not_add_up(ws: Workspace, capsys):
    leaf = find_line(ws.file("budget.csv"), item_id="rev.nontax.recurring.property_rent")
    set_cell(ws.file("budget.csv"), leaf, "actual", "26590")  # one more than printed
    outcome = ws.rejected(capsys)
    parent = find_line(ws.file("budget.csv"), item_id="rev.nontax.recurring")
    assert outcome.errors[0].startswith(f"budget.csv:{parent}:11: actual of '경상적세외수입' is ")
    assert "but its children add up to" in outcome.errors[0]
    # only the direct parent: 세외수입 and 계 still equal the sums of their printed children
    assert len(outcome.errors) == 1


@pytest.mark.parametrize(
    ("column", "value", "position", "message"),
    [
        ("as_of", "2025-02-30", 1, "day value is outside expected range"),
        ("founded", "2025-13-01", 7, "month value is outside expected range"),
        ("founded", "2205-03-31", 7, "날짜가 범위를 벗어났습니다"),
        ("founded", "어제", 7, "Input should be a valid date"),
    ],
)
def test_date_that_does_not_exist(ws: Workspace, capsys, column, value, position, message):
    line = find_line(ws.file("departments.csv"), dept="인사과")
    set_cell(ws.file("departments.csv"), line, column, value)
    # Exactly one error: references to 인사과 from other files are not reported on top
    # (they would vanish once this row is fixed).
    assert message in only(ws.rejected(capsys), f"departments.csv:{line}:{position}: {column}: ")


def test_report_style_dates_are_accepted(ws: Workspace, capsys):
    line = find_line(ws.file("departments.csv"), dept="인사과")
    set_cell(ws.file("departments.csv"), line, "founded", "2019. 1. 7.")
    assert ws.build(capsys).code == 0
    with duckdb.connect(str(ws.database), read_only=True) as con:
        founded = con.execute("SELECT founded FROM departments WHERE dept = '인사과'").fetchone()[0]
    assert founded == date(2019, 1, 7)


def _loaded_value(tmp_path: Path, file: str, column: str, value: str) -> object:
    """``value`` typed into the first ``column`` cell of a copy of ``file``, as loaded."""
    path = tmp_path / file
    shutil.copyfile(paths.sources_dir() / file, path)
    line = first_line_with(path, column)
    set_cell(path, line, column, value)
    rows, errors = parse_table(file, path.read_text(encoding="utf-8"), TABLES_BY_NAME[path.stem].model)
    assert errors == []
    return getattr(next(row for row in rows if row.line == line).record, column)


@pytest.mark.parametrize(("file", "column"), PLAIN_DATE_COLUMNS)
@pytest.mark.parametrize("spelling", ["2025-03-25", "2025. 3. 25.", "2025.3.25", "2025/3/25", "2025-3-25"])
def test_every_date_column_accepts_the_same_spellings(tmp_path: Path, file, column, spelling):
    assert _loaded_value(tmp_path, file, column, spelling) == date(2025, 3, 25)


@pytest.mark.parametrize(
    ("file", "column", "typed", "number"),
    [
        ("departments.csv", "headcount", "1,880", 1880),
        ("budget.csv", "budget", "12,345,678", 12_345_678),
        ("budget.csv", "budget", "△0", 0),
        ("market_kpis.csv", "year", "2,025", 2025),
    ],
)
def test_well_formed_thousands_grouping_is_accepted(tmp_path: Path, file, column, typed, number):
    assert _loaded_value(tmp_path, file, column, typed) == number


class Event(SourceModel):
    """A table with a period, as the relief/markets/housing topics have."""

    date_ranges = (("start", "end"),)
    title: Name
    start: Day
    end: Day | None = None


EVENTS = Table("events", Event, ("as_of", "title"), "행사", (report_reference(),))


def test_end_before_start_in_the_loader(tmp_path: Path):
    path = tmp_path / "events.csv"
    path.write_text(
        "as_of,title,start,end\n"
        "2025-03-31,직거래장터,2025-04-01,2025-04-30\n"
        "2025-03-31,상시 장터,2025-04-01,\n"
        "2025-03-31,거꾸로,2025-05-10,2025-05-01\n",
        encoding="utf-8",
    )
    rows, errors = read_table(path, Event)
    assert len(rows) == 2
    assert [str(error) for error in errors] == [
        "events.csv:4:4: end: 종료가 시작보다 앞섭니다: end 2025-05-01 is before start 2025-05-10"
    ]


def test_end_before_start_rejects_the_build(ws: Workspace, capsys, monkeypatch):
    tables = (*TABLES, EVENTS)
    monkeypatch.setattr(build_module, "TABLES", tables)
    ws.file("events.csv").write_text(
        "as_of,title,start,end\n2025-03-31,거꾸로,2025. 5. 10.,2025. 5. 1.\n", encoding="utf-8"
    )
    assert only(ws.rejected(capsys), "events.csv:2:4: ").endswith("end 2025-05-01 is before start 2025-05-10")


def test_cp949_file_loads_with_korean_intact(ws: Workspace, capsys):
    for name in ("departments.csv", "contacts.csv"):
        rows = read_rows(ws.file(name))
        write_rows(ws.file(name), rows, encoding="cp949")
    assert ws.file("departments.csv").read_bytes().decode("cp949").count("과") > 5
    outcome = ws.build(capsys)
    assert outcome.code == 0, outcome.err
    with duckdb.connect(str(ws.database), read_only=True) as con:
        names = org.departments(con, date(2025, 3, 31))["dept"].tolist()
        people = issue_queries.contacts(con, date(2025, 3, 31))["name"].tolist()
    assert names[:4] == ["총무과", "인사과", "인력개발과", "자치행정과"]
    assert "황성묵" in people


def test_invalid_bytes_in_utf8_file(ws: Workspace, capsys):
    path = ws.file("departments.csv")
    lines = path.read_bytes().split(b"\n")
    line = find_line(path, dept="인사과")
    lines[line - 1] = lines[line - 1].replace("인사과".encode(), "인사".encode() + b"\xff", 1)
    path.write_bytes(b"\n".join(lines))
    outcome = ws.rejected(capsys)
    # column counted in characters: "2025-03-31," is 11, "인사" 2 more → the bad byte is the 14th
    assert outcome.errors == [
        f"departments.csv:{line}:14: 인코딩 오류: byte 0xff is neither UTF-8 nor CP949 "
        "(save the file as 'CSV UTF-8')"
    ]


def test_invalid_bytes_in_cp949_file(ws: Workspace, capsys):
    path = ws.file("departments.csv")
    line = find_line(path, dept="인력개발과")
    write_rows(path, read_rows(path), encoding="cp949")
    # a lead byte without its trail byte: the CP949 file is broken right after "인력"
    raw = path.read_bytes().replace("인력개발과".encode("cp949"), "인력".encode("cp949") + b"\xc7", 1)
    path.write_bytes(raw)
    outcome = ws.rejected(capsys)
    assert len(outcome.errors) == 1
    assert outcome.errors[0].startswith(f"departments.csv:{line}:14: 인코딩 오류: byte 0xc7")


def test_file_far_too_large(ws: Workspace, capsys):
    path = ws.file("duties.csv")
    padding = b"\n" * (MAX_FILE_BYTES + 1 - path.stat().st_size)
    path.write_bytes(path.read_bytes() + padding)
    line = only(ws.rejected(capsys), "duties.csv:0:0: ")
    assert f"파일이 너무 큽니다: {MAX_FILE_BYTES + 1:,} bytes" in line


def test_broken_quoting(ws: Workspace, capsys):
    path = ws.file("duties.csv")
    unterminated = '2025-03-31,총무과,9,"닫히지 않은 따옴표\n'
    path.write_text(path.read_text(encoding="utf-8") + unterminated, encoding="utf-8")
    line = only(ws.rejected(capsys), "duties.csv:")
    assert "CSV 형식 오류" in line


def test_control_character_in_a_name(ws: Workspace, capsys):
    line = find_line(ws.file("contacts.csv"), name="황성묵")
    set_cell(ws.file("contacts.csv"), line, "name", "황성\x07묵")
    assert "제어 문자" in only(ws.rejected(capsys), f"contacts.csv:{line}:6: name: ")


FORMULAS = ['=HYPERLINK("http://example.com","클릭")', "+82-2-2133", "-1+1", "@SUM(A1:A2)", "=1+2"]


def test_formula_text_loads_as_text_and_exports_neutralised(ws: Workspace, capsys):
    path = ws.file("duties.csv")
    rows = read_rows(path)
    header = rows[0]
    for seq, text in enumerate(FORMULAS, start=90):
        rows.append(["2025-03-31", "총무과", str(seq), text][: len(header)])
    write_rows(path, rows)
    assert ws.build(capsys).code == 0
    with duckdb.connect(str(ws.database), read_only=True) as con:
        table = org.duties(con, date(2025, 3, 31), "총무과")
    table = table[table["seq"] >= 90]
    assert table["duty"].tolist() == FORMULAS

    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes({"담당업무": (table, "(단위 : 없음)")})))
    cells = [row[2] for row in workbook["담당업무"].iter_rows(min_row=3)]
    assert [cell.value for cell in cells] == FORMULAS
    assert {cell.data_type for cell in cells} == {"s"}

    exported = pd.read_csv(io.BytesIO(csv_bytes(table)), encoding="utf-8-sig")
    assert exported["duty"].tolist() == ["'" + text for text in FORMULAS]
    assert exported["seq"].tolist() == [90, 91, 92, 93, 94]  # numbers stay numbers


def test_all_errors_in_two_files_are_listed(ws: Workspace, capsys):
    dept_line = find_line(ws.file("departments.csv"), dept="인사과")
    set_cell(ws.file("departments.csv"), dept_line, "headcount", "서른아홉")
    budget_line = find_line(ws.file("budget.csv"), item_id="rev.nontax.recurring.property_rent")
    set_cell(ws.file("budget.csv"), budget_line, "actual", "-1")
    outcome = ws.rejected(capsys)
    assert [error.split(":")[:3] for error in outcome.errors] == [
        ["budget.csv", str(budget_line), "11"],
        ["departments.csv", str(dept_line), "6"],
    ]
    assert "빌드 실패: 2개 오류" in outcome.err


def test_row_error_and_cross_row_error_in_different_files_are_listed_together(ws: Workspace, capsys):
    dept_line = find_line(ws.file("departments.csv"), dept="인사과")
    set_cell(ws.file("departments.csv"), dept_line, "teams", "다섯")
    rows = read_rows(ws.file("duties.csv"))
    write_rows(ws.file("duties.csv"), [*rows, rows[1]])
    leaf = find_line(ws.file("budget.csv"), item_id="rev.nontax.recurring.property_rent")
    set_cell(ws.file("budget.csv"), leaf, "prior_budget", "1")
    outcome = ws.rejected(capsys)
    files = [error.split(":")[0] for error in outcome.errors]
    assert files.count("departments.csv") == 1
    assert f"duties.csv:{len(rows) + 1}:3: duplicate key (as_of, dept, seq): same as line 2" in outcome.errors
    assert files.count("budget.csv") == 1  # 경상적세외수입 no longer adds up


def test_cli_subprocess_exit_status_and_no_traceback(ws: Workspace):
    set_cell(ws.file("departments.csv"), 2, "headcount", "-188")
    ws.file("contacts.csv").unlink()
    command = ["build", "--sources", str(ws.sources), "--database", str(ws.database)]
    result = subprocess.run(
        [sys.executable, "-m", "bureau", *command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "contacts.csv:0:0: 파일이 없습니다 (file is missing)"
    assert lines[1].startswith("departments.csv:2:6: headcount: Input should be greater than or equal to 0")
    assert sha256(ws.database) == ws.live_hash


def test_sources_folder_missing_lists_every_file(ws: Workspace, capsys):
    ws.sources = ws.sources.parent / "nowhere"
    outcome = ws.rejected(capsys)
    assert sorted(error.split(":")[0] for error in outcome.errors) == sorted(table.file for table in TABLES)


def _rejection(case: Case, tmp_path: Path, live_database: Path, capsys) -> str:
    """Run one catalogue case; return its single error line, or raise AssertionError."""
    ws = make_workspace(tmp_path, live_database)
    expected = case.edit(ws)
    outcome = ws.rejected(capsys)
    line = only(outcome, expected)
    assert case.message in line, line
    for text in case.forbidden:
        assert text not in outcome.err, f"{text!r} leaked"
    return line


def test_catalogue_every_bad_input_is_rejected_where_it_is(tmp_path: Path, built_database: Path, capsys):
    """Every case is rejected with one located error; the outcome of each is printed
    (``pytest -rA tests/test_bad_input.py`` shows the list under PASSES or FAILURES)."""
    cases = catalogue()
    report, failed = [], []
    for number, case in enumerate(cases):
        try:
            outcome = "ok    " + _rejection(case, tmp_path / str(number), built_database, capsys)
        except AssertionError as error:
            outcome = "FAILED " + str(error).splitlines()[0]
            failed.append(case)
        report.append(f"[{case.kind}] {case.name}: {outcome}")
    kinds = {case.kind for case in cases}
    print(f"bad-input catalogue: {len(kinds)} classes, {len(cases)} cases, {len(failed)} failed")
    print("\n".join(report))
    assert not failed, "\n".join(report)


def _readme_examples(bullet: str) -> tuple[list[str], list[str]]:
    """The backticked examples of a data/README.md bullet: (accepted, rejected)."""
    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    item = text.split(f"- **{bullet}**", 1)[1].split("\n- ", 1)[0]
    accepted, rejected = item.split("Rejected:")
    return re.findall(r"`([^`]+)`", accepted), re.findall(r"`([^`]+)`", rejected)


def test_readme_date_formats_are_the_ones_the_code_accepts():
    accepted, rejected = _readme_examples("Dates")
    day = TypeAdapter(Day)
    assert len(accepted) >= 5 and {day.validate_python(text) for text in accepted[:5]} == {date(2025, 3, 31)}
    assert [day.validate_python(text) for text in accepted[5:]] == [date(1900, 1, 1), date(2100, 12, 31)]
    for text in rejected:
        with pytest.raises(ValidationError):
            day.validate_python(text)


def test_readme_number_formats_are_the_ones_the_code_accepts():
    accepted, rejected = _readme_examples("Numbers")
    number = TypeAdapter(SignedAmount)
    assert [number.validate_python(text) for text in accepted] == [1880, 1880, 12_345_678, -1234, -1234]
    for text in rejected:
        with pytest.raises(ValidationError):
            number.validate_python(text)
