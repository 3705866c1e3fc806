"""Council deck slides: 조직 및 인력, 자치구·동 행정여건, from the same queries as the page."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.format import number
from bureau.pack.spec import ChartSpec, SlideSpec
from bureau.topics.overview import queries as org
from bureau.topics.overview.calc import district_facts
from bureau.topics.overview.district import Indicators
from bureau.topics.report import meta


def organization_slides(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    totals = org.bureau_totals(con, as_of)
    departments = org.departments(con, as_of)
    counted = departments[departments["kind"] != "유관기관"]
    indicators = Indicators.from_frame(org.district_indicators(con, as_of))
    facts = district_facts(indicators, meta.printed_units(con, as_of)["district_indicators"])
    return [
        SlideSpec(
            "조직 및 인력",
            [
                f"{totals['departments']}과 {totals['field_offices']}사업소 {number(totals['headcount'])}명",
                f"{totals['departments']}개 과 {number(totals['teams'])}팀",
            ],
            ChartSpec(
                "bar",
                counted["dept"].tolist()[::-1],
                {"인원": [float(v) for v in counted["headcount"].tolist()[::-1]]},
                "명",
            ),
        ),
        SlideSpec(
            "자치구·동 행정여건",
            [f"{fact.label}: {fact.value}" + (f" ({fact.detail})" if fact.detail else "") for fact in facts],
        ),
    ]
