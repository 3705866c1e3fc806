"""The one KPI value every topic produces and ``ui.widgets.kpi_row`` renders."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kpi:
    """A headline figure, all text and formatted by bureau.

    ``label`` and ``help`` are rendered as Markdown: the producer escapes any data text
    in them with ``bureau.format.markdown_text``; ``value`` and ``delta`` are plain text
    (``ui.widgets.kpi_row`` escapes them).
    """

    label: str
    value: str
    delta: str | None = None
    help: str | None = None
    #: "normal" (up is good), "inverse", "off", or a colour name ("red", "gray"), as st.metric takes it
    delta_color: str = "normal"
    #: "auto" (by sign), "up", "down" or "off" (a delta that is a note, not a change)
    delta_arrow: str = "auto"
