"""Tables on screen: numbers formatted at render time from what each column is.

A :class:`bureau.table.Table` is shown through a pandas Styler whose display text comes from
``bureau.format`` (△, thousands separators, adaptive digits) while the cells stay numbers
(so the grid sorts by value); figure columns are right-aligned like the report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import pandas as pd
import streamlit as st

from bureau.format import MISSING, markdown_text, text_width
from bureau.table import Column, Table, figure_columns, formatters
from ui.presenter import is_presenting

#: Columns with long text get room; the first text column (구분) stays in view.
WIDE_COLUMNS = ("비고",)
PINNED_COLUMN = "구분"
#: Pixels: the grid's type size and a cell's padding, to fit the pinned column to its names.
CELL_FONT_SIZE = 14
CELL_PADDING = 32


def as_table(table: Table | pd.DataFrame) -> Table:
    """A plain frame (a source table shown as it is) with its whole-number columns as counts."""
    if isinstance(table, Table):
        return table
    counts = {name: Column.count() for name in table.columns if pd.api.types.is_integer_dtype(table[name])}
    return Table(table, counts)


def data_table(
    table: Table | pd.DataFrame,
    key: str | None = None,
    *,
    wide: Sequence[str] = (),
    whole: bool = True,
    pinned: bool = False,
) -> None:
    """``table`` as a grid; ``whole`` shows every row without inner scrolling, ``pinned``
    keeps the 구분 column in view, ``wide`` columns get room. In presenter mode: a static
    table in large type (a projector needs no sorting or scrolling)."""
    shown = as_table(table)
    if is_presenting():
        static_table(shown)
        return
    config: dict[str, object] = {
        name: st.column_config.Column(alignment="right") for name in figure_columns(shown)
    }
    for name in (*WIDE_COLUMNS, *wide):
        if name in shown.frame.columns:
            config[name] = st.column_config.Column(width="large")
    if pinned and PINNED_COLUMN in shown.frame.columns:
        # as wide as its longest name (indented 지방행정제재‧부과금(변상금) is 250 px): never cut
        names = shown.frame[PINNED_COLUMN].astype(str)
        width = max(text_width(name, CELL_FONT_SIZE) for name in [PINNED_COLUMN, *names]) + CELL_PADDING
        config[PINNED_COLUMN] = st.column_config.Column(pinned=True, width=round(width))
    st.dataframe(
        shown.frame.style.format(formatters(shown), na_rep=MISSING),
        hide_index=True,
        height="content" if whole else "auto",
        column_config=config or None,
        key=key,
    )


def report_table(table: Table, key: str) -> None:
    """A report table in full: figure columns right-aligned, 구분 pinned, 비고 given room."""
    data_table(table, key, pinned=True)


def static_table(table: Table) -> None:
    """Every row as plain HTML text in the report's formatting; figure columns keep their
    numbers, so Streamlit right-aligns them. ``st.table`` renders cells and headers as
    Markdown: each is escaped, a name's leading (full-width) indentation kept."""
    cells = {name: partial(_cell_markdown, text=text) for name, text in formatters(table).items()}
    styled = table.frame.style.format(cells, na_rep=MISSING).format_index(markdown_text, axis=1)
    st.table(styled, hide_index=True)


def _cell_markdown(value: object, text: Callable[[object], str]) -> str:
    shown = text(value)
    body = shown.lstrip()
    return shown[: len(shown) - len(body)] + markdown_text(body)
