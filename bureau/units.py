"""Korean money units, conversion between them, and the unit mode the reader chooses."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
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


class UnitMode(StrEnum):
    """The unit switch: every figure in the unit the report prints it in, or one unit for all."""

    REPORT = "보고서 단위"
    THOUSAND = Unit.THOUSAND.value
    MILLION = Unit.MILLION.value
    HUNDRED_MILLION = Unit.HUNDRED_MILLION.value

    def resolve(self, printed: Unit) -> Unit:
        """The unit a figure printed in ``printed`` is shown in under this mode."""
        return printed if self is UnitMode.REPORT else Unit(self.value)


#: The modes offered by the dashboard's unit switch, in display order (the first is the default).
DISPLAY_UNITS: tuple[UnitMode, ...] = tuple(UnitMode)


@dataclass(frozen=True)
class UnitView:
    """The chosen mode and the unit the report prints each source table's amounts in
    (``data/sources/report_units.csv``)."""

    mode: UnitMode
    printed: Mapping[str, Unit]

    def of(self, table: str) -> Unit:
        """The unit to show ``table``'s amounts in; KeyError names a table without a printed unit."""
        if table not in self.printed:
            raise KeyError(f"report_units.csv에 {table}의 표기 단위가 없습니다")
        return self.mode.resolve(self.printed[table])


def parse_unit(label: str) -> Unit:
    """Return the unit for a Korean label such as ``"백만원"``; ValueError if unknown."""
    return Unit(label)


def convert(value: float, source: Unit, target: Unit) -> float:
    """Convert an amount from one unit to another (``convert(1_000, 천원, 백만원) == 1.0``)."""
    return value * WON_PER_UNIT[source] / WON_PER_UNIT[target]


def source_decimals(source: Unit, target: Unit) -> int:
    """How many decimals a whole ``source`` amount can have in ``target``: 천원 → 억원 5, 억원 → 천원 0."""
    ratio = WON_PER_UNIT[target] / WON_PER_UNIT[source]
    return max(0, round(math.log10(ratio))) if ratio > 1 else 0
