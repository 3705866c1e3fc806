"""세입총괄·세출총괄: one row per budget line, with its parent line (the hierarchy); every
parent's amounts are its children's sums, and the printed 증감·rates are reconciled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import Field

from bureau.checks.base import Row, Text
from bureau.checks.declared import Compare, Related, Sum
from bureau.format import short_year
from bureau.metrics import change, change_rate, percent
from bureau.schema import (
    Amount,
    Count,
    Integer,
    Name,
    Percent,
    Rate,
    Reference,
    SignedAmount,
    SourceModel,
    Table,
    department_reference,
    report_reference,
)

Side = Literal["세입", "세출"]
ItemId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_.]*$", max_length=80)]


class BudgetLine(SourceModel):
    """Amounts in 천원. ``prior_budget`` is the previous fiscal year's 예산현액 (A),
    ``budget`` this year's (B), ``actual`` 징수액 (세입) or 집행액 (세출) to date (D).
    ``printed_*`` are the report's own derived figures, kept so the build can reconcile."""

    fiscal_year: Annotated[Integer, Field(ge=2000, le=2100)]
    side: Side
    item_id: ItemId
    parent_id: ItemId | None = None
    item: Name
    dept: Name | None = None
    sort_order: Count
    prior_budget: Amount
    budget: Amount
    actual: Amount
    printed_change: SignedAmount | None = None
    printed_change_rate: Percent | None = None
    printed_actual_rate: Rate | None = None


#: The amounts a parent line holds as the sums of its children's.
AMOUNT_COLUMNS = ("prior_budget", "budget", "actual")
#: What D/B is called on each side: the rate and the amount.
ACTUAL_LABEL = {"세입": ("징수율(D/B)", "징수액"), "세출": ("집행률(D/B)", "집행액")}
SUBJECT = "{side} {item}"
CHILDREN = Related(on=("as_of", "side", ("item_id", "parent_id")))


def _budget_of(row: Row, years_back: int = 0) -> str:
    """``’25년 예산현액`` of the row's fiscal year (or as many years back)."""
    return f"{short_year(row['fiscal_year'] - years_back)}년 예산현액"


#: The printed figures of a line recomputed from its amounts: (column, recomputed, digits,
#: figure, rule).
RECOMPUTED: tuple[tuple[str, Callable[[Row], float | None], int, Text, Text], ...] = (
    (
        "printed_change",
        lambda row: change(row["prior_budget"], row["budget"]),
        0,
        "증감액(C=B-A)",
        lambda row: f"{_budget_of(row)} − {_budget_of(row, 1)}",
    ),
    (
        "printed_change_rate",
        lambda row: change_rate(row["prior_budget"], row["budget"]),
        1,
        "증감률(C/A)",
        lambda row: f"증감액 ÷ {_budget_of(row, 1)} × 100",
    ),
    (
        "printed_actual_rate",
        lambda row: percent(row["actual"], row["budget"]),
        1,
        lambda row: ACTUAL_LABEL[row["side"]][0],
        lambda row: f"{ACTUAL_LABEL[row['side']][1]} ÷ {_budget_of(row)} × 100",
    ),
)


TABLES = (
    Table(
        "budget",
        BudgetLine,
        ("as_of", "side", "item_id"),
        "세입·세출 예산현황",
        (
            report_reference(),
            department_reference(),
            Reference(("as_of", "side", "parent_id"), "budget", ("as_of", "side", "item_id")),
        ),
        units="(단위 : 천원, %)",
        checks=(
            # a parent line's amounts are its children's sums, or the data are rejected
            *(
                Sum(
                    printed=column,
                    value=column,
                    parts=CHILDREN,
                    reject=True,
                    subject="{item}",
                    figure=column,
                    rule="its children",
                )
                for column in AMOUNT_COLUMNS
            ),
            *(
                Compare(
                    printed=column,
                    recomputed=recomputed,
                    digits=digits,
                    subject=SUBJECT,
                    figure=figure,
                    rule=rule,
                )
                for column, recomputed, digits, figure, rule in RECOMPUTED
            ),
        ),
    ),
)
