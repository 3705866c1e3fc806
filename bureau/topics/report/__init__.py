"""The report itself and what the current issues share (no page of its own)."""

from bureau.topic import Topic
from bureau.topics.report import tables

TOPIC = Topic(
    "report",
    tables.TABLES,
)
