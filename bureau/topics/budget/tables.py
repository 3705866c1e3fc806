"""세입총괄·세출총괄: one row per budget line, with its parent line (the hierarchy)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

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
    ),
)
