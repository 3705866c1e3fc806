"""AI 교육 charts: progress toward every employee trained, the projection, grade groups."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from bureau.format import plotly_text
from bureau.theme import NEUTRAL, PALETTE, REFERENCE, styled
from bureau.topics.ai_training.calc import Projection


def progress_bar(projection: Projection) -> go.Figure:
    """One stacked bar: trained vs still to train, against the (implied) whole staff."""
    figure = go.Figure()
    for value, name, colour in (
        (projection.trained, "이수", PALETTE[0]),
        (projection.remaining, "미이수(추정)", NEUTRAL),
    ):
        label = f"{name} {value:,}명 ({value / projection.target * 100:.1f}%)"
        figure.add_bar(
            x=[value],
            y=["전직원"],
            name=label,
            orientation="h",
            marker_color=colour,
            hovertemplate=f"{label}<extra></extra>",
        )
    figure.update_layout(barmode="stack", legend={"traceorder": "normal"})
    figure.update_xaxes(range=[0, projection.target], tickformat=",")
    styled(
        figure,
        title="목표 대비 이수 현황",
        x_title=f"인원(명) · 추정 전직원 {projection.target:,}명 = 100%",
        y_title=None,
        height=280,
    )
    # below the axis title: two long legend entries wrap on a phone and would cover the title
    figure.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.6, "x": 0, "traceorder": "normal"}
    )
    return figure


def projection_chart(path: pd.DataFrame, projection: Projection) -> go.Figure:
    """Cumulative trained: actual to the as-of date, then the same pace as a dashed line."""
    figure = go.Figure()
    for (series, rows), colour, dash in zip(path.groupby("series", sort=False), PALETTE, ("solid", "dash")):
        figure.add_scatter(
            x=rows["date"],
            y=rows["trained"],
            name=series,
            mode="lines+markers",
            line={"color": colour, "dash": dash},
            hovertemplate="%{x|%Y. %-m. %-d.}: %{y:,}명<extra>" + str(series) + "</extra>",
        )
    figure.add_hline(
        y=projection.target,
        line_dash="dot",
        line_color=REFERENCE,
        annotation_text=f"목표 {projection.target:,}명",
        annotation_position="top left",
    )
    figure.add_vline(x=projection.year_end, line_dash="dot", line_color=PALETTE[3])
    figure.add_annotation(
        x=projection.year_end,
        y=projection.year_end_trained,
        text=f"연말 약 {projection.year_end_trained:,}명",
        showarrow=True,
        arrowhead=2,
        ax=-60,
        ay=-40,
    )
    figure.update_yaxes(tickformat=",", rangemode="tozero")
    figure.update_xaxes(tickformat="%y.%-m.")
    return styled(
        figure,
        title="누적 이수 인원과 현재 속도의 추세",
        x_title="날짜(연.월)",
        y_title="누적 이수 인원(명)",
        height=400,
    )


def grade_groups(progress: pd.DataFrame) -> go.Figure:
    figure = go.Figure(
        go.Bar(
            x=[plotly_text(group) for group in progress["grade_group"]],
            y=progress["trained"],
            marker_color=[PALETTE[index % len(PALETTE)] for index in range(len(progress))],
            text=[f"{value:,}명" for value in progress["trained"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y:,}명<extra></extra>",
        )
    )
    figure.update_yaxes(range=[0, float(progress["trained"].max()) * 1.2], tickformat=",")
    return styled(
        figure,
        title="직급 그룹별 이수 인원",
        x_title="직급 그룹",
        y_title="이수 인원(명)",
        height=340,
    )
