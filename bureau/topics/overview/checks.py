"""일반 현황's own check type: the 자치구·동 indicators the report derives from others
(averages, totals, changes: ``district.RULES``) against what their inputs give."""

from __future__ import annotations

from dataclasses import dataclass

from bureau.checks.base import Check, Labelled, Reconciliation, Row, Scope
from bureau.topics.overview.district import Indicators, Rule


@dataclass(frozen=True, eq=False)
class DerivedIndicators(Check):
    """Every row flagged ``printed_derived`` whose indicator has a rule equals what the rule
    gives from the same report's other indicators, as printed (rounded to the rule's digits,
    or within the rounding of inputs the report prints rounded). ``subject`` names them all."""

    rules: tuple[Rule, ...]
    subject: str

    def reconcile(self, scope: Scope) -> list[Reconciliation]:
        by_report: dict[object, list[Row]] = {}
        for row in scope.rows():
            by_report.setdefault(row["as_of"], []).append(row)
        found = []
        for rows in by_report.values():
            values = Indicators((r["indicator_id"], r["reference"], r["value"], r["subject"]) for r in rows)
            printed = {row["indicator_id"]: row for row in rows if row["printed_derived"]}
            for rule in self.rules:
                row = printed.get(rule.indicator_id)
                try:
                    recomputed = rule.compute(values)
                except (IndexError, ZeroDivisionError):
                    continue  # an input is missing from this report: nothing to compare
                if row is None:
                    continue
                labels = Labelled(
                    subject=self.subject, figure="{label}", rule=rule.description, digits=rule.digits
                )
                found.append(
                    scope.record(labels, row, row["value"], recomputed, tolerance=rule.tolerance(values))
                )
        return found
