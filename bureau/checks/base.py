"""What a check returns: build errors (reject the data) or reconciliations (recorded)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import duckdb

from bureau.metrics import round_half_up
from bureau.sources import SourceError


@dataclass(frozen=True)
class Reconciliation:
    """A printed derived figure compared with the one our code computes from the data.

    ``matches`` False is a discrepancy in the report itself: the build keeps going,
    the database records it, and the pages show the recomputed figure with a note.
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


ErrorCheck = Callable[[duckdb.DuckDBPyConnection], list[SourceError]]
Reconciler = Callable[[duckdb.DuckDBPyConnection], list[Reconciliation]]


def rate_matches(printed: float | None, recomputed: float | None, digits: int = 1) -> bool:
    """A printed rate matches when it equals the recomputed one rounded as the report rounds."""
    if printed is None or recomputed is None:
        return printed is None and recomputed is None
    return round_half_up(recomputed, digits) == printed
