"""직거래장터 charts: the KPIs of two years, the schedule (Gantt), the places on a map."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from bureau.format import number, plotly_text
from bureau.theme import NEUTRAL, PALETTE, REFERENCE, end_labels, label_room, styled
from bureau.topics.markets.calc import OPERATION_TYPES, KpiChange, comparison
from bureau.topics.markets.geo import Line, aspect_ratio

TYPE_COLOURS = dict(zip(OPERATION_TYPES, PALETTE))
DAY_MS = 86_400_000


def kpi_comparison(changes: list[KpiChange]) -> go.Figure:
    """One small panel per indicator (their scales differ), one above the other: its two
    years as horizontal bars labelled with the figure and its unit."""
    figure = make_subplots(
        rows=len(changes),
        cols=1,
        subplot_titles=[plotly_text(f"{c.label}({c.unit})") for c in changes],
        vertical_spacing=0.5 / max(len(changes), 1),
    )
    labels: list[str] = []
    for row, item in enumerate(changes, start=1):
        unit = plotly_text(item.unit)
        years = [f"{item.year_b}년", f"{item.year_a}년"]
        values = [item.b, item.a]
        texts = [f"{number(value)}{unit}" for value in values]
        labels += texts
        figure.add_bar(
            x=values,
            y=years,
            orientation="h",
            marker_color=[PALETTE[0], NEUTRAL],
            customdata=texts,
            showlegend=False,
            hovertemplate="%{y}: %{customdata}<extra></extra>",
            row=row,
            col=1,
        )
        figure.add_trace(end_labels(values, years, texts), row=row, col=1)
        # the bars carry their figures: no ticks to crowd a narrow panel
        figure.update_xaxes(range=[0, max(values) * 1.02], showticklabels=False, row=row, col=1)
        figure.update_yaxes(type="category", row=row, col=1)
    # each panel's title carries its unit: 개최장소(개소), 운영횟수(회), 참여농가수(개)
    styled(figure, title=plotly_text(f"직거래장터 {comparison(changes)}"), height=100 + 110 * len(changes))
    # room under the figure's title for the first panel's title (annotations push no margin)
    figure.update_layout(margin_t=64)
    return label_room(figure, labels)


def schedule_gantt(
    markets: pd.DataFrame,
    period: tuple[date, date] | None = None,
    title: str = "운영일정",
) -> go.Figure:
    """One bar per market from its first to its last day, coloured by 추진방식; the
    chosen period is shaded. ``title``: the schedule's title as the report prints it."""
    figure = go.Figure()
    for operation_type in OPERATION_TYPES:
        rows = markets[markets["operation_type"] == operation_type]
        if rows.empty:
            continue
        begin = pd.to_datetime(rows["start"])
        finish = pd.to_datetime([day + timedelta(days=1) for day in rows["end"]])
        weekdays = [plotly_text(w) if isinstance(w, str) else "매일" for w in rows["printed_weekdays"]]
        places = [plotly_text(", ".join(p)) for p in rows["places"]]
        figure.add_bar(
            base=begin,
            x=(finish - begin.to_numpy()).total_seconds() * 1000,
            y=[plotly_text(market) for market in rows["market"]],
            orientation="h",
            name=operation_type,
            marker_color=TYPE_COLOURS[operation_type],
            customdata=list(zip([plotly_text(d) for d in rows["printed_dates"]], weekdays, places)),
            hovertemplate=(
                "<b>%{y}</b><br>%{customdata[0]}<br>운영 요일: %{customdata[1]}"
                "<br>장소: %{customdata[2]}<extra></extra>"
            ),
        )
    if period is not None:
        figure.add_vrect(
            x0=pd.Timestamp(period[0]),
            x1=pd.Timestamp(period[1] + timedelta(days=1)),
            fillcolor=REFERENCE,
            opacity=0.12,
            line_width=0,
            annotation_text="선택 기간",
            annotation_position="top left",
        )
    # Plotly picks the tick spacing from the axis length: every month on a wide screen, fewer
    # on a phone, never overlapping
    figure.update_xaxes(type="date", tickformat="%y.%-m.")
    figure.update_yaxes(
        categoryorder="array", categoryarray=[plotly_text(market) for market in markets["market"]][::-1]
    )
    return styled(
        figure,
        title=plotly_text(title),
        x_title="운영 기간(연.월.)",
        height=480,
    )


def _outline_traces(figure: go.Figure, outline: tuple[Line, ...]) -> None:
    for line in outline:
        if line.kind == "boundary":
            figure.add_scatter(
                x=line.lon,
                y=line.lat,
                mode="lines",
                fill="toself",
                fillcolor="#f2f2f2",
                line={"color": "#bbbbbb", "width": 1},
                name=line.name,
                hoverinfo="skip",
            )
        else:
            figure.add_scatter(
                x=line.lon,
                y=line.lat,
                mode="lines",
                line={"color": PALETTE[5], "width": 4},
                name=line.name,
                hoverinfo="skip",
            )


def places_map(
    places: pd.DataFrame,
    outline: tuple[Line, ...],
    selected: set[str] | None = None,
) -> go.Figure:
    """The places on longitude/latitude axes over the bundled approximate outline of Seoul
    (no tiles, nothing fetched). Marker size is the number of markets; ``selected`` places
    are highlighted."""
    figure = go.Figure()
    _outline_traces(figure, outline)
    chosen = places["place_id"].isin(selected) if selected else pd.Series(True, index=places.index)
    names = [
        plotly_text(f"{name}({count})" if count > 1 else name)
        for name, count in zip(places["printed_name"], places["market_count"])
    ]
    figure.add_scatter(
        x=places["lon"],
        y=places["lat"],
        mode="markers+text",
        # numbered markers (the numbers of markets.places_table) stay legible at any width,
        # where twelve names around 서울광장 would overlap
        text=[str(number) for number in range(1, len(places) + 1)],
        textposition="middle center",
        textfont={"size": 11, "color": "white"},
        marker={
            "size": [18 + 3 * int(n) for n in places["market_count"]],
            "color": [PALETTE[3] if c else NEUTRAL for c in chosen],
            "line": {"color": "white", "width": 1},
            "opacity": 0.9,
        },
        customdata=list(
            zip(
                names,
                [plotly_text(district) for district in places["district"]],
                [_market_lines(markets) for markets in places["markets"]],
            )
        ),
        hovertemplate=(
            "%{text}. <b>%{customdata[0]}</b> · %{customdata[1]}<br>%{customdata[2]}<extra></extra>"
        ),
        name="개최장소",
        showlegend=False,
    )
    figure.update_xaxes(
        range=[126.74, 127.22], showgrid=False, zeroline=False, tickformat=".2f", constrain="domain"
    )
    figure.update_yaxes(
        range=[37.42, 37.73],
        constrain="domain",
        scaleanchor="x",
        scaleratio=aspect_ratio(),
        showgrid=False,
        zeroline=False,
        tickformat=".2f",
    )
    figure.update_layout(showlegend=False)
    return styled(
        figure,
        title="직거래장터 개최장소(개략 지도, 번호는 아래 표)",
        x_title="경도(°E)",
        y_title="위도(°N)",
        height=560,
    )


def places_tile_map(places: pd.DataFrame, tiles_url: str, selected: set[str] | None = None) -> go.Figure:
    """The places over raster tiles from a configured (internal) tile server."""
    chosen = places["place_id"].isin(selected) if selected else pd.Series(True, index=places.index)
    figure = go.Figure(
        go.Scattermap(
            lon=places["lon"],
            lat=places["lat"],
            mode="markers",
            text=[plotly_text(name) for name in places["printed_name"]],
            marker={
                "size": [12 + 6 * int(n) for n in places["market_count"]],
                "color": [PALETTE[3] if c else NEUTRAL for c in chosen],
            },
            customdata=[_market_lines(markets) for markets in places["markets"]],
            hovertemplate="<b>%{text}</b><br>%{customdata}<extra></extra>",
            name="개최장소",
        )
    )
    figure.update_layout(
        map={
            "style": "white-bg",
            "center": {"lat": 37.56, "lon": 126.99},
            "zoom": 10,
            "layers": [{"sourcetype": "raster", "source": [tiles_url], "below": "traces"}],
        }
    )
    return styled(figure, title="직거래장터 개최장소", height=620)


def _market_lines(markets: list[str]) -> str:
    """A place's markets for hover text, one per line."""
    return "<br>".join(plotly_text(market) for market in markets)
