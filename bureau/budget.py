"""세입·세출 calculations: recomputed 증감 and rates, and tables in a chosen unit."""

from __future__ import annotations

import pandas as pd

from bureau.format import amount, rate
from bureau.metrics import change_rate, percent
from bureau.units import Unit

#: Amounts in budget.csv are in 천원.
SOURCE_UNIT = Unit.THOUSAND
ACTUAL_NAMES = {"세입": ("징수액", "징수율"), "세출": ("집행액", "집행률")}


def with_derived(lines: pd.DataFrame) -> pd.DataFrame:
    """Add ``change``, ``change_rate`` and ``actual_rate`` recomputed from the amounts."""
    derived = lines.copy()
    derived["change"] = derived["budget"] - derived["prior_budget"]
    derived["change_rate"] = [
        change_rate(prior, current) for prior, current in zip(lines["prior_budget"], lines["budget"])
    ]
    derived["actual_rate"] = [
        percent(actual, current) for actual, current in zip(lines["actual"], lines["budget"])
    ]
    return derived


def display_table(lines: pd.DataFrame, unit: Unit) -> pd.DataFrame:
    """The report's columns as formatted text in ``unit`` (△ negatives, rates to 0.1)."""
    derived = with_derived(lines)
    side = str(lines["side"].iloc[0]) if len(lines) else "세출"
    actual_name, actual_rate_name = ACTUAL_NAMES.get(side, ACTUAL_NAMES["세출"])
    year = int(lines["fiscal_year"].iloc[0]) if len(lines) else 0
    previous, current = f"’{(year - 1) % 100:02d}", f"’{year % 100:02d}"

    def money(column: str) -> list[str]:
        return [amount(value, SOURCE_UNIT, unit) for value in derived[column]]

    return pd.DataFrame(
        {
            "구분": derived["item"],
            f"{previous}년 예산현액(A)": money("prior_budget"),
            f"{current}년 예산현액(B)": money("budget"),
            "증감액(C=B-A)": money("change"),
            "증감률(C/A)": [rate(value) for value in derived["change_rate"]],
            f"{actual_name}(D)": money("actual"),
            f"{actual_rate_name}(D/B)": [rate(value) for value in derived["actual_rate"]],
        }
    )
