"""Hardened defaults: panels fail alone, data text is never markup, the DuckDB connection
is read-only without external access, the effective Streamlit configuration, and faults
(an unreadable database, no data, a read-only data/ folder) that end in the last good
data or one clear message."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import duckdb
import plotly.graph_objects as go
import pytest
import streamlit as st
from streamlit import config
from streamlit.testing.v1 import AppTest

from bureau import paths
from bureau.build import build
from bureau.format import markdown_text, plotly_text
from bureau.topics.report import queries as issue_queries
from tests.bad_input_support import find_line, set_cell, sha256
from tests.printed import AS_OF
from tests.read_only_support import run_read_only
from ui import data

ROOT = Path(__file__).resolve().parent.parent
FAILED = "이 부분을 표시하지 못했습니다"


def _broken(*args, **kwargs):
    raise RuntimeError("simulated failure")


# -- panels fail alone ---------------------------------------------------------------


def test_a_failing_query_takes_down_only_its_panel(open_page, monkeypatch):
    monkeypatch.setattr(issue_queries, "current_issues", _broken)
    app = open_page("overview")
    warnings = [warning.value for warning in app.warning]
    assert any(value.startswith("현안 업무: " + FAILED) for value in warnings), warnings
    # the rest of the page is there: KPIs, the headcount chart, the duties, the district facts
    assert [metric.value for metric in app.metric][:2] == ["7과 1사업소", "365명"]
    assert len(app.get("plotly_chart")) == 1
    assert "총무과" in [expander.label for expander in app.expander]
    assert any(markdown.value == "### 9,335,734명" for markdown in app.markdown)
    assert not any("simulated failure" in element.value for element in app.markdown)


def test_a_failing_chart_takes_down_only_its_panel(open_page, monkeypatch):
    import bureau.topics.overview.charts

    monkeypatch.setattr(bureau.topics.overview.charts, "headcount_by_department", _broken)
    app = open_page("overview")
    assert any(warning.value.startswith("부서별 인원: " + FAILED) for warning in app.warning)
    assert len(app.get("plotly_chart")) == 0
    assert [metric.value for metric in app.metric][:2] == ["7과 1사업소", "365명"]
    assert "총무과" in [expander.label for expander in app.expander]
    assert any(markdown.value.startswith("#### 1. 영남 산불") for markdown in app.markdown)


def test_without_failures_no_panel_warning(open_page):
    app = open_page("overview")
    assert not any(FAILED in warning.value for warning in app.warning)


# -- data text is shown literally ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\</script\>"),
        ("**굵게**", r"\*\*굵게\*\*"),
        ("[클릭](http://example.com)", "\\[클릭\\]\\(http\u2060\\://example\\.com\\)"),
        ("![x](https://example.com/x.png)", "\\!\\[x\\]\\(https\u2060\\://example\\.com/x\\.png\\)"),
        ("www.seoul.go.kr", "www\u2060\\.seoul\\.go\\.kr"),
        (":red[빨강] $x$ ~~취소~~", r"\:red\[빨강\] \$x\$ \~\~취소\~\~"),
        ("# 제목\n- 목록", r"\# 제목 \- 목록"),
        ("C:\\temp &amp;", r"C\:\\temp \&amp;"),
        ("총무과 2,133명", "총무과 2,133명"),
    ],
)
def test_markdown_text_escapes_every_markup_character(text, escaped):
    assert markdown_text(text) == escaped


def make_hostile_sources(tmp_path: Path) -> Path:
    """The real sources with markup in a department name, a duty and an issue goal."""
    sources = tmp_path / "sources"
    shutil.copytree(paths.sources_dir(), sources)
    for path in sources.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("인사과", "**인사과**").replace("자치행정과", "<b>자치</b>행정과 & Co")
        path.write_text(text, encoding="utf-8")
    duties = sources / "duties.csv"
    duties.write_text(
        duties.read_text(encoding="utf-8") + '2025-03-31,총무과,9,"<script>alert(1)</script>"\n',
        encoding="utf-8",
    )
    issues = sources / "current_issues.csv"
    issues.write_text(
        issues.read_text(encoding="utf-8").replace(
            "총력 지원 추진", "총력 지원 추진 ![x](http://example.com/x.png) <img src=x onerror=alert(1)>"
        ),
        encoding="utf-8",
    )
    return sources


@pytest.fixture
def hostile_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    sources = make_hostile_sources(tmp_path)
    database = tmp_path / "hostile.duckdb"
    build(sources, database)
    monkeypatch.setenv("BUREAU_DATABASE", str(database))
    monkeypatch.setenv("BUREAU_SOURCES", str(sources))
    st.cache_data.clear()
    return database


def test_markup_in_data_is_shown_literally(hostile_database: Path):
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception
    bodies = [element.proto.body for element in app.markdown]
    assert all(not element.proto.allow_html for element in app.markdown)
    assert r"\*\*인사과\*\*" in [expander.label for expander in app.expander]
    assert r"- \<script\>alert\(1\)\</script\>" in bodies
    image = "\\!\\[x\\]\\(http\u2060\\://example\\.com/x\\.png\\) \\<img src\\=x onerror\\=alert\\(1\\)\\>"
    assert any(image in body for body in bodies)
    # no data text reaches markdown unescaped
    labels = [expander.label for expander in app.expander]
    captions = [caption.value for caption in app.caption]
    for body in [*bodies, *labels, *captions, *(warning.value for warning in app.warning)]:
        assert "**인사과**" not in body
        assert "<script>" not in body
        assert "](http" not in body


def test_plotly_text_escapes_markup():
    assert plotly_text("<b>자치</b>행정과 & Co") == "&lt;b&gt;자치&lt;/b&gt;행정과 &amp; Co"
    assert plotly_text("총무과") == "총무과"


def test_no_page_or_widget_allows_raw_html():
    sources = [*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), ROOT / "app.py"]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html" not in text, path
        assert "components.html(" not in text, path
        # Only presenter mode injects HTML, and only its static stylesheet constant.
        calls = re.findall(r"\bst\.html\(([^)]*)\)", text)
        assert calls == (["_STYLES"] if path.name == "presenter.py" else []), path


# -- DuckDB: read-only, no external access ------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/passwd')",
        "COPY departments TO '/tmp/leak.csv'",
        "ATTACH '/tmp/other.duckdb'",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET enable_external_access = true",
        "RESET enable_external_access",
        "CREATE TABLE scratch (a INTEGER)",
        "UPDATE departments SET headcount = 0",
    ],
)
def test_app_connection_refuses_files_extensions_and_writes(built_database, monkeypatch, sql):
    monkeypatch.setenv("BUREAU_DATABASE", str(built_database))
    with data.connection() as con, pytest.raises(duckdb.Error):
        con.execute(sql)
    with data.connection() as con:  # and the connection still serves queries afterwards
        count = con.execute("SELECT count(*) FROM departments WHERE as_of = ?", [AS_OF]).fetchone()[0]
        assert count == 9


# -- the effective Streamlit configuration -------------------------------------------


@pytest.fixture
def project_config(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("HOME", str(ROOT / "tests"))  # no user-level config.toml in the way
    config.get_config_options(force_reparse=True)
    yield config.get_option
    monkeypatch.undo()
    config.get_config_options(force_reparse=True)


def test_effective_configuration(project_config):
    get = project_config
    assert config.get_config_options()["browser.gatherUsageStats"].where_defined.endswith(
        str(Path(".streamlit") / "config.toml")
    )
    assert get("browser.gatherUsageStats") is False
    assert get("client.showErrorDetails") == "none"
    assert get("client.toolbarMode") == "viewer"
    assert get("server.enableXsrfProtection") is True
    assert get("server.enableCORS") is True
    assert get("server.corsAllowedOrigins") in ([], None)
    assert get("server.fileWatcherType") == "none"
    assert get("server.runOnSave") is False
    assert get("server.enableStaticServing") is False
    assert get("server.headless") is True
    # this machine only, websockets only for its own names, no guessing of its address
    assert get("server.address") == "localhost"
    assert get("browser.serverAddress") == "localhost"
    assert get("server.allowedHosts") == ["localhost", "127.0.0.1"]
    assert 1 <= get("server.maxUploadSize") <= 10
    assert 10 <= get("server.maxMessageSize") <= 50
    assert get("global.developmentMode") is False


def test_values_are_ones_streamlit_accepts():
    text = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    template = config._config_options_template
    section = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line.strip("[]")
        elif "=" in line and not line.startswith("#"):
            key = f"{section}.{line.split('=')[0].strip()}"
            assert key in template, f"unknown option {key}"


def test_charts_fit_well_within_the_message_limit(open_page, project_config):
    limit = project_config("server.maxMessageSize") * 1024 * 1024
    app = open_page("overview")
    for element in app.get("plotly_chart"):
        assert element.proto.ByteSize() < limit / 100
    # A much larger figure than any page draws (20,000 points × 3 traces) still fits.
    big = go.Figure([go.Scatter(x=list(range(20_000)), y=[i * 1.5 for i in range(20_000)]) for _ in range(3)])
    assert len(json.dumps(big.to_plotly_json(), default=str).encode()) < limit / 10


# -- faults: the last good database, or one clear message ---------------------------


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data/ folder as deployed: sources/ and a good bureau.duckdb built from them."""
    folder = tmp_path / "data"
    shutil.copytree(paths.sources_dir(), folder / "sources")
    build(folder / "sources", folder / "bureau.duckdb")
    monkeypatch.setenv("BUREAU_SOURCES", str(folder / "sources"))
    monkeypatch.setenv("BUREAU_DATABASE", str(folder / "bureau.duckdb"))
    st.cache_data.clear()
    st.cache_resource.clear()
    return folder


def _open_app() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception, [exception.message for exception in app.exception]
    return app


def _headcount(app: AppTest) -> str:
    return next(metric.value for metric in app.metric if metric.label == "인원")


def _zero_length(database: Path) -> None:
    database.write_bytes(b"")


def _garbage(database: Path) -> None:
    database.write_bytes(b"not a database\n" * 1000)


def _truncated(database: Path) -> None:
    os.truncate(database, database.stat().st_size // 3)


@pytest.mark.parametrize("damage", [_zero_length, _garbage, _truncated])
def test_an_unreadable_database_is_rebuilt_from_good_sources(data_folder: Path, damage):
    damage(data_folder / "bureau.duckdb")  # now newer than every source: staleness alone would not rebuild it
    app = _open_app()
    assert _headcount(app) == "365명"  # the report: 행정국 365명
    assert not app.error
    with data.connection() as con:
        assert con.execute("SELECT count(*) FROM build_info").fetchone() == (1,)


def test_an_unreadable_database_and_bad_sources_give_one_clear_message(data_folder: Path):
    departments = data_folder / "sources" / "departments.csv"
    line = find_line(departments, dept="인사과")
    set_cell(departments, line, "headcount", "서른아홉")
    _zero_length(data_folder / "bureau.duckdb")
    app = _open_app()
    assert [error.value for error in app.error] == [data.UNAVAILABLE]
    assert app.code[0].value.startswith(f"departments.csv:{line}:6: headcount: ")
    assert not app.metric  # no page content under the message


def test_no_sources_and_no_database_give_the_same_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BUREAU_SOURCES", str(tmp_path / "data" / "sources"))
    monkeypatch.setenv("BUREAU_DATABASE", str(tmp_path / "data" / "bureau.duckdb"))
    st.cache_data.clear()
    app = _open_app()
    assert [error.value for error in app.error] == [data.UNAVAILABLE]
    assert "departments.csv:0:0: 파일이 없습니다 (file is missing)" in app.code[0].value.splitlines()


def test_read_only_data_folder_keeps_the_last_good_database_with_a_notice(data_folder: Path):
    before = sha256(data_folder / "bureau.duckdb")
    departments = data_folder / "sources" / "departments.csv"
    # an edit newer than the database: the app tries to rebuild and cannot write
    set_cell(departments, find_line(departments, dept="총무과"), "headcount", "200")
    environment = {
        "BUREAU_SOURCES": str(data_folder / "sources"),
        "BUREAU_DATABASE": str(data_folder / "bureau.duckdb"),
    }
    command = [sys.executable, str(ROOT / "tests" / "read_only_support.py")]
    result = run_read_only(data_folder, command, environment)
    assert result.returncode == 0, result.stderr[-2000:]
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["exceptions"] == []
    assert "인원=365명" in shown["metrics"]  # the last good build, not the edited 377명
    assert shown["expanders"][0] == "⚠️ 원본 데이터 오류 1건: 마지막 정상 데이터를 표시합니다"
    assert shown["code"][0].startswith("데이터베이스를 쓸 수 없습니다 (data 폴더가 읽기 전용인가요?): ")
    assert "Traceback" not in shown["code"][0]
    assert sha256(data_folder / "bureau.duckdb") == before


# -- widgets escape what they render -------------------------------------------------


def _kpi_and_table():
    import pandas as pd

    from ui.widgets import Kpi, kpi_row, text_table

    kpi_row([Kpi("하락", "**1**명", "-3.2%"), Kpi("상승", ":red[2]", "+1.0%", delta_color="inverse")])
    text_table(pd.DataFrame({"역할": ["$x^2$ ![i](http://evil.example/i.png)"]}, index=["<b>기관</b>"]))


def test_kpi_values_deltas_and_table_cells_are_escaped_and_keep_their_direction():
    from streamlit.proto.Metric_pb2 import Metric

    app = AppTest.from_function(_kpi_and_table).run()
    falls, rises = app.metric
    assert (falls.value, falls.delta) == (r"\*\*1\*\*명", r"\-3\.2%")
    assert (falls.proto.direction, falls.proto.color) == (Metric.MetricDirection.DOWN, Metric.MetricColor.RED)
    assert (rises.value, rises.delta) == (r"\:red\[2\]", r"\+1\.0%")
    assert (rises.proto.direction, rises.proto.color) == (Metric.MetricDirection.UP, Metric.MetricColor.RED)
    table = app.table[0].value
    assert table.iloc[0, 0] == "\\$x^2\\$ \\!\\[i\\]\\(http\u2060\\://evil\\.example/i\\.png\\)"
    assert table.index[0] == r"\<b\>기관\</b\>"
