"""What a check returns: build errors (reject the data) or reconciliations (recorded)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import duckdb

from bureau.differences import Kind, difference_note, rate_kind, shown_recomputed
from bureau.format import number
from bureau.sources import SourceError


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
