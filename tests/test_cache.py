"""ui.cache.cached_figure: one build per database build and arguments, shared by reruns."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from bureau import paths
from bureau.build import build
from ui.cache import cached_figure

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
