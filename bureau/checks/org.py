"""조직: the printed 7과 1사업소 365명 against the department rows."""

from __future__ import annotations

import duckdb

from bureau.checks.base import Reconciliation
from bureau.format import number


def reconcile(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
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
