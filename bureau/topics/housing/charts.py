"""주거복지 charts: caps by group, budget split, the latest round, groups by round."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from bureau.format import amount, money, plotly_text, short_year
from bureau.theme import PALETTE, REFERENCE, styled
from bureau.topics.housing.calc import BUDGET_UNIT, RULE_UNIT, SELECTION_UNIT, RoundResult, period_label
from bureau.units import Unit, convert


def _money(values: pd.Series, source: Unit, unit: Unit) -> list[str]:
    """Bar labels and hover text through the one formatter (△, adaptive digits, the unit)."""
    return [money(value, source, unit) for value in values]


def caps_by_group(rules: pd.DataFrame, unit: Unit) -> go.Figure:
    """Grouped bars of the cap per group, one colour per first year in force (in ``unit``)."""
    figure = go.Figure()
    for index, (year, rows) in enumerate(rules.sort_values(["from_year", "sort_order"]).groupby("from_year")):
        since = f"{short_year(int(year))}년~"
        figure.add_bar(
            x=_groups(rows),
            y=[convert(cap, RULE_UNIT, unit) for cap in rows["cap"]],
            name=since,
            marker_color=PALETTE[index % len(PALETTE)],
            text=_money(rows["cap"], RULE_UNIT, unit),
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra>" + since + "</extra>",
        )
    figure.update_layout(barmode="group")
    figure.update_yaxes(rangemode="tozero")
    return styled(
        figure,
        title="그룹별 1인당 지원한도",
        x_title=None,
        y_title=f"지원한도({unit.value})",
        height=340,
    )


def budget_split(parts: pd.DataFrame, unit: Unit) -> go.Figure:
    """The budget by funding source as a donut (labels in ``unit``)."""
    labels = [
        f"{plotly_text(source)}<br>{shown}"
        for source, shown in zip(parts["source"], _money(parts["amount"], BUDGET_UNIT, unit))
    ]
    figure = go.Figure(
        go.Pie(
            labels=[plotly_text(source) for source in parts["source"]],
            values=[convert(value, BUDGET_UNIT, unit) for value in parts["amount"]],
            text=labels,
            textinfo="text+percent",
            hole=0.5,
            sort=False,
            marker_colors=list(PALETTE[: len(parts)]),
            hovertemplate="%{text}<extra></extra>",
        )
    )
    figure.update_layout(showlegend=False)
    return styled(figure, title=f"사업예산 재원 구성({unit.value})", height=320)


def round_funnel(result: RoundResult, unit: Unit) -> go.Figure:
    """신청 vs 선정 in two panels: people (명) and amounts (``unit``)."""
    figure = make_subplots(rows=1, cols=2, horizontal_spacing=0.18)
    stages = ["신청", "선정"]
    people = [result.applied, result.selected]
    amounts = [result.applied_amount, result.selected_amount]
    figure.add_bar(
        x=stages,
        y=people,
        marker_color=[PALETTE[5], PALETTE[0]],
        text=[f"{value:,}명" for value in people],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{x}: %{y:,}명<extra></extra>",
        row=1,
        col=1,
    )
    figure.add_bar(
        x=stages,
        y=[convert(value, BUDGET_UNIT, unit) for value in amounts],
        marker_color=[PALETTE[5], PALETTE[0]],
        text=_money(pd.Series(amounts), BUDGET_UNIT, unit),
        textposition="outside",
        textfont={"size": 11},
        cliponaxis=False,
        hovertemplate="%{x}: %{text}<extra></extra>",
        row=1,
        col=2,
    )
    figure.update_layout(showlegend=False)
    styled(figure, title=f"{result.half} 신청·선정", x_title=None, y_title=None, height=340)
    figure.update_layout(
        yaxis={"title": {"text": "인원(명)"}, "range": [0, max(people) * 1.25], "tickformat": ","},
        yaxis2={
            "title": {"text": f"금액({unit.value})"},
            "range": [0, convert(max(amounts), BUDGET_UNIT, unit) * 1.25],
            "tickformat": ",",
            "side": "right",
        },
    )
    return figure


def groups_by_year(selection: pd.DataFrame, measure: str, unit: Unit) -> go.Figure:
    """Grouped bars per loan group, one colour per round (year and half): ``measure`` is
    ``selected`` or ``amount``."""
    groups = selection[~selection["printed_total"]]
    figure = go.Figure()
    for index, ((year, half), rows) in enumerate(groups.groupby(["fiscal_year", "half"])):
        if measure == "amount":
            values = [convert(v, SELECTION_UNIT, unit) for v in rows["amount"]]
            text = [amount(v, SELECTION_UNIT, unit) for v in rows["amount"]]
            hover = _money(rows["amount"], SELECTION_UNIT, unit)
        else:
            values = list(rows["selected"])
            text = [f"{v:,}" for v in values]
            hover = [f"{v:,}명" for v in values]
        figure.add_bar(
            x=_groups(rows),
            y=values,
            name=period_label(year, half),
            marker_color=PALETTE[index % len(PALETTE)],
            text=text,
            textposition="outside",
            textfont={"size": 11},
            cliponaxis=False,
            customdata=hover,
            hovertemplate="%{x}: %{customdata}<extra></extra>",
        )
    figure.update_layout(barmode="group")
    figure.update_yaxes(tickformat=",")
    title, y_title = (
        ("그룹별 선정 금액", f"선정 금액({unit.value})")
        if measure == "amount"
        else ("그룹별 선정 인원", "선정 인원(명)")
    )
    return styled(figure, title=title, x_title=None, y_title=y_title, height=360)


def averages_vs_cap(averages: pd.DataFrame, unit: Unit) -> go.Figure:
    """1인당 평균 지원액 per group and round (bars) against that year's cap (markers)."""
    figure = go.Figure()
    for index, ((year, half), rows) in enumerate(averages.groupby(["fiscal_year", "half"])):
        label = period_label(year, half)
        figure.add_bar(
            x=_groups(rows),
            y=[convert(v, SELECTION_UNIT, unit) for v in rows["average"]],
            name=f"{label} 평균",
            marker_color=PALETTE[index % len(PALETTE)],
            offsetgroup=index,
            customdata=[
                money(convert(v, SELECTION_UNIT, Unit.THOUSAND), Unit.THOUSAND, unit) for v in rows["average"]
            ],
            hovertemplate="%{x}: %{customdata}<extra>" + label + "</extra>",
        )
        figure.add_scatter(
            x=_groups(rows),
            y=[convert(v, SELECTION_UNIT, unit) for v in rows["cap"]],
            name="지원한도",
            legendgroup="cap",
            showlegend=index == 0,
            mode="markers",
            offsetgroup=index,
            marker={"symbol": "line-ew", "size": 20, "line": {"width": 4, "color": REFERENCE}},
            customdata=_money(rows["cap"], SELECTION_UNIT, unit),
            hovertemplate="%{x} 한도: %{customdata}<extra>" + label + "</extra>",
        )
    figure.update_layout(barmode="group", scattermode="group")
    figure.update_yaxes(rangemode="tozero", tickformat=",")
    styled(
        figure,
        title="그룹별 1인당 평균 지원액과 지원한도",
        x_title=None,
        y_title=f"1인당 금액({unit.value})",
        height=400,
    )
    figure.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0})
    return figure


def _groups(rows: pd.DataFrame) -> list[str]:
    """Loan-group names as x categories (escaped for Plotly)."""
    return [plotly_text(group) for group in rows["loan_group"]]
