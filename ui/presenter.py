"""Presenter mode for council sessions: no sidebar or toolbar, large type, one topic per
screen with previous/next, the as-of date and source always visible. ``?present=1``."""

from __future__ import annotations

import streamlit as st

from bureau.format import markdown_text
from ui.nav import PAGES, PAGES_BY_SLUG
from ui.url_notice import notify_unknown

PARAM = "present"
_STATE = "presenting"  # the toggle widget
_ON = "presenter_on"  # the session's choice, which outlives each page's widget
#: Chart fonts grow by this factor on a projector.
CHART_SCALE = 1.6

# Static CSS only: the one piece of HTML in the app, and no text from data/ goes into it.
_STYLES = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stHeader"], [data-testid="stDecoration"] { display: none; }
[data-testid="stMainBlockContainer"] { padding: 1.5rem 3rem 4rem; max-width: 100%; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stCaptionContainer"], [data-testid="stExpander"] summary { font-size: 1.35rem; }
h1 { font-size: 3.4rem !important; }
h2 { font-size: 2.4rem !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  font-size: 2.8rem !important; line-height: 1.2; white-space: normal; overflow: visible; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem !important; }
[data-testid="stMetricDelta"] * { font-size: 1.1rem !important; }
.st-key-present-footer { position: fixed; bottom: 0; left: 0; right: 0; padding: 0.3rem 1.5rem;
  background: #ffffff; border-top: 1px solid #ddd; z-index: 999; }
</style>
"""


def presenter_toggle() -> bool:
    """The sidebar switch, read from ``present=1`` once per session, held across page
    switches and written back to the URL."""
    if _ON not in st.session_state:
        notify_unknown(PARAM, "발표 모드", ("1", "0"))
        st.session_state[_ON] = st.query_params.get(PARAM) == "1"
    st.session_state[_STATE] = st.session_state[_ON]
    on = st.toggle("발표 모드", key=_STATE, on_change=_toggled, help="큰 글씨, 한 화면에 한 주제")
    if on:
        st.query_params[PARAM] = "1"
    else:
        st.query_params.pop(PARAM, None)
    return on


def _toggled() -> None:
    st.session_state[_ON] = st.session_state[_STATE]


def is_presenting() -> bool:
    return bool(st.session_state.get(_ON, False))


def presenter_frame(slug: str, footer: str) -> None:
    """Hide the chrome, enlarge type, and show previous/next and the footer."""
    st.html(_STYLES)
    order = [page.slug for page in PAGES]
    position = order.index(slug) if slug in order else 0
    previous, following = st.columns(2)
    if position > 0:
        target = PAGES_BY_SLUG[order[position - 1]]
        previous.page_link(
            target.path,
            label=f"이전: {target.title}",
            icon=":material/arrow_back:",
            query_params={PARAM: "1"},
        )
    if position < len(order) - 1:
        target = PAGES_BY_SLUG[order[position + 1]]
        following.container(horizontal_alignment="right").page_link(
            target.path,
            label=f"다음: {target.title}",
            icon=":material/arrow_forward:",
            query_params={PARAM: "1"},
        )
    st.button("발표 모드 끝내기", icon=":material/close_fullscreen:", on_click=_stop)
    with st.container(key="present-footer"):
        st.caption(f"{markdown_text(footer)} · {position + 1} / {len(order)}")


def _stop() -> None:
    st.session_state[_ON] = False
