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
#: The most a reader gets at a glance; the rest wait behind "더 보기".
SHOWN = 5


def highlight_list(items: Sequence[Highlight]) -> None:
    """One bordered box with one line per highlight, most severe first as given (under the
    section's heading, "눈여겨볼 점"): the first :data:`SHOWN`, then the others in a "더 보기"
    expander."""
    with st.container(border=True):
        if not items:
            st.caption("특이사항이 없습니다.")
            return
        st.markdown(_lines(items[:SHOWN]))
        if len(items) > SHOWN:
            with st.expander(f"더 보기 ({len(items) - SHOWN}건)"):
                st.markdown(_lines(items[SHOWN:]))


def _lines(items: Sequence[Highlight]) -> str:
    return "\n".join(f"- {_MARKS[item.severity]} {markdown_text(item.text)}" for item in items)
