"""Panels fail alone: one failing query or chart shows a short note, the page goes on.

Usage in a page::

    from ui.panel import panel

    with panel("조직 및 인력"):
        departments = run(org.departments, as_of=filters.as_of)
        chart(headcount_by_department(departments), departments, key="headcount")

If anything inside the block raises, whatever the block had drawn is replaced by a short
Korean warning naming the panel, the error is logged for the operator (viewers never see
a traceback), and the script continues after the block. Streamlit's own control flow
(``st.stop``, ``st.rerun``, ``st.switch_page``) passes through untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from bureau.format import markdown_text

logger = logging.getLogger(__name__)

#: Shown in place of a panel that failed.
FAILED_MESSAGE = "{title}: 이 부분을 표시하지 못했습니다. 잠시 후 새로고침해 주세요. 다른 내용은 정상입니다."


@contextmanager
def panel(title: str, *, border: bool = False) -> Iterator[DeltaGenerator]:
    """Render the block inside its own container; on an error, replace it by a warning."""
    placeholder = st.empty()
    container = placeholder.container(border=border)
    try:
        with container:
            yield container
    except Exception:
        logger.exception("panel %r failed", title)
        placeholder.warning(FAILED_MESSAGE.format(title=markdown_text(title)), icon=":material/error:")
