"""Benchmark baseline: a bare Streamlit page with the same charts and tables as one of the
dashboard's pages (``$BASELINE_PAGE``), built from frozen data.

``benchmarks/frozen/<page>.json`` (written by ``python benchmarks/run.py --freeze``) holds
the page's figures as Plotly JSON and its tables as rows; this script imports nothing of
the dashboard. On every run it builds each figure and table the way a plain Streamlit page
does (``go.Figure``, ``pd.DataFrame``, Streamlit's own expander, whose content is always
sent), with the same amount-unit control in the sidebar. No queries, no data shaping, no
caching beyond holding the constants.
"""

import json
import os
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

FROZEN = Path(__file__).with_name("frozen") / f"{os.environ['BASELINE_PAGE']}.json"


@st.cache_resource
def constants() -> dict:
    """The frozen page, read once per process, like a module's literals."""
    return json.loads(FROZEN.read_text(encoding="utf-8"))


def table(rows: dict) -> pd.DataFrame:
    return pd.DataFrame(rows["data"], columns=rows["columns"])


page = constants()
st.set_page_config(layout="wide")
st.sidebar.segmented_control("금액 단위", page["units"], default=page["units"][0], required=True)
st.title("기준선")
for index, (spec, rows) in enumerate(zip(page["charts"], page["chart_tables"], strict=True)):
    st.plotly_chart(go.Figure(spec), key=f"chart-{index}")
    with st.expander("표로 보기"):
        st.dataframe(table(rows), hide_index=True)
for rows in page["tables"]:
    st.dataframe(table(rows), hide_index=True)
