"""The frame every page shares: data check, filters, title, as-of date and source."""

from __future__ import annotations

import inspect
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from bureau.format import korean_date, markdown_text
from bureau.topics.overview import queries as org
from bureau.topics.report import meta
from bureau.units import UnitView
from ui.data import ensure_database, view
from ui.filters import Filters, sidebar_filters
from ui.pack import pack_downloads
from ui.presenter import presenter_frame
from ui.screens import follow_switch, set_page
from ui.widgets import set_report_date


def _run_through_app() -> None:
    """Streamlit treats a ``pages/`` folder beside app.py as an old-style multipage app until
    ``st.navigation`` has run once in the server; a deep link (``/budget``) as the very first
    request would then run the page without app.py. Switch to app.py's navigation and rerun."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def page(title: str, subtitle: str | None = None) -> Filters:
    """Render the page header and sidebar; return the filters the page should apply. The
    caption names the page's place in the report (from the data: its parts and current
    issue), then ``subtitle``."""
    _run_through_app()
    follow_switch()
    # Streamlit executes each page file as a script, so the caller's file names the page
    # (its frame only: inspect.stack() reads the source lines of every frame on the stack).
    slug = Path(inspect.currentframe().f_back.f_code.co_filename).stem
    build_errors = ensure_database()
    periods = view(meta.report_dates)
    departments = view(org.departments, as_of=periods[0])
    filters = sidebar_filters(periods, departments["dept"].tolist())
    set_report_date(filters.as_of)
    pack_downloads(filters.as_of)
    report = view(meta.report, as_of=filters.as_of)
    place = view(meta.place, as_of=filters.as_of, page=slug, title=title)
    as_of_line = f"기준일 {korean_date(filters.as_of)} · 출처: {markdown_text(report['source'])}"
    set_page(slug, as_of_line)
    if filters.present:
        presenter_frame()  # the 기준일 and source are in the bar at the bottom of every screen
    st.title(title)
    if not filters.present:
        st.caption(" · ".join(part for part in (as_of_line, markdown_text(place), subtitle) if part))
    if build_errors:
        with st.expander(f"⚠️ 원본 데이터 오류 {len(build_errors)}건: 마지막 정상 데이터를 표시합니다"):
            st.code("\n".join(build_errors), language=None)
    return filters


def unit_view(filters: Filters) -> UnitView:
    """The chosen unit mode with the unit the report prints each table's amounts in."""
    return UnitView(filters.unit, view(meta.printed_units, as_of=filters.as_of))
