"""세입·세출: children must add up to their parent; printed 증감·rates are reconciled."""

from __future__ import annotations

import duckdb

from bureau.checks.base import Reconciliation, compared
from bureau.metrics import change, change_rate, percent
from bureau.sources import SourceError
from bureau.topics.budget.tables import BudgetLine

AMOUNT_COLUMNS = ("prior_budget", "budget", "actual")
ACTUAL_LABEL = {"세입": ("징수율(D/B)", "징수액"), "세출": ("집행률(D/B)", "집행액")}


def hierarchy_sums(con: duckdb.DuckDBPyConnection) -> list[SourceError]:
    """Every parent line's amounts equal the sum of its children's, column by column."""
    rows = con.execute(
        """
        SELECT p.source_line, p.item,
               p.prior_budget, CAST(sum(c.prior_budget) AS BIGINT),
               p.budget, CAST(sum(c.budget) AS BIGINT),
               p.actual, CAST(sum(c.actual) AS BIGINT)
        FROM budget p
        JOIN budget c ON c.as_of = p.as_of AND c.side = p.side AND c.parent_id = p.item_id
        GROUP BY ALL
        ORDER BY p.source_line
        """
    ).fetchall()
    fields = list(BudgetLine.model_fields)
    errors = []
    for line, item, *pairs in rows:
        for position, column in enumerate(AMOUNT_COLUMNS):
            printed, summed = pairs[2 * position], pairs[2 * position + 1]
            if printed != summed:
                message = f"{column} of {item!r} is {printed:,} but its children add up to {summed:,}"
                errors.append(SourceError("budget.csv", line, fields.index(column) + 1, message))
    return errors


def reconcile(con: duckdb.DuckDBPyConnection) -> list[Reconciliation]:
    """Compare the printed 증감액, 증감률 and 징수율/집행률 with recomputed ones."""
    rows = con.execute(
        """
        SELECT as_of, side, item_id, item, prior_budget, budget, actual,
               printed_change, printed_change_rate, printed_actual_rate
        FROM budget ORDER BY as_of, side, sort_order
        """
    ).fetchall()
    found = []
    for as_of, side, item_id, item, prior, current, actual, p_change, p_rate, p_actual in rows:
        actual_figure, actual_name = ACTUAL_LABEL[side]
        recomputed_actual = percent(actual, current)
        comparisons = (
            ("증감액(C=B-A)", "’25년 예산현액 − ’24년 예산현액", p_change, change(prior, current), 0),
            ("증감률(C/A)", "증감액 ÷ ’24년 예산현액 × 100", p_rate, change_rate(prior, current), 1),
            (actual_figure, f"{actual_name} ÷ ’25년 예산현액 × 100", p_actual, recomputed_actual, 1),
        )
        for figure, rule, printed, recomputed, digits in comparisons:
            if printed is None:
                continue
            found.append(
                compared(
                    as_of,
                    "budget",
                    f"{side}|{item_id}",
                    f"{side} {item}",
                    figure,
                    rule,
                    printed,
                    recomputed,
                    digits,
                )
            )
    return found
