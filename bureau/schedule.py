"""Calendar arithmetic for printed schedules: weekdays as the report prints them
(``토, 일``, ``금~일``, ``일``), operating days, overlaps with a period, months."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from bureau.format import particle

#: Korean weekday names, Monday first (``date.weekday()`` order).
WEEKDAYS = "월화수목금토일"
_DAY = f"[{WEEKDAYS}]"
#: A printed weekday text: one day, a list (``토, 일``) or a range (``금~일``).
WEEKDAY_TEXT_PATTERN = rf"^{_DAY}(\s*(,|~)\s*{_DAY})*$"
#: The average month, for durations printed as "(2개월)".
DAYS_PER_MONTH = 365.25 / 12


def weekday_label(day: date) -> str:
    """``date(2025, 3, 22)`` → ``"토"``."""
    return WEEKDAYS[day.weekday()]


def parse_weekdays(text: str | None) -> frozenset[int] | None:
    """``"토, 일"`` → {5, 6}; ``"금~일"`` → {4, 5, 6}; None/empty → None (every day).

    Raises ValueError for text that is not weekday names joined by ``,`` or ``~``.
    """
    if text is None or not text.strip():
        return None
    days: set[int] = set()
    for part in text.split(","):
        ends = [item.strip() for item in part.split("~")]
        if len(ends) > 2 or any(len(item) != 1 or item not in WEEKDAYS for item in ends):
            raise ValueError(f"not a weekday text: {text!r}")
        first, last = WEEKDAYS.index(ends[0]), WEEKDAYS.index(ends[-1])
        span = range(first, last + 1) if first <= last else (*range(first, 7), *range(0, last + 1))
        days.update(span)
    return frozenset(days)


def weekdays_text(days: Iterable[int]) -> str:
    """{5, 6} → ``"토, 일"`` (Monday first)."""
    return ", ".join(WEEKDAYS[day] for day in sorted(days))


@dataclass(frozen=True)
class WeekdayMismatch:
    """A printed date that does not fall on the printed weekday(s)."""

    role: str  # "시작일" or "종료일"
    day: date
    printed: str

    @property
    def actual(self) -> str:
        return weekday_label(self.day)

    def __str__(self) -> str:
        return f"{self.role} {self.day.month}.{self.day.day}.은 {self.actual}요일(표기 {self.printed})"


def weekday_mismatches(start: date, end: date | None, printed: str | None) -> list[WeekdayMismatch]:
    """The start/end dates that are not on one of the printed weekdays (none when no
    weekday is printed)."""
    days = parse_weekdays(printed)
    if days is None:
        return []
    found = []
    for role, day in (("시작일", start), ("종료일", end)):
        if day is not None and day.weekday() not in days:
            found.append(WeekdayMismatch(role, day, printed or ""))
    return found


def operating_days(start: date, end: date, weekdays: frozenset[int] | None) -> list[date]:
    """Every day from ``start`` to ``end`` (inclusive) on one of ``weekdays`` (all if None)."""
    count = (end - start).days + 1
    days = (start + timedelta(days=offset) for offset in range(max(count, 0)))
    return [day for day in days if weekdays is None or day.weekday() in weekdays]


def opening_span(start: date, end: date, printed: str | None) -> tuple[date, date] | None:
    """The first and last opening day of [start, end]: a printed weekday text names the days
    the market opens within the period, not the weekdays of its ends, so "5.22.~10.20.(금~일)"
    opens first on Fri 5.23. and last on Sun 10.19. None when no such day is in the period."""
    days = operating_days(start, end, parse_weekdays(printed))
    return (days[0], days[-1]) if days else None


def day_label(day: date) -> str:
    """``date(2025, 5, 23)`` → ``"5.23.(금)"``, as the report prints a date with its weekday."""
    return f"{day.month}.{day.day}.({weekday_label(day)})"


def weekday_reading(dates: str, weekdays: str, span: tuple[date, date] | None) -> str:
    """What a printed weekday range means: ``(금~일)은 5.22.~10.20. 중 여는 요일: 첫 운영일
    5.23.(금), 마지막 운영일 10.19.(일)``."""
    period = dates.split("(")[0]
    if span is None:
        return f"{period} 중 {weekdays}에 해당하는 날이 없음"
    first, last = span
    return (
        f"({weekdays}){particle(weekdays, '은', '는')[len(weekdays) :]} {period} 중 장터가 여는 요일: "
        f"첫 운영일 {day_label(first)}, 마지막 운영일 {day_label(last)}"
    )


def overlaps(start: date, end: date, period_start: date, period_end: date) -> bool:
    """True when [start, end] and [period_start, period_end] share at least one day."""
    return start <= period_end and period_start <= end


def runs_between(
    start: date, end: date, weekdays: frozenset[int] | None, period_start: date, period_end: date
) -> bool:
    """True when an operating day (a printed weekday within [start, end]) falls in the period."""
    if not overlaps(start, end, period_start, period_end):
        return False
    return bool(operating_days(max(start, period_start), min(end, period_end), weekdays))


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def months_between(first: date, last: date) -> list[tuple[int, int]]:
    """Every (year, month) from ``first``'s month to ``last``'s, inclusive."""
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def duration_months(start: date, end: date) -> float:
    """Length of [start, end] (inclusive) in average months: 12.19.~2.8. → 1.7."""
    return ((end - start).days + 1) / DAYS_PER_MONTH
