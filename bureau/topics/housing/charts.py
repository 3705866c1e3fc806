"""주거복지 charts: caps by group, budget split, the latest round, groups by round."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from bureau.format import amount, money, plotly_text, short_year
from bureau.theme import LABELLED_AXIS_TICKS, PALETTE, REFERENCE, end_labels, label_room, styled
from bureau.topics.housing.calc import BUDGET_UNIT, RULE_UNIT, SELECTION_UNIT, RoundResult, period_label
from bureau.units import Unit, convert


def _money(values: pd.Series, source: Unit, unit: Unit) -> list[str]:
    """Bar labels and hover text through the one formatter (△, adaptive digits, the unit)."""
    return [money(value, source, unit) for value in values]


def caps_by_group(rules: pd.DataFrame, unit: Unit) -> go.Figure:
    """The cap per group as horizontal bars, one colour per first year in force (in ``unit``)."""
    figure = go.Figure()
    labels: list[str] = []
    values: list[float] = []
    for index, (year, rows) in enumerate(rules.sort_values(["from_year", "sort_order"]).groupby("from_year")):
        texts = _money(rows["cap"], RULE_UNIT, unit)
        labels += texts
        values += [convert(cap, RULE_UNIT, unit) for cap in rows["cap"]]
        figure.add_bar(
            x=values[-len(rows) :],
            y=_groups(rows),
            name=f"{short_year(int(year))}년~",
            marker_color=PALETTE[index % len(PALETTE)],
            text=texts,
            hovertemplate="%{y}: %{text}<extra>" + f"{short_year(int(year))}년~" + "</extra>",
        )
    return _grouped_bars(figure, values, labels, "그룹별 1인당 지원한도", f"지원한도({unit.value})")


def budget_split(parts: pd.DataFrame, unit: Unit) -> go.Figure:
    """The budget by funding source as a donut: each slice's share on it, the sources with
    their amounts (in ``unit``) in the legend, where a long amount never has to squeeze in."""
    amounts = _money(parts["amount"], BUDGET_UNIT, unit)
    names = [f"{plotly_text(source)} {shown}" for source, shown in zip(parts["source"], amounts)]
    figure = go.Figure(
        go.Pie(
            labels=names,
            values=[convert(value, BUDGET_UNIT, unit) for value in parts["amount"]],
            textinfo="percent",
            texttemplate="%{percent:.1%}",
            hole=0.5,
            sort=False,
            marker_colors=list(PALETTE[: len(parts)]),
            hovertemplate="%{label} (%{percent:.1%})<extra></extra>",
        )
    )
    styled(figure, title=f"사업예산 재원 구성({unit.value})", height=340)
    figure.update_layout(showlegend=True, legend={"yanchor": "top", "y": 0})
    return figure


def round_funnel(result: RoundResult, unit: Unit) -> go.Figure:
    """신청 vs 선정 in two panels, one above the other: people (명) and amounts (``unit``),
    each bar labelled."""
    figure = make_subplots(rows=2, cols=1, vertical_spacing=0.3)
    stages = ["선정", "신청"]
    people = [result.selected, result.applied]
    amounts = [convert(value, BUDGET_UNIT, unit) for value in (result.selected_amount, result.applied_amount)]
    people_text = [f"{value:,}명" for value in people]
    amount_text = _money(pd.Series([result.selected_amount, result.applied_amount]), BUDGET_UNIT, unit)
    for row, values, texts in ((1, people, people_text), (2, amounts, amount_text)):
        figure.add_bar(
            x=values,
            y=stages,
            orientation="h",
            marker_color=[PALETTE[0], PALETTE[5]],
            customdata=texts,
            hovertemplate="%{y}: %{customdata}<extra></extra>",
            showlegend=False,
            row=row,
            col=1,
        )
        figure.add_trace(end_labels(values, stages, texts), row=row, col=1)
    styled(figure, title=f"{result.half} 신청·선정", height=360)
    panels = ((people, "인원(명)"), (amounts, f"금액({unit.value})"))
    for row, (values, axis_title) in enumerate(panels, start=1):
        figure.update_xaxes(title_text=axis_title, range=[0, max(values) * 1.02], row=row, col=1)
    figure.update_xaxes(tickformat=",", nticks=LABELLED_AXIS_TICKS)
    return label_room(figure, people_text + amount_text)


def groups_by_year(selection: pd.DataFrame, measure: str, unit: Unit) -> go.Figure:
    """Horizontal bars per loan group, one colour per round (year and half): ``measure`` is
    ``selected`` or ``amount``."""
    groups = selection[~selection["printed_total"]]
    figure = go.Figure()
    labels: list[str] = []
    values: list[float] = []
    for index, ((year, half), rows) in enumerate(groups.groupby(["fiscal_year", "half"])):
        if measure == "amount":
            shown = [convert(v, SELECTION_UNIT, unit) for v in rows["amount"]]
            text = [amount(v, SELECTION_UNIT, unit) for v in rows["amount"]]
            hover = _money(rows["amount"], SELECTION_UNIT, unit)
        else:
            shown = list(rows["selected"])
            text = [f"{v:,}" for v in shown]
            hover = [f"{v:,}명" for v in shown]
        labels += text
        values += shown
        figure.add_bar(
            x=shown,
            y=_groups(rows),
            name=period_label(year, half),
            marker_color=PALETTE[index % len(PALETTE)],
            text=text,
            customdata=hover,
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    title, x_title = (
        ("그룹별 선정 금액", f"선정 금액({unit.value})")
        if measure == "amount"
        else ("그룹별 선정 인원", "선정 인원(명)")
    )
    return _grouped_bars(figure, values, labels, title, x_title)


def _grouped_bars(
    figure: go.Figure, values: list[float], labels: list[str], title: str, x_title: str
) -> go.Figure:
    """Bars of each loan group side by side, one colour per year, groups from top to bottom,
    each bar labelled right of its end (horizontal, so a label never has to fit a bar's width)."""
    figure.update_traces(orientation="h", textposition="outside", cliponaxis=False, selector={"type": "bar"})
    figure.update_layout(barmode="group")
    figure.update_xaxes(range=[0, max(values, default=1) * 1.02], tickformat=",", nticks=LABELLED_AXIS_TICKS)
    figure.update_yaxes(type="category", autorange="reversed")
    bars = len(values)
    styled(figure, title=title, x_title=x_title, height=140 + 22 * bars)
    return label_room(figure, labels)


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
