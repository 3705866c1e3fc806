"""세입·세출 charts: the budget hierarchy, the change on the prior year, rates against the pace, 사업비."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from bureau.format import money, plotly_text, rate, short_date, shown_amount
from bureau.theme import (
    DECREASE,
    INCREASE,
    LABELLED_AXIS_TICKS,
    PALETTE,
    REFERENCE,
    end_labels,
    label_room,
    styled,
)
from bureau.topics.budget.calc import SMALL_SHARE, Pace, gathered, is_behind, years
from bureau.units import Unit, convert

SOURCE_UNIT = Unit.THOUSAND


def _money(value: float, unit: Unit) -> str:
    return money(value, SOURCE_UNIT, unit)


def _shown(value: float, unit: Unit) -> str:
    """An amount already in ``unit`` (a tree node, a bar), formatted as on every page."""
    return shown_amount(value, SOURCE_UNIT, unit)


def _texts(values: pd.Series) -> list[str]:
    """Category names from data, escaped for Plotly."""
    return [plotly_text(value) for value in values]


#: Boxes holding at least this share (percent) of 계 show their amount too; a box too small
#: to be gathered with others (:data:`bureau.budget.SMALL_SHARE`) only its name, one line
#: (재무활동, 2.9 %, is a strip of about 27 px at any width).
FULL_LABEL_SHARE = 10.0
FULL_LABEL = "<b>%{label}</b><br>%{text}<br>%{percentRoot:.1%}"
SHORT_LABEL = "<b>%{label}</b><br>%{percentRoot:.1%}"
NAME_LABEL = "<b>%{label}</b>"


def _box_label(share: float) -> str:
    if share >= FULL_LABEL_SHARE:
        return FULL_LABEL
    return SHORT_LABEL if share >= SMALL_SHARE else NAME_LABEL


def budget_hierarchy(tree: pd.DataFrame, unit: Unit, title: str) -> go.Figure:
    """A treemap of the year's 예산현액 from 계 to the leaves (click a box to drill in, the bar on
    top to go back). ``tree`` is :func:`bureau.budget.budget_tree` in ``unit``; lines too
    small for a legible label are gathered per parent into one "기타 n개" box
    (:func:`bureau.budget.gathered`) that names them on hover."""
    tree = gathered(tree)
    amounts = [f"{_shown(value, unit)}{unit.value}" for value in tree["budget"]]
    verbs = ["집행" if str(node).startswith("exp") else "징수" for node in tree["id"]]
    rates = [f"{verb} {rate(value)}%" for verb, value in zip(verbs, tree["actual_rate"])]
    members = [f"<br>{plotly_text(names)}" if names else "" for names in tree["members"]]
    total = float(tree.loc[tree["parent"] == "", "budget"].sum()) or 1.0
    shares = [value / total * 100 for value in tree["budget"]]
    figure = go.Figure(
        go.Treemap(
            ids=tree["id"],
            labels=_texts(tree["label"]),
            parents=tree["parent"],
            values=tree["budget"],
            text=amounts,
            customdata=list(zip(rates, members)),
            branchvalues="total",
            maxdepth=3,
            # a small box names its line and share; the amount is on hover and in the table
            texttemplate=[_box_label(share) for share in shares],
            hovertemplate="<b>%{label}</b><br>%{text} · %{customdata[0]}<br>계 대비 %{percentRoot:.1%}"
            "%{customdata[1]}<extra></extra>",
            marker={"colors": [PALETTE[int(level) % len(PALETTE)] for level in tree["level"]]},
            pathbar={"visible": True},
            tiling={"pad": 2},
        )
    )
    return styled(figure, title=f"{title} (단위: {unit.value})", height=460)


def change_by_item(paced: pd.DataFrame, unit: Unit, title: str) -> go.Figure:
    """The prior year → this year's 예산현액 증감률 per line as diverging bars, labelled with
    the rate (△ for decreases, so colour is not the only signal) right of the bar, or of zero
    for a decrease; the amounts in ``unit`` on hover."""
    shown = paced.iloc[::-1]
    previous, current = years(paced)
    labels = [f"{rate(change_rate)}%" for change_rate in shown["change_rate"]]
    hover = [
        f"{previous} {_money(prior, unit)} → {current} {_money(budget, unit)}"
        f"<br>증감액 {_money(change, unit)}<br>증감률 {label}"
        for prior, budget, change, label in zip(
            shown["prior_budget"], shown["budget"], shown["change"], labels
        )
    ]
    names = _texts(shown["label"])
    changes = [0.0 if pd.isna(value) else float(value) for value in shown["change_rate"]]
    figure = go.Figure(
        [
            go.Bar(
                x=changes,
                y=names,
                orientation="h",
                customdata=hover,
                marker_color=[INCREASE if value >= 0 else DECREASE for value in shown["change"]],
                hovertemplate="%{y}<br>%{customdata}<extra></extra>",
                showlegend=False,
            ),
            end_labels(changes, names, labels),
        ]
    )
    low, high = min([*changes, 0.0]), max([*changes, 0.0])
    figure.update_xaxes(range=[low - (high - low) * 0.03, high * 1.02], zeroline=True, ticksuffix="%")
    figure.update_yaxes(type="category")
    styled(
        figure,
        title=title,
        x_title=f"{previous}년 대비 증감률(%)",
        height=max(300, 60 + 32 * len(shown)),
    )
    return label_room(figure, labels)


#: Bars of rates above this are cut at the axis end and labelled with their value.
RATE_AXIS_CAP = 120.0


def rate_against_pace(
    paced: pd.DataFrame,
    title: str,
    x_title: str,
    selected: str | None = None,
) -> go.Figure:
    """징수율/집행률 per line against the share of the year elapsed (a dashed line).

    Lines behind pace are hatched and labelled "▼ 미달"; over 100 % "▲"; ``paced`` is
    :func:`bureau.budget.chart_lines`. With ``selected`` (a label) the other bars fade.
    """
    shown = paced.iloc[::-1]
    elapsed = float(shown["elapsed"].iloc[0]) if len(shown) else 0.0
    rates = [0.0 if value is None or pd.isna(value) else float(value) for value in shown["actual_rate"]]
    top = min(max([*rates, elapsed, 100.0]), RATE_AXIS_CAP)
    marks = {Pace.FAR_BEHIND: " ▼▼ 크게 미달", Pace.BEHIND: " ▼ 미달", Pace.OVER: " ▲ 100% 초과"}
    labels = [f"{rate(value)}%{marks.get(pace, '')}" for value, pace in zip(rates, shown["pace"])]
    capped = [value > top for value in rates]
    figure = go.Figure(
        [
            go.Bar(
                x=[min(value, top) for value in rates],
                y=_texts(shown["label"]),
                orientation="h",
                # only a bar cut at the axis end carries its label inside
                text=[label if cut else "" for label, cut in zip(labels, capped)],
                textposition="inside",
                insidetextanchor="end",
                customdata=[[rate(value), str(pace or "")] for value, pace in zip(rates, shown["pace"])],
                marker={
                    "color": [DECREASE if is_behind(pace) else PALETTE[0] for pace in shown["pace"]],
                    "pattern": {"shape": ["/" if is_behind(pace) else "" for pace in shown["pace"]]},
                    "opacity": [1.0 if selected in (None, label) else 0.35 for label in shown["label"]],
                },
                hovertemplate="%{y}: %{customdata[0]}% (%{customdata[1]})<extra></extra>",
                showlegend=False,
            ),
            # the other labels start right of the bar or of the reference line, whichever is
            # further, so the dashed line never runs through them
            go.Scatter(
                x=[max(value, elapsed) + top * 0.01 for value in rates],
                y=_texts(shown["label"]),
                mode="text",
                text=["" if cut else label for label, cut in zip(labels, capped)],
                textposition="middle right",
                hoverinfo="skip",
                showlegend=False,
            ),
        ]
    )
    line = {"color": REFERENCE, "dash": "dash", "width": 2}
    figure.add_vline(x=elapsed, line=line)
    # the line is named in the legend (which keeps its own room above the plot at any width)
    figure.add_scatter(
        x=[None], y=[None], mode="lines", line=line, name=f"연간 경과율 {rate(elapsed)}%", showlegend=True
    )
    figure.update_xaxes(range=[0, top * 1.3], ticksuffix="%")
    figure.update_yaxes(type="category")
    return styled(
        figure,
        title=title,
        x_title=x_title,
        height=max(300, 80 + 32 * len(shown)),
    )


def programs_by_department(programs: pd.DataFrame, unit: Unit, selected: str | None = None) -> go.Figure:
    """사업비 by department: the year's 예산현액 with the amount executed overlaid, in ``unit``."""
    shown = programs.iloc[::-1]
    _, current = years(programs)
    budget = [convert(value, SOURCE_UNIT, unit) for value in shown["budget"]]
    actual = [convert(value, SOURCE_UNIT, unit) for value in shown["actual"]]
    opacity = [1.0 if selected in (None, dept) else 0.35 for dept in shown["dept"]]
    figure = go.Figure(
        [
            go.Bar(
                name=f"{current}년 예산현액",
                x=budget,
                y=_texts(shown["dept"]),
                orientation="h",
                marker={"color": PALETTE[5], "opacity": opacity},
                text=[_shown(value, unit) for value in budget],
                customdata=[_money(value, unit) for value in shown["budget"]],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y} 예산 %{customdata}<extra></extra>",
            ),
            go.Bar(
                name="집행액",
                x=actual,
                y=_texts(shown["dept"]),
                orientation="h",
                marker={"color": PALETTE[0], "opacity": opacity},
                customdata=[_money(value, unit) for value in shown["actual"]],
                hovertemplate="%{y} 집행 %{customdata}<extra></extra>",
            ),
        ]
    )
    figure.update_layout(barmode="overlay")
    figure.update_xaxes(range=[0, max(budget, default=1) * 1.4], tickformat=",", nticks=LABELLED_AXIS_TICKS)
    figure.update_yaxes(type="category")
    return styled(
        figure,
        title="부서별 사업비: 예산현액과 집행액",
        x_title=f"금액({unit.value})",
        height=max(320, 100 + 36 * len(shown)),
    )


def rates_by_report(rates_by: pd.DataFrame, title: str) -> go.Figure:
    """Each rate of :func:`bureau.topics.budget.calc.rates_by_report` across the reports of the
    year, one line each, against the share of the year elapsed at each report's date (the
    dashed line, its value under each date): a rate above the dashed line is ahead of the
    year's pace. At each date the highest rate is labelled above its point, the others below."""
    paces = rates_by.drop_duplicates("as_of")
    days = [short_date(day) for day in paces["as_of"]]
    highest = rates_by.groupby("as_of")["actual_rate"].transform("max")
    above = rates_by["actual_rate"] == highest
    figure = go.Figure()
    for colour, (label, rows) in zip(PALETTE, rates_by.groupby("label", sort=False)):
        figure.add_scatter(
            x=[short_date(day) for day in rows["as_of"]],
            y=[float(value) for value in rows["actual_rate"]],
            name=plotly_text(label),
            mode="lines+markers+text",
            line={"color": colour, "width": 3},
            text=[f"{rate(value)}%" for value in rows["actual_rate"]],
            textposition=["top center" if up else "bottom center" for up in above[rows.index]],
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra>" + plotly_text(label) + "</extra>",
        )
    elapsed = [f"{rate(value)}%" for value in paces["elapsed"]]
    figure.add_scatter(
        x=days,
        y=[float(value) for value in paces["elapsed"]],
        name="연간 경과율",
        mode="lines+markers",
        line={"color": REFERENCE, "dash": "dash", "width": 2},
        marker={"symbol": "diamond"},
        customdata=elapsed,
        hovertemplate="%{x}: 연간 경과율 %{customdata}<extra></extra>",
    )
    top = max([100.0, *rates_by["actual_rate"].dropna(), *rates_by["elapsed"]])
    # each date's pace under it, where no rate's label can run into it
    figure.update_xaxes(
        type="category",
        tickvals=days,
        ticktext=[f"{day}<br>경과율 {share}" for day, share in zip(days, elapsed)],
    )
    figure.update_yaxes(range=[0, top * 1.1], ticksuffix="%")
    return styled(figure, title=title, x_title="보고 기준일", y_title="비율(%)", height=380)
