"""Checks shared by the 현안 업무 topics: program execution rates and printed counts."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.checks.base import Reconciliation, rate_matches
from bureau.format import number
from bureau.metrics import percent, round_half_up


def printed_figures(con: duckdb.DuckDBPyConnection, topic: str) -> dict[tuple[date, str], tuple]:
    """``{(as_of, figure_id): (label, value, unit, printed_text)}`` of one topic."""
    rows = con.execute(
        "SELECT as_of, figure_id, label, value, unit, printed_text FROM printed_figures WHERE topic = ?",
        [topic],
    ).fetchall()
    return {(as_of, figure_id): rest for as_of, figure_id, *rest in rows}


def count_check(
    as_of: date,
    topic: str,
    figure_id: str,
    subject: str,
    figure: str,
    rule: str,
    printed: tuple,
    counted: int,
) -> Reconciliation:
    """A printed count (``printed_figures`` row) against the rows counted."""
    _, value, unit, printed_text = printed
    matches = value == counted
    return Reconciliation(
        as_of,
        "printed_figures",
        f"{topic}|{figure_id}",
        subject,
        figure,
        rule,
        printed_text,
        f"{counted}{unit}",
        matches,
        "" if matches else f"보고서 {printed_text}, 일정표에서 센 값 {counted}{unit}",
    )


def reconcile_execution(con: duckdb.DuckDBPyConnection, topic: str) -> list[Reconciliation]:
    """원인행위·지출(집행)·연말 예상 집행률 of one topic's programs, recomputed from 천원 amounts.

    The report's other execution tables define 예상 집행률 as 예상액 ÷ 예산현액; where a
    printed rate instead equals (집행액 + 예상액) ÷ 예산현액 the note says so.
    """
    rows = con.execute(
        """
        SELECT as_of, measured_on, program, budget, committed, spent,
               printed_committed_rate, printed_spent_rate, expected, printed_expected_rate
        FROM program_execution WHERE topic = ? ORDER BY as_of, program
        """,
        [topic],
    ).fetchall()
    found = []
    for row in rows:
        as_of, measured_on, program, budget, committed, spent = row[:6]
        p_committed, p_spent, expected, p_expected = row[6:]
        key = f"{topic}|{program}"
        spent_name = "지출액" if committed is not None else "집행액"
        checks = [
            ("원인행위 집행률", "원인행위 ÷ 예산현액 × 100", p_committed, committed),
            (f"{spent_name} 집행률", f"{spent_name} ÷ 예산현액 × 100", p_spent, spent),
            ("’25년말 예상 집행률", "예상액 ÷ 예산현액 × 100", p_expected, expected),
        ]
        for figure, rule, printed, numerator in checks:
            if printed is None or numerator is None:
                continue
            recomputed = percent(numerator, budget)
            matches = rate_matches(printed, recomputed)
            note = ""
            if not matches:
                note = (
                    f"보고서 표기 {number(printed, 1)}%, 재계산 {number(recomputed, 1)}% "
                    f"({measured_on:%Y-%m-%d} 기준)"
                )
                if figure.startswith("’25년말"):
                    cumulative = percent(spent + expected, budget)
                    if rate_matches(printed, cumulative):
                        note = (
                            f"보고서의 다른 집행현황 표는 예상 집행률을 예상액 ÷ 예산현액으로 씀 → "
                            f"{number(expected)} ÷ {number(budget)} = {number(recomputed, 1)}%. "
                            f"표기 {number(printed, 1)}%는 (집행액 {number(spent)} + 예상액 "
                            f"{number(expected)}) ÷ 예산현액 = {number(cumulative, 1)}%로 읽힘: "
                            "이 표의 예상액은 남은 추가 집행분으로 보임"
                        )
            found.append(
                Reconciliation(
                    as_of,
                    "program_execution",
                    key,
                    program,
                    figure,
                    rule,
                    number(printed, 1),
                    number(round_half_up(recomputed, 1) if recomputed is not None else None, 1),
                    matches,
                    note,
                )
            )
    return found
