"""저출생 문제 대응을 위한 직원 주거복지 강화."""

from bureau.topic import Page, Topic
from bureau.topics.housing import briefing, slides, tables

TOPIC = Topic(
    "housing",
    tables.TABLES,
    page=Page("주거복지", ":material/home:"),
    briefing=briefing.housing_item,
    kpis=briefing.kpis,
    slides=slides.housing_slides,
)
