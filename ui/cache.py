"""Built Plotly figures cached per database build and arguments, shared by every session.

A figure builder's output depends only on its arguments (frames from cached queries and
the filters), so a rerun or another viewer with the same filters reuses the figure
instead of building it again: Plotly's validation in ``styled()`` is most of a page's
server time. ``st.cache_resource`` hands out the object itself, not a copy (unpickling a
figure would validate it all over again), so callers must not change it; ``scaled()``
copies before it enlarges one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from ui.data import build_id


@st.cache_resource(show_spinner=False, max_entries=1000)
def _figure(
    name: str, build: str, args: tuple, kwargs: tuple, _builder: Callable[..., go.Figure]
) -> go.Figure:
    return _builder(*args, **dict(kwargs))


def cached_figure(builder: Callable[..., go.Figure], *args: Any, **kwargs: Any) -> go.Figure:
    """``builder(*args, **kwargs)``, built once per database build and arguments."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    return _figure(name, build_id(), args, tuple(sorted(kwargs.items())), builder)
