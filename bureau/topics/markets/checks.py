"""직거래장터: printed 증감·percentages, counts of places and markets, weekdays, durations."""

from __future__ import annotations

from functools import partial

import duckdb

from bureau.checks.base import Reconciliation, compared
from bureau.format import number
from bureau.metrics import change, change_rate, round_half_up
from bureau.schedule import day_label, duration_months, opening_span
from bureau.sources import SourceError
from bureau.topics.markets.calc import weekday_reading
from bureau.topics.report.checks import count_check, printed_figures, reconcile_execution

TOPIC = "markets"
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


def market_rows_agree(con: duckdb.DuckDBPyConnection) -> list[SourceError]:
    """The rows of one market (one per place) carry the same market columns."""
    errors = []
    for column in MARKET_COLUMNS:
        rows = con.execute(
            f"""
            SELECT market_id, list(source_line ORDER BY source_line)
            FROM market_schedule GROUP BY as_of, market_id
            HAVING count(DISTINCT coalesce("{column}"::VARCHAR, '')) > 1
            """
        ).fetchall()
        position = list(_fields()).index(column) + 1
        for market_id, lines in rows:
            message = f"{column} of market {market_id!r} differs from line {lines[0]}"
            errors.extend(SourceError("market_schedule.csv", line, position, message) for line in lines[1:])
    return errors


def _fields() -> list[str]:
    from bureau.topics.markets.tables import MarketSession

    return list(MarketSession.model_fields)


def reconcile(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    return [
        *kpis(con),
        *counts(con),
        *schedule_weekdays(con),
        *durations(con),
        *reconcile_execution(con, TOPIC),
    ]


def kpis(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    """증감(B-A) and its percentage (printed as a whole number) for each indicator."""
    rows = con.execute(
        """
        SELECT b.as_of, b.indicator_id, b.label, b.unit, a.year, b.year, a.value, b.value,
               b.printed_change, b.printed_change_unit, b.printed_change_rate
        FROM market_kpis b
        JOIN market_kpis a ON a.as_of = b.as_of AND a.indicator_id = b.indicator_id AND a.year = b.year - 1
        ORDER BY b.as_of, b.indicator_id
        """
    ).fetchall()
    found = []
    for as_of, indicator, label, unit, year_a, year_b, a, b, p_change, p_unit, p_rate in rows:
        record = partial(compared, as_of, "market_kpis", indicator, f"직거래장터 {label}")
        if p_change is not None:
            found.append(
                record(
                    "증감(B-A)", f"{year_b}년(B) − {year_a}년(A)", p_change, change(a, b), 0, p_unit or unit
                )
            )
        if p_rate is not None:
            found.append(
                record("증감률(%)", f"증감 ÷ {year_a}년(A) × 100, 정수", p_rate, change_rate(a, b), 0, "%")
            )
    return found


def counts(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    """12개소 = distinct places in the schedule; 4/3/3 markets per 추진방식; 7개 시·군."""
    printed = printed_figures(con, TOPIC)
    found = []
    places = con.execute(
        """
        SELECT k.as_of, k.value, k.unit, count(DISTINCT s.place_id)
        FROM market_kpis k JOIN market_schedule s ON s.as_of = k.as_of
        WHERE k.indicator_id = 'places' AND k.year = year(k.as_of)
        GROUP BY ALL
        """
    ).fetchall()
    for as_of, value, unit, counted in places:
        found.append(
            Reconciliation(
                as_of,
                "market_kpis",
                "places|schedule",
                "직거래장터 개최장소",
                f"{as_of.year}년 개최장소 수",
                "운영일정(안)의 서로 다른 개최장소 수",
                f"{number(value)}{unit}",
                f"{number(counted)}{unit}",
                value == counted,
            )
        )
    types = con.execute(
        """
        SELECT as_of, operation_type, count(DISTINCT market_id)
        FROM market_schedule GROUP BY ALL ORDER BY ALL
        """
    ).fetchall()
    for as_of, operation_type, counted in types:
        figure_id = f"type_count.{operation_type}"
        if (as_of, figure_id) in printed:
            found.append(
                count_check(
                    as_of,
                    TOPIC,
                    figure_id,
                    "직거래장터 운영일정",
                    f"{operation_type} 장터 수",
                    "추진방식별 장터·행사 수",
                    printed[(as_of, figure_id)],
                    counted,
                )
            )
    regions = con.execute("SELECT as_of, count(*) FROM market_hope_regions GROUP BY as_of").fetchall()
    for as_of, counted in regions:
        if (as_of, "hope_regions") in printed:
            found.append(
                count_check(
                    as_of,
                    TOPIC,
                    "hope_regions",
                    "산불피해지역 희망장터",
                    "참여 시·군 수",
                    "참여 시·군 목록의 수",
                    printed[(as_of, "hope_regions")],
                    counted,
                )
            )
    return found


def _markets(con: duckdb.DuckDBPyConnection, condition: str) -> list[tuple]:
    return con.execute(
        f"""
        SELECT DISTINCT as_of, market_seq, market_id, market, start, "end", printed_dates,
               printed_weekdays, printed_months
        FROM market_schedule WHERE {condition} ORDER BY as_of, market_seq
        """
    ).fetchall()


def schedule_weekdays(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    """A market's printed weekdays name days it opens within its period: at least one falls in it."""
    found = []
    for as_of, _, market_id, market, start, end, dates, weekdays, _ in _markets(
        con, "printed_weekdays IS NOT NULL"
    ):
        span = opening_span(start, end, weekdays)
        found.append(
            Reconciliation(
                as_of,
                "market_schedule",
                market_id,
                market,
                "운영 요일",
                "표기 요일은 기간 중 여는 요일: 그 요일의 첫·마지막 운영일",
                dates,
                "기간 중 해당 요일 없음" if span is None else " ~ ".join(map(day_label, span)),
                span is not None,
                "" if span == (start, end) else weekday_reading(dates, weekdays, span),
            )
        )
    return found


def durations(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    """Durations the text prints (스케이트장 2개월, 국제정원박람회 5개월) against the dates."""
    found = []
    for as_of, _, market_id, market, start, end, dates, _, months in _markets(
        con, "printed_months IS NOT NULL"
    ):
        length = duration_months(start, end)
        found.append(
            Reconciliation(
                as_of,
                "market_schedule",
                market_id,
                market,
                "운영기간(개월)",
                f"{dates} 일수 ÷ 평균 월 일수, 반올림",
                f"{months}개월",
                f"{number(round_half_up(length, 0))}개월 ({number(length, 1)}개월)",
                round_half_up(length, 0) == months,
            )
        )
    return found
