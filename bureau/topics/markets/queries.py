"""서울에서 만나는 팔도 농산물 직거래장터: KPIs, schedule, places, 희망장터."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from bureau.selection import selector
from bureau.sql import frame, with_dates
from bureau.topics.markets.tables import TABLES

select = selector(TABLES)

#: 직거래장터 운영 계획, one row per indicator and year (as the report orders them), printed 증감
#: on the later year.
kpis = select(
    "market_kpis",
    (
        "indicator_id",
        "label",
        "unit",
        "year",
        "status",
        "value",
        "printed_change",
        "printed_change_unit",
        "printed_change_rate",
    ),
)
#: 산불피해지역 희망장터 참여 시·군.
hope_regions = select("market_hope_regions", ("seq", "province", "city", "planned", "dept"))


def schedule(con: duckdb.DuckDBPyConnection, as_of: date, place_id: str | None = None) -> pd.DataFrame:
    """One row per market and place (``place_id`` keeps the markets held at that place)."""
    rows = frame(
        con,
        """
        SELECT s.market_seq, s.market_id, s.market, s.operation_type, s.start, s."end",
               s.printed_dates, s.printed_weekdays, s.printed_months,
               s.place_seq, s.place_id, p.place, p.printed_name, p.district, p.lat, p.lon
        FROM market_schedule s JOIN market_places p USING (as_of, place_id)
        WHERE s.as_of = ? AND (? IS NULL OR s.place_id = ?)
        ORDER BY s.market_seq, s.place_seq
        """,
        [as_of, place_id, place_id],
    )
    return with_dates(rows, "start", "end")


def places(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    """The places with the markets held there (in schedule order) and how many."""
    return frame(
        con,
        """
        SELECT p.place_id, p.place, p.printed_name, p.district, p.lat, p.lon,
               list(s.market ORDER BY s.market_seq) AS markets,
               CAST(count(s.market_id) AS INTEGER) AS market_count,
               min(s.market_seq * 100 + s.place_seq) AS schedule_order
        FROM market_places p
        LEFT JOIN market_schedule s USING (as_of, place_id)
        WHERE p.as_of = ?
        GROUP BY ALL
        ORDER BY schedule_order, p.place
        """,
        [as_of],
    )
