"""Slides for each topic, built from the same queries and calculations as the pages."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau import ai_training, budget, housing, loan_calculator, markets, relief
from bureau.briefing import briefing
from bureau.district import Indicators
from bureau.format import korean_date, number, rate, unit_caption
from bureau.metrics import fiscal_year_elapsed, percent
from bureau.overview import district_facts
from bureau.pack.spec import ChartSpec, SlideSpec
from bureau.queries import ai_training as ai_queries
from bureau.queries import budget as budget_queries
from bureau.queries import housing as housing_queries
from bureau.queries import issues as issue_queries
from bureau.queries import markets as market_queries
from bureau.queries import meta, org
from bureau.queries import relief as relief_queries
from bureau.table import display_text
from bureau.units import Unit, UnitMode, convert


def title_slide(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    report = meta.report(con, as_of)
    return [
        SlideSpec(
            report["title"],
            [f"기준일 {korean_date(as_of)}", report["source"], "행정국 업무보고 대시보드에서 생성"],
            cover=True,
        )
    ]


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
                reference=(f"연간 경과율 {rate(pace)}%", pace),
            ),
        )
    )
    return slides


def briefing_slide(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    """The overview's executive briefing, the same sentences (budget amounts in 억원)."""
    items = briefing(con, as_of, UnitMode.HUNDRED_MILLION)
    marks = {"warning": "[주의] ", "notice": "[참고] ", "info": ""}
    return [SlideSpec("핵심 요약", [marks[item.severity] + item.text for item in items])]


def relief_slides(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    supplies, funds = relief_queries.supplies(con, as_of), relief_queries.funds(con, as_of)
    if supplies.empty or funds.empty:
        return []
    totals = relief.supply_totals(supplies, issue_queries.printed_figures(con, as_of, "relief"))
    leaves = relief.fund_leaves(funds)
    volunteers = relief_queries.volunteers(con, as_of)
    donations = relief_queries.donations(con, as_of)
    execution = issue_queries.program_execution(con, as_of, "relief")
    bullets = [
        f"구호물품 {totals.printed_approx or number(totals.total)} ({totals.breakdown})",
        f"구호금 {number(funds[funds['parent_id'].isna()]['amount'].sum())}억 원 (지역교류협력기금)",
        *(
            f"성금 {number(row.amount)}{relief.DONATION_UNIT.value} → {row.recipient} ({row.delivered})"
            for row in donations.itertuples()
        ),
        *(
            f"{row.volunteer_group} {number(row.people)}명 ({row.activity})"
            for row in volunteers.itertuples()
        ),
        *(
            f"{row.program} 집행률 {rate(percent(row.spent, row.budget))}% "
            f"({row.measured_on.month}. {row.measured_on.day}. 기준)"
            for row in execution.itertuples()
        ),
    ]
    labels = [
        f"{row.region if isinstance(row.region, str) else row.stage} "
        f"({row.granted_on.month}.{row.granted_on.day}.)"
        for row in leaves.itertuples()
    ]
    return [
        SlideSpec(
            "영남 산불 피해지역 구호 지원",
            bullets,
            ChartSpec("column", labels, {"구호금": [float(v) for v in leaves["amount"]]}, "억원"),
        ),
        SlideSpec(
            "구호물품 지원 현황",
            [
                f"품목 {len(supplies)}종, 보고서 표기 총계 {totals.printed_total or number(totals.total)}"
                f" (본문 ‘{totals.printed_approx}’)",
                f"품목마다 단위가 달라 단위별로 나누면 {totals.breakdown}",
            ],
            table=relief.supplies_table(supplies).frame[["구분", "표기"]].rename(columns={"표기": "수량"}),
        ),
    ]


def markets_slides(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    changes = markets.kpi_changes(market_queries.kpis(con, as_of))
    schedule = market_queries.schedule(con, as_of)
    if not changes or schedule.empty:
        return []
    year = changes[0].year_b
    table = display_text(markets.schedule_table(markets.markets(schedule)))
    return [
        SlideSpec(
            "직거래장터 확대 운영",
            [
                f"{item.label}: {item.year_a}년 {number(item.a)}{item.unit} → {item.year_b}년 "
                f"{number(item.b)}{item.unit} (+{number(item.change)}, {item.rate_text}%)"
                for item in changes
            ],
            ChartSpec(
                "bar",
                [item.label for item in changes][::-1],
                {f"{year}년 증가율": [round(item.rate or 0, 1) for item in changes][::-1]},
                "%",
                number_format="0.0",
            ),
        ),
        SlideSpec(
            f"{year}년 직거래장터 운영일정",
            table=table[["추진방식", "장터·행사명", "일정(표기)", "개최장소"]],
        ),
    ]


def ai_slides(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    goal, progress = ai_queries.goal(con, as_of), ai_queries.progress(con, as_of)
    if goal.empty or progress.empty:
        return []
    summary = ai_training.summarise(goal, progress, as_of)
    bullets = [
        f"{summary.course} {number(summary.printed_trained)}명 이수 "
        f"(전 직원의 {rate(summary.printed_share)}%)",
        f"목표: 전 직원 연 {summary.times_per_year}회 이수",
        ai_training.estimate_line(summary),
    ]
    return [
        SlideSpec(
            "AI 역량 강화 교육",
            bullets,
            ChartSpec(
                "column",
                progress["grade_group"].tolist(),
                {"이수 인원": [float(v) for v in progress["trained"]]},
                "명",
            ),
        )
    ]


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
