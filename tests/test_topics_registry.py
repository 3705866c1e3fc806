"""Every topic registered in bureau/topics/__init__.py (TOPICS) reaches the build, the
navigation, the executive briefing and the council deck — at either report's date — so adding
a topic is its folder, its CSVs, its page and one registry line (docs/ADDING_A_TOPIC.md)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation

from bureau.briefing import briefing
from bureau.pack.build import deck
from bureau.sql import identifier
from bureau.topics import TOPICS
from ui.nav import PAGES

ROOT = Path(__file__).resolve().parent.parent
PERIODS = ("previous", "latest")


def _slide_titles(content: bytes) -> list[str]:
    """Each slide's title: its first shape (bureau/pack/deck.py puts it there)."""
    return [slide.shapes[0].text_frame.text for slide in Presentation(io.BytesIO(content)).slides]


@pytest.mark.parametrize("topic", TOPICS, ids=lambda topic: topic.slug)
@pytest.mark.parametrize("period", PERIODS)
def test_every_topics_tables_are_built_with_rows_of_each_report(topic, period, two_reports, con):
    as_of = getattr(two_reports, period)
    built = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    for table in topic.tables:
        assert table.name in built, table.name
        count = con.execute(
            f"SELECT count(*) FROM {identifier(table.name)} WHERE as_of = ?", [as_of]
        ).fetchone()[0]
        assert count >= table.model.min_rows, (table.name, as_of)
    if topic.reconcilers:  # its checks ran in the build: their comparisons carry the topic
        found = con.execute(
            "SELECT count(*) FROM reconciliation WHERE topic = ? AND as_of = ?", [topic.slug, as_of]
        ).fetchone()[0]
        assert found > 0, topic.slug


@pytest.mark.parametrize("topic", [topic for topic in TOPICS if topic.page], ids=lambda topic: topic.slug)
def test_every_topic_with_a_page_is_in_the_navigation(topic):
    entry = next(page for page in PAGES if page.slug == topic.slug)
    assert (entry.title, entry.icon) == (topic.page.title, topic.page.icon)
    assert (ROOT / entry.path).is_file()


def test_the_navigation_is_the_registry_in_order():
    assert [page.slug for page in PAGES] == [topic.slug for topic in TOPICS if topic.page]


@pytest.mark.parametrize("period", PERIODS)
def test_every_topic_with_briefing_lines_is_in_the_briefing(period, two_reports, con):
    as_of = getattr(two_reports, period)
    items = briefing(con, as_of)
    briefed = [topic.slug for topic in TOPICS if topic.briefing]
    assert briefed, "no topic declares briefing lines"
    for slug in briefed:
        assert any(item.topic == slug for item in items), slug
    # in the registry's order
    order = [item.topic for item in items if item.topic in briefed]
    assert order == sorted(order, key=briefed.index)


@pytest.mark.parametrize("period", PERIODS)
def test_every_topics_slides_are_in_the_deck_in_registry_order(period, two_reports, con):
    as_of = getattr(two_reports, period)
    titles = _slide_titles(deck(con, as_of))
    position = 0
    for topic in TOPICS:
        if topic.slides is None:
            continue
        own = [slide.title for slide in topic.slides(con, as_of)]
        assert own, topic.slug
        for title in own:
            assert title in titles[position:], (topic.slug, title)
            position = titles.index(title, position) + 1
