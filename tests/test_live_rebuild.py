"""Rebuilding while the app serves readers: no errors, no mixed answers, no damage."""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from bureau import paths
from bureau.build import build
from tests.bad_input_support import TEMP_PATTERN, find_line, read_rows, set_cell, sha256, write_rows
from tests.live_support import SNAPSHOT_SQL

ROOT = Path(__file__).resolve().parent.parent
BUILDS = 20


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    shutil.copytree(paths.sources_dir(), folder)
    return folder


def with_extra_duties(sources: Path, original: list[list[str]], extra: int) -> int:
    """duties.csv with ``extra`` more rows; returns the row count the build will hold."""
    rows = [
        *original,
        *([original[1][0], original[1][1], str(100 + i), f"추가 업무 {i}"] for i in range(extra)),
    ]
    write_rows(sources / "duties.csv", rows)
    return len(rows) - 1


def test_readers_never_see_an_error_or_a_mixed_build(sources: Path, tmp_path: Path):
    database = tmp_path / "live" / "bureau.duckdb"
    original = read_rows(sources / "duties.csv")
    expected = {build(sources, database).build_id: len(original) - 1}

    context = multiprocessing.get_context("spawn")
    stop, results = context.Event(), context.Queue()
    readers = [
        context.Process(target=_reader_entry, args=(str(database), mode, stop, results))
        for mode in ("live", "fresh", "live")
    ]
    for process in readers:
        process.start()
    try:
        _wait_for_first_answers(database)
        for number in range(1, BUILDS + 1):
            count = with_extra_duties(sources, original, number)
            expected[build(sources, database).build_id] = count
            time.sleep(0.05)  # let the readers query this build
    finally:
        stop.set()
        outcomes = [results.get(timeout=120) for _ in readers]
        for process in readers:
            process.join(timeout=60)

    seen_builds = set()
    for mode, answers, errors in outcomes:
        assert errors == [], (mode, errors[:5])
        assert answers, mode
        for build_id, count in answers:
            assert expected[build_id] == count, (mode, build_id, count)
            seen_builds.add(build_id)
    assert len(seen_builds) >= 3  # the readers really ran across several publications
    assert not list(database.parent.glob(TEMP_PATTERN))


def _reader_entry(database: str, mode: str, stop, results) -> None:
    from tests.live_support import reader

    reader(database, mode, stop, results)


def _wait_for_first_answers(database: Path) -> None:
    # Readers start in fresh interpreters; give them time to import (not a correctness wait).
    con = duckdb.connect(str(database), read_only=True)
    try:
        assert con.execute(SNAPSHOT_SQL).fetchone()[0]
    finally:
        con.close()
    time.sleep(3)


def _start_slow_build(sources: Path, database: Path, marker: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "live_support.py"), str(sources), str(database), str(marker)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_build_killed_midway_leaves_the_live_database_intact(sources: Path, tmp_path: Path):
    database = tmp_path / "live" / "bureau.duckdb"
    build(sources, database)
    before = sha256(database)
    set_cell(
        sources / "departments.csv", find_line(sources / "departments.csv", dept="총무과"), "headcount", "200"
    )

    marker = tmp_path / "marker"
    process = _start_slow_build(sources, database, marker)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert process.poll() is None, "the slow build ended early"
            assert time.monotonic() < deadline, "the slow build never wrote its temp file"
            time.sleep(0.05)
        leftovers = list(database.parent.glob(TEMP_PATTERN))
        assert leftovers  # killed with its temp file on disk...
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert sha256(database) == before  # ...the live database is exactly the last good one
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("SELECT headcount FROM departments WHERE dept = '총무과'").fetchone() == (188,)

    result = build(sources, database)  # the next build takes the lock the dead one held
    assert not list(database.parent.glob(TEMP_PATTERN))  # and removes what it left
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("SELECT build_id FROM build_info").fetchone() == (result.build_id,)
        assert con.execute("SELECT headcount FROM departments WHERE dept = '총무과'").fetchone() == (200,)


def test_builds_killed_at_random_points(sources: Path, tmp_path: Path):
    database = tmp_path / "live" / "bureau.duckdb"
    build(sources, database)
    random_points = random.Random(8)
    command = [
        sys.executable,
        "-m",
        "bureau",
        "build",
        "--sources",
        str(sources),
        "--database",
        str(database),
    ]
    for _ in range(6):
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(random_points.uniform(0.2, 2.5))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        # Whether killed before or after os.replace, the file in service is a complete
        # database: one build_info row and every table readable.
        with duckdb.connect(str(database), read_only=True) as con:
            assert con.execute("SELECT count(*) FROM build_info").fetchone() == (1,)
            assert con.execute("SELECT count(*) FROM departments").fetchone()[0] > 0
            assert con.execute("SELECT count(*) FROM reconciliation").fetchone()[0] > 0
    build(sources, database)
    assert not list(database.parent.glob(TEMP_PATTERN))


@pytest.fixture
def app_database(sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    database = tmp_path / "app" / "bureau.duckdb"
    build(sources, database)
    monkeypatch.setenv("BUREAU_DATABASE", str(database))
    monkeypatch.setenv("BUREAU_SOURCES", str(sources))
    st.cache_data.clear()
    st.cache_resource.clear()
    return database


def _headcount(app: AppTest) -> str:
    return next(metric.value for metric in app.metric if metric.label == "인원")


def test_open_app_picks_up_a_new_database_on_rerun(sources: Path, app_database: Path):
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception
    assert _headcount(app) == "365명"  # the report: 행정국 365명

    line = find_line(sources / "departments.csv", dept="총무과")
    set_cell(sources / "departments.csv", line, "headcount", "200")  # 188 → 200
    build(sources, app_database)  # published by someone else (CLI) into the same path
    app.run()
    assert not app.exception
    assert _headcount(app) == "377명"

    set_cell(sources / "departments.csv", line, "headcount", "190")  # edited, not yet built
    app.run()  # the app notices the newer source and rebuilds it itself
    assert not app.exception
    assert _headcount(app) == "367명"
