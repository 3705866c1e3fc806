"""Slides for each topic, built from the same queries and calculations as the pages."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau import budget
from bureau.district import Indicators
from bureau.format import korean_date, number, rate, unit_caption
from bureau.metrics import fiscal_year_elapsed
from bureau.overview import district_facts
from bureau.pack.spec import ChartSpec, SlideSpec
from bureau.queries import budget as budget_queries
from bureau.queries import meta, org
from bureau.units import Unit, convert


def title_slide(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    report = meta.report(con, as_of)
    return [
        SlideSpec(
            report["title"],
            [f"기준일 {korean_date(as_of)}", report["source"], "행정국 업무보고 대시보드에서 생성"],
        )
    ]


def organization_slides(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    totals = org.bureau_totals(con, as_of)
    departments = org.departments(con, as_of)
    counted = departments[departments["kind"] != "유관기관"]
    facts = district_facts(Indicators.from_frame(org.district_indicators(con, as_of)))
    return [
        SlideSpec(
            "조직 및 인력",
            [
                f"{totals['departments']}과 {totals['field_offices']}사업소 {number(totals['headcount'])}명",
                f"7개 과 {number(totals['teams'])}팀",
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


def budget_slides(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    slides = []
    for side, title in (("세입", "세입총괄"), ("세출", "세출총괄")):
        lines = budget_queries.budget_lines(con, as_of, side=side)
        slides.append(
            SlideSpec(
                title,
                table=budget.display_table(lines, Unit.THOUSAND),
                note=unit_caption(Unit.THOUSAND.value, "%"),
            )
        )
    programmes = budget.with_derived(budget_queries.budget_lines(con, as_of, side="세출"))
    programmes = programmes[programmes["dept"].notna()]
    pace = fiscal_year_elapsed(as_of)
    behind = programmes[programmes["actual_rate"] < pace]["item"].tolist()
    year = int(programmes["fiscal_year"].iloc[0])

    def million(column: str) -> list[float]:
        return [round(convert(v, Unit.THOUSAND, Unit.MILLION), 1) for v in programmes[column]]

    slides.append(
        SlideSpec(
            "부서별 사업비",
            [
                f"{row.item}: {number(convert(row.budget, Unit.THOUSAND, Unit.MILLION))}백만원 "
                f"({'△' if row.change < 0 else '+'}{rate(abs(row.change_rate))}%)"
                for row in programmes.itertuples()
            ],
            ChartSpec(
                "column",
                programmes["item"].tolist(),
                {
                    f"’{(year - 1) % 100:02d} 예산현액": million("prior_budget"),
                    f"’{year % 100:02d} 예산현액": million("budget"),
                },
                "백만원",
            ),
        )
    )
    slides.append(
        SlideSpec(
            "부서별 집행률과 연간 진도",
            [
                f"기준일까지 연간 경과율 {rate(pace)}%",
                "진도보다 늦은 부서: " + (", ".join(behind) if behind else "없음"),
            ],
            ChartSpec(
                "bar",
                programmes["item"].tolist()[::-1],
                {"집행률": [round(v, 1) for v in programmes["actual_rate"].tolist()[::-1]]},
                "%",
                number_format="0.0",
            ),
        )
    )
    return slides
