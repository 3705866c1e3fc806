"""Korean money units and conversion between them."""

from __future__ import annotations

from enum import StrEnum


class Unit(StrEnum):
    """Money units used in the report; the value is the Korean label."""

    WON = "원"
    THOUSAND = "천원"
    MILLION = "백만원"
    HUNDRED_MILLION = "억원"
    TRILLION = "조원"


#: How many won one of each unit is.
WON_PER_UNIT: dict[Unit, int] = {
    Unit.WON: 1,
    Unit.THOUSAND: 1_000,
    Unit.MILLION: 1_000_000,
    Unit.HUNDRED_MILLION: 100_000_000,
    Unit.TRILLION: 1_000_000_000_000,
}

#: Units offered by the dashboard's unit switch, in display order.
DISPLAY_UNITS: tuple[Unit, ...] = (Unit.THOUSAND, Unit.MILLION, Unit.HUNDRED_MILLION)


def parse_unit(label: str) -> Unit:
    """Return the unit for a Korean label such as ``"백만원"``; ValueError if unknown."""
    return Unit(label)


def convert(value: float, source: Unit, target: Unit) -> float:
    """Convert an amount from one unit to another (``convert(1_000, 천원, 백만원) == 1.0``)."""
    return value * WON_PER_UNIT[source] / WON_PER_UNIT[target]
