"""The report's derived figures: changes, rates, shares, pacing, rounding."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal


def round_half_up(value: float, digits: int = 1) -> float:
    """Round as the report does (half away from zero), not Python's banker's rounding."""
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def truncate(value: float, digits: int = 1) -> float:
    """Cut the decimals past ``digits`` (toward zero), as some of the report's tables do."""
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_DOWN))


def change(previous: float, current: float) -> float:
    """증감액: current minus previous (C = B - A)."""
    return current - previous


def percent(numerator: float, denominator: float) -> float | None:
    """numerator / denominator × 100, or None when the denominator is zero."""
    if denominator == 0:
        return None
    return numerator / denominator * 100


def change_rate(previous: float, current: float) -> float | None:
    """증감률 in percent (C / A × 100); None when there is no previous amount."""
    return percent(change(previous, current), previous)


def share(part: float, whole: float) -> float | None:
    """A part's share of the whole in percent."""
    return percent(part, whole)


def fiscal_year_elapsed(as_of: date) -> float:
    """Share (percent) of the calendar fiscal year elapsed at the end of ``as_of``.

    Korean local government fiscal years run January to December, so at the end of 31 March
    of a common year 90 of 365 days have passed: 24.7 %.
    """
    start = date(as_of.year, 1, 1)
    days_in_year = (date(as_of.year + 1, 1, 1) - start).days
    return ((as_of - start).days + 1) / days_in_year * 100
