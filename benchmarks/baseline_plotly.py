"""Benchmark baseline: a bare Streamlit page holding one small Plotly chart."""

import plotly.graph_objects as go
import streamlit as st

st.title("기준선")
figure = go.Figure(go.Bar(x=["가", "나", "다"], y=[1, 3, 2]))
st.plotly_chart(figure)
