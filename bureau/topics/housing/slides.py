"""Council deck slides: 직원 주거복지, from the same queries and calculations as the page."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.format import number, rate, unit_caption
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
    rounds = groups.groupby(["fiscal_year", "half"], sort=True)
    latest = groups[(groups["fiscal_year"] == result.fiscal_year) & (groups["half"] == result.half)]
    order = (latest if len(latest) else groups).drop_duplicates("loan_group")["loan_group"].tolist()
    terms = loan_calculator.terms_for_year(housing_queries.loan_terms(con, as_of), as_of.year)
    notes = housing_queries.notes(con, as_of)
    bullets = [
        housing.budget_line(housing_queries.budget(con, as_of), Unit.HUNDRED_MILLION),
        *housing.programme_lines(
            housing_queries.loan_rules(con, as_of),
            terms,
            as_of.year,
            meta.printed_units(con, as_of)["housing_loan_rules"],
        ),
        f"{result.label} {number(result.applied)}명({number(result.applied_amount)}억 원) 신청, "
        f"{number(result.selected)}명({number(result.selected_amount)}억 원) 선정 — 선정률 "
        f"{rate(result.selection_rate)}%",
    ]
    return [
        SlideSpec(
            "직원 주거복지: 전세자금 융자",
            bullets,
            ChartSpec(
                "column",
                order,
                {
                    f"{housing.period_label(year, half)} 선정 금액": [
                        float(rows.set_index("loan_group")["amount"].get(group, 0)) for group in order
                    ]
                    for (year, half), rows in rounds
                },
                housing.SELECTION_UNIT.value,
            ),
        ),
        SlideSpec(
            "그룹별 배정액과 선정 결과",
            table=display_text(housing.selection_table(selection, housing.SELECTION_UNIT, notes["subject"])),
            note=" ".join(
                [
                    unit_caption("명", housing.SELECTION_UNIT.value),
                    *(f"* {text}" for text in housing.footnotes(notes)),
                ]
            ),
        ),
    ]
