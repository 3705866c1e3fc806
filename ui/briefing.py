"""The executive briefing box on the overview: one line per highlight, each linking to its page."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from bureau.format import markdown_text
from bureau.highlights import Highlight
from ui.nav import PAGES_BY_SLUG

#: A mark and a word per severity, so colour is never the only signal.
SEVERITY_MARKS = {
    "warning": ":orange[:material/warning: **주의**]",
    "notice": ":blue[:material/visibility: **참고**]",
    "info": ":gray[:material/info: 현황]",
}


def briefing_list(items: Sequence[Highlight], title: str = "핵심 요약") -> None:
    with st.container(border=True):
        st.subheader(title)
        for item in items:
            text, link = st.columns([7, 1], vertical_alignment="center")
            text.markdown(f"{SEVERITY_MARKS[item.severity]} {markdown_text(item.text)}")
            target = PAGES_BY_SLUG.get(item.page)
            if target:
                link.page_link(target.path, label=target.title, icon=":material/arrow_forward:")
