"""Council deck slides: 직거래장터, from the same queries and calculations as the page."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.format import number
from bureau.pack.spec import ChartSpec, SlideSpec
from bureau.table import display_text
from bureau.topics.markets import calc as markets
from bureau.topics.markets import queries as market_queries


def markets_slides(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    changes = markets.kpi_changes(market_queries.kpis(con, as_of))
    schedule = market_queries.schedule(con, as_of)
    if not changes or schedule.empty:
        return []
    year = changes[0].year_b
    table = display_text(markets.schedule_table(markets.markets(schedule)))
    return [
        SlideSpec(
            "직거래장터 확대 운영",
            [
                f"{item.label}: {item.year_a}년 {number(item.a)}{item.unit} → {item.year_b}년 "
                f"{number(item.b)}{item.unit} (+{number(item.change)}, {item.rate_text}%)"
                for item in changes
            ],
            ChartSpec(
                "bar",
                [item.label for item in changes][::-1],
                # as the bullets: 172 where the report cut the decimals of 172.7
                {f"{year}년 증가율": [round(item.shown_rate or 0, 1) for item in changes][::-1]},
                "%",
                number_format="General",
            ),
        ),
        SlideSpec(
            f"{year}년 직거래장터 운영일정",
            table=table[["추진방식", "장터·행사명", "일정(표기)", "개최장소"]],
        ),
    ]
