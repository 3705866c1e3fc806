"""영남 산불 피해지역 구호 지원."""

from bureau.topic import Page, Topic
from bureau.topics.relief import briefing, slides, tables

TOPIC = Topic(
    "relief",
    tables.TABLES,
    page=Page("산불 피해 구호", ":material/volunteer_activism:"),
    briefing=briefing.relief_item,
    kpis=briefing.kpis,
    slides=slides.relief_slides,
)
