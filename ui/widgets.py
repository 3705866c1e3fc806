"""Widgets shared by pages: KPI rows, charts with a table alternative, downloads, notes.

``Kpi`` is ``bureau.kpi.Kpi``, re-exported here for pages that build their own."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from bureau.charts.theme import scaled
from bureau.export import csv_bytes, xlsx_bytes
from bureau.format import markdown_text
from bureau.kpi import Kpi
from bureau.table import Table
from ui.presenter import CHART_SCALE, is_presenting
from ui.tables import data_table

__all__ = ["Kpi", "chart", "discrepancy_notes", "downloads", "kpi_row", "text_list"]

_PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


def kpi_row(kpis: Sequence[Kpi]) -> None:
    """One bordered st.metric per KPI; nothing when there are none."""
    if not kpis:
        return
    for column, kpi in zip(st.columns(len(kpis)), kpis):
        column.metric(
            kpi.label,
            kpi.value,
            kpi.delta,
            help=kpi.help,
            delta_color=kpi.delta_color,
            delta_arrow=kpi.delta_arrow,
            border=True,
        )


def text_list(lines: Sequence[str | None]) -> None:
    """Plain-text lines (data) as a Markdown bullet list, each escaped; empty lines are skipped."""
    shown = [f"- {markdown_text(line)}" for line in lines if line]
    if shown:
        st.markdown("\n".join(shown))


def chart(figure: go.Figure, table: Table | pd.DataFrame, key: str) -> None:
    """A Plotly chart with a "표로 보기" data-table alternative beneath it; larger type
    in presenter mode."""
    if is_presenting():
        figure = scaled(figure, CHART_SCALE)
    st.plotly_chart(figure, key=key, config=_PLOTLY_CONFIG)
    with st.expander("표로 보기"):
        data_table(table, whole=False)


def downloads(table: Table | pd.DataFrame, name: str, caption: str, key: str) -> None:
    """CSV (UTF-8 with BOM, plain numbers) and XLSX (numeric cells, △ number formats)
    downloads of one table (not on a projector: presenter mode leaves them out)."""
    if is_presenting():
        return
    left, right = st.columns(2)
    left.download_button(
        "CSV 내려받기",
        csv_bytes(table),
        f"{name}.csv",
        "text/csv",
        key=f"{key}-csv",
        on_click="ignore",
        icon=":material/download:",
    )
    right.download_button(
        "XLSX 내려받기",
        lambda: xlsx_bytes({name: (table, caption)}),
        f"{name}.xlsx",
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
