"""Shared fixtures: the real report and a second one (June 2025) built into one database per
test session, and AppTest pages at either report's date."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from bureau import paths
from bureau.build import build
from bureau.connection import open_read_only
from tests.printed import AS_OF
from tests.second_report import write_second_report

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class TwoReports:
    """data/sources plus the June report of tests/second_report.py, and their database."""

    sources: Path
    database: Path
    #: the real report (2025-03-31) and the June one (2025-06-30)
    previous: date
    latest: date

    @property
    def dates(self) -> tuple[date, date]:
        return self.previous, self.latest


@pytest.fixture(scope="session")
def two_reports(tmp_path_factory: pytest.TempPathFactory) -> TwoReports:
    """A database holding two reports: the real one and the June one made from it. Built by the
    real build, which raises on any error: the June report is a valid one."""
    folder = tmp_path_factory.mktemp("two_reports")
    sources = folder / "sources"
    shutil.copytree(paths.sources_dir(), sources)
    latest = write_second_report(sources)
    database = folder / "bureau.duckdb"
    build(sources, database)
    return TwoReports(sources, database, AS_OF, latest)


@pytest.fixture(scope="session")
def built_database(two_reports: TwoReports) -> Path:
    """The database the tests read: the real report and the June one. A test of the real
    report names its date (2025-03-31), so it passes whichever report is the newest."""
    return two_reports.database


@pytest.fixture
def con(built_database: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = open_read_only(built_database)
    yield connection
    connection.close()


OpenPage = Callable[..., AppTest]


@pytest.fixture
def open_page(two_reports: TwoReports, monkeypatch: pytest.MonkeyPatch) -> OpenPage:
    """``open_page("budget", unit="억원")`` runs app.py on the two-report database, switches to
    pages/budget.py with the given URL query parameters, and fails on any exception. It opens
    the real report (``period`` 2025-03-31) unless ``period`` names another (``None``: none in
    the URL, so the newest report)."""
    monkeypatch.setenv("BUREAU_DATABASE", str(two_reports.database))
    monkeypatch.setenv("BUREAU_SOURCES", str(two_reports.sources))
    st.cache_data.clear()
    st.cache_resource.clear()

    def open_(slug: str = "overview", period: str | None = AS_OF.isoformat(), **query_params: str) -> AppTest:
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        pinned = {"period": period} if period else {}
        for name, value in {**pinned, **query_params}.items():
            app.query_params[name] = value
        if slug != "overview":
            # Open the page directly (as a browser at /slug?… does): switching after a first
            # run would drop the parameters bound to the first page's sidebar widgets.
            app.switch_page(f"pages/{slug}.py")
        app.run()
        assert not app.exception, [error.message for error in app.exception]
        return app

    return open_
