"""영남 산불 구호: printed totals, fund hierarchy, appropriations and weekdays recomputed."""

from __future__ import annotations

import duckdb

from bureau.checks.base import Reconciliation
from bureau.format import number
from bureau.metrics import round_half_up
from bureau.schedule import weekday_label, weekday_mismatches
from bureau.topics.report.checks import printed_figures, reconcile_execution
from bureau.units import Unit, convert

TOPIC = "relief"
#: relief_funds amounts are in 억원, relief_appropriations in 백만원, program_execution in 천원.
FUND_UNIT = Unit.HUNDRED_MILLION
APPROPRIATION_UNIT = Unit.MILLION
EXECUTION_UNIT = Unit.THOUSAND


def reconcile(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    return [
        *supplies(con),
        *funds(con),
        *appropriations(con),
        *timeline_weekdays(con),
        *reconcile_execution(con, TOPIC),
    ]


def supplies(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    """총계 723,170 = the sum of every category's quantity (동, 대 and 개 added together, as
    the report does); 약 72만 개 = that sum rounded to 만."""
    printed = printed_figures(con, TOPIC)
    rows = con.execute(
        """
        SELECT as_of, CAST(sum(quantity) AS BIGINT),
               list(count_unit || ' ' || quantity::VARCHAR ORDER BY seq)
        FROM relief_supplies GROUP BY as_of ORDER BY as_of
        """
    ).fetchall()
    units = con.execute(
        """
        SELECT as_of, count_unit, CAST(sum(quantity) AS BIGINT) FROM relief_supplies
        GROUP BY as_of, count_unit
        ORDER BY as_of, CASE count_unit WHEN '개' THEN 1 WHEN '동' THEN 2 ELSE 3 END
        """
    ).fetchall()
    found = []
    for as_of, total, _ in rows:
        by_unit = " + ".join(f"{number(q)}{unit}" for day, unit, q in units if day == as_of)
        mixed = f"단위가 다른 수량을 더한 값: {by_unit}"
        if (as_of, "supplies_total") in printed:
            _, value, _, text = printed[(as_of, "supplies_total")]
            found.append(
                Reconciliation(
                    as_of,
                    "relief_supplies",
                    "supplies_total",
                    "구호물품",
                    "총계",
                    "품목별 수량의 합(동·대·개 합산)",
                    text,
                    number(total),
                    value == total,
                    mixed,
                )
            )
        if (as_of, "supplies_approx") in printed:
            _, value, _, text = printed[(as_of, "supplies_approx")]
            man = round_half_up(total / 10_000, 0)
            found.append(
                Reconciliation(
                    as_of,
                    "relief_supplies",
                    "supplies_approx",
                    "구호물품",
                    "약 72만 개",
                    "품목별 수량의 합을 만 단위로 반올림",
                    text,
                    f"약 {number(man)}만 개",
                    man * 10_000 == value,
                    "밥차(대)·쉘터(동)도 1개로 셈",
                )
            )
    return found


def funds(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    """Every printed parent amount (45억, 40억) equals the sum of its children."""
    rows = con.execute(
        """
        SELECT p.as_of, p.fund_id, p.stage, p.amount, CAST(sum(c.amount) AS BIGINT),
               string_agg(c.amount::VARCHAR || '억', ' + ' ORDER BY c.seq)
        FROM relief_funds p JOIN relief_funds c ON c.as_of = p.as_of AND c.parent_id = p.fund_id
        GROUP BY p.as_of, p.fund_id, p.stage, p.amount, p.seq ORDER BY p.as_of, p.seq
        """
    ).fetchall()
    return [
        Reconciliation(
            as_of,
            "relief_funds",
            fund_id,
            f"구호금 {stage}",
            "지원액(억원)",
            f"하위 지원액의 합: {parts}",
            f"{number(amount)}억 원",
            f"{number(summed)}억 원",
            amount == summed,
        )
        for as_of, fund_id, stage, amount, summed, parts in rows
    ]


def appropriations(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    """본예산 1,000백만원 + 긴급편성 5,000백만원 = the execution table's 예산현액 (천원)."""
    rows = con.execute(
        """
        SELECT e.as_of, e.program, e.budget, CAST(sum(a.amount) AS BIGINT),
               string_agg(a.event || ' ' || a.amount::VARCHAR, ', ' ORDER BY a.seq)
        FROM program_execution e JOIN relief_appropriations a ON a.as_of = e.as_of
        WHERE e.topic = ? GROUP BY ALL
        """,
        [TOPIC],
    ).fetchall()
    found = []
    for as_of, program, budget, summed, parts in rows:
        recomputed = convert(summed, APPROPRIATION_UNIT, EXECUTION_UNIT)
        found.append(
            Reconciliation(
                as_of,
                "relief_appropriations",
                "budget",
                program,
                "예산현액(천원)",
                f"소진·긴급편성 사업비의 합(백만원 → 천원): {parts}",
                number(budget),
                number(recomputed),
                recomputed == budget,
            )
        )
    return found


def timeline_weekdays(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    """Every weekday printed with a date of the response falls on that date."""
    rows = con.execute(
        """
        SELECT as_of, seq, event, start, "end", printed_date, printed_weekdays
        FROM relief_timeline WHERE printed_weekdays IS NOT NULL ORDER BY as_of, seq
        """
    ).fetchall()
    found = []
    for as_of, seq, event, start, end, printed_date, weekdays in rows:
        # "3.22.(토)~" prints the weekday of the start date only
        wrong = weekday_mismatches(start, None if printed_date.endswith("~") else end, weekdays)
        found.append(
            Reconciliation(
                as_of,
                "relief_timeline",
                str(seq),
                event,
                "요일",
                "달력의 요일",
                printed_date,
                f"{start.month}.{start.day}.({weekday_label(start)})",
                not wrong,
                "; ".join(str(item) for item in wrong),
            )
        )
    return found
