"""The build: all tables in, metadata recorded, bad data rejected with the database untouched."""

import hashlib
import os
import shutil
import sys
from pathlib import Path

import pytest

from bureau import paths
from bureau.__main__ import main
from bureau.build import build, is_stale
from bureau.connection import open_read_only
from bureau.topics import TABLES
from bureau.topics.report import meta
from tests.read_only_support import run_read_only


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    copy = tmp_path / "sources"
    shutil.copytree(paths.sources_dir(), copy)
    return copy


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_build_loads_every_table_and_records_what_it_was_made_from(sources, tmp_path):
    database = tmp_path / "bureau.duckdb"
    result = build(sources, database)
    assert set(result.rows) == {table.name for table in TABLES}
    assert result.rows["budget"] == 29 and result.rows["departments"] == 9
    with open_read_only(database) as con:
        info = meta.build_info(con)
        assert info["build_id"] == result.build_id
        assert info["latest_as_of"].isoformat() == "2025-03-31"
        assert info["built_at"] is not None
        recorded = dict(con.execute("SELECT file, sha256 FROM build_sources").fetchall())
        assert recorded["budget.csv"] == digest(sources / "budget.csv")
        assert con.execute("SELECT as_of FROM reports").fetchone()[0].isoformat() == "2025-03-31"
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".bureau.duckdb.lock",
        "bureau.duckdb",
        "sources",
    ]  # no temp file left behind


def test_a_corrupted_value_fails_naming_file_line_and_column(sources, tmp_path, capsys):
    database = tmp_path / "bureau.duckdb"
    build(sources, database)
    before = digest(database)
    budget_csv = sources / "budget.csv"
    lines = budget_csv.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace(",621844,", ",62I844,")  # 공유재산임대료 '24 예산현액, a typo
    budget_csv.write_text("\n".join(lines) + "\n", encoding="utf-8")

    exit_code = main(["build", "--sources", str(sources), "--database", str(database)])

    error = capsys.readouterr().err
    assert exit_code == 1
    assert "budget.csv:5:9: prior_budget: Input should be a valid integer" in error
    assert "Traceback" not in error
    assert digest(database) == before


def test_children_that_do_not_add_up_are_rejected(sources, tmp_path):
    budget_csv = sources / "budget.csv"
    text = budget_csv.read_text(encoding="utf-8").replace(",202898,213503,", ",202898,213504,")
    budget_csv.write_text(text, encoding="utf-8")
    exit_code = main(["build", "--sources", str(sources), "--database", str(tmp_path / "x.duckdb")])
    assert exit_code == 1
    assert not (tmp_path / "x.duckdb").exists()


def test_staleness_follows_the_source_files(sources, tmp_path):
    database = tmp_path / "bureau.duckdb"
    assert is_stale(sources, database)
    build(sources, database)
    assert not is_stale(sources, database)
    newer = database.stat().st_mtime + 10
    os.utime(sources / "duties.csv", (newer, newer))
    assert is_stale(sources, database)


@pytest.mark.parametrize("lock_left", [False, True], ids=["fresh folder", "lock file left writable"])
def test_read_only_data_folder_fails_in_one_line(sources, tmp_path, lock_left):
    folder = tmp_path / "data"
    database = folder / "bureau.duckdb"
    build(sources, database)
    before = digest(database)
    lock = folder / ".bureau.duckdb.lock"
    if not lock_left:
        lock.unlink()
    (sources / "duties.csv").touch()  # newer sources: there is something to build
    command = [sys.executable, "-m", "bureau", "build", "--sources", str(sources), "--database"]
    command.append(str(database))
    result = run_read_only(folder, command, {}, writable=(lock,) if lock_left else ())
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("빌드 실패: 데이터베이스를 쓸 수 없습니다 (data 폴더가 읽기 전용인가요?): ")
    assert line.endswith(". 기존 데이터베이스는 그대로입니다.")
    assert digest(database) == before
    assert not list(folder.glob(".bureau.duckdb.*.tmp*"))


def test_a_damaged_database_is_rebuilt_before_a_workbook_is_written(sources, tmp_path, capsys):
    database = tmp_path / "bureau.duckdb"
    build(sources, database)
    os.truncate(database, database.stat().st_size // 3)  # newer than the sources, but damaged
    output = tmp_path / "report.xlsx"
    arguments = ["workbook", str(output), "--sources", str(sources), "--database", str(database)]
    assert main(arguments) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.splitlines()[0].startswith(f"built {database} (279 rows in 40 tables")
    assert output.stat().st_size > 0
    with open_read_only(database) as con:
        staff = con.execute("SELECT sum(headcount) FROM departments WHERE kind <> '유관기관'").fetchone()
    assert staff == (365,)  # the report: 행정국 365명
