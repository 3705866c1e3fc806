"""The one palette and layout every chart uses (colour-blind safe, Korean fonts)."""

from __future__ import annotations

import plotly.graph_objects as go

#: Okabe–Ito, safe for the common forms of colour blindness.
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # green
    "#D55E00",  # vermillion
    "#CC79A7",  # purple
    "#56B4E9",  # sky
    "#F0E442",  # yellow
    "#000000",
)
INCREASE = "#0072B2"
DECREASE = "#D55E00"
NEUTRAL = "#999999"
REFERENCE = "#444444"

FONT_FAMILY = "Noto Sans CJK KR, Noto Sans KR, Malgun Gothic, Apple SD Gothic Neo, sans-serif"
BASE_FONT_SIZE = 14


def styled(
    figure: go.Figure,
    *,
    title: str,
    x_title: str | None = None,
    y_title: str | None = None,
    height: int = 420,
) -> go.Figure:
    """Apply the shared look: title, axis titles with units, fonts, margins, no modebar clutter."""
    size = BASE_FONT_SIZE
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": round(size * 1.25)}},
        font={"family": FONT_FAMILY, "size": size},
        colorway=list(PALETTE),
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        plot_bgcolor="white",
        paper_bgcolor="white",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        separators=".,",
        hoverlabel={"font": {"family": FONT_FAMILY}},
    )
    figure.update_xaxes(title_text=x_title, gridcolor="#e5e5e5", automargin=True)
    figure.update_yaxes(title_text=y_title, gridcolor="#e5e5e5", automargin=True)
    return figure


def scaled(figure: go.Figure, factor: float) -> go.Figure:
    """A copy with every font (titles, axes, ticks, labels, legend, annotations) and the
    height grown by ``factor``, for a projector."""
    bigger = go.Figure(figure)
    layout = bigger.layout
    size = round((layout.font.size or BASE_FONT_SIZE) * factor)
    bigger.update_layout(
        font_size=size,
        title_font_size=round((layout.title.font.size or BASE_FONT_SIZE * 1.25) * factor),
        height=round((layout.height or 420) * min(factor, 1.3)),
        legend_font_size=size,
    )
    bigger.update_xaxes(tickfont_size=size, title_font_size=size)
    bigger.update_yaxes(tickfont_size=size, title_font_size=size)
    bigger.update_annotations(font_size=size)
    bigger.update_traces(textfont_size=size, selector=lambda trace: "textfont" in trace)
    return bigger


def legend_below_title(figure: go.Figure, top: int = 100) -> go.Figure:
    """Room between a chart's title and its horizontal legend (they overlap otherwise)."""
    figure.update_layout(margin={"t": top}, legend={"y": 1.0, "yanchor": "bottom"})
    return figure
