"""Benchmark baseline: a bare Streamlit page with only a title."""

import streamlit as st

st.title("기준선")
