"""Overview charts: the bureau's departments."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from bureau.format import number, plotly_text
from bureau.theme import PALETTE, styled


def headcount_by_department(departments: pd.DataFrame) -> go.Figure:
    """Horizontal bars of 인원 per department, labelled with people and teams."""
    shown = departments.iloc[::-1]
    labels = [
        f"{number(people)}명" + (f" · {number(teams)}팀" if pd.notna(teams) else "")
        for people, teams in zip(shown["headcount"], shown["teams"])
    ]
    figure = go.Figure(
        go.Bar(
            x=shown["headcount"],
            y=[plotly_text(dept) for dept in shown["dept"]],
            orientation="h",
            text=labels,
            textposition="outside",
            cliponaxis=False,
            marker_color=PALETTE[0],
            hovertemplate="%{y}: %{x:,}명<extra></extra>",
        )
    )
    # room for the "188명 · 7팀" labels right of the longest bar, even on a phone
    figure.update_xaxes(range=[0, float(shown["headcount"].max()) * 1.5])
    return styled(
        figure,
        title="부서별 인원·팀",
        x_title="인원(명)",
        y_title=None,
        height=360,
    )
