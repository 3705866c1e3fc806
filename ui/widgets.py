"""Widgets shared by pages: KPI rows, charts with a table alternative, downloads, notes.

``Kpi`` is ``bureau.kpi.Kpi``, re-exported here for pages that build their own."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from bureau.export import csv_bytes, xlsx_bytes
from bureau.filenames import caption_unit, file_name
from bureau.format import markdown_text
from bureau.kpi import Kpi
from bureau.page_kpis import page_kpis
from bureau.table import Table
from bureau.theme import scaled
from ui.data import view
from ui.filters import Filters
from ui.presenter import CHART_MAX_HEIGHT, CHART_SCALE, is_presenting
from ui.tables import data_table

__all__ = [
    "TABLE_KEY_SUFFIX",
    "Kpi",
    "card_rows",
    "chart",
    "discrepancy_notes",
    "downloads",
    "kpi_row",
    "report_kpis",
    "set_report_date",
    "text_list",
    "text_table",
]

_REPORT_DATE = "report_as_of"
Item = TypeVar("Item")
_PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


def report_kpis(topic: str, filters: Filters, **options: object) -> None:
    """The KPI row of ``topic``'s page for the chosen report and department, each KPI with its
    change since the previous report (``bureau.page_kpis``); ``options`` are the topic's own,
    e.g. the budget's sides. Shared by every session with the same filters."""
    kpi_row(
        view(page_kpis, topic=topic, as_of=filters.as_of, mode=filters.unit, dept=filters.dept, **options)
    )


def kpi_row(kpis: Sequence[Kpi]) -> None:
    """One bordered box per KPI, as tall as the row's tallest: its st.metric and, under it, its
    change since the previous report where it has one; nothing when there are none. st.metric
    renders its value and delta as Markdown: both are plain text here, so they are escaped."""
    if not kpis:
        return
    for column, kpi in zip(st.columns(len(kpis)), kpis):
        delta, color, arrow = _plain_delta(kpi)
        with column.container(border=True, height="stretch", gap="xsmall"):
            st.metric(
                kpi.label,
                markdown_text(kpi.value),
                delta,
                help=kpi.help,
                delta_color=color,
                delta_arrow=arrow,
            )
            if kpi.since_previous:
                st.caption(markdown_text(kpi.since_previous))


def _plain_delta(kpi: Kpi) -> tuple[str | None, str, str]:
    """The escaped delta with the arrow and colour Streamlit gives the raw text: it reads a
    leading "-" as a fall, and escaped that "-" is "\\-"."""
    color, arrow = kpi.delta_color, kpi.delta_arrow
    if kpi.delta is None:
        return None, color, arrow
    if arrow == "auto" and kpi.delta.strip().startswith("-"):
        arrow = "down"
        color = {"normal": "red", "inverse": "green"}.get(color, color)
    return markdown_text(kpi.delta), color, arrow


def card_rows(items: Sequence[Item], per_row: int) -> Iterator[tuple[DeltaGenerator, Item]]:
    """Each item with a bordered card to draw it in, ``per_row`` cards to a row. A phone stacks
    a row's columns, so the cards read in order at any width (one column per card position
    would stack as 1, 3, 2, 4)."""
    for start in range(0, len(items), per_row):
        for column, item in zip(st.columns(per_row), items[start : start + per_row]):
            yield column.container(border=True), item


def text_table(table: pd.DataFrame) -> None:
    """st.table renders every cell, header and index label as Markdown: data text is
    escaped first."""
    escaped = table.map(lambda cell: markdown_text(cell) if isinstance(cell, str) else cell)
    escaped.index = escaped.index.map(markdown_text)
    escaped.columns = escaped.columns.map(markdown_text)
    st.table(escaped)


def text_list(lines: Sequence[str | None]) -> None:
    """Plain-text lines (data) as a Markdown bullet list, each escaped; empty lines are skipped."""
    shown = [f"- {markdown_text(line)}" for line in lines if line]
    if shown:
        st.markdown("\n".join(shown))


def chart(
    figure: go.Figure,
    table: Table | pd.DataFrame | Callable[[], Table | pd.DataFrame],
    key: str,
) -> None:
    """A Plotly chart with a "표로 보기" data-table alternative beneath it; in presenter mode
    larger type and no table (the screen has no room for it). ``table`` may be a function
    that builds it (e.g. a ``partial``): it is called only when a reader opens 표로 보기."""
    if is_presenting():
        st.plotly_chart(scaled(figure, CHART_SCALE, CHART_MAX_HEIGHT), key=key, config=_PLOTLY_CONFIG)
        return
    st.plotly_chart(figure, key=key, config=_PLOTLY_CONFIG)
    _table_view(table, f"{key}{TABLE_KEY_SUFFIX}")


#: Ends the session-state key of a chart's "표로 보기" expander (True while it is open).
TABLE_KEY_SUFFIX = "-table"


@st.fragment
def _table_view(table: Table | pd.DataFrame | Callable[[], Table | pd.DataFrame], key: str) -> None:
    """The "표로 보기" expander; its table is built, formatted and sent only while it is
    open (most stay closed, and a page has up to ten). Opening it reruns this fragment alone."""
    view = st.expander("표로 보기", key=key, on_change="rerun")
    if view.open:
        with view:
            data_table(table() if callable(table) else table, whole=False)


def set_report_date(as_of: date) -> None:
    """The report this run shows (called by ``ui.frame.page``): download names carry it."""
    st.session_state[_REPORT_DATE] = as_of


def downloads(table: Table | pd.DataFrame, name: str, caption: str, key: str) -> None:
    """CSV (UTF-8 with BOM, plain numbers) and XLSX (numeric cells, △ number formats)
    downloads of one table (not on a projector: presenter mode leaves them out), named
    ``{name}_{기준일}_{단위}``."""
    if is_presenting():
        return
    as_of, unit = st.session_state[_REPORT_DATE], caption_unit(caption)
    left, right = st.columns(2)
    left.download_button(
        "CSV 내려받기",
        csv_bytes(table),
        file_name(name, as_of, "csv", unit),
        "text/csv",
        key=f"{key}-csv",
        on_click="ignore",
        icon=":material/download:",
    )
    right.download_button(
        "XLSX 내려받기",
        lambda: xlsx_bytes({name: (table, caption)}),
        file_name(name, as_of, "xlsx", unit),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}-xlsx",
        on_click="ignore",
        icon=":material/download:",
    )


def discrepancy_notes(discrepancies: pd.DataFrame, with_notes: bool = False) -> None:
    """Where the report's printed figure disagrees with ours: show both, ours is used.

    ``with_notes`` adds each discrepancy's explanatory note (the ``note`` column) below it."""
    if discrepancies.empty:
        return
    count = len(discrepancies)
    lines = [
        f"- **{markdown_text(row.subject)} {markdown_text(row.figure)}**: 보고서 표기 "
        f"{markdown_text(row.printed)} → 재계산 {markdown_text(row.recomputed)} ({markdown_text(row.rule)})"
        + (f"\n    - {markdown_text(row.note)}" if with_notes and getattr(row, "note", "") else "")
        for row in discrepancies.itertuples()
    ]
    label = f"보고서 표기와 재계산 값이 다른 수치 {count}건 — 화면에는 재계산 값을 씁니다"
    with st.expander(label, icon=":material/fact_check:"):
        st.warning("\n".join(lines))
