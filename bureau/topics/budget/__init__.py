"""세입·세출 예산현황."""

from bureau.topic import Page, Topic
from bureau.topics.budget import briefing, slides, tables

TOPIC = Topic(
    "budget",
    tables.TABLES,
    page=Page("예산 현황", ":material/account_balance_wallet:"),
    briefing=briefing.budget_items,
    kpis=briefing.kpis,
    slides=slides.budget_slides,
)
