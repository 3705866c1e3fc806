"""Assemble the council pack for one report."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.format import korean_date
from bureau.pack import topics
from bureau.pack.deck import render
from bureau.pack.spec import SlideSpec
from bureau.pack.workbook import workbook
from bureau.queries import meta

SLIDE_BUILDERS = (
    topics.title_slide,
    topics.briefing_slide,
    topics.organization_slides,
    topics.budget_slides,
    topics.relief_slides,
    topics.markets_slides,
    topics.ai_slides,
    topics.housing_slides,
)


def deck_slides(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    return [slide for builder in SLIDE_BUILDERS for slide in builder(con, as_of)]


def deck(con: duckdb.DuckDBPyConnection, as_of: date) -> bytes:
    """The .pptx: title, then each topic's slides; 기준일 and 출처 in every footer."""
    report = meta.report(con, as_of)
    return render(deck_slides(con, as_of), f"기준일 {korean_date(as_of)} · 출처: {report['source']}")


__all__ = ["deck", "deck_slides", "workbook"]
