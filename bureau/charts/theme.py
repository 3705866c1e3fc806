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


def scaled(figure: go.Figure, factor: float, max_height: int | None = None) -> go.Figure:
    """A copy with every font (titles, axes, ticks, labels, legend, annotations) and the
    height grown by ``factor`` (to at most ``max_height``), for a projector; the title,
    legend and notes above the plot stacked so the larger type never overlaps
    (:func:`stack_top`)."""
    bigger = go.Figure(figure)
    layout = bigger.layout
    size = round((layout.font.size or BASE_FONT_SIZE) * factor)
    height = round((layout.height or 420) * min(factor, 1.3))
    bigger.update_layout(
        font_size=size,
        title_font_size=round((layout.title.font.size or BASE_FONT_SIZE * 1.25) * factor),
        height=min(height, max_height) if max_height else height,
        legend_font_size=size,
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
    """Whether Plotly draws a legend: asked for, or by default for two or more traces."""
    entries = [trace for trace in figure.data if "showlegend" in trace and trace.showlegend is not False]
    if figure.layout.showlegend is not None:
        return bool(figure.layout.showlegend) and bool(entries)
    return len(entries) > 1


def _on_top_edge(note: go.layout.Annotation) -> bool:
    """A note placed on the plot's top edge, standing above it (``add_vline(...,
    annotation_position="top")``, a subplot title)."""
    edge = note.yref == "paper" or str(note.yref).endswith("domain")
    return edge and (note.y or 0) >= 1 and note.yanchor == "bottom"


def legend_below_title(figure: go.Figure, top: int = 100) -> go.Figure:
    """Room between a chart's title and its horizontal legend (they overlap otherwise)."""
    figure.update_layout(margin={"t": top}, legend={"y": 1.0, "yanchor": "bottom"})
    return figure
