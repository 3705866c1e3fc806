"""Presenter mode for council sessions: no sidebar or toolbar, large type, one topic per
screen (``ui.screens``), the as-of date and source always visible. ``?present=1``."""

from __future__ import annotations

import streamlit as st

from ui.url_notice import notify_unknown

PARAM = "present"
_STATE = "presenting"  # the toggle widget
_ON = "presenter_on"  # the session's choice, which outlives each page's widget
#: Chart fonts grow by this factor on a projector; a chart leaves room on its screen for a
#: heading, a few lines and the bar at the bottom.
CHART_SCALE = 1.6
CHART_MAX_HEIGHT = 700

# Static CSS only: the one piece of HTML in the app, and no text from data/ goes into it.
_STYLES = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stHeader"], [data-testid="stDecoration"] { display: none; }
[data-testid="stMainBlockContainer"] { padding: 0.6rem 3rem 5rem; max-width: 100%; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stCaptionContainer"], [data-testid="stExpander"] summary { font-size: 1.35rem; }
[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"] { word-break: keep-all; }
h1 { font-size: 1.5rem !important; font-weight: 600 !important; color: #555; padding: 0 !important; }
h2 { font-size: 2.6rem !important; padding: 0 !important; }
h3 { font-size: 1.7rem !important; padding: 0.2rem 0 !important; }
[data-testid="stTextInputField"], [data-testid="stSelectbox"] input { font-size: 1.25rem !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  font-size: 2.8rem !important; line-height: 1.2; white-space: normal; overflow: visible; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem !important; }
[data-testid="stMetricDelta"] * { font-size: 1.1rem !important; }
[data-testid="stTable"] th, [data-testid="stTable"] td { font-size: 1.25rem; line-height: 1.35;
  padding: 0.2rem 0.6rem; word-break: keep-all; }
[data-testid="stTable"] th *, [data-testid="stTable"] td * { font-size: inherit !important;
  word-break: keep-all !important; max-width: none !important; }
.st-key-present-footer { position: fixed; bottom: 0; left: 0; right: 0; padding: 0.3rem 1.5rem;
  background: #ffffff; border-top: 1px solid #ddd; z-index: 999; }
.st-key-present-indicator p { font-size: 1.05rem !important; line-height: 1.5; }
.st-key-present-keys { display: none; }
.st-key-present-settings { position: fixed; top: 0.5rem; right: 3rem; width: auto; z-index: 999; }
[data-testid="stPopoverBody"] { min-width: 72rem; }
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


def presenter_frame() -> None:
    """Hide the chrome and enlarge type (the screens and their controls: ``ui.screens``)."""
    st.html(_STYLES)


def stop_presenting() -> None:
    st.session_state[_ON] = False
