"""Checks shared by the 현안 업무 topics: program execution rates and printed counts."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.checks.base import Reconciliation, compared
from bureau.metrics import percent
from bureau.topics.report.calc import EXPECTED_RULES, spent_names, year_end_spent


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

    예상 집행률 is what will have been spent by the year's end over 예산현액: 예상액 itself
    where it is that total (누계), 집행액 + 예상액 where it is what remains to spend (잔여).
    """
    rows = con.execute(
        """
        SELECT as_of, program, budget, committed, spent, printed_committed_rate,
               printed_spent_rate, expected, expected_basis, printed_expected_rate
        FROM program_execution WHERE topic = ? ORDER BY as_of, program
        """,
        [topic],
    ).fetchall()
    found = []
    for as_of, program, budget, committed, spent, p_committed, p_spent, expected, basis, p_expected in rows:
        spent_name, spent_rate_name = spent_names(committed is not None)
        checks = [
            ("원인행위 집행률", "원인행위 ÷ 예산현액 × 100", p_committed, committed),
            (spent_rate_name, f"{spent_name} ÷ 예산현액 × 100", p_spent, spent),
            (
                "’25년말 예상 집행률",
                EXPECTED_RULES[basis],
                p_expected,
                year_end_spent(spent, expected, basis),
            ),
        ]
        found.extend(
            compared(
                as_of,
                "program_execution",
                f"{topic}|{program}",
                program,
                figure,
                rule,
                printed,
                percent(value, budget),
            )
            for figure, rule, printed, value in checks
            if printed is not None and value is not None
        )
    return found
