"""What a check returns: build errors (reject the data) or reconciliations (recorded)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import duckdb

from bureau.format import number
from bureau.metrics import round_half_up, truncate
from bureau.sources import SourceError


class Kind(StrEnum):
    """How a printed derived figure relates to the one recomputed from the report's own figures."""

    #: equal as the report rounds (half up): also a figure read correctly that looked wrong
    MATCH = "일치"
    #: the report cut the decimals instead of rounding (172.7% printed 172%): its convention
    ROUNDING = "끝수 버림"
    #: the printed figure is not what its own figures give (징수율 4.7 where they give 5.0)
    ARITHMETIC = "계산 차이"

    @property
    def agrees(self) -> bool:
        """The printed figure can stand as printed."""
        return self is not Kind.ARITHMETIC


@dataclass(frozen=True)
class Reconciliation:
    """A printed derived figure compared with the one our code computes from the data.

    ``matches`` False (``kind`` ARITHMETIC) is a discrepancy in the report itself: the build
    keeps going, the database records it, and the pages show the recomputed figure with a
    note. A ROUNDING row matches: the page keeps the printed figure, the unrounded one noted.
    """

    as_of: date
    table_name: str
    row_key: str
    subject: str
    figure: str
    rule: str
    printed: str
    recomputed: str
    matches: bool
    note: str = ""
    #: None: MATCH or ARITHMETIC from ``matches`` (checks that compare exactly need no more)
    kind: Kind | None = None

    def __post_init__(self) -> None:
        if self.kind is None:
            object.__setattr__(self, "kind", Kind.MATCH if self.matches else Kind.ARITHMETIC)
        elif self.kind.agrees != self.matches:
            raise ValueError(f"{self.kind} does not go with matches={self.matches}")


ErrorCheck = Callable[[duckdb.DuckDBPyConnection], list[SourceError]]
Reconciler = Callable[[duckdb.DuckDBPyConnection], list[Reconciliation]]


def rate_kind(printed: float | None, recomputed: float | None, digits: int = 1) -> Kind:
    """MATCH when ``printed`` is ``recomputed`` rounded half up to ``digits``; ROUNDING when it
    is ``recomputed`` with the further decimals cut; otherwise ARITHMETIC."""
    if printed is None or recomputed is None:
        return Kind.MATCH if printed is None and recomputed is None else Kind.ARITHMETIC
    if round_half_up(recomputed, digits) == printed:
        return Kind.MATCH
    return Kind.ROUNDING if truncate(recomputed, digits) == printed else Kind.ARITHMETIC


def shown_rate(printed: float | None, recomputed: float | None, digits: int = 1) -> float | None:
    """The figure a page shows: the printed one unless it is an arithmetic difference."""
    if printed is None or (isinstance(printed, float) and math.isnan(printed)):
        return recomputed
    return printed if rate_kind(printed, recomputed, digits).agrees else recomputed


def difference_note(
    kind: Kind, printed: float | None, recomputed: float | None, digits: int = 1, unit: str = ""
) -> str:
    """What a page says of a difference: nothing for a match, the cut decimals for a
    rounding convention (``보고서는 소수점 이하를 버림(172.7% → 172%); 반올림하면 173%``),
    both figures for an arithmetic difference."""
    if kind is Kind.MATCH:
        return ""
    if kind is Kind.ROUNDING:
        return (
            f"보고서는 소수점 이하를 버림({number(recomputed, digits + 1)}{unit} → "
            f"{number(printed, digits)}{unit}); 반올림하면 {number(recomputed, digits)}{unit}"
        )
    return f"보고서 표기 {number(printed, digits)}{unit}, 재계산 {number(recomputed, digits)}{unit}"


def shown_recomputed(kind: Kind, recomputed: float | None, digits: int = 1) -> str:
    """The recomputed figure as recorded: one more decimal where the report cut them."""
    return number(recomputed, digits + 1 if kind is Kind.ROUNDING else digits)


def compared(
    as_of: date,
    table_name: str,
    row_key: str,
    subject: str,
    figure: str,
    rule: str,
    printed: float | None,
    recomputed: float | None,
    digits: int = 1,
    unit: str = "",
) -> Reconciliation:
    """A printed figure against ours, its kind and note from :func:`rate_kind`."""
    kind = rate_kind(printed, recomputed, digits)
    return Reconciliation(
        as_of,
        table_name,
        row_key,
        subject,
        figure,
        rule,
        f"{number(printed, digits)}{unit}",
        f"{shown_recomputed(kind, recomputed, digits)}{unit}",
        kind.agrees,
        difference_note(kind, printed, recomputed, digits, unit),
        kind,
    )
