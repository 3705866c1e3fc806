"""직원 주거복지: rows that cannot be right are rejected; the report's printed totals, rates
and cross-references (220억 = 94 + 126 = 22,000백만원, +40억, 105명/110억, 50.0%…) are reconciled."""

from __future__ import annotations

from datetime import date
from functools import partial

import duckdb

from bureau.checks.base import Reconciliation, compared
from bureau.format import number
from bureau.sources import SourceError
from bureau.topics.report.checks import reconcile_execution
from bureau.units import Unit, convert

MILLION_PER_EOK = convert(1, Unit.HUNDRED_MILLION, Unit.MILLION)  # 100
THOUSAND_PER_EOK = convert(1, Unit.HUNDRED_MILLION, Unit.THOUSAND)  # 100,000


def row_rules(con: duckdb.DuckDBPyConnection) -> list[SourceError]:
    """합계 rows and only they are flagged printed_total; periods and months run forwards;
    every year of rules names every group (the calculator needs a cap for each)."""
    errors = []
    for table, column, position in (("housing_selection", "loan_group", 9), ("housing_budget", "source", 6)):
        rows = con.execute(
            f"SELECT source_line, {column} FROM {table} "
            f"WHERE printed_total <> ({column} = '합계') ORDER BY source_line"
        ).fetchall()
        errors += [
            SourceError(
                f"{table}.csv", line, position, f"printed_total must be true exactly on 합계 rows ({name})"
            )
            for line, name in rows
        ]
    for line, period, longest in con.execute(
        "SELECT source_line, period_years, max_period_years FROM housing_loan_terms "
        "WHERE max_period_years < period_years"
    ).fetchall():
        message = f"max_period_years {longest} is shorter than period_years {period}"
        errors.append(SourceError("housing_loan_terms.csv", line, 5, message))
    for line, start, end in con.execute(
        "SELECT source_line, start_month, end_month FROM housing_schedule WHERE end_month < start_month"
    ).fetchall():
        errors.append(
            SourceError("housing_schedule.csv", line, 8, f"end_month {end} is before start_month {start}")
        )
    missing = con.execute(
        """
        SELECT y.as_of, y.from_year, g.loan_group
        FROM (SELECT DISTINCT as_of, from_year FROM housing_loan_rules) y
        JOIN (SELECT DISTINCT as_of, loan_group FROM housing_loan_rules) g USING (as_of)
        WHERE NOT EXISTS (SELECT 1 FROM housing_loan_rules r WHERE r.as_of = y.as_of
                          AND r.from_year = y.from_year AND r.loan_group = g.loan_group)
        ORDER BY ALL
        """
    ).fetchall()
    errors += [
        SourceError("housing_loan_rules.csv", 0, 3, f"no rule for {group!r} from {year} (as of {as_of})")
        for as_of, year, group in missing
    ]
    return errors


def _item(
    as_of: date,
    table: str,
    key: str,
    subject: str,
    figure: str,
    rule: str,
    printed: float,
    recomputed: float,
    digits: int = 0,
    note: str = "",
    matches: bool | None = None,
) -> Reconciliation:
    """A printed figure against ours; ``matches`` given: a bound (≤) rather than an equality."""
    if matches is None:
        return compared(as_of, table, key, subject, figure, rule, printed, recomputed, digits)
    return Reconciliation(
        as_of,
        table,
        key,
        subject,
        figure,
        rule,
        number(printed, digits),
        number(recomputed, digits),
        matches,
        note,
    )


def reconcile(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    return [
        *_selection_totals(con),
        *_budget(con),
        *_applications(con),
        *_averages(con),
        *_cap_recipients(con),
        *reconcile_execution(con, "housing"),
    ]


def _selection_totals(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    rows = con.execute(
        """
        SELECT t.as_of, t.fiscal_year, t.half, t.allocation, t.selected, t.amount,
               CAST(sum(g.allocation) AS BIGINT), CAST(sum(g.selected) AS BIGINT),
               CAST(sum(g.amount) AS BIGINT)
        FROM housing_selection t
        JOIN housing_selection g ON g.as_of = t.as_of AND g.fiscal_year = t.fiscal_year
             AND g.half = t.half AND NOT g.printed_total
        WHERE t.printed_total
        GROUP BY ALL ORDER BY ALL
        """
    ).fetchall()
    found = []
    for as_of, year, half, p_alloc, p_sel, p_amount, alloc, sel, amount_ in rows:
        key, subject = f"{year}|{half}|합계", f"’{year % 100:02d}년 합계"
        item = partial(_item, as_of, "housing_selection", key, subject)
        found += [
            item("그룹별 배정액(백만원)", "그룹 배정액의 합", p_alloc, alloc),
            item(f"{half} 선정 인원(명)", "그룹 인원의 합", p_sel, sel),
            item(f"{half} 선정 금액(백만원)", "그룹 금액의 합", p_amount, amount_),
        ]
    return found


def _group_totals(con: duckdb.DuckDBPyConnection) -> dict[tuple[date, int], tuple[int, int, int]]:
    """(as_of, year) → allocation, selected, amount summed over the group rows (상반기 selections)."""
    rows = con.execute(
        """
        SELECT as_of, fiscal_year, CAST(sum(allocation) AS BIGINT), CAST(sum(selected) AS BIGINT),
               CAST(sum(amount) AS BIGINT)
        FROM housing_selection WHERE NOT printed_total AND half = '상반기' GROUP BY ALL
        """
    ).fetchall()
    return {(as_of, year): (alloc, sel, amount_) for as_of, year, alloc, sel, amount_ in rows}


def _budget(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    totals = _group_totals(con)
    rows = con.execute(
        """
        SELECT t.as_of, t.fiscal_year, t.amount, t.printed_change, CAST(sum(p.amount) AS BIGINT),
               string_agg(p.source || ' ' || p.amount, ' + ' ORDER BY p.sort_order),
               max(p.amount) FILTER (WHERE p.source = '일반')
        FROM housing_budget t
        JOIN housing_budget p ON p.as_of = t.as_of AND p.fiscal_year = t.fiscal_year AND NOT p.printed_total
        WHERE t.printed_total GROUP BY ALL ORDER BY ALL
        """
    ).fetchall()
    found = []
    for as_of, year, printed, p_change, summed, parts, general in rows:
        key, subject = str(year), f"’{year % 100:02d}년 주거복지 사업예산"
        item = partial(_item, as_of, "housing_budget", key, subject)
        found.append(item("합계(억원)", f"재원별 합({parts})", printed, summed))
        this_year, last_year = totals.get((as_of, year)), totals.get((as_of, year - 1))
        yy, last_yy = f"{year % 100:02d}", f"{(year - 1) % 100:02d}"
        if this_year:
            allocated = this_year[0] / MILLION_PER_EOK
            found.append(
                item(
                    "예산(억원) = 그룹별 배정액 합계",
                    f"’{yy}년 그룹별 배정액 합 ÷ 100 (백만원 → 억원)",
                    printed,
                    allocated,
                )
            )
        if this_year and last_year and p_change is not None:
            increase = (this_year[0] - last_year[0]) / MILLION_PER_EOK
            found.append(
                item(
                    "전년대비 증액(억원)",
                    f"(’{yy}년 − ’{last_yy}년 그룹별 배정액 합) ÷ 100",
                    p_change,
                    increase,
                )
            )
        if general is not None:
            execution = con.execute(
                "SELECT sum(budget) FROM program_execution WHERE as_of = ? AND topic = 'housing' "
                "AND year(measured_on) = ?",
                [as_of, year],
            ).fetchone()[0]
            if execution is not None:
                rule = "예산현액(천원) ÷ 100,000"
                found.append(
                    _item(
                        as_of,
                        "housing_budget",
                        key,
                        subject,
                        "일반(억원) = 예산집행 현황 예산현액",
                        rule,
                        general,
                        execution / THOUSAND_PER_EOK,
                    )
                )
    return found


def _applications(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    totals = _group_totals(con)
    rows = con.execute(
        "SELECT as_of, fiscal_year, half, people, amount FROM housing_applications "
        "WHERE stage = '선정' ORDER BY ALL"
    ).fetchall()
    found = []
    for as_of, year, half, people, amount_ in rows:
        groups = totals.get((as_of, year))
        if not groups or half != "상반기":
            continue
        key, subject = f"{year}|{half}|선정", f"’{year % 100:02d}년 {half} 선정결과"
        item = partial(_item, as_of, "housing_applications", key, subject)
        found += [
            item("선정 인원(명)", "그룹별 선정 인원의 합", people, groups[1]),
            item(
                "선정 금액(억원)", "그룹별 선정 금액의 합(백만원) ÷ 100", amount_, groups[2] / MILLION_PER_EOK
            ),
        ]
    return found


def _averages(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    """The average loan per person of a group cannot exceed the cap in force that year."""
    rows = con.execute(
        """
        SELECT s.as_of, s.fiscal_year, s.half, s.loan_group, s.selected, s.amount,
               arg_max(r.cap, r.from_year)
        FROM housing_selection s
        JOIN housing_loan_rules r ON r.as_of = s.as_of AND r.loan_group = s.loan_group
             AND r.from_year <= s.fiscal_year
        WHERE NOT s.printed_total AND s.selected > 0
        GROUP BY ALL ORDER BY ALL
        """
    ).fetchall()
    found = []
    for as_of, year, half, group, people, amount_, cap in rows:
        average = amount_ / people
        cap_million = convert(cap, Unit.WON, Unit.MILLION)
        found.append(
            _item(
                as_of,
                "housing_selection",
                f"{year}|{half}|{group}",
                f"’{year % 100:02d}년 {group}",
                "1인당 평균 지원액(백만원) ≤ 지원한도",
                f"금액 ÷ 인원 ≤ 그해 한도 {number(cap_million)}백만원",
                average,
                cap_million,
                1,
                matches=average <= cap_million,
            )
        )
    return found


def _cap_recipients(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    """6명 at 2억 (다자녀) and 13명 at 1.5억 (신혼부부): the cap is the rule's, and they fit the group."""
    rows = con.execute(
        """
        SELECT c.as_of, c.fiscal_year, c.half, c.loan_group, c.cap, c.people,
               (SELECT arg_max(r.cap, r.from_year) FROM housing_loan_rules r
                WHERE r.as_of = c.as_of AND r.loan_group = c.loan_group AND r.from_year <= c.fiscal_year),
               s.selected, s.amount
        FROM housing_cap_recipients c
        LEFT JOIN housing_selection s ON s.as_of = c.as_of AND s.fiscal_year = c.fiscal_year
             AND s.half = c.half AND s.loan_group = c.loan_group
        ORDER BY ALL
        """
    ).fetchall()
    found = []
    for as_of, year, half, group, cap, people, rule_cap, selected, amount_ in rows:
        key, subject = f"{year}|{half}|{group}", f"’{year % 100:02d}년 {group} 한도 지원"
        cap_million = convert(cap, Unit.WON, Unit.MILLION)
        item = partial(_item, as_of, "housing_cap_recipients", key, subject)
        found.append(
            item(
                "지원한도(백만원)",
                "그해 그룹 지원한도(규칙)",
                cap_million,
                convert(rule_cap or 0, Unit.WON, Unit.MILLION),
            )
        )
        if selected is None:
            continue
        found.append(
            item(
                "한도 지원 인원 ≤ 그룹 선정 인원(명)",
                "한도 지원 인원 ≤ 그룹 선정 인원",
                people,
                selected,
                matches=people <= selected,
            )
        )
        found.append(
            item(
                "한도 지원 금액 ≤ 그룹 선정 금액(백만원)",
                "인원 × 한도 ≤ 그룹 금액",
                people * cap_million,
                amount_,
                matches=people * cap_million <= amount_,
                note=(
                    f"나머지 {number(selected - people)}명 평균 "
                    f"{number((amount_ - people * cap_million) / (selected - people), 1)}백만원"
                    if selected > people
                    else ""
                ),
            )
        )
    return found
