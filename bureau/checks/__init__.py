"""Cross-row checks run on the freshly loaded database during a build.

``ERROR_CHECKS`` reject the data (the live database stays as it was);
``RECONCILERS`` compare the report's printed derived figures with ours and are recorded.
"""

from bureau.checks import ai_training, budget, district, housing, integrity, markets, org, relief
from bureau.checks.base import ErrorCheck, Reconciler, Reconciliation

ERROR_CHECKS: tuple[ErrorCheck, ...] = (
    integrity.unique_keys,
    integrity.references,
    budget.hierarchy_sums,
    markets.market_rows_agree,
    ai_training.goal_rows,
    housing.row_rules,
)

RECONCILERS: tuple[Reconciler, ...] = (
    org.reconcile,
    budget.reconcile,
    district.reconcile,
    relief.reconcile,
    markets.reconcile,
    ai_training.reconcile,
    housing.reconcile,
)

__all__ = ["ERROR_CHECKS", "RECONCILERS", "Reconciliation"]
