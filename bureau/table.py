"""A table as numbers plus what each column is; formatted only when it is shown.

Topic modules return a :class:`Table`: a frame of plain values (amounts already in the unit
they are shown in, counts, rates, dates, text) and a :class:`Column` for each figure column.
The screen formats it with :func:`display_text` (``bureau.format``: △, thousands separators,
adaptive digits); downloads (``bureau.export``) write the numbers with number formats.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import partial

import pandas as pd

from bureau.format import MISSING, korean_date, number, shown_amount
from bureau.metrics import round_half_up
from bureau.schedule import weekday_label
from bureau.units import Unit, convert, source_decimals


class Kind(StrEnum):
    AMOUNT = "amount"
    COUNT = "count"
    RATE = "rate"
    TEXT = "text"
    DATE = "date"


@dataclass(frozen=True)
class Column:
    """What one column holds. ``unit``: the money unit an amount is shown in (its header says
    it) or a count's 명/개/건; ``source``: the unit the amount was recorded in (bounds its
    decimals); ``digits``: a rate's decimals; ``weekday``: a date shown with its weekday."""

    kind: Kind
    unit: str = ""
    source: Unit | None = None
    digits: int = 0
    weekday: bool = False

    @classmethod
    def amount(cls, source: Unit, shown: Unit) -> Column:
        return cls(Kind.AMOUNT, shown.value, source)

    @classmethod
    def count(cls, unit: str = "") -> Column:
        return cls(Kind.COUNT, unit)

    @classmethod
    def rate(cls, digits: int = 1) -> Column:
        return cls(Kind.RATE, "%", digits=digits)

    @classmethod
    def date(cls, weekday: bool = False) -> Column:
        return cls(Kind.DATE, weekday=weekday)


TEXT = Column(Kind.TEXT)


@dataclass(frozen=True)
class Table:
    """A frame of plain values and the columns that are figures (the rest are text)."""

    frame: pd.DataFrame
    columns: Mapping[str, Column] = field(default_factory=dict)

    def column(self, name: str) -> Column:
        return self.columns.get(name, TEXT)

    def __len__(self) -> int:
        return len(self.frame)


def unit_header(name: str, unit: str) -> str:
    """A header with its unit: ``’YY년 배정액`` → ``’YY년 배정액(천원)``, ``증감률(C/A)`` →
    ``증감률(C/A, %)``."""
    if name.endswith(")"):
        return f"{name[:-1]}, {unit})"
    return f"{name}({unit})"


def amounts(values: Iterable[float | None], source: Unit, shown: Unit) -> pd.Series:
    """Amounts converted to ``shown``, as floats rounded to what ``source`` whole numbers hold
    (no binary noise such as 0.30000000000000004); missing stay NaN."""
    decimals = source_decimals(source, shown)
    converted = [
        math.nan if value is None or pd.isna(value) else round(convert(float(value), source, shown), decimals)
        for value in values
    ]
    series = pd.Series(converted, dtype="float64")
    whole = series.dropna()
    if decimals == 0 and bool((whole == whole.round()).all()):
        return series.astype("Int64") if series.isna().any() else series.astype("int64")
    return series


def rates(values: Iterable[float | None], digits: int = 1) -> pd.Series:
    """Rates (percent) rounded as printed; missing stay NaN."""
    return pd.Series(
        [
            math.nan if value is None or pd.isna(value) else round_half_up(float(value), digits)
            for value in values
        ],
        dtype="float64",
    )


def cell_text(value: object, column: Column) -> str:
    """One cell as the screen shows it."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return MISSING if column.kind is not Kind.TEXT else ""
    if column.kind is Kind.AMOUNT:
        shown = Unit(column.unit)
        return shown_amount(float(value), column.source or shown, shown)
    if column.kind is Kind.COUNT:
        return number(float(value))
    if column.kind is Kind.RATE:
        return number(float(value), column.digits)
    if column.kind is Kind.DATE:
        day = value.date() if isinstance(value, datetime) else value
        if not isinstance(day, date):
            return str(value)
        return f"{korean_date(day)}({weekday_label(day)})" if column.weekday else korean_date(day)
    return str(value)


def display_text(table: Table) -> pd.DataFrame:
    """Every cell as text, the way the screen shows it (tests read this)."""
    return pd.DataFrame(
        {
            name: [cell_text(value, table.column(name)) for value in table.frame[name]]
            for name in table.frame.columns
        }
    )


def formatters(table: Table) -> dict[str, object]:
    """``{column: value → text}`` for a pandas Styler (``frame.style.format(formatters(t))``)."""
    return {name: partial(cell_text, column=table.column(name)) for name in table.frame.columns}


def figure_columns(table: Table) -> list[str]:
    """The columns that hold figures (right-aligned on screen)."""
    return [
        name
        for name in table.frame.columns
        if table.column(name).kind in (Kind.AMOUNT, Kind.COUNT, Kind.RATE)
    ]
