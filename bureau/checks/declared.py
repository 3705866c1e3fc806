"""The check types a table declares (``Table.checks``), each implemented once.

- :class:`Sum`: a printed figure equals the sum (or count) of other rows: children of a parent,
  the rows under a printed 합계, rows of another table (7과 1사업소 365명 against the
  departments), or a printed figure of the text (:func:`printed_figure`);
- :class:`Compare`: a printed figure equals the one recomputed from its row and related rows,
  as the report rounds (증감, 증감률, 징수율, 집행률, durations), or stays within a bound
  (an average loan ≤ the cap);
- :class:`Weekdays`: weekdays printed with a date or a period fall on it;
- :class:`Quoted`: figures of a row are quoted in the text of related rows;
- :class:`Agree`, :class:`Complete`: rows that must agree, combinations that must all exist.

Keys and references are declared on the table itself (``Table.key``, ``Table.references``).
Figures are recomputed with ``bureau.metrics`` and compared with ``bureau.differences.rate_kind``,
as the pages do, so a page and a check cannot disagree.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from bureau.checks.base import Check, Key, Labelled, Reconciliation, Row, Scope, Where, getter, selected, text
from bureau.differences import Kind
from bureau.format import number
from bureau.schedule import day_label, opening_span, weekday_mismatches, weekday_reading
from bureau.sources import SourceError
from bureau.units import Unit, convert


def offset(column: str, by: int) -> Callable[[Row], object]:
    """``column``'s value plus ``by``: ``offset("year", -1)`` is the previous year."""
    return lambda row: None if row[column] is None else row[column] + by


def year_of(column: str) -> Callable[[Row], object]:
    """The year of the date in ``column``."""
    return lambda row: None if row[column] is None else row[column].year


@dataclass(frozen=True, eq=False)
class Related:
    """The rows of ``table`` (default: the declaring table) that go with a row.

    ``on`` pairs the row's columns with theirs: a name is the same column on both sides,
    ``(ours, theirs)`` two columns or functions (``("item_id", "parent_id")``: the row's
    children). ``where`` keeps some of them; ``latest`` = ``(theirs, ours)`` keeps only the
    one with the largest ``theirs`` not after the row's ``ours`` (the rule in force that year).
    """

    table: str | None = None
    on: tuple[str | tuple[Key, Key], ...] = ("as_of",)
    where: Where = None
    latest: tuple[str, str] | None = None

    def of(self, scope: Scope, row: Row) -> list[Row]:
        pairs = [(pair, pair) if isinstance(pair, str) else pair for pair in self.on]
        theirs = tuple(their for _, their in pairs)
        index = scope.data.index(scope.table_of(self.table).name, scope.topic_filter(self.table), theirs)
        found = [
            other
            for other in index.get(tuple(getter(our)(row) for our, _ in pairs), [])
            if selected(self.where, other)
        ]
        if self.latest is not None:
            their, our = self.latest
            found = sorted((other for other in found if other[their] <= row[our]), key=getter(their))[-1:]
        return found

    def first(self, scope: Scope, row: Row) -> Row | None:
        found = self.of(scope, row)
        return found[0] if found else None


@dataclass(frozen=True, kw_only=True, eq=False)
class Sum(Labelled):
    """The printed figure in column ``printed`` equals the sum of ``value`` over the ``parts``
    (their number when ``value`` is None), less the sum over ``minus`` where given (a change
    on the previous year), converted between units by ``convert``.

    ``unique`` counts each value of that column once (a year's allocation repeated in each
    half's rows; distinct places). The printed figure sits in the declaring table's rows, or in
    ``printed_in``'s (a shared table such as printed_figures, seen through this topic's rows),
    its printed wording in column ``shown``. The labels may say ``{parts}``, the parts listed
    by the template ``list_parts`` (``"{source} {amount}"``), and ``{breakdown}``, the parts'
    sums by the column ``breakdown`` (``722,608개 + 549동 + 13대``).
    A row with nothing to add up (a leaf of a hierarchy) is not a total and is skipped; a count
    of nothing is 0. ``reject`` makes a difference a build error at the printed cell ("… but
    {rule} add up to …") instead of a recorded one.
    """

    printed: str
    parts: Related = Related()
    value: str | None = None
    unique: str | None = None
    minus: Related | None = None
    convert: tuple[Unit, Unit] | None = None
    printed_in: str | None = None
    shown: str | None = None
    list_parts: str | None = None
    breakdown: str | None = None
    reject: bool = False

    def _totals(self, scope: Scope) -> list[tuple[Row, float, float, list[Row]]]:
        found = []
        for row in self.rows(scope, self.printed_in):
            parts = self.parts.of(scope, row)
            less = self.minus.of(scope, row) if self.minus is not None else []
            empty = self.value is not None and not parts
            if row[self.printed] is None or empty or (self.minus is not None and not less):
                continue
            total = self._total(parts) - self._total(less)
            if self.convert is not None:
                total = convert(total, *self.convert)
            found.append((row, row[self.printed], total, parts))
        return found

    def _total(self, parts: list[Row]) -> float:
        if self.unique is not None:
            parts = list({part[self.unique]: part for part in reversed(parts)}.values())
        if self.value is None:
            return len(parts)
        return sum(part[self.value] for part in parts if part[self.value] is not None)

    def errors(self, scope: Scope) -> list[SourceError]:
        if not self.reject:
            return []
        return [
            scope.error(
                row,
                self.printed,
                f"{self.printed} of {text(self.subject, row)!r} is {number(printed, self.digits)} "
                f"but {text(self.rule, row)} add up to {number(total, self.digits)}",
                self.printed_in,
            )
            for row, printed, total, _ in self._totals(scope)
            if printed != total
        ]

    def reconcile(self, scope: Scope) -> list[Reconciliation]:
        if self.reject:
            return []
        found = []
        for row, printed, total, parts in self._totals(scope):
            listed = " + ".join(text(self.list_parts, part) for part in parts) if self.list_parts else ""
            said = {**row, "parts": listed, "breakdown": self._breakdown(parts)}
            shown = row[self.shown] if self.shown else None
            found.append(scope.record(self, said, printed, total, name=self.printed_in, shown=shown))
        return found

    def _breakdown(self, parts: list[Row]) -> str:
        """``722,608개 + 549동 + 13대``: the parts' sums by ``breakdown``, largest first."""
        if self.breakdown is None or self.value is None:
            return ""
        sums: dict[object, float] = {}
        for part in parts:
            sums[part[self.breakdown]] = sums.get(part[self.breakdown], 0) + part[self.value]
        ordered = sorted(sums.items(), key=lambda item: -item[1])
        return " + ".join(f"{number(amount)}{name}" for name, amount in ordered)


def printed_figure(figure_id: str, *, by: str | None = None, **declared: object) -> Sum:
    """A total or count the report prints in its text (a ``printed_figures`` row of the
    declaring table's topic, ``figure_id``) against the declaring table's rows of the same
    report; ``by``: one figure per value of that column (``type_count.직접수행`` counts the rows
    whose ``operation_type`` is 직접수행). Shows the printed wording (``약 72만 개``)."""
    prefix = f"{figure_id}."

    def named(row: Row) -> bool:
        return row["figure_id"] == figure_id if by is None else row["figure_id"].startswith(prefix)

    def suffix(row: Row) -> str:
        return row["figure_id"].removeprefix(prefix)

    parts = Related(on=("as_of",) if by is None else ("as_of", (suffix, by)))
    return Sum(
        printed="value",
        printed_in="printed_figures",
        shown="printed_text",
        where=named,
        parts=parts,
        **declared,
    )


@dataclass(frozen=True, kw_only=True, eq=False)
class Compare(Labelled):
    """The printed figure (column ``printed``, or a function of the row) equals ``recomputed``
    as the report rounds it to ``digits`` (matching when rounded half up, a cut decimal when
    truncated, else an arithmetic difference); with ``at_most``, it may not exceed it (an
    average loan within the cap). ``related`` names rows of other tables (or of this one) the
    functions read: ``row["previous"]["value"]``. A row without its related rows, or without a
    printed or recomputed figure, is skipped."""

    printed: str | Callable[[Row], float | None]
    recomputed: Callable[[Row], float | None]
    related: tuple[tuple[str, Related], ...] = ()
    at_most: bool = False

    def reconcile(self, scope: Scope) -> list[Reconciliation]:
        found = []
        for row in self.rows(scope):
            joined = {**row, **{name: related.first(scope, row) for name, related in self.related}}
            if any(joined[name] is None for name, _ in self.related):
                continue
            printed = self.printed(joined) if callable(self.printed) else joined[self.printed]
            recomputed = self.recomputed(joined)
            if printed is not None and recomputed is not None:
                found.append(scope.record(self, joined, printed, recomputed, at_most=self.at_most))
        return found


@dataclass(frozen=True, kw_only=True, eq=False)
class Weekdays(Labelled):
    """The weekdays printed with a date or period (column ``printed``: ``토``, ``금~일``) fall
    on it. A date (``end`` empty: ``3.22.(토)~``) must be one of them; a period names the days
    it runs on within it (``5.22.~10.20.(금~일)`` opens first on Fri 5.23.), so at least one
    must fall in it: its first and last such day are recorded, and where they are not the
    period's ends the note says how the printed weekdays read. ``text`` is the printed date."""

    printed: str = "printed_weekdays"
    text: str
    start: str = "start"
    end: str = "end"

    def reconcile(self, scope: Scope) -> list[Reconciliation]:
        found = []
        for row in self.rows(scope):
            weekdays, start, end = row[self.printed], row[self.start], row[self.end]
            if weekdays is None:
                continue
            if end is None:
                wrong = weekday_mismatches(start, None, weekdays)
                matches, recomputed = not wrong, day_label(start)
                note = "; ".join(map(str, wrong))
            else:
                span = opening_span(start, end, weekdays)
                matches = span is not None
                recomputed = "기간 중 해당 요일 없음" if span is None else " ~ ".join(map(day_label, span))
                note = "" if span == (start, end) else weekday_reading(row[self.text], weekdays, span)
            kind = Kind.MATCH if matches else Kind.ARITHMETIC
            found.append(scope.record_text(self, row, row[self.text], recomputed, kind, note))
        return found


@dataclass(frozen=True, kw_only=True, eq=False)
class Quoted(Labelled):
    """Figures of a row appear, worded as the report words them, in the text of its
    ``within`` rows (column ``text``): ``quotes`` pairs a column with its wording
    (``("courses", "{}개 과정")``). ``{quote}`` in the labels is the wording looked for."""

    quotes: tuple[tuple[str, str], ...]
    within: Related
    text: str

    def reconcile(self, scope: Scope) -> list[Reconciliation]:
        found = []
        for row in self.rows(scope):
            texts = " / ".join(other[self.text] for other in self.within.of(scope, row))
            for column, wording in self.quotes:
                if row[column] is None:
                    continue
                quote = wording.format(row[column])
                quoted = {**row, "quote": quote}
                kind = Kind.MATCH if quote in texts else Kind.ARITHMETIC
                found.append(
                    scope.record_text(self, quoted, quote, quote if kind.agrees else "문구에 없음", kind)
                )
        return found


@dataclass(frozen=True, eq=False)
class Agree(Check):
    """Rows with the same ``within`` values carry the same ``columns`` (the rows of a market
    held at three places agree on the market's own columns); a row that differs from the
    first is rejected at that column. ``name`` calls one group in the message (``market``)."""

    within: tuple[str, ...]
    columns: tuple[str, ...]
    name: str

    def errors(self, scope: Scope) -> list[SourceError]:
        first: dict[tuple, Row] = {}
        found = []
        for row in scope.rows():
            group = tuple(row[column] for column in self.within)
            reference = first.setdefault(group, row)
            for column in self.columns:
                if row[column] != reference[column]:
                    message = (
                        f"{column} of {self.name} {group[-1]!r} differs from line {reference['source_line']}"
                    )
                    found.append(scope.error(row, column, message))
        return found


@dataclass(frozen=True, eq=False)
class Complete(Check):
    """Every combination of the values ``columns`` take in one report has a row (a loan cap
    for every group in every year of rules); ``message`` says what is missing, formatted with
    the combination (``"no rule for {loan_group!r} from {from_year}"``)."""

    columns: tuple[str, ...]
    message: str

    def errors(self, scope: Scope) -> list[SourceError]:
        by_report: dict[object, set[tuple]] = {}
        for row in scope.rows():
            by_report.setdefault(row["as_of"], set()).add(tuple(row[column] for column in self.columns))
        found = []
        for as_of, present in sorted(by_report.items()):
            values = [sorted({combination[i] for combination in present}) for i in range(len(self.columns))]
            for combination in itertools.product(*values):
                if combination not in present:
                    message = self.message.format_map(dict(zip(self.columns, combination)))
                    position = list(scope.table.model.model_fields).index(self.columns[-1]) + 1
                    found.append(SourceError(scope.table.file, 0, position, f"{message} (as of {as_of})"))
        return found
