"""Council deck slides: 세입·세출, from the same queries and calculations as the page."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.format import number, rate, unit_caption
from bureau.metrics import fiscal_year_elapsed
from bureau.pack.spec import ChartSpec, SlideSpec
from bureau.table import display_text
from bureau.topics.budget import calc as budget
from bureau.topics.budget import queries as budget_queries
from bureau.units import Unit, convert


def budget_slides(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    slides = []
    for side, title in (("세입", "세입총괄"), ("세출", "세출총괄")):
        lines = budget_queries.budget_lines(con, as_of, side=side)
        slides.append(
            SlideSpec(
                title,
                # Names indented by level, as the report sets them (계 › 세외수입 › …)
                table=display_text(budget.lines_table(lines, Unit.THOUSAND, levels=True)).drop(
                    columns=budget.LEVEL_COLUMN
                ),
                note=unit_caption(Unit.THOUSAND.value, "%"),
            )
        )
    programmes = budget.with_derived(budget_queries.budget_lines(con, as_of, side="세출"))
    programmes = programmes[programmes["dept"].notna()]
    pace = fiscal_year_elapsed(as_of)
    behind = programmes[programmes["actual_rate"] < pace]["item"].tolist()
    previous, current = budget.years(programmes)

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
                    f"{previous} 예산현액": million("prior_budget"),
                    f"{current} 예산현액": million("budget"),
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
                reference=(f"연간 경과율 {rate(pace)}%", pace),
            ),
        )
    )
    return slides
