"""The one notice for a URL parameter whose value the page does not know.

Every page's URL parameters (the shared ``dept``/``period``/``unit``/``present`` and a page's own,
bound to its widgets with ``bind="query-params"``) fall back to their default on an unknown
value; this says so, repeating a short, escaped excerpt of what the link carried.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from bureau.format import markdown_text

#: How much of an unknown URL value the notice repeats (escaped: it may be anything).
MAX_SHOWN = 20


def notify_unknown(name: str, label: str, known: Iterable[object]) -> bool:
    """Toast when the URL's ``name`` is set but is none of ``known`` (compared as the text the
    URL holds: for a bound widget, its formatted option). True when it did."""
    value = st.query_params.get(name)
    if value is None or value in {str(option) for option in known}:
        return False
    shown = markdown_text(value[:MAX_SHOWN] + ("…" if len(value) > MAX_SHOWN else ""))
    st.toast(
        f"주소의 {label} 값(‘{shown}’)을 알 수 없어 기본값으로 표시합니다.",
        icon=":material/info:",
        duration="long",
    )
    return True
