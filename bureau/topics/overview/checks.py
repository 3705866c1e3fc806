"""일반 현황: the printed 7과 1사업소 365명 against the department rows; 자치구·동 행정여건's
averages, changes and totals, recomputed."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import duckdb

from bureau.checks.base import Reconciliation, compared
from bureau.format import number
from bureau.topics.overview.district import RULES, Indicators


def reconcile(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    return [*organization(con), *district(con)]


def organization(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    rows = con.execute(
        """
        SELECT s.as_of, s.printed_departments, s.printed_field_offices, s.printed_headcount,
               count(*) FILTER (WHERE d.kind = '과'),
               count(*) FILTER (WHERE d.kind = '사업소'),
               CAST(sum(d.headcount) FILTER (WHERE d.kind IN ('과', '사업소')) AS BIGINT)
        FROM bureau_summary s LEFT JOIN departments d USING (as_of)
        GROUP BY ALL ORDER BY s.as_of
        """
    ).fetchall()
    found = []
    for as_of, p_depts, p_offices, p_people, depts, offices, people in rows:
        for figure, rule, printed, recomputed in (
            ("과 수", "부서 중 과의 수", p_depts, depts),
            ("사업소 수", "부서 중 사업소의 수", p_offices, offices),
            ("인원(명)", "과·사업소 인원의 합(유관기관 제외)", p_people, people),
        ):
            found.append(
                Reconciliation(
                    as_of,
                    "bureau_summary",
                    "행정국",
                    "행정국 조직",
                    figure,
                    rule,
                    number(printed),
                    number(recomputed),
                    printed == recomputed,
                )
            )
    return found


def district(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
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
