"""영남 산불 구호 charts: supplies by category, the funds, the response timeline."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from bureau.format import money, number, plotly_text
from bureau.theme import LABELLED_AXIS_TICKS, PALETTE, end_labels, label_room, styled
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
    """One panel per counting unit (개, 동, 대), each with its own linear scale: quantities of
    different units are never drawn against one another. Horizontal bars per category,
    labelled with the quantity as printed (``318,875개``)."""
    units = [unit for unit in UNIT_ORDER if (supplies["count_unit"] == unit).any()]
    parts = [supplies[supplies["count_unit"] == unit].iloc[::-1] for unit in units]
    figure = make_subplots(
        rows=len(units),
        cols=1,
        row_heights=[len(part) for part in parts],
        vertical_spacing=min(0.3, 0.55 / max(len(units), 1)),
    )
    labels: list[str] = []
    for row, (unit, part) in enumerate(zip(units, parts), start=1):
        names = [plotly_text(category) for category in part["category"]]
        texts = [f"{number(quantity)}{unit}" for quantity in part["quantity"]]
        labels += texts
        figure.add_bar(
            x=part["quantity"],
            y=names,
            orientation="h",
            marker_color=UNIT_COLOURS[unit],
            customdata=texts,
            hovertemplate="%{y}: %{customdata}<extra></extra>",
            showlegend=False,
            row=row,
            col=1,
        )
        figure.add_trace(end_labels(part["quantity"], names, texts), row=row, col=1)
    styled(
        figure,
        title="품목별 구호물품(단위별로 나눈 수량)",
        height=140 + 34 * len(supplies) + 70 * len(units),
    )
    for row, (unit, part) in enumerate(zip(units, parts), start=1):
        figure.update_xaxes(
            title_text=f"수량({unit})",
            range=[0, float(part["quantity"].max()) * 1.02],
            tickformat=",",
            nticks=LABELLED_AXIS_TICKS,
            row=row,
            col=1,
        )
        figure.update_yaxes(type="category", row=row, col=1)
    return label_room(figure, labels)


def funds_breakdown(funds: pd.DataFrame, unit: Unit) -> go.Figure:
    """What was given, one bar each in the order given: 5억 first, then 37억 경북 and 3억 경남
    (the 40억 of 4.7.), in ``unit``, each labelled with its amount; the total in the title."""
    leaves = fund_leaves(funds).iloc[::-1]
    names = [
        f"{plotly_text(row.region) if isinstance(row.region, str) else '초기 대응'}"
        f"({short_date(row.granted_on) if row.granted_on is not None else '-'})"
        for row in leaves.itertuples()
    ]
    values = [convert(value, FUND_UNIT, unit) for value in leaves["amount"]]
    texts = [money(value, FUND_UNIT, unit) for value in leaves["amount"]]
    figure = go.Figure(
        [
            go.Bar(
                x=values,
                y=names,
                orientation="h",
                marker_color=CATEGORY_COLOURS["구호금"],
                customdata=[plotly_text(stage) for stage in leaves["stage"]],
                text=texts,
                textposition="none",
                hovertemplate="%{customdata}<br>%{y}: %{text}<extra></extra>",
                showlegend=False,
            ),
            end_labels(values, names, texts),
        ]
    )
    figure.update_xaxes(range=[0, max(values, default=1) * 1.02], tickformat=",", nticks=LABELLED_AXIS_TICKS)
    figure.update_yaxes(type="category")
    total = money(funds[funds["parent_id"].isna()]["amount"].sum(), FUND_UNIT, unit)
    styled(
        figure,
        title=f"구호금 지원 내역(계 {total})",
        x_title=f"지원액({unit.value})",
        height=120 + 44 * len(leaves),
    )
    return label_room(figure, texts)


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
