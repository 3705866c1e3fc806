"""Data text is text everywhere: every free-text cell of every source table carries a Markdown,
Streamlit-colour, LaTeX, link, image or HTML payload (tests/markup_support.py); every page is
rendered and no payload may reach a Markdown-rendering element unescaped.

The AppTest half reads every string of every element Streamlit renders as Markdown (bodies,
labels, help, metric values and deltas, st.table cells); the browser half
(tests/test_hardened_browser.py) checks what Chromium shows and that it fetches nothing from
outside the app.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from bureau.build import build
from bureau.format import markdown_text
from tests.markup_support import PAYLOADS, hostile_sources
from ui.nav import PAGES

ROOT = Path(__file__).resolve().parent.parent
#: Elements whose strings are not Markdown: Plotly specs (their own markup is escaped by
#: bureau.format.plotly_text), data grids, code blocks and select menus (plain-text options);
#: the browser half checks what these show.
NOT_MARKDOWN = {"plotly_chart", "arrow_data_frame", "code", "selectbox", "multiselect"}
#: The views rendered: every page, in presenter mode too (its footer repeats the source).
VIEWS = [
    pytest.param(page.slug, query, id=page.slug + ("-present" if query else ""))
    for page in PAGES
    for query in ({}, {"present": "1"})
]


@pytest.fixture(scope="module")
def hostile_database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    sources = folder / "sources"
    changed = hostile_sources(sources)
    assert len(changed) >= 20  # most tables have free text
    database = folder / "bureau.duckdb"
    build(sources, database)
    return sources, database


def _nodes(node) -> Iterator:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def _strings(message: Message) -> Iterator[str]:
    for descriptor, value in message.ListFields():
        for item in value if descriptor.is_repeated else [value]:
            if isinstance(item, Message):
                yield from _strings(item)
            elif isinstance(item, str):
                yield item


def markdown_strings(app: AppTest) -> list[str]:
    """Every string the page hands to Streamlit's Markdown renderer."""
    found = []
    for node in _nodes(app._tree):
        if node.type in NOT_MARKDOWN or not isinstance(getattr(node, "proto", None), Message):
            continue
        if node.type == "table":
            table: pd.DataFrame = node.value
            found.extend(str(cell) for cell in [*table.to_numpy().ravel(), *table.index, *table.columns])
        else:
            found.extend(_strings(node.proto))
    return found


@pytest.mark.parametrize(("slug", "query"), VIEWS)
def test_markup_in_every_text_column_renders_as_text(hostile_database, monkeypatch, slug, query):
    sources, database = hostile_database
    monkeypatch.setenv("BUREAU_DATABASE", str(database))
    monkeypatch.setenv("BUREAU_SOURCES", str(sources))
    st.cache_data.clear()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for name, value in query.items():
        app.query_params[name] = value
    if slug != PAGES[0].slug:
        app.switch_page(f"pages/{slug}.py")
    app.run()
    assert not app.exception, [error.message for error in app.exception]
    strings = markdown_strings(app)
    unescaped = sorted({payload for payload in PAYLOADS for text in strings if payload in text})
    assert unescaped == []
    # not vacuous: the page does show data text with payloads, escaped
    escaped = {payload for payload in PAYLOADS for text in strings if markdown_text(payload) in text}
    assert escaped, "no payload on the page at all"
