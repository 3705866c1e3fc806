"""ui.cache.cached_figure and ui.data.view: one build per database build and arguments,
shared by reruns and sessions; a view's parts computed once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import plotly.graph_objects as go
import pytest

from bureau import paths
from bureau.build import build
from bureau.connection import open_read_only
from bureau.topics.overview import queries as org
from bureau.view import part
from tests.printed import AS_OF
from ui.cache import cached_figure
from ui.data import view

calls: list[tuple] = []


def bar(frame: pd.DataFrame, title: str) -> go.Figure:
    calls.append((len(frame), title))
    return go.Figure(go.Bar(x=frame["x"], y=frame["y"]), layout={"title": title})


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    built = tmp_path / "bureau.duckdb"
    build(paths.sources_dir(), built)
    monkeypatch.setenv("BUREAU_DATABASE", str(built))
    calls.clear()
    return built


def test_same_build_and_arguments_reuse_the_figure(database: Path) -> None:
    frame = pd.DataFrame({"x": ["가", "나"], "y": [1, 2]})
    first = cached_figure(bar, frame, title="예산")
    again = cached_figure(bar, frame.copy(), title="예산")
    assert again is first and calls == [(2, "예산")]

    cached_figure(bar, frame, title="세출")
    cached_figure(bar, frame.iloc[:1], title="예산")
    assert calls == [(2, "예산"), (2, "세출"), (1, "예산")]


def test_a_rebuild_builds_the_figure_again(database: Path) -> None:
    frame = pd.DataFrame({"x": ["가"], "y": [1]})
    before = cached_figure(bar, frame, title="예산")
    build(paths.sources_dir(), database)
    after = cached_figure(bar, frame, title="예산")
    assert after is not before and len(calls) == 2


@dataclass(frozen=True, eq=False)
class Counted:
    """A view: the report's department count, and a part that counts its computations."""

    departments: int

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, as_of: date) -> Counted:
        calls.append(("load", as_of))
        return cls(len(org.departments(con, as_of)))

    @part
    def scaled(self, factor: int) -> list[int]:
        calls.append(("scaled", factor))
        return [self.departments * factor]


def test_a_view_is_loaded_once_per_build_and_arguments_and_shared(database: Path) -> None:
    first = view(Counted.load, as_of=AS_OF)
    again = view(Counted.load, as_of=AS_OF)
    assert again is first and calls == [("load", AS_OF)]
    con = open_read_only(database)
    try:
        assert first.departments == len(org.departments(con, AS_OF)) > 0
    finally:
        con.close()


def test_a_part_is_computed_once_per_view_and_arguments(database: Path) -> None:
    shown = view(Counted.load, as_of=AS_OF)
    assert shown.scaled(2) is view(Counted.load, as_of=AS_OF).scaled(2)
    assert shown.scaled(3) == [shown.departments * 3]
    assert calls == [("load", AS_OF), ("scaled", 2), ("scaled", 3)]


def test_a_rebuild_loads_the_view_again(database: Path) -> None:
    before = view(Counted.load, as_of=AS_OF)
    build(paths.sources_dir(), database)
    after = view(Counted.load, as_of=AS_OF)
    assert after is not before and calls == [("load", AS_OF), ("load", AS_OF)]
