"""AI 역량 강화를 위한 교육 실시 및 협력 체계 구축."""

from bureau.topic import Page, Topic
from bureau.topics.ai_training import briefing, slides, tables

TOPIC = Topic(
    "ai_training",
    tables.TABLES,
    page=Page("AI 교육", ":material/school:"),
    briefing=briefing.ai_item,
    kpis=briefing.kpis,
    slides=slides.ai_slides,
)
