"""직원 주거복지 queries: loan rules and terms, budget, rounds, selections, schedule."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from bureau.selection import selector
from bureau.sql import frame
from bureau.topics.housing.tables import TABLES

select = selector(TABLES)

#: Caps (원) and the share of the deposit by group and first year in force.
loan_rules = select(
    "housing_loan_rules", ("loan_group", "from_year", "max_deposit_share", "cap", "sort_order")
)
loan_terms = select(
    "housing_loan_terms",
    ("from_year", "period_years", "max_period_years", "annual_rate", "guarantee_insurance"),
)
#: 그룹별 배정액 and selections (명, 백만원), printed 합계 rows included (``printed_total``).
selection = select(
    "housing_selection",
    ("loan_group", "fiscal_year", "half", "allocation", "selected", "amount", "printed_total", "sort_order"),
)
notes = select("housing_notes", ("note_id", "subject", "text"))
schedule = select("housing_schedule", ("fiscal_year", "half", "seq", "step", "start_month", "end_month"))


def budget(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    """사업예산 (억원) by source, with the printed 합계 row."""
    return frame(
        con,
        "SELECT fiscal_year, source, amount, printed_total, printed_change, sort_order FROM housing_budget "
        "WHERE as_of = ? AND fiscal_year = (SELECT max(fiscal_year) FROM housing_budget WHERE as_of = ?) "
        "ORDER BY sort_order",
        [as_of, as_of],
    )


def applications(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    """The latest round's 신청 and 선정 (명, 억원)."""
    return frame(
        con,
        """
        SELECT fiscal_year, half, stage, people, amount FROM housing_applications
        WHERE as_of = ? AND (fiscal_year, half) = (
            SELECT (fiscal_year, half) FROM housing_applications WHERE as_of = ?
            ORDER BY fiscal_year DESC, half DESC LIMIT 1)
        ORDER BY stage
        """,
        [as_of, as_of],
    )


def cap_recipients(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    return frame(
        con,
        """
        SELECT c.fiscal_year, c.half, c.loan_group, c.cap, c.people
        FROM housing_cap_recipients c
        LEFT JOIN (SELECT DISTINCT as_of, loan_group, sort_order FROM housing_loan_rules) r
               USING (as_of, loan_group)
        WHERE c.as_of = ? ORDER BY c.fiscal_year, r.sort_order DESC
        """,
        [as_of],
    )
