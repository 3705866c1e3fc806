"""서울에서 만나는 팔도 농산물 직거래장터 확대 운영."""

from bureau.topic import Page, Topic
from bureau.topics.markets import briefing, slides, tables

TOPIC = Topic(
    "markets",
    tables.TABLES,
    page=Page("직거래장터", ":material/storefront:"),
    briefing=briefing.markets_item,
    kpis=briefing.kpis,
    slides=slides.markets_slides,
)
