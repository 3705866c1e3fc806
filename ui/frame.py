"""The frame every page shares: data check, filters, title, as-of date and source."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from bureau.format import korean_date
from bureau.queries import meta, org
from ui.data import ensure_database, run
from ui.filters import Filters, sidebar_filters


def page(title: str, subtitle: str | None = None) -> Filters:
    """Render the page header and sidebar; return the filters the page should apply."""
    _through_app_navigation()
    build_errors = ensure_database()
    periods = run(meta.report_dates)
    departments = run(org.departments, as_of=periods[0])
    filters = sidebar_filters(periods, departments["dept"].tolist())
    report = run(meta.report, as_of=filters.as_of)

    st.title(title)
    st.caption(
        f"기준일 {korean_date(filters.as_of)} · 출처: {report['source']}"
        + (f" · {subtitle}" if subtitle else "")
    )
    if build_errors:
        with st.expander(f"⚠️ 원본 데이터 오류 {len(build_errors)}건: 마지막 정상 데이터를 표시합니다"):
            st.code("\n".join(build_errors), language=None)
    return filters


def _through_app_navigation() -> None:
    """Run this page through app.py's ``st.navigation``, never on its own.

    Because the pages live in a folder named ``pages/``, Streamlit starts each server
    process (and each AppTest run) in its legacy folder mode until app.py calls
    ``st.navigation``. A deep link (``/budget``) as the first request of a fresh server
    therefore ran ``pages/budget.py`` directly, skipping app.py: no wide layout, a menu
    listing "app" and the file names, and the same for every later deep link until
    someone opened the root page. Leave that mode and rerun, which goes through app.py.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
