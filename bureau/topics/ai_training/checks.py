"""AI 교육: the grade groups add up to the printed 1,995명; 18.9% fits a staff total;
the programme counts in the data agree with the role lines that print them."""

from __future__ import annotations

from functools import partial

import duckdb

from bureau.checks.base import Reconciliation
from bureau.format import number
from bureau.sources import SourceError
from bureau.topics.ai_training.calc import implied_total


def goal_rows(con: duckdb.DuckDBPyConnection) -> list[SourceError]:
    """Only one goal row per report: the page and the projection read a single goal."""
    rows = con.execute(
        "SELECT as_of, list(source_line ORDER BY source_line) FROM ai_training_goal "
        "GROUP BY as_of HAVING count(*) > 1"
    ).fetchall()
    return [
        SourceError("ai_training_goal.csv", line, 1, f"only one goal row per as_of ({as_of}) is expected")
        for as_of, lines in rows
        for line in lines[1:]
    ]


def reconcile(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    found: list[Reconciliation] = []
    rows = con.execute(
        """
        SELECT g.as_of, g.course, g.printed_trained, g.printed_share_of_staff,
               CAST(coalesce(sum(p.trained), 0) AS BIGINT),
               string_agg(p.grade_group || ' ' || p.trained, ' + ' ORDER BY p.sort_order)
        FROM ai_training_goal g LEFT JOIN ai_training_progress p USING (as_of)
        GROUP BY ALL ORDER BY g.as_of
        """
    ).fetchall()
    for as_of, course, printed, share, summed, parts in rows:
        found.append(
            Reconciliation(
                as_of,
                "ai_training_progress",
                course,
                f"{course} 이수 인원",
                "이수 인원(명)",
                f"직급 그룹 합계({parts})",
                number(printed),
                number(summed),
                printed == summed,
            )
        )
        share_of_all = partial(
            Reconciliation, as_of, "ai_training_goal", course, f"{course} 이수율", "전직원 대비(%)"
        )
        try:
            total = implied_total(summed, share)
        except ValueError as error:
            found.append(
                share_of_all(
                    "이수 인원 ÷ 전직원 × 100",
                    number(share, 1),
                    "-",
                    False,
                    str(error),
                )
            )
            continue
        found.append(
            share_of_all(
                "이수 인원 ÷ 전직원 × 100 (전직원 수는 보고서에 없어 표기 비율에서 역산)",
                number(share, 1),
                number(summed / total.point * 100, 1),
                True,
                f"전직원 {number(total.low)}~{number(total.high)}명이면 {number(share, 1)}%로 표기됨 "
                f"(중앙값 {number(total.point)}명)",
            )
        )
    found.extend(_programme_counts(con))
    return found


def _programme_counts(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    """Counts typed in ai_programmes must appear in the role line of the same stage and agency."""
    rows = con.execute(
        """
        SELECT p.as_of, p.programme_id, p.name, p.courses, p.duration_months, p.cohorts_per_year,
               p.per_cohort, string_agg(r.role, ' / ')
        FROM ai_programmes p
        LEFT JOIN ai_stage_roles r ON r.as_of = p.as_of AND r.stage = p.stage AND r.agency = p.agency
        GROUP BY ALL ORDER BY p.as_of, min(p.sort_order)
        """
    ).fetchall()
    found = []
    for as_of, programme_id, name, courses, months, cohorts, per_cohort, roles in rows:
        roles = roles or ""
        expected = []
        if courses is not None:
            expected.append(f"{courses}개 과정")
        if months is not None:
            expected.append(f"{months}개월")
        if cohorts is not None:
            expected.append(f"연{cohorts}회")
        if per_cohort is not None:
            expected.append(f"기수별 {per_cohort}명")
        for text in expected:
            found.append(
                Reconciliation(
                    as_of,
                    "ai_programmes",
                    programme_id,
                    name,
                    text,
                    "프로그램 표의 값이 같은 단계·기관의 역할 문구에 표기됨",
                    text,
                    text if text in roles else "역할 문구에 없음",
                    text in roles,
                )
            )
    return found
