"""Assemble the council pack for one report: a cover, the briefing, then every topic's slides."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.briefing import briefing
from bureau.format import korean_date
from bureau.pack.deck import render
from bureau.pack.spec import SlideSpec
from bureau.pack.workbook import workbook
from bureau.topics import TOPICS
from bureau.topics.report import meta
from bureau.units import UnitMode


def title_slide(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    report = meta.report(con, as_of)
    return [
        SlideSpec(
            report["title"],
            [f"기준일 {korean_date(as_of)}", report["source"], "행정국 업무보고 대시보드에서 생성"],
            cover=True,
        )
    ]


def briefing_slide(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    """The overview's executive briefing, the same sentences (budget amounts in 억원)."""
    items = briefing(con, as_of, UnitMode.HUNDRED_MILLION)
    marks = {"warning": "[주의] ", "notice": "[참고] ", "info": ""}
    return [SlideSpec("핵심 요약", [marks[item.severity] + item.text for item in items])]


def deck_slides(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    builders = [title_slide, briefing_slide, *(topic.slides for topic in TOPICS if topic.slides)]
    return [slide for builder in builders for slide in builder(con, as_of)]


def deck(con: duckdb.DuckDBPyConnection, as_of: date) -> bytes:
    """The .pptx: title, then each topic's slides; 기준일 and 출처 in every footer."""
    report = meta.report(con, as_of)
    return render(deck_slides(con, as_of), f"기준일 {korean_date(as_of)} · 출처: {report['source']}")


__all__ = ["deck", "deck_slides", "workbook"]
