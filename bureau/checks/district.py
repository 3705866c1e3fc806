"""자치구·동 행정여건: the report's averages, changes and totals, recomputed."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import duckdb

from bureau.checks.base import Reconciliation, compared
from bureau.district import RULES, Indicators
from bureau.format import number


def reconcile(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    rows = con.execute(
        "SELECT as_of, indicator_id, reference, value, subject, label, printed_derived "
        "FROM district_indicators ORDER BY as_of, indicator_id, reference"
    ).fetchall()
    by_report: dict[date, list[tuple]] = defaultdict(list)
    for as_of, *rest in rows:
        by_report[as_of].append(rest)
    found = []
    for as_of, report_rows in by_report.items():
        values = Indicators((i, ref, value, subject) for i, ref, value, subject, _, _ in report_rows)
        printed = {i: (value, label) for i, _, value, _, label, derived in report_rows if derived}
        for rule in RULES:
            if rule.indicator_id not in printed:
                continue
            printed_value, label = printed[rule.indicator_id]
            try:
                recomputed = rule.compute(values)
            except (IndexError, ZeroDivisionError):
                continue  # an input is missing from this report: nothing to compare
            tolerance = rule.tolerance(values)
            where = (
                as_of,
                "district_indicators",
                rule.indicator_id,
                "자치구·동 행정여건",
                label,
                rule.description,
            )
            if not tolerance:
                found.append(compared(*where, printed_value, recomputed, rule.digits))
                continue
            # inputs printed rounded: a printed average within their rounding agrees
            printed_text, recomputed_text = (
                number(printed_value, rule.digits),
                number(recomputed, rule.digits),
            )
            matches = abs(recomputed - printed_value) <= tolerance
            found.append(Reconciliation(*where, printed_text, recomputed_text, matches))
    return found
