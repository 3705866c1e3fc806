"""서울에서 만나는 팔도 농산물 직거래장터: KPIs, the year's schedule, places, 희망장터; the
printed 증감·증감률, counts, weekdays and durations are reconciled."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from bureau.checks.base import Row
from bureau.checks.declared import Agree, Compare, Related, Sum, Weekdays, offset, printed_figure
from bureau.format import number
from bureau.metrics import change, change_rate
from bureau.schedule import WEEKDAY_TEXT_PATTERN, duration_months
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


#: The same indicator a year earlier (A of 증감(B-A)).
PREVIOUS_YEAR = Related(on=("as_of", "indicator_id", (offset("year", -1), "year")))
KPI = "직거래장터 {label}"


def _previous(row: Row) -> float:
    return row["previous"]["value"]


KPI_CHECKS = (
    Compare(
        printed="printed_change",
        recomputed=lambda row: change(_previous(row), row["value"]),
        related=(("previous", PREVIOUS_YEAR),),
        unit=lambda row: row["printed_change_unit"] or row["unit"],
        subject=KPI,
        figure="증감(B-A)",
        rule=lambda row: f"{row['year']}년(B) − {row['year'] - 1}년(A)",
    ),
    Compare(
        printed="printed_change_rate",
        recomputed=lambda row: change_rate(_previous(row), row["value"]),
        related=(("previous", PREVIOUS_YEAR),),
        unit="%",
        subject=KPI,
        figure="증감률(%)",
        rule=lambda row: f"증감 ÷ {row['year'] - 1}년(A) × 100, 정수",
    ),
    # the year's 개최장소 count is the number of places in its schedule
    Sum(
        printed="value",
        where=lambda row: row["indicator_id"] == "places" and row["year"] == row["as_of"].year,
        parts=Related("market_schedule"),
        unique="place_id",
        unit="{unit}",
        subject=KPI,
        figure="{year}년 개최장소 수",
        rule="운영일정(안)의 서로 다른 개최장소 수",
    ),
)
#: The columns of a market (not of one of its places): equal on all of its rows.
MARKET_COLUMNS = (
    "market_seq",
    "market",
    "operation_type",
    "start",
    "end",
    "printed_dates",
    "printed_weekdays",
    "printed_months",
)
SCHEDULE_CHECKS = (
    Agree(("as_of", "market_id"), MARKET_COLUMNS, "market"),
    printed_figure(
        "type_count",
        by="operation_type",
        unique="market_id",
        unit="개",
        subject="직거래장터 운영일정",
        figure="{label}",
        rule="추진방식별 장터·행사 수",
    ),
    Weekdays(
        text="printed_dates",
        once_per=("market_id",),
        subject="{market}",
        figure="운영 요일",
        rule="표기 요일은 기간 중 여는 요일: 그 요일의 첫·마지막 운영일",
    ),
    Compare(
        printed="printed_months",
        recomputed=lambda row: duration_months(row["start"], row["end"]),
        once_per=("market_id",),
        unit="개월",
        subject="{market}",
        figure="운영기간(개월)",
        rule="{printed_dates} 일수 ÷ 평균 월 일수, 반올림",
        note=lambda row: f"{number(duration_months(row['start'], row['end']), 1)}개월",
    ),
)

TABLES = (
    Table(
        "market_kpis",
        MarketKpi,
        ("as_of", "indicator_id", "year"),
        "직거래장터 운영 계획(전년 실적·올해 계획)",
        (report_reference(), department_reference()),
        checks=KPI_CHECKS,
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
        checks=SCHEDULE_CHECKS,
    ),
    Table(
        "market_hope_regions",
        HopeRegion,
        ("as_of", "city"),
        "산불피해지역 희망장터 참여 시·군",
        (report_reference(), department_reference()),
        checks=(
            printed_figure(
                "hope_regions",
                unit="개",
                subject="산불피해지역 희망장터",
                figure="참여 시·군 수",
                rule="참여 시·군 목록의 수",
            ),
        ),
        order=("seq",),
    ),
)
