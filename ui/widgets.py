"""Widgets shared by pages: KPI rows, charts with a table alternative, downloads, notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from bureau.charts.theme import scaled
from bureau.export import csv_bytes, xlsx_bytes
from bureau.format import markdown_text
from ui.presenter import CHART_SCALE, is_presenting

_PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


@dataclass(frozen=True)
class Kpi:
    label: str
    value: str
    delta: str | None = None
    help: str | None = None
    #: "normal" (up is good), "inverse" or "off"
    delta_color: str = "normal"
    #: "auto" (by sign), "up", "down" or "off" (a delta that is a note, not a change)
    delta_arrow: str = "auto"


def kpi_row(kpis: Sequence[Kpi]) -> None:
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


def chart(figure: go.Figure, table: pd.DataFrame, key: str) -> None:
    """A Plotly chart with a "표로 보기" data-table alternative beneath it; larger type
    in presenter mode."""
    if is_presenting():
        figure = scaled(figure, CHART_SCALE)
    st.plotly_chart(figure, key=key, config=_PLOTLY_CONFIG)
    with st.expander("표로 보기"):
        st.dataframe(table, hide_index=True)


def downloads(table: pd.DataFrame, name: str, caption: str, key: str) -> None:
    """CSV (UTF-8 with BOM) and XLSX (△ number format) downloads of one table."""
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
    lines = [
        f"- **{markdown_text(row.subject)} {markdown_text(row.figure)}**: 보고서 표기 "
        f"{markdown_text(row.printed)} → 재계산 {markdown_text(row.recomputed)} ({markdown_text(row.rule)})"
        + (f"\n    - {markdown_text(row.note)}" if with_notes and getattr(row, "note", "") else "")
        for row in discrepancies.itertuples()
    ]
    st.warning(
        "보고서 표기와 재계산 값이 다른 항목입니다. 화면에는 재계산 값을 씁니다.\n\n" + "\n".join(lines),
        icon=":material/fact_check:",
    )
