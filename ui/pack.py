"""Sidebar downloads of the council pack (deck and workbook), generated on click."""

from __future__ import annotations

from datetime import date

import streamlit as st

from bureau.filenames import SOURCE_UNITS, file_name
from bureau.pack.build import deck, workbook
from ui.data import run

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def pack_downloads(as_of: date) -> None:
    files = (
        (
            "발표 자료(PPTX)",
            deck,
            file_name("행정국_업무보고_발표자료", as_of, "pptx"),
            PPTX,
            ":material/slideshow:",
        ),
        (
            "전체 표(XLSX)",
            workbook,
            file_name("행정국_업무보고_전체표", as_of, "xlsx", SOURCE_UNITS),
            XLSX,
            ":material/table_view:",
        ),
    )
    with st.sidebar:
        st.subheader("보고 자료")
        for label, make, name, mime, icon in files:
            st.download_button(
                label,
                lambda make=make: run(make, as_of=as_of),
                name,
                mime,
                key=f"pack-{make.__name__}",
                on_click="ignore",
                icon=icon,
                width="stretch",
            )
