"""Council deck slides: 직원 주거복지, from the same queries and calculations as the page."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.format import number, rate
from bureau.pack.spec import ChartSpec, SlideSpec
from bureau.table import display_text
from bureau.topics.housing import calc as housing
from bureau.topics.housing import loan_calculator
from bureau.topics.housing import queries as housing_queries
from bureau.topics.report import meta
from bureau.units import Unit


def housing_slides(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    selection = housing_queries.selection(con, as_of)
    applications = housing_queries.applications(con, as_of)
    if selection.empty or applications.empty:
        return []
    result = housing.round_result(applications)
    groups = selection[~selection["printed_total"]]
    years = sorted(groups["fiscal_year"].unique())
    terms = loan_calculator.terms_for_year(housing_queries.loan_terms(con, as_of), as_of.year)
    bullets = [
        housing.budget_line(housing_queries.budget(con, as_of), Unit.HUNDRED_MILLION),
        *housing.programme_lines(
            housing_queries.loan_rules(con, as_of),
            terms,
            as_of.year,
            meta.printed_units(con, as_of)["housing_loan_rules"],
        ),
        f"상반기 {number(result.applied)}명({number(result.applied_amount)}억 원) 신청, "
        f"{number(result.selected)}명({number(result.selected_amount)}억 원) 선정 — 선정률 "
        f"{rate(result.selection_rate)}%",
    ]
    return [
        SlideSpec(
            "직원 주거복지: 전세자금 융자",
            bullets,
            ChartSpec(
                "column",
                groups[groups["fiscal_year"] == years[-1]]["loan_group"].tolist(),
                {
                    f"’{year % 100:02d} 상반기 선정 금액": [
                        float(v) for v in groups[groups["fiscal_year"] == year]["amount"]
                    ]
                    for year in years
                },
                "백만원",
            ),
        ),
        SlideSpec(
            "그룹별 배정액과 선정 결과",
            table=display_text(housing.selection_table(selection, Unit.MILLION)),
            note="(단위 : 명, 백만원) * 그룹별 미선정자는 일반그룹에 포함·재선발, 최종 선발자 기준",
        ),
    ]
