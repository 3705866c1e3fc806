"""The registry of topics, in the report's order: the one list the build, the navigation, the
briefing, the deck and the workbook read. A new topic is a package here and one line below."""

from __future__ import annotations

from bureau.schema import Table
from bureau.topic import Topic
from bureau.topics import ai_training, budget, housing, markets, overview, relief, report

TOPICS: tuple[Topic, ...] = (
    report.TOPIC,
    overview.TOPIC,
    budget.TOPIC,
    relief.TOPIC,
    markets.TOPIC,
    ai_training.TOPIC,
    housing.TOPIC,
)

TOPICS_BY_SLUG: dict[str, Topic] = {topic.slug: topic for topic in TOPICS}
#: The topics with a page, in menu order.
PAGE_TOPICS: tuple[Topic, ...] = tuple(topic for topic in TOPICS if topic.page is not None)
#: Every source table, in load order.
TABLES: tuple[Table, ...] = tuple(table for topic in TOPICS for table in topic.tables)
TABLES_BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}
