"""AI 교육's own check type: a printed share of a whole the report does not print (18.9% of all
staff) must be what some whole gives."""

from __future__ import annotations

from dataclasses import dataclass

from bureau.checks.base import Labelled, Reconciliation, Scope
from bureau.checks.declared import Related
from bureau.differences import Kind
from bureau.format import number
from bureau.topics.ai_training.calc import implied_total


@dataclass(frozen=True, kw_only=True, eq=False)
class ShareOfUnprintedWhole(Labelled):
    """The share in column ``printed`` is the sum of ``value`` over the ``parts`` as a percentage
    of a whole the report does not print: some whole must give it, rounded to ``digits`` as
    printed (1,995명 = 18.9% for any staff total from 10,528 to 10,583); the note says which."""

    printed: str
    parts: Related
    value: str

    def reconcile(self, scope: Scope) -> list[Reconciliation]:
        found = []
        for row in self.rows(scope):
            part = sum(other[self.value] for other in self.parts.of(scope, row))
            share = row[self.printed]
            printed = number(share, self.digits)
            try:
                whole = implied_total(part, share, self.digits)
            except ValueError as error:
                found.append(scope.record_text(self, row, printed, "-", Kind.ARITHMETIC, str(error)))
                continue
            note = (
                f"전직원 {number(whole.low)}~{number(whole.high)}명이면 {printed}%로 표기됨 "
                f"(중앙값 {number(whole.point)}명)"
            )
            recomputed = number(part / whole.point * 100, self.digits)
            found.append(scope.record_text(self, row, printed, recomputed, Kind.MATCH, note))
        return found
