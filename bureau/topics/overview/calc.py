"""The overview page's content: bureau totals and the Seoul district conditions as text."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bureau.format import markdown_text, money, number, rate
from bureau.kpi import Figure, Kpi
from bureau.topics.overview.district import RULES, Indicators, recompute
from bureau.units import Unit

#: district_indicators records its budget figures in 억원.
BUDGET_UNIT = Unit.HUNDRED_MILLION


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    detail: str = ""
    #: the label of the fact as a KPI (shorter), where the overview shows it as one
    kpi_label: str = ""
    #: the number ``value`` shows, where the overview shows the fact as a KPI
    figure: Figure | None = None


def bureau_kpis(totals: dict[str, int], facts: list[Fact]) -> list[Kpi]:
    """The overview's KPI row: 조직, 인원 and 팀 from ``bureau.topics.overview.queries.bureau_totals``,
    서울시 인구 and the districts' budget from :func:`district_facts`."""
    population, budget = facts[1], facts[3]
    return [
        Kpi("조직", f"{totals['departments']}과 {totals['field_offices']}사업소", help="유관기관 제외"),
        Kpi(
            "인원",
            f"{number(totals['headcount'])}명",
            help="과·사업소 합계",
            figure=Figure.count(totals["headcount"], "명"),
        ),
        Kpi(
            "팀",
            f"{number(totals['teams'])}팀",
            help=f"{totals['departments']}개 과의 팀 합계",
            figure=Figure.count(totals["teams"], "팀"),
        ),
        Kpi("서울시 인구", population.value, help=markdown_text(population.detail), figure=population.figure),
        Kpi(budget.kpi_label, budget.value, help=markdown_text(budget.detail), figure=budget.figure),
    ]


def department_kpis(dept: pd.Series) -> list[Kpi]:
    """인원, 팀 and 구분 of one row of ``bureau.topics.overview.queries.departments`` ("-" for a 사업소
    without teams)."""
    teams = dept["teams"]
    return [
        Kpi("인원", f"{number(dept['headcount'])}명", figure=Figure.count(dept["headcount"], "명")),
        Kpi("팀", "-")
        if pd.isna(teams)
        else Kpi("팀", f"{number(teams)}팀", figure=Figure.count(teams, "팀")),
        Kpi("구분", str(dept["kind"])),
    ]


def district_facts(values: Indicators, unit: Unit) -> list[Fact]:
    """자치구·동 행정여건 as the report lays it out, derived figures recomputed, budgets in
    ``unit`` (the report: 23조 8,768억원)."""

    def eok_as_jo(value: float) -> str:
        return money(value, BUDGET_UNIT, unit)

    derived = recompute(values)
    digits = {rule.indicator_id: rule.digits for rule in RULES}

    def figure(indicator_id: str) -> str:
        if indicator_id in derived:
            return number(derived[indicator_id], digits[indicator_id])
        return number(values.latest(indicator_id))

    def count(indicator_id: str, unit: str) -> Figure:
        if indicator_id in derived:
            return Figure.count(derived[indicator_id], unit, digits[indicator_id])
        return Figure.count(values.latest(indicator_id), unit)

    population_change = derived["population_change"]
    direction = "감소" if population_change < 0 else "증가"
    grants_rate = derived["adjustment_grants_change_rate"]
    budget_period = values.period("district_budget_total")  # the year and what it names (본예산)
    budget_year, _, budget_kind = budget_period.partition(" ")
    return [
        Fact(
            "면적",
            f"{values.latest('area'):,.2f}㎢",
            f"국토의 {rate(values.latest('area_share_of_nation'))}%",
        ),
        Fact(
            "인구",
            f"{figure('population')}명",
            f"{figure('households')}천 세대 · 전년 동월({number(values.earliest('population'))}명) 대비 "
            f"{number(abs(population_change))}명"
            f"({rate(abs(derived['population_change_rate']))}%) {direction}",
            figure=count("population", "명"),
        ),
        Fact(
            "조직",
            f"{figure('districts')}자치구 {figure('dongs')}동",
            f"{figure('tongs')}통, {figure('bans')}반",
        ),
        Fact(
            f"{budget_year} 예산(자치구 합계{f', {budget_kind}' if budget_kind else ''})",
            eok_as_jo(values.latest("district_budget_total")),
            f"자치구 평균 {eok_as_jo(derived['district_budget_avg'])} · 재정자립도 평균 "
            f"{rate(values.latest('fiscal_independence_avg'))}%",
            f"자치구 예산({budget_period})",
            Figure.money(values.latest("district_budget_total"), BUDGET_UNIT, unit),
        ),
        Fact(
            "자치구별 인구",
            f"평균 {figure('avg_population_per_district')}천명",
            f"{figure('avg_households_per_district')}천세대 · "
            f"최대 {values.subject('max_district_population')} "
            f"{figure('max_district_population')}만명({figure('max_district_households')}천세대), "
            f"최소 {values.subject('min_district_population')} "
            f"{figure('min_district_population')}만명({figure('min_district_households')}천세대)",
        ),
        Fact(
            "동별 인구",
            f"평균 {figure('avg_population_per_dong')}천명",
            f"{number(values.latest('avg_households_per_dong'))}세대 · 최대 "
            f"{values.subject('max_dong_population')} {figure('max_dong_population')}명, 최소 "
            f"{values.subject('min_dong_population')} {figure('min_dong_population')}명",
        ),
        Fact(
            "행정인력 정원",
            f"{figure('staff_total')}명",
            f"자치구 평균 {figure('staff_total_avg')}명 · 자치구(25) {figure('staff_district_offices')}명"
            f"(평균 {figure('staff_district_offices_avg')}명), 구의회(25) "
            f"{figure('staff_district_councils')}명(평균 {figure('staff_district_councils_avg')}명)",
        ),
        Fact(
            "예산 최대·최소 자치구",
            f"{values.subject('max_district_budget')} {eok_as_jo(values.latest('max_district_budget'))}",
            f"최소 {values.subject('min_district_budget')} {eok_as_jo(values.latest('min_district_budget'))}",
        ),
        Fact(
            "조정교부금(본예산)",
            eok_as_jo(values.latest("adjustment_grants")),
            f"{values.period('adjustment_grants', earliest=True)} "
            f"{eok_as_jo(values.earliest('adjustment_grants'))} 대비 "
            f"{rate(grants_rate)}% {'증가' if grants_rate >= 0 else '감소'}",
        ),
    ]
