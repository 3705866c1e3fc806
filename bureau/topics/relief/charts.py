"""영남 산불 구호 charts: supplies by category, the funds, the response timeline."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from bureau.format import money, number, plotly_text
from bureau.theme import PALETTE, legend_below_title, styled
from bureau.topics.relief.calc import FUND_UNIT, UNIT_ORDER, fund_leaves, short_date
from bureau.units import Unit, convert

UNIT_COLOURS = dict(zip(UNIT_ORDER, PALETTE))
CATEGORY_COLOURS = {
    "물품지원": PALETTE[0],
    "구호금": PALETTE[1],
    "예산": PALETTE[2],
    "성금모금": PALETTE[3],
    "자원봉사": PALETTE[4],
}


def supplies_by_category(supplies: pd.DataFrame) -> go.Figure:
    """Horizontal bars per category on a log scale (13대 and 318,875개 on one chart),
    coloured and labelled by each category's own counting unit."""
    figure = go.Figure()
    shown = supplies.iloc[::-1]
    for unit in UNIT_ORDER:
        part = shown[shown["count_unit"] == unit]
        if part.empty:
            continue
        figure.add_bar(
            x=part["quantity"],
            y=[plotly_text(category) for category in part["category"]],
            orientation="h",
            name=f"단위: {unit}",
            marker_color=UNIT_COLOURS[unit],
            text=[f"{number(q)}{unit}" for q in part["quantity"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    figure.update_xaxes(type="log", range=[0, 6.2])
    figure.update_yaxes(
        categoryorder="array", categoryarray=[plotly_text(category) for category in shown["category"]]
    )
    styled(
        figure,
        title="품목별 구호물품(품목마다 단위가 다름)",
        x_title="수량(동·대·개, 로그 눈금)",
        height=440,
    )
    return legend_below_title(figure)


def funds_breakdown(funds: pd.DataFrame, unit: Unit) -> go.Figure:
    """One bar for the 45억 total, stacked by what was given: 5억 first, then 37억 경북 and
    3억 경남 (the 40억 of 4.7.), in ``unit``."""
    leaves = fund_leaves(funds)
    figure = go.Figure()
    for index, row in enumerate(leaves.itertuples()):
        region = plotly_text(row.region) if isinstance(row.region, str) else "초기 대응"
        when = short_date(row.granted_on) if row.granted_on is not None else ""
        shown = money(row.amount, FUND_UNIT, unit)
        figure.add_bar(
            x=[convert(row.amount, FUND_UNIT, unit)],
            y=["구호금"],
            orientation="h",
            name=f"{region} {shown}({when})",
            marker_color=PALETTE[index % len(PALETTE)],
            text=[f"{region}<br>{shown}"],
            textposition="inside",
            insidetextanchor="middle",
            hovertemplate=f"{plotly_text(row.stage)}<br>{region}: {shown} ({when})<extra></extra>",
        )
    figure.update_layout(barmode="stack", showlegend=False)  # each segment is labelled
    figure.update_xaxes(tickformat=",")
    return styled(figure, title="구호금 지원 내역", x_title=f"지원액({unit.value})", height=240)


def response_timeline(events: pd.DataFrame) -> go.Figure:
    """The response from its first step (first supplies) to its last (execution): one bar per step,
    from its first to its last day, coloured and labelled by kind of support (the events
    themselves are listed beside the chart: see ``bureau.relief.timeline_lines``)."""
    figure = go.Figure()
    rows_label = [
        plotly_text(f"{date} {category}")
        for date, category in zip(events["printed_date"], events["category"])
    ]
    events = events.assign(
        row_label=rows_label,
        printed_date=[plotly_text(text) for text in events["printed_date"]],
        event=[plotly_text(text) for text in events["event"]],
    )
    for category, rows in events.groupby("category", sort=False):
        figure.add_bar(
            base=rows["begin"],
            x=(rows["finish"] - rows["begin"]).dt.total_seconds() * 1000,
            y=rows["row_label"],
            orientation="h",
            name=plotly_text(category),
            marker_color=CATEGORY_COLOURS.get(str(category), PALETTE[5]),
            customdata=rows[["printed_date", "event"]],
            hovertemplate="%{customdata[0]} %{customdata[1]}<extra></extra>",
        )
    first, last = events["begin"].min(), events["finish"].max()
    years = sorted({first.year, (last - pd.Timedelta(days=1)).year})
    figure.update_layout(showlegend=False)  # each row's label names its kind already
    figure.update_xaxes(range=[first - pd.Timedelta(days=1), last + pd.Timedelta(days=1)])
    figure.update_xaxes(type="date", tickformat="%-m.%-d.", nticks=8)
    figure.update_yaxes(categoryorder="array", categoryarray=rows_label[::-1])
    styled(
        figure,
        title=f"구호 지원 추진 경과({'~'.join(f'{year}년' for year in years)})",
        x_title="날짜(월.일.)",
        height=420,
    )
    return figure
