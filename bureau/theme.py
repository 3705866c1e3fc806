"""The one palette and layout every chart uses (colour-blind safe, Korean fonts), and the
rules that keep every label legible from a 390-px phone to a 1920-px screen.

A chart's width is not known when it is built (it fills its column), its height is: every
rule here works at any width. The title sits at the top of the figure and the legend on top
of the plot area, both pushing the plot down rather than covering it; no label is drawn
smaller than :data:`MIN_TEXT_SIZE` (one that would have to shrink further is left out, its
figure stays on hover and in the chart's table); value labels of horizontal bars get a fixed
room right of the plot (:func:`label_room`) instead of a share of an axis whose length in
pixels is unknown.
"""

from __future__ import annotations

from collections.abc import Iterable

import plotly.graph_objects as go

from bureau.format import text_width

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
#: Pixels: the smallest type any chart draws (tick labels, bar and box labels).
MIN_TEXT_SIZE = 10
#: At most this many ticks on an amount axis whose bars carry their own figures: nine-digit
#: amounts (천원) then stay level and apart on a phone.
LABELLED_AXIS_TICKS = 3


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
        title={
            "text": title,
            "x": 0,
            "xanchor": "left",
            "font": {"size": round(size * 1.25)},
            # at the top of the figure, pushing the plot (and a legend on top of it) down
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 10},
            "automargin": True,
        },
        font={"family": FONT_FAMILY, "size": size},
        colorway=list(PALETTE),
        height=height,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        plot_bgcolor="white",
        paper_bgcolor="white",
        # on top of the plot area: Plotly grows the top margin by the legend's height, however
        # many lines it wraps to on a narrow screen
        legend={"orientation": "h", "yanchor": "bottom", "y": 1, "x": 0},
        # a bar or box label that cannot fit at MIN_TEXT_SIZE is hidden, never shrunk to specks
        uniformtext={"minsize": MIN_TEXT_SIZE, "mode": "hide"},
        separators=".,",
        hoverlabel={"font": {"family": FONT_FAMILY}},
    )
    figure.update_xaxes(title_text=x_title, gridcolor="#e5e5e5", automargin=True)
    figure.update_yaxes(title_text=y_title, gridcolor="#e5e5e5", automargin=True)
    return figure


def scaled(figure: go.Figure, factor: float, max_height: int | None = None) -> go.Figure:
    """A copy with every font (titles, axes, ticks, labels, legend, annotations), the room
    kept for labels and the height grown by ``factor`` (to at most ``max_height``), for a
    projector; the title, legend and notes above the plot stacked so the larger type never
    overlaps (:func:`stack_top`)."""
    bigger = go.Figure(figure)
    layout = bigger.layout
    size = round((layout.font.size or BASE_FONT_SIZE) * factor)
    height = round((layout.height or 420) * min(factor, 1.3))
    bigger.update_layout(
        font_size=size,
        title_font_size=round((layout.title.font.size or BASE_FONT_SIZE * 1.25) * factor),
        height=min(height, max_height) if max_height else height,
        legend_font_size=size,
        margin_r=round((layout.margin.r or 0) * factor),
        margin_t=round((layout.margin.t or 0) * factor),
    )
    bigger.update_xaxes(tickfont_size=size, title_font_size=size)
    bigger.update_yaxes(tickfont_size=size, title_font_size=size)
    bigger.update_annotations(font_size=size)
    bigger.update_traces(textfont_size=size, selector=lambda trace: "textfont" in trace)
    return stack_top(bigger)


#: Pixels above the title and between the bands under it.
GAP = 8
#: A line of text takes this many times its font size; a legend row adds its own padding.
LINE = 1.4
LEGEND_PADDING = 12


def stack_top(figure: go.Figure) -> go.Figure:
    """Lay out the band above the plot from the top down, in pixels from the font sizes: the
    title, then the legend (every legend goes here, in one row), then the notes that stand on
    the plot's top edge (a reference line's label, a subplot's title); the top margin is their
    sum. Changes ``figure`` and returns it."""
    layout = figure.layout
    height = layout.height or 420
    size = layout.font.size or BASE_FONT_SIZE
    top = GAP + (layout.title.font.size or size) * LINE if layout.title.text else 0
    figure.update_layout(title={"yref": "container", "y": 1 - GAP / height, "yanchor": "top"})
    if has_legend(figure):
        figure.update_layout(
            legend={
                "orientation": "h",
                "yref": "container",
                "y": 1 - (top + GAP) / height,
                "yanchor": "top",
                "x": 0,
                "xanchor": "left",
            }
        )
        top += GAP + (layout.legend.font.size or size) * LINE + LEGEND_PADDING
    notes = [note for note in layout.annotations if _on_top_edge(note)]
    if notes:
        top += max((note.font.size or size) for note in notes) * LINE
    figure.update_layout(margin_t=round(top + GAP))
    return figure


def has_legend(figure: go.Figure) -> bool:
    """Whether Plotly draws a legend: asked for, or by default for a trace that asks for its
    entry or for two or more traces."""
    entries = [trace for trace in figure.data if "showlegend" in trace and trace.showlegend is not False]
    if figure.layout.showlegend is not None:
        return bool(figure.layout.showlegend) and bool(entries)
    return len(entries) > 1 or any(trace.showlegend is True for trace in entries)


def _on_top_edge(note: go.layout.Annotation) -> bool:
    """A note placed on the plot's top edge, standing above it (``add_vline(...,
    annotation_position="top")``, a subplot title)."""
    edge = note.yref == "paper" or str(note.yref).endswith("domain")
    return edge and (note.y or 0) >= 1 and note.yanchor == "bottom"


def label_room(figure: go.Figure, labels: Iterable[str], size: float = BASE_FONT_SIZE) -> go.Figure:
    """Keep room right of the plot for the widest value label, so the label of a bar that
    reaches the axis end is whole at any width (the chart's axis range ends at its data)."""
    widest = max((text_width(label, size) for label in labels), default=0)
    figure.update_layout(margin_r=round(widest) + 12)
    return figure


def end_labels(values: Iterable[float], categories: Iterable[str], labels: Iterable[str]) -> go.Scatter:
    """Value labels for horizontal bars: right of each bar's end, or of zero for a bar going
    left, so no label runs into the category names; :func:`label_room` keeps the last in view."""
    return go.Scatter(
        x=[max(value, 0) for value in values],
        y=list(categories),
        text=list(labels),
        mode="text",
        textposition="middle right",
        cliponaxis=False,
        hoverinfo="skip",
        showlegend=False,
    )
