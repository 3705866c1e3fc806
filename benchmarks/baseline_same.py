"""Benchmark baseline: a bare Streamlit page with a dashboard page's charts and tables as
constants (recorded by ``benchmarks.serving.snapshot`` into ``$BASELINE_SNAPSHOT``), and the
same unit control in the sidebar. No queries, no data shaping, no figure building."""

import os
import pickle
from pathlib import Path

import plotly.io
import streamlit as st


@st.cache_resource
def content() -> tuple[list, list]:
    recorded = pickle.loads(Path(os.environ["BASELINE_SNAPSHOT"]).read_bytes())
    return [plotly.io.from_json(spec) for spec in recorded["charts"]], recorded["tables"]


figures, tables = content()
st.set_page_config(layout="wide")
st.sidebar.segmented_control("금액 단위", ["천원", "백만원", "억원"], default="천원", required=True)
st.title("기준선")
for index, figure in enumerate(figures):
    st.plotly_chart(figure, key=f"chart-{index}")
for table in tables:
    st.dataframe(table, hide_index=True)
