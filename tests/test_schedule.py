"""Calendar arithmetic for printed schedules: weekdays, operating days, overlaps, months."""

from datetime import date

import pytest

from bureau.schedule import (
    day_label,
    duration_months,
    month_bounds,
    months_between,
    opening_span,
    operating_days,
    overlaps,
    parse_weekdays,
    runs_between,
    weekday_label,
    weekday_mismatches,
    weekdays_text,
)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("토, 일", {5, 6}),
        ("금~일", {4, 5, 6}),
        ("일", {6}),
        ("월~수, 토", {0, 1, 2, 5}),
        ("토~월", {5, 6, 0}),
        (None, None),
        ("", None),
    ],
)
def test_parse_weekdays(text, days):
    parsed = parse_weekdays(text)
    assert parsed == (frozenset(days) if days is not None else None)


@pytest.mark.parametrize("text", ["토,", "토요일", "sat", "금~일~월"])
def test_parse_weekdays_rejects_other_text(text):
    with pytest.raises(ValueError, match="not a weekday text"):
        parse_weekdays(text)


def test_weekday_labels_of_report_dates():
    # every date the report prints with a weekday, checked against the calendar by hand
    assert weekday_label(date(2025, 3, 22)) == "토"  # 3.22.(토)~
    assert weekday_label(date(2025, 3, 15)) == "토"  # 농부의 시장 3.15.
    assert weekday_label(date(2025, 11, 23)) == "일"
    assert weekday_label(date(2025, 5, 4)) == "일"  # 잠수교 5.4~6.22.(일)
    assert weekday_label(date(2025, 5, 22)) == "목"  # 정원박람회 5.22.(금~일 표기)
    assert weekday_label(date(2025, 10, 20)) == "월"
    assert weekdays_text({6, 5}) == "토, 일"


def test_weekday_mismatches():
    assert weekday_mismatches(date(2025, 3, 15), date(2025, 11, 23), "토, 일") == []
    assert weekday_mismatches(date(2025, 9, 25), date(2025, 9, 27), None) == []
    # a date printed with its own weekday: 4.4.~4.5.(금~토) is right, 4.4.~4.6.(금~토) ends on a 일
    assert weekday_mismatches(date(2025, 4, 4), date(2025, 4, 5), "금~토") == []
    wrong = weekday_mismatches(date(2025, 4, 3), date(2025, 4, 6), "금~토")
    assert [(item.role, item.actual) for item in wrong] == [("시작일", "목"), ("종료일", "일")]
    assert str(wrong[0]) == "시작일 4.3.은 목요일(표기 금~토)"
    # an open-ended date (3.22.(토)~) checks only its start
    assert weekday_mismatches(date(2025, 3, 22), None, "토") == []


@pytest.mark.parametrize(
    ("start", "end", "printed", "span"),
    [
        # 서울국제정원박람회 5.22.(목)~10.20.(월), market open 금~일 inside the expo
        (date(2025, 5, 22), date(2025, 10, 20), "금~일", (date(2025, 5, 23), date(2025, 10, 19))),
        (date(2025, 3, 15), date(2025, 11, 23), "토, 일", (date(2025, 3, 15), date(2025, 11, 23))),
        (date(2025, 9, 25), date(2025, 9, 27), None, (date(2025, 9, 25), date(2025, 9, 27))),
        (date(2025, 5, 19), date(2025, 5, 21), "토, 일", None),  # 월~수: no 토·일 inside
    ],
)
def test_opening_span(start, end, printed, span):
    assert opening_span(start, end, printed) == span


def test_day_label():
    assert day_label(date(2025, 5, 23)) == "5.23.(금)"


def test_operating_days():
    days = operating_days(date(2025, 5, 22), date(2025, 10, 20), parse_weekdays("금~일"))
    assert days[0] == date(2025, 5, 23)
    assert days[-1] == date(2025, 10, 19)
    assert all(day.weekday() in (4, 5, 6) for day in days)
    assert len(operating_days(date(2025, 12, 19), date(2025, 12, 31), None)) == 13
    assert operating_days(date(2025, 5, 2), date(2025, 5, 1), None) == []


@pytest.mark.parametrize(
    ("start", "end", "period", "expected"),
    [
        (date(2025, 5, 1), date(2025, 5, 31), (date(2025, 5, 31), date(2025, 6, 30)), True),  # one day shared
        (date(2025, 5, 1), date(2025, 5, 31), (date(2025, 6, 1), date(2025, 6, 30)), False),
        (date(2025, 12, 19), date(2026, 2, 8), (date(2026, 1, 1), date(2026, 1, 31)), True),
        (date(2025, 4, 5), date(2025, 4, 27), (date(2025, 4, 10), date(2025, 4, 12)), True),  # inside
        (date(2025, 4, 5), date(2025, 4, 27), (date(2025, 3, 1), date(2025, 5, 31)), True),  # around
    ],
)
def test_overlaps(start, end, period, expected):
    assert overlaps(start, end, *period) is expected


def test_runs_between_respects_printed_weekdays():
    weekend = parse_weekdays("토, 일")
    # 2025-04-07..04-10 is Monday..Thursday: 서울 가든 페스타 (토, 일) does not run then
    assert not runs_between(date(2025, 4, 5), date(2025, 4, 27), weekend, date(2025, 4, 7), date(2025, 4, 10))
    assert runs_between(date(2025, 4, 5), date(2025, 4, 27), weekend, date(2025, 4, 7), date(2025, 4, 12))
    # 5.22. (Thursday) alone: 정원박람회 printed 금~일 does not run that day
    garden = parse_weekdays("금~일")
    assert not runs_between(
        date(2025, 5, 22), date(2025, 10, 20), garden, date(2025, 5, 22), date(2025, 5, 22)
    )
    # no weekday printed: every day of the dates
    assert runs_between(date(2025, 9, 25), date(2025, 9, 27), None, date(2025, 9, 27), date(2025, 9, 30))
    assert not runs_between(date(2025, 9, 25), date(2025, 9, 27), None, date(2025, 9, 28), date(2025, 9, 30))


def test_months():
    assert month_bounds(2025, 2) == (date(2025, 2, 1), date(2025, 2, 28))
    assert month_bounds(2024, 2) == (date(2024, 2, 1), date(2024, 2, 29))
    assert months_between(date(2025, 11, 5), date(2026, 2, 8)) == [
        (2025, 11),
        (2025, 12),
        (2026, 1),
        (2026, 2),
    ]


def test_duration_months_matches_the_printed_durations():
    assert round(duration_months(date(2025, 12, 19), date(2026, 2, 8))) == 2  # 스케이트장(2개월)
    assert round(duration_months(date(2025, 5, 22), date(2025, 10, 20))) == 5  # 국제정원박람회(5개월)
    assert duration_months(date(2025, 1, 1), date(2025, 12, 31)) == pytest.approx(12, abs=0.01)
