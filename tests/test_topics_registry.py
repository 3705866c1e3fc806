"""Every topic registered in bureau/topics/__init__.py (TOPICS) reaches the build, the
navigation, the executive briefing and the council deck — at either report's date — so adding
a topic is its folder, its CSVs, its page and one registry line (docs/ADDING_A_TOPIC.md)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation

from bureau.briefing import briefing
from bureau.pack.build import deck
from bureau.sql import identifier
from bureau.topics import TOPICS, TOPICS_BY_SLUG
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
    # its checks ran: their comparisons carry the topic (shared tables' rows carry the row's topic)
    if topic.page and any(table.checks for table in topic.tables):
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


# -- a new topic, added as docs/ADDING_A_TOPIC.md says, in a copy of the project -----------

NEW_TOPIC = {
    "bureau/topics/energy/__init__.py": """
from bureau.topic import Page, Topic
from bureau.topics.energy import briefing, slides, tables

TOPIC = Topic(
    "energy",
    tables.TABLES,
    page=Page("에너지 절감", ":material/bolt:"),
    briefing=briefing.energy_item,
    slides=slides.energy_slides,
)
""",
    "bureau/topics/energy/tables.py": """
from typing import Literal

from bureau.schema import Amount, Name, SourceModel, Table, department_reference, report_reference


class EnergyUse(SourceModel):
    dept: Name
    half: Literal["상반기", "하반기"]
    used_mwh: Amount


TABLES = (
    Table("energy_use", EnergyUse, ("as_of", "dept", "half"), "청사 에너지 사용량(MWh)",
          (report_reference(), department_reference())),
)
""",
    "bureau/topics/energy/queries.py": """
from bureau.sql import frame


def use(con, as_of):
    return frame(con, "SELECT dept, half, used_mwh FROM energy_use WHERE as_of = ? ORDER BY half", [as_of])
""",
    "bureau/topics/energy/briefing.py": """
from bureau.highlights import Highlight
from bureau.topics.energy import queries


def energy_item(con, as_of, units, dept=None):
    rows = queries.use(con, as_of)
    total = int(rows["used_mwh"].sum())
    text = f"청사 에너지 {total:,}MWh"
    return [Highlight("energy", "use", "info", "에너지", text, f"{total:,}MWh", total, "energy")]
""",
    "bureau/topics/energy/slides.py": """
from bureau.pack.spec import SlideSpec
from bureau.topics.energy import queries


def energy_slides(con, as_of):
    rows = queries.use(con, as_of)
    return [SlideSpec("청사 에너지 사용량", [f"{r.half} {r.used_mwh:,}MWh" for r in rows.itertuples()])]
""",
    "pages/energy.py": """
import streamlit as st

from bureau.topics.energy import queries
from ui.data import run
from ui.frame import page

filters = page("청사 에너지 절감")
rows = run(queries.use, as_of=filters.as_of)
st.dataframe(rows, hide_index=True)
""",
    "data/sources/energy_use.csv": "as_of,dept,half,used_mwh\n2025-03-31,총무과,상반기,1200\n",
}

CHECK_THE_NEW_TOPIC = """
import sys
from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from bureau.briefing import briefing
from bureau.build import build
from bureau.connection import open_read_only
from bureau.pack.build import deck_slides
from ui.nav import PAGES

as_of = date(2025, 3, 31)
database = Path("data/bureau.duckdb")
result = build(Path("data/sources"), database)
assert result.rows["energy_use"] == 1, result.rows
assert "energy" in [page.slug for page in PAGES]
with open_read_only(database) as con:
    assert "청사 에너지 1,200MWh" in [item.text for item in briefing(con, as_of)]
    assert "청사 에너지 사용량" in [slide.title for slide in deck_slides(con, as_of)]
app = AppTest.from_file("app.py", default_timeout=60)
app.switch_page("pages/energy.py")
app.run()
assert not app.exception, [error.message for error in app.exception]
assert app.title[0].value == "청사 에너지 절감"
print("ok")
"""


def test_a_topic_added_as_the_guide_says_reaches_build_nav_briefing_deck_and_page(tmp_path):
    """One folder, its CSV, its page and one registry line — nothing else is edited."""
    project = tmp_path / "project"
    skip = shutil.ignore_patterns("__pycache__", "*.duckdb*", ".*")
    for part in ("bureau", "ui", "pages", "data/sources"):
        shutil.copytree(ROOT / part, project / part, ignore=skip)
    shutil.copy(ROOT / "app.py", project / "app.py")
    (project / "bureau" / "topics" / "energy").mkdir()  # the one folder
    for name, text in NEW_TOPIC.items():
        (project / name).write_text(text.lstrip(), encoding="utf-8")
    registry = project / "bureau" / "topics" / "__init__.py"
    text = registry.read_text(encoding="utf-8")
    text = text.replace("import ai_training, budget,", "import ai_training, budget, energy,")
    text = text.replace("    housing.TOPIC,\n)", "    housing.TOPIC,\n    energy.TOPIC,\n)")
    assert "energy.TOPIC" in text and "budget, energy," in text
    registry.write_text(text, encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if not key.startswith("BUREAU_")}
    environment["PYTHONPATH"] = str(project)
    checked = subprocess.run(
        [sys.executable, "-c", CHECK_THE_NEW_TOPIC],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stderr[-3000:]
    assert checked.stdout.strip().endswith("ok")


def test_the_guides_file_list_is_the_real_one():
    """docs/ADDING_A_TOPIC.md lists AI 교육's files as they are in the repository."""
    guide = (ROOT / "docs" / "ADDING_A_TOPIC.md").read_text(encoding="utf-8")
    listing = guide.split("```\n", 2)[1]
    modules = re.findall(r"^  (\w+\.py) ", listing, re.M)
    csvs = re.findall(r"(ai_\w+\.csv)", listing)
    assert sorted(modules) == sorted(path.name for path in (ROOT / "bureau/topics/ai_training").glob("*.py"))
    assert sorted(csvs) == sorted(table.file for table in TOPICS_BY_SLUG["ai_training"].tables)
    assert "pages/ai_training.py" in listing and (ROOT / "pages/ai_training.py").is_file()
