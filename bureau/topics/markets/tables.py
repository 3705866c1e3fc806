"""서울에서 만나는 팔도 농산물 직거래장터: KPIs, the year's schedule, places, 희망장터."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from bureau.schedule import WEEKDAY_TEXT_PATTERN
from bureau.schema import (
    Count,
    Day,
    Integer,
    Name,
    Number,
    Percent,
    Reference,
    SignedAmount,
    SourceModel,
    Table,
    department_reference,
    report_reference,
)

Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
ShortText = Annotated[str, Field(min_length=1, max_length=40)]
OperationType = Literal["직접수행", "지자체 공모", "실국 부속행사"]


class MarketKpi(SourceModel):
    """직거래장터 운영 계획: one indicator in one year (the prior year's 실적, this year's 계획).
    The later year's row keeps the printed 증감 (``printed_change`` in ``printed_change_unit``, e.g. 농가) and
    the printed percentage, which the report prints as a whole number."""

    dept: Name
    indicator_id: Slug
    label: Name
    unit: ShortText
    year: Annotated[Integer, Field(ge=2000, le=2100)]
    status: Literal["실적", "계획"]
    value: Count
    printed_change: SignedAmount | None = None
    printed_change_unit: ShortText | None = None
    printed_change_rate: Percent | None = None


class MarketPlace(SourceModel):
    """A 개최장소: ``printed_name`` as the schedule prints it (``양천 파리공원``), its 자치구,
    and an approximate location (WGS84, to about 100 m) for the map."""

    place_id: Slug
    place: Name
    printed_name: Name
    district: Name
    lat: Annotated[Number, Field(ge=37.4, le=37.72)]
    lon: Annotated[Number, Field(ge=126.75, le=127.2)]


class MarketSession(SourceModel):
    """One market at one place (a market held at 3 places has 3 rows with the same
    market columns). ``printed_dates``/``printed_weekdays`` as printed; ``printed_months``
    the duration the text gives (스케이트장 2개월, 국제정원박람회 5개월)."""

    date_ranges = (("start", "end"),)
    dept: Name
    market_seq: Count
    market_id: Slug
    market: Name
    operation_type: OperationType
    start: Day
    end: Day
    printed_dates: ShortText
    printed_weekdays: Annotated[str, Field(pattern=WEEKDAY_TEXT_PATTERN)] | None = None
    printed_months: Count | None = None
    place_seq: Count
    place_id: Slug


class HopeRegion(SourceModel):
    """산불피해지역 희망장터에 참여하는 시·군; ``planned`` as printed (``6월 중``)."""

    dept: Name
    seq: Count
    province: Literal["경북", "경남"]
    city: Name
    planned: ShortText


TABLES = (
    Table(
        "market_kpis",
        MarketKpi,
        ("as_of", "indicator_id", "year"),
        "직거래장터 운영 계획(전년 실적·올해 계획)",
        (report_reference(), department_reference()),
    ),
    Table(
        "market_places",
        MarketPlace,
        ("as_of", "place_id"),
        "직거래장터 개최장소(근사 좌표)",
        (report_reference(),),
    ),
    Table(
        "market_schedule",
        MarketSession,
        ("as_of", "market_id", "place_id"),
        "서로장터 운영일정(안)",
        (
            report_reference(),
            department_reference(),
            Reference(("as_of", "place_id"), "market_places", ("as_of", "place_id")),
        ),
    ),
    Table(
        "market_hope_regions",
        HopeRegion,
        ("as_of", "city"),
        "산불피해지역 희망장터 참여 시·군",
        (report_reference(), department_reference()),
    ),
)
