"""The "what to notice" list: bureau highlights as short sentences with a severity mark."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from bureau.format import markdown_text
from bureau.highlights import Highlight

#: A mark and a word per severity, so colour is never the only signal.
_MARKS = {
    "warning": ":orange[:material/warning: **주의**]",
    "notice": ":blue[:material/visibility: **참고**]",
    "info": ":gray[:material/info: 현황]",
}


def highlight_list(items: Sequence[Highlight]) -> None:
    """One bordered box with one line per highlight, most severe first as given (under the
    section's heading, "눈여겨볼 점")."""
    with st.container(border=True):
        if not items:
            st.caption("특이사항이 없습니다.")
            return
        st.markdown("\n".join(f"- {_MARKS[item.severity]} {markdown_text(item.text)}" for item in items))
