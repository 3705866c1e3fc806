"""What a check is and returns: a :class:`Check` declared on a table (``Table.checks``) runs in a
:class:`Scope` and returns build errors (reject the data) or reconciliations (recorded)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import duckdb

from bureau.differences import Kind, difference_note, rate_kind, shown_recomputed
from bureau.format import number
from bureau.sources import SourceError
from bureau.sql import identifier

if TYPE_CHECKING:
    from bureau.schema import Table

#: One row of a table as loaded: its columns by name, and the ``source_line`` it came from.
Row = dict[str, Any]
#: A label of a check: a template formatted with the row (``"{side} {item}"``, ``"’{measured_on:%y}년말"``)
#: or a function of the row, for what a template cannot say (the previous fiscal year).
Text = str | Callable[[Row], str]
#: A column, or a function of the row (``offset("year", -1)``, ``year_of("measured_on")``).
Key = str | Callable[[Row], object]
#: Which rows: ``{"printed_total": True}`` (equal), ``{"kind": ("과", "사업소")}`` (one of), or a
#: function of the row; None: every row.
Where = Mapping[str, object] | Callable[[Row], bool] | None


def text(label: Text, row: Row) -> str:
    """``label`` said of ``row``."""
    return label(row) if callable(label) else label.format_map(row)


@functools.cache
def getter(key: Key) -> Callable[[Row], object]:
    """A function reading ``key`` from a row (the same one for the same key)."""
    return key if callable(key) else lambda row: row[key]


def selected(where: Where, row: Row) -> bool:
    """Whether ``row`` is one of the rows ``where`` names."""
    if where is None:
        return True
    if callable(where):
        return where(row)
    return all(
        row[column] in wanted if isinstance(wanted, tuple) else row[column] == wanted
        for column, wanted in where.items()
    )


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
    #: the topic whose page shows it (a shared table's row names its own)
    topic: str = ""

    def __post_init__(self) -> None:
        if self.kind is None:
            object.__setattr__(self, "kind", Kind.MATCH if self.matches else Kind.ARITHMETIC)
        elif self.kind.agrees != self.matches:
            raise ValueError(f"{self.kind} does not go with matches={self.matches}")


ErrorCheck = Callable[[duckdb.DuckDBPyConnection], list[SourceError]]


class Data:
    """The freshly loaded tables as rows, read once per table."""

    def __init__(self, con: duckdb.DuckDBPyConnection, tables: Mapping[str, Table]) -> None:
        self.tables = tables
        self._con = con
        self._rows: dict[str, list[Row]] = {}
        self._indexes: dict[tuple, dict[tuple, list[Row]]] = {}

    def rows(self, name: str) -> list[Row]:
        if name not in self._rows:
            result = self._con.execute(f"SELECT * FROM {identifier(name)} ORDER BY source_line")
            columns = [column[0] for column in result.description]
            self._rows[name] = [dict(zip(columns, values)) for values in result.fetchall()]
        return self._rows[name]

    def index(self, name: str, topic: str | None, key: tuple[Key, ...]) -> dict[tuple, list[Row]]:
        """``name``'s rows (of ``topic`` only, when given) grouped by ``key``."""
        found = self._indexes.get((name, topic, key))
        if found is None:
            found = {}
            for row in self.rows(name):
                if topic is None or row["topic"] == topic:
                    found.setdefault(tuple(getter(part)(row) for part in key), []).append(row)
            self._indexes[(name, topic, key)] = found
        return found


@dataclass(frozen=True)
class Scope:
    """Where a declared check runs: the table that declares it, that table's topic, the data."""

    table: Table
    topic: str
    data: Data

    def table_of(self, name: str | None) -> Table:
        return self.table if name is None else self.data.tables[name]

    def topic_filter(self, name: str | None) -> str | None:
        """A shared table (one with a ``topic`` column) is seen by another table's checks
        through its rows of this topic; its own checks see all of its rows."""
        table = self.table_of(name)
        return self.topic if table is not self.table and "topic" in table.model.model_fields else None

    def rows(self, name: str | None = None) -> list[Row]:
        """The rows of table ``name`` (default: this one) this check sees."""
        table = self.table_of(name)
        topic = self.topic_filter(name)
        return [row for row in self.data.rows(table.name) if topic is None or row["topic"] == topic]

    def error(self, row: Row, column: str, message: str, name: str | None = None) -> SourceError:
        """An error at ``row``'s line, in ``column``, of table ``name`` (default: this one)."""
        table = self.table_of(name)
        position = list(table.model.model_fields).index(column) + 1
        return SourceError(table.file, row["source_line"], position, message)

    def record(
        self,
        check: Labelled,
        row: Row,
        printed: float | None,
        recomputed: float | None,
        *,
        name: str | None = None,
        shown: str | None = None,
        at_most: bool = False,
        tolerance: float = 0,
    ) -> Reconciliation:
        """``printed`` against ``recomputed`` for ``row`` of table ``name`` (default: this one),
        labelled by ``check``: equal as the report rounds (:func:`rate_kind`); with ``at_most``
        not above it (a bound); with a ``tolerance``, no further from it (inputs printed
        rounded). ``shown`` is the printed wording, where the report's is kept."""
        digits, unit = check.digits, text(check.unit, row)
        if at_most or tolerance:
            within = (
                printed is not None
                and recomputed is not None
                and (printed <= recomputed if at_most else abs(printed - recomputed) <= tolerance)
            )
            kind = Kind.MATCH if within else Kind.ARITHMETIC
            recomputed_text, difference = number(recomputed, digits), ""
        else:
            kind = rate_kind(printed, recomputed, digits)
            recomputed_text = shown_recomputed(kind, recomputed, digits)
            difference = difference_note(kind, printed, recomputed, digits, unit)
        return self.record_text(
            check,
            row,
            shown if shown is not None else f"{number(printed, digits)}{unit}",
            f"{recomputed_text}{unit}",
            kind,
            difference,
            name=name,
        )

    def record_text(
        self,
        check: Labelled,
        row: Row,
        printed: str,
        recomputed: str,
        kind: Kind,
        note: str = "",
        *,
        name: str | None = None,
    ) -> Reconciliation:
        """A printed wording judged as a whole (a weekday, a quoted count) or a comparison made:
        ``kind`` says how it holds; ``check``'s labels and note said of ``row``."""
        return Reconciliation(
            row["as_of"],
            self.table.name,
            self.row_key(row, name, check.once_per),
            text(check.subject, row),
            text(check.figure, row),
            text(check.rule, row),
            printed,
            recomputed,
            kind.agrees,
            "; ".join(part for part in (note, text(check.note, row)) if part),
            kind,
            row.get("topic", self.topic),
        )

    def row_key(self, row: Row, name: str | None = None, columns: tuple[str, ...] = ()) -> str:
        """A row by the columns that tell it apart in its report: ``columns``, or the table's key
        (without ``as_of``): ``세입|rev.nontax``, ``2025|상반기|합계``; the report's date where the
        table holds one row per report."""
        columns = columns or self.table_of(name).key
        return "|".join(str(row[column]) for column in columns if column != "as_of") or str(row["as_of"])


class Check:
    """A check declared on a table (``Table.checks``), run by ``bureau.checks.engine``:
    ``errors`` reject the data (the live database stays as it was), ``reconcile`` compares the
    report's printed figures with ours (recorded in the ``reconciliation`` table)."""

    def errors(self, scope: Scope) -> list[SourceError]:
        return []

    def reconcile(self, scope: Scope) -> list[Reconciliation]:
        return []


@dataclass(frozen=True, kw_only=True, eq=False)
class Labelled(Check):
    """A check that records figures: what each is called and how it is recomputed.

    ``subject`` is what the figure belongs to (``"{side} {item}"``), ``figure`` its name
    (``증감률(C/A)``), ``rule`` how we recompute it, ``unit`` and ``digits`` how it is printed
    (``digits`` -4: to 만), ``note`` anything a reader should know; ``where`` picks the rows that
    print it, ``once_per`` keeps one row per value of those columns (a market held at three
    places is one market)."""

    subject: Text
    figure: Text
    rule: Text
    unit: Text = ""
    digits: int = 0
    note: Text = ""
    where: Where = None
    once_per: tuple[str, ...] = ()

    def rows(self, scope: Scope, name: str | None = None) -> list[Row]:
        """The rows of table ``name`` (default: the declaring one) that print this figure."""
        found, seen = [], set()
        for row in scope.rows(name):
            if not selected(self.where, row):
                continue
            if self.once_per:
                once = (row["as_of"], *(row[column] for column in self.once_per))
                if once in seen:
                    continue
                seen.add(once)
            found.append(row)
        return found
