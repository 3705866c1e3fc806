"""직거래장터: KPI increases, the schedule by market, period and place filters (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from bureau.differences import Kind, rate_kind, shown_rate
from bureau.format import korean_date, markdown_text, number, rate
from bureau.kpi import Figure, Kpi
from bureau.metrics import change, change_rate
from bureau.schedule import (
    day_label,
    month_bounds,
    months_between,
    opening_span,
    parse_weekdays,
    runs_between,
    weekday_reading,
)
from bureau.table import Column, Table, rates

OPERATION_TYPES = ("직접수행", "지자체 공모", "실국 부속행사")


@dataclass(frozen=True)
class KpiChange:
    """One indicator, year A (e.g. the prior year's 실적) → year B (this year's 계획), with our
    증감 and rate beside the printed ones."""

    label: str
    unit: str
    year_a: int
    year_b: int
    status_a: str
    status_b: str
    a: int
    b: int
    change: int
    rate: float | None
    printed_change: int | None
    printed_change_unit: str | None
    printed_rate: float | None

    @property
    def rate_kind(self) -> Kind:
        """How the printed whole percentage relates to ours (172% where ours is 172.7%: cut)."""
        if self.printed_rate is None:
            return Kind.MATCH
        return rate_kind(self.printed_rate, self.rate, 0)

    @property
    def shown_rate(self) -> float | None:
        """The rate a page shows: the printed whole percentage where the report cut the
        decimals (172), ours otherwise."""
        if self.rate_kind is Kind.ROUNDING:
            return self.printed_rate
        return shown_rate(self.printed_rate, self.rate, 0)

    @property
    def rate_text(self) -> str:
        """:attr:`shown_rate` as written: ``172`` as printed, ours to one decimal (``100.0``)."""
        if self.rate_kind is Kind.ROUNDING:
            return number(self.printed_rate)
        return rate(self.shown_rate)


def kpi_changes(kpis: pd.DataFrame) -> list[KpiChange]:
    """Each indicator's two years, 증감 = B − A and 증감률 = 증감 ÷ A × 100."""
    found = []
    for _, rows in kpis.groupby("indicator_id", sort=False):
        rows = rows.sort_values("year")
        first, last = rows.iloc[0], rows.iloc[-1]
        a, b = int(first["value"]), int(last["value"])
        found.append(
            KpiChange(
                str(last["label"]),
                str(last["unit"]),
                int(first["year"]),
                int(last["year"]),
                str(first["status"]),
                str(last["status"]),
                a,
                b,
                int(change(a, b)),
                change_rate(a, b),
                None if pd.isna(last["printed_change"]) else int(last["printed_change"]),
                None if pd.isna(last["printed_change_unit"]) else str(last["printed_change_unit"]),
                None if pd.isna(last["printed_change_rate"]) else float(last["printed_change_rate"]),
            )
        )
    return found


def comparison(changes: list[KpiChange]) -> str:
    """What the indicators compare, from their rows: ``YYYY년 실적 대비 YYYY년 계획``."""
    if not changes:
        return ""
    first = changes[0]
    return f"{first.year_a}년 {first.status_a} 대비 {first.year_b}년 {first.status_b}"


def kpi_headlines(changes: list[KpiChange]) -> list[Kpi]:
    """``개최장소 12개소`` with delta ``+6개소 (100.0%)``, or the printed ``+190회 (172%)`` where
    the report cut the decimals (ours in the help)."""
    found = []
    for item in changes:
        printed = ""
        if item.printed_change is not None:
            printed = (
                f"보고서 표기: 증 {number(item.printed_change)}{item.printed_change_unit or item.unit}"
                f"({number(item.printed_rate)}%)"
            )
        if item.rate_kind is Kind.ROUNDING:
            printed += f" — 계산 {rate(item.rate)}%, 보고서는 소수점 이하를 버림"
        elif item.rate_kind is Kind.ARITHMETIC:
            printed += f" — 재계산 {rate(item.rate)}%"
        found.append(
            Kpi(
                f"{markdown_text(item.label)}({item.year_b}년 {markdown_text(item.status_b)})",
                f"{number(item.b)}{item.unit}",
                f"+{number(item.change)}{item.unit} ({item.rate_text}%)",
                markdown_text(
                    f"{item.year_a}년 {number(item.a)}{item.unit} → "
                    f"{item.year_b}년 {number(item.b)}{item.unit}. {printed}"
                ),
                figure=Figure.count(item.b, item.unit),
            )
        )
    return found


def kpi_table(changes: list[KpiChange]) -> Table:
    """The report's 직거래장터 운영 계획 table as numbers (each row's unit in its 구분),
    increases recomputed, the printed wording beside them."""
    years = (changes[0].year_a, changes[0].year_b) if changes else (0, 0)
    first, second = f"{years[0]}년(A)", f"{years[1]}년(B)"
    frame = pd.DataFrame(
        {
            "구분": [f"{c.label}({c.unit})" for c in changes],
            first: [c.a for c in changes],
            second: [c.b for c in changes],
            "증감(B-A)": [c.change for c in changes],
            "증감률(재계산, %)": rates([c.rate for c in changes]),
            "보고서 표기": [
                f"증 {number(c.printed_change)}{c.printed_change_unit or c.unit}({number(c.printed_rate)}%)"
                if c.printed_change is not None
                else None
                for c in changes
            ],
        }
    )
    count = Column.count()
    return Table(frame, {first: count, second: count, "증감(B-A)": count, "증감률(재계산, %)": Column.rate()})


def schedule_title(attachment: object) -> str:
    """The schedule's title: the issue's attachment as printed where the report has one."""
    return attachment if isinstance(attachment, str) and attachment else "직거래장터 운영일정"


def markets(schedule: pd.DataFrame) -> pd.DataFrame:
    """One row per market (the schedule has one per market and place), its places in order."""
    grouped = schedule.groupby("market_id", sort=False)
    first = schedule.drop_duplicates("market_id").set_index("market_id")
    first = first.assign(
        places=grouped["printed_name"].agg(list), place_ids=grouped["place_id"].agg(list)
    ).reset_index()
    return first.sort_values("market_seq").reset_index(drop=True)


def runs_in(markets_frame: pd.DataFrame, start: date, end: date) -> pd.Series:
    """For each market, whether one of its operating days (a printed weekday within its
    dates, or any day when none is printed) falls between ``start`` and ``end``."""
    return pd.Series(
        [
            runs_between(s, e, parse_weekdays(w if isinstance(w, str) else None), start, end)
            for s, e, w in zip(
                markets_frame["start"], markets_frame["end"], markets_frame["printed_weekdays"]
            )
        ],
        index=markets_frame.index,
        dtype=bool,
    )


def running(markets_frame: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """The markets that run between ``start`` and ``end`` (inclusive)."""
    return markets_frame[runs_in(markets_frame, start, end)]


def filtered(
    markets_frame: pd.DataFrame, period: tuple[date, date] | None, place_id: str | None
) -> pd.DataFrame:
    """The markets running in ``period`` (all when None) held at ``place_id`` (any when None)."""
    keep = pd.Series(True, index=markets_frame.index)
    if period is not None:
        keep &= runs_in(markets_frame, *period)
    if place_id is not None:
        keep &= pd.Series([place_id in ids for ids in markets_frame["place_ids"]], index=keep.index)
    return markets_frame[keep]


def period_label(period: tuple[date, date] | None) -> str:
    if period is None:
        return "전체 기간"
    return f"{korean_date(period[0])} ~ {korean_date(period[1])}"


def month_key(month: tuple[int, int]) -> str:
    """``(year, 5)`` → ``"YYYY-05"`` (the URL form)."""
    return f"{month[0]}-{month[1]:02d}"


def parse_month_key(key: str) -> tuple[int, int]:
    year, month = key.split("-")
    return int(year), int(month)


def month_choices(markets_frame: pd.DataFrame, year: int) -> list[tuple[int, int]]:
    """January of the plan year through the month the last market ends (into next year)."""
    last = max(markets_frame["end"]) if len(markets_frame) else date(year, 12, 31)
    return months_between(date(year, 1, 1), max(last, date(year, 12, 31)))


def month_label(month: tuple[int, int]) -> str:
    return f"{month[0]}년 {month[1]}월"


def month_period(month: tuple[int, int]) -> tuple[date, date]:
    return month_bounds(*month)


def _weekday_check(start: date, end: date, weekdays: str | None) -> str | None:
    if not isinstance(weekdays, str):
        return None  # nothing printed to check: a blank cell
    span = opening_span(start, end, weekdays)
    if span is None:
        return f"⚠ 기간 중 {weekdays} 없음"
    return "✔" if span == (start, end) else f"첫 운영일 {day_label(span[0])}, 마지막 {day_label(span[1])}"


def weekday_notes(markets_frame: pd.DataFrame) -> list[str]:
    """A note for each market whose printed weekdays do not fall on its period's ends."""
    notes = []
    for row in markets_frame.itertuples():
        if not isinstance(row.printed_weekdays, str):
            continue
        span = opening_span(row.start, row.end, row.printed_weekdays)
        if span != (row.start, row.end):
            reading = weekday_reading(row.printed_dates, row.printed_weekdays, span)
            notes.append(f"{row.market} {row.printed_dates}: {reading}")
    return notes


def schedule_table(markets_frame: pd.DataFrame) -> Table:
    """The 운영일정 table: type, market, printed dates, calendar dates (shown with weekdays), places."""
    frame = pd.DataFrame(
        {
            "추진방식": markets_frame["operation_type"].tolist(),
            "장터·행사명": markets_frame["market"].tolist(),
            "일정(표기)": markets_frame["printed_dates"].tolist(),
            "시작일": markets_frame["start"].tolist(),
            "종료일": markets_frame["end"].tolist(),
            "운영 요일": [
                w if isinstance(w, str) else "매일(표기 없음)" for w in markets_frame["printed_weekdays"]
            ],
            "개최장소": [", ".join(places) for places in markets_frame["places"]],
            "장소 수": [len(places) for places in markets_frame["places"]],
            "요일 확인": [
                _weekday_check(s, e, w)
                for s, e, w in zip(
                    markets_frame["start"], markets_frame["end"], markets_frame["printed_weekdays"]
                )
            ],
        }
    )
    day = Column.date(weekday=True)
    return Table(frame, {"시작일": day, "종료일": day, "장소 수": Column.count()})


def type_counts(markets_frame: pd.DataFrame) -> pd.DataFrame:
    """How many markets each 추진방식 has (printed: 직접수행 4, 지자체 공모 3, 실국 부속행사 3)."""
    counts = markets_frame.groupby("operation_type").size()
    return pd.DataFrame(
        {"추진방식": list(OPERATION_TYPES), "장터 수": [int(counts.get(t, 0)) for t in OPERATION_TYPES]}
    )


def places_table(places: pd.DataFrame) -> Table:
    frame = pd.DataFrame(
        {
            "번호": list(range(1, len(places) + 1)),
            "개최장소": places["printed_name"],
            "자치구": places["district"],
            "장터·행사": [", ".join(markets) for markets in places["markets"]],
            "장터 수": places["market_count"].astype("int64"),
            "위도(근사)": places["lat"].round(4),
            "경도(근사)": places["lon"].round(4),
        }
    )
    degrees = Column.rate(4)  # a coordinate: four decimals, no thousands separator needed
    return Table(
        frame,
        {"번호": Column.count(), "장터 수": Column.count(), "위도(근사)": degrees, "경도(근사)": degrees},
    )


def hope_regions_text(regions: pd.DataFrame) -> str:
    """``경북(안동시, 의성군, …), 경남(산청군, 하동군)`` as the report lists them."""
    parts = [
        f"{province}({', '.join(rows['city'])})" for province, rows in regions.groupby("province", sort=False)
    ]
    return ", ".join(parts)


def hope_region_counts(regions: pd.DataFrame) -> pd.DataFrame:
    counts = regions.groupby("province", sort=False).size()
    return pd.DataFrame({"도": counts.index, "시·군 수": counts.to_numpy()})


def hope_regions_summary(regions: pd.DataFrame) -> str:
    """The 희망장터 line: planned month, how many 시·군 and which."""
    planned = regions["planned"].iloc[0] if len(regions) else "-"
    counts = regions.groupby("province", sort=False).size()
    return f"산불피해 **{len(regions)}개 시·군** " + markdown_text(
        f"참여 ‘산불피해지역 희망장터’ 개최 예정({planned}) — {hope_regions_text(regions)}: "
        + " + ".join(f"{province} {count}" for province, count in counts.items())
    )


def hope_regions_frame(regions: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {"도": regions["province"], "시·군": regions["city"], "개최 예정": regions["planned"]}
    )
