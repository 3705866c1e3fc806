"""The one KPI value every topic produces and ``ui.widgets.kpi_row`` renders, and what a KPI
says about the report before it ("직전 보고 대비").

A KPI is known across reports by its ``label`` (the labels carry what makes a figure another
one: ``’25년 사업예산``), or by its ``key`` where the label does not say it all (the housing
round a 선정률 is of), so a KPI the previous report does not have is new and says nothing about it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from bureau.format import korean_date, markdown_text, signed, signed_money
from bureau.metrics import round_half_up
from bureau.units import Unit, convert

#: What a KPI's change is measured against, and the word for a figure that did not move.
SINCE_PREVIOUS = "직전 보고 대비"
UNCHANGED = "변동 없음"


@dataclass(frozen=True)
class Figure:
    """A KPI's number as the KPI shows it, and how a change in it is written: a count with its
    unit and digits (``+4명``), a rate in percentage points (``+20.2%p``), or an amount in the
    unit the KPI shows it in (``+15억원``, △ for a fall)."""

    value: float
    #: what follows a count's or a rate's change: ``명``, ``팀``, ``%p``
    unit: str = ""
    digits: int = 0
    #: an amount: the unit ``value`` is in and the unit the KPI shows it in
    amount: tuple[Unit, Unit] | None = None

    @classmethod
    def count(cls, value: float, unit: str = "", digits: int = 0) -> Figure:
        return cls(float(value), unit, digits)

    @classmethod
    def rate(cls, value: float | None) -> Figure | None:
        """A percentage shown to one decimal: its change is in percentage points (None for a
        rate that has none, as ``bureau.metrics.percent`` of a zero whole)."""
        return None if value is None else cls(float(value), "%p", 1)

    @classmethod
    def money(cls, value: float, source: Unit, shown: Unit) -> Figure:
        return cls(float(value), amount=(source, shown))

    def change_from(self, before: Figure) -> float:
        """This figure minus ``before``: counts and rates as shown (each rounded to the digits
        the KPI shows), amounts in this figure's source unit."""
        if self.amount is not None:
            source = self.amount[0]
            earlier = before.value
            if before.amount is not None:
                earlier = convert(before.value, before.amount[0], source)
            return self.value - earlier
        shown = round_half_up(self.value, self.digits) - round_half_up(before.value, self.digits)
        return round_half_up(shown, self.digits)

    def change_text(self, change: float) -> str:
        """``+4명``, ``△1.3%p``, ``+15억원``."""
        if self.amount is not None:
            return signed_money(change, *self.amount)
        return signed(change, self.digits) + self.unit


@dataclass(frozen=True)
class Kpi:
    """A headline figure, all text and formatted by bureau.

    ``label`` and ``help`` are rendered as Markdown: the producer escapes any data text
    in them with ``bureau.format.markdown_text``; ``value``, ``delta`` and ``since_previous``
    are plain text (``ui.widgets.kpi_row`` escapes them).
    """

    label: str
    value: str
    delta: str | None = None
    help: str | None = None
    #: "normal" (up is good), "inverse", "off", or a colour name ("red", "gray"), as st.metric takes it
    delta_color: str = "normal"
    #: "auto" (by sign), "up", "down" or "off" (a delta that is a note, not a change)
    delta_arrow: str = "auto"
    #: the number ``value`` shows, where it is one (a text KPI, "7과 1사업소", has none)
    figure: Figure | None = None
    #: "직전 보고 대비 +4명": set by :func:`since_previous` when a report came before
    since_previous: str | None = None
    #: what the KPI is across reports where its label does not say it all (a housing round's
    #: 선정률 is another figure in the next round): by default the label
    key: str | None = None

    @property
    def identity(self) -> str:
        """What a KPI of the previous report must have to be this KPI then: :attr:`key` or label."""
        return self.key or self.label


@dataclass(frozen=True)
class Movement:
    """One KPI in two reports: its values as shown, the change as written, and its size."""

    label: str
    before: str
    now: str
    #: ``+1,505명``, ``변동 없음``, or for a text KPI the value it had
    change: str
    #: the change relative to the earlier figure (1.0 = doubled); 0 when unchanged, None for
    #: a text KPI that changed (no size)
    size: float | None

    @property
    def moved(self) -> bool:
        return self.size != 0


def movement(now: Kpi, before: Kpi) -> Movement:
    """How ``now`` differs from the same KPI (by label) in the previous report."""
    if now.figure is not None and before.figure is not None:
        change = now.figure.change_from(before.figure)
        if math.isclose(change, 0, abs_tol=1e-9):
            return Movement(now.label, before.value, now.value, UNCHANGED, 0.0)
        size = abs(change / before.figure.value) if before.figure.value else math.inf
        return Movement(now.label, before.value, now.value, now.figure.change_text(change), size)
    if now.value == before.value:
        return Movement(now.label, before.value, now.value, UNCHANGED, 0.0)
    return Movement(now.label, before.value, now.value, before.value, None)


def movements(current: Sequence[Kpi], previous: Sequence[Kpi]) -> list[Movement]:
    """The movement of every KPI of ``current`` that ``previous`` has too (by
    :attr:`Kpi.identity`), in ``current``'s order."""
    before = {kpi.identity: kpi for kpi in previous}
    return [movement(kpi, before[kpi.identity]) for kpi in current if kpi.identity in before]


def since_previous(current: Sequence[Kpi], previous: Sequence[Kpi], previous_as_of: date) -> list[Kpi]:
    """``current`` with, on each KPI the previous report (of ``previous_as_of``) has too, its
    change since: "직전 보고 대비 +4명", "직전 보고 대비 변동 없음", or for a text KPI that
    changed "직전 보고 7과 1사업소"; the help names that report and the value it printed."""
    moved = {item.label: item for item in movements(current, previous)}
    compared = []
    for kpi in current:
        item = moved.get(kpi.label)
        if item is None:
            compared.append(kpi)
            continue
        text = f"직전 보고 {item.change}" if item.size is None else f"{SINCE_PREVIOUS} {item.change}"
        earlier = f"직전 보고({korean_date(previous_as_of)}): {markdown_text(item.before)}"
        compared.append(
            replace(kpi, since_previous=text, help=f"{kpi.help}\n\n{earlier}" if kpi.help else earlier)
        )
    return compared
