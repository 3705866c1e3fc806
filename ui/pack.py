"""Sidebar downloads of the council pack (deck and workbook), generated on click."""

from __future__ import annotations

from datetime import date

import streamlit as st

from bureau.pack.build import deck, workbook
from ui.data import run

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def pack_downloads(as_of: date) -> None:
    stamp = as_of.strftime("%Y%m%d")
    with st.sidebar:
        st.subheader("보고 자료")
        st.download_button(
            "발표 자료(PPTX)",
            lambda: run(deck, as_of=as_of),
            f"행정국_업무보고_{stamp}.pptx",
            PPTX,
            key="pack-deck",
            on_click="ignore",
            icon=":material/slideshow:",
            width="stretch",
        )
        st.download_button(
            "전체 표(XLSX)",
            lambda: run(workbook, as_of=as_of),
            f"행정국_업무보고_표_{stamp}.xlsx",
            XLSX,
            key="pack-workbook",
            on_click="ignore",
            icon=":material/table_view:",
            width="stretch",
        )
