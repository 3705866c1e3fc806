"""Report tables already formatted as text (△, thousands separators): numbers right-aligned."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

_FIGURE = re.compile(r"^(△|-)?[\d,]+(\.\d+)?%?$|^-$")


def _is_figures(column: pd.Series) -> bool:
    values = [str(value) for value in column if str(value) != ""]
    return bool(values) and all(_FIGURE.match(value) for value in values)


def report_table(table: pd.DataFrame, key: str) -> None:
    """The whole table without inner scrolling; figure columns aligned right like the
    report, the first text column pinned, a 비고 column given room."""
    config = {}
    for name in table.columns:
        if _is_figures(table[name]):
            config[name] = st.column_config.TextColumn(alignment="right")
        elif name == "비고":
            config[name] = st.column_config.TextColumn(width="large")
        elif name == "구분":
            config[name] = st.column_config.TextColumn(pinned=True, width=210)
    st.dataframe(table, hide_index=True, height="content", column_config=config, key=key)
