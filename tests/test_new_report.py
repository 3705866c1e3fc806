"""The README's "Adding a new report" steps, followed to the letter on a copy of data/sources:
the new report builds, the period selector appears with the newest report first, and every
page opens at either report's date showing that report's figures. The `--as-of` of the
council pack names a report that exists, or ends in one line listing those that do."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from bureau import paths
from bureau.__main__ import main
from tests.printed import AS_OF
from ui.nav import PAGES

ROOT = Path(__file__).resolve().parent.parent
NEW = "2025-06-30"
PREVIOUS = AS_OF.isoformat()
README_STEPS = re.compile(r"## Adding a new report.*?\n\n(1\. .*?)\n\n", re.S)


def test_the_readme_still_says_what_this_test_does():
    """If the README's steps change, this test must change with them."""
    steps = README_STEPS.search((ROOT / "README.md").read_text(encoding="utf-8")).group(1)
    assert steps.startswith(
        "1. Add a row to `data/sources/reports.csv` (`as_of`, published month, title, source)."
    )
    assert (
        "2. Append that report's rows to each table in `data/sources/` with the new `as_of`: copy the\n"
        in steps
    )
    assert "previous report's rows, change their `as_of`, then change what the new report changed" in steps
    assert "3. Run `make build` (or `.venv/bin/python -m bureau build`" in steps


@pytest.fixture
def data_folder(tmp_path: Path) -> Path:
    """A copy of the project's data/sources, to follow the steps on."""
    shutil.copytree(paths.sources_dir(), tmp_path / "data" / "sources")
    return tmp_path / "data"


def _follow_the_readme(sources: Path) -> None:
    # 1. Add a row to data/sources/reports.csv (as_of, published month, title, source).
    with (sources / "reports.csv").open("a", encoding="utf-8") as reports:
        reports.write(f"{NEW},2025-07,행정국 주요 업무보고,서울특별시 행정국 「주요 업무보고」(2025. 7.)\n")
    # 2. Append that report's rows to each table: copy the previous report's rows, change their
    #    as_of, then change what the new report changed (here: two more people in 총무과).
    for table in sorted(sources.glob("*.csv")):
        if table.name == "reports.csv":
            continue
        lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
        copied = [NEW + line[len(PREVIOUS) :] for line in lines if line.startswith(f"{PREVIOUS},")]
        table.write_text("".join(lines + copied), encoding="utf-8")
    departments = sources / "departments.csv"
    text = departments.read_text(encoding="utf-8")
    text = text.replace(f"{NEW},총무과,과,,7,188,", f"{NEW},총무과,과,,7,190,")
    # "Excel is fine": the edited file saved as Excel on Korean Windows saves it, in CP949
    departments.write_bytes(text.encode("cp949"))
    summary = sources / "bureau_summary.csv"
    summary.write_text(summary.read_text(encoding="utf-8").replace(f"{NEW},7,1,365", f"{NEW},7,1,367"))


def test_a_new_report_added_as_the_readme_says(data_folder: Path, monkeypatch: pytest.MonkeyPatch):
    sources, database = data_folder / "sources", data_folder / "bureau.duckdb"
    _follow_the_readme(sources)
    # 3. Run .venv/bin/python -m bureau build (make build runs the same command)
    environment = {**os.environ, "BUREAU_SOURCES": str(sources), "BUREAU_DATABASE": str(database)}
    built = subprocess.run(
        [sys.executable, "-m", "bureau", "build"], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith(f"built {database}")

    # A period selector appears as soon as two reports exist; the newest report is shown first.
    monkeypatch.setenv("BUREAU_SOURCES", str(sources))
    monkeypatch.setenv("BUREAU_DATABASE", str(database))
    for period, headcount in ((None, "367명"), (NEW, "367명"), (PREVIOUS, "365명")):
        st.cache_data.clear()
        st.cache_resource.clear()
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        if period:
            app.query_params["period"] = period
        app.run()
        assert not app.exception, [error.message for error in app.exception]
        selector = app.selectbox(key="period")
        assert selector.options == [NEW, PREVIOUS]
        assert selector.value == (period or NEW)
        assert {metric.label: metric.value for metric in app.metric}["인원"] == headcount
    for page in PAGES[1:]:  # every page opens at the new report
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        app.switch_page(page.path)
        app.run()
        assert not app.exception, (page.slug, [error.message for error in app.exception])
        assert f"기준일 {NEW[:4]}. 6. 30." in app.caption[0].value


def test_a_pack_for_a_date_without_a_report_ends_in_one_line(tmp_path, two_reports, capsys):
    target = tmp_path / "x.pptx"
    where = ["--database", str(two_reports.database), "--sources", str(two_reports.sources)]
    for wrong in ("2025-05-31", "31.3.2025"):
        assert main(["deck", str(target), "--as-of", wrong, *where]) == 1
        captured = capsys.readouterr()
        assert captured.err.splitlines() == [
            f"보고 기준일 {wrong}의 보고서가 없습니다. 있는 기준일: 2025-06-30, 2025-03-31"
        ]
        assert "Traceback" not in captured.err and not target.exists()
    assert main(["workbook", str(tmp_path / "x.xlsx"), "--as-of", PREVIOUS, *where]) == 0
