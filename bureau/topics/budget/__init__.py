"""세입·세출 예산현황."""

from bureau.topic import Page, Topic
from bureau.topics.budget import briefing, checks, slides, tables

TOPIC = Topic(
    "budget",
    tables.TABLES,
    page=Page("예산 현황", ":material/account_balance_wallet:"),
    error_checks=(checks.hierarchy_sums,),
    reconcilers=(checks.reconcile,),
    briefing=briefing.budget_items,
    slides=slides.budget_slides,
)
