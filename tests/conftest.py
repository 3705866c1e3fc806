"""Shared fixtures: a database built from data/sources per test session, and AppTest pages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from bureau import paths
from bureau.build import build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real report's database, built once from data/sources into a temp folder."""
    database = tmp_path_factory.mktemp("db") / "bureau.duckdb"
    build(paths.sources_dir(), database)
    return database


@pytest.fixture
def con(built_database: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    # same configuration as the app's connection (ui.data): DuckDB refuses a second
    # connection to one file with another configuration in the same process
    connection = duckdb.connect(str(built_database), read_only=True, config={"enable_external_access": False})
    yield connection
    connection.close()


OpenPage = Callable[..., AppTest]


@pytest.fixture
def open_page(built_database: Path, monkeypatch: pytest.MonkeyPatch) -> OpenPage:
    """``open_page("budget", unit="억원")`` runs app.py, switches to pages/budget.py
    (with the given URL query parameters) and fails on any exception."""
    monkeypatch.setenv("BUREAU_DATABASE", str(built_database))
    st.cache_data.clear()
    st.cache_resource.clear()

    def open_(slug: str = "overview", **query_params: str) -> AppTest:
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for name, value in query_params.items():
            app.query_params[name] = value
        app.run()
        if slug != "overview":
            app.switch_page(f"pages/{slug}.py").run()
        assert not app.exception, [error.message for error in app.exception]
        return app

    return open_
