"""The executive briefing: one sentence per topic with its figure, computed from the same
queries and calculations as the topic pages. The overview shows it; the deck repeats it."""

from __future__ import annotations

from datetime import date
from functools import partial

import duckdb

from bureau import ai_training, budget, differences, housing, markets, relief
from bureau.format import money, number, rate
from bureau.highlights import Highlight
from bureau.issues import effective_dept
from bureau.queries import ai_training as ai_queries
from bureau.queries import budget as budget_queries
from bureau.queries import housing as housing_queries
from bureau.queries import issues as issue_queries
from bureau.queries import markets as market_queries
from bureau.queries import meta, org
from bureau.queries import relief as relief_queries
from bureau.units import UnitMode, UnitView

#: The relief page's slug, which is also its topic in the shared tables.
RELIEF_PAGE = "relief"


def budget_items(
    con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None
) -> list[Highlight]:
    """The largest change of each side, and the spending line furthest behind the pace of the
    year (revenue lines only when no spending line lags); with ``dept``, its own lines."""
    lines = budget_queries.budget_lines(con, as_of, dept=dept)
    if lines.empty:
        return []
    found = budget.budget_highlights(lines, as_of, units.of("budget"))
    picks = []
    sides = lines["side"].unique()
    for side in ("세출", "세입"):
        changes = [
            h
            for h in found
            if h.kind in ("increase", "decrease") and (h.subject.startswith(side) or len(sides) == 1)
        ]
        if changes and side in sides:
            picks.append(max(changes, key=lambda item: abs(item.value or 0)))
    behind = [h for h in found if h.kind == "behind_pace"]
    spending = [h for h in behind if not h.subject.startswith("세입")] or behind
    if spending:
        picks.append(min(spending, key=lambda item: item.value if item.value is not None else 0))
    return picks


def relief_item(
    con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView, dept: str | None = None
) -> list[Highlight]:
    """One sentence of what the relief did: 구호물품, 구호금, the fund's 집행률, 자원봉사 and
    직원 성금. With ``dept`` (one that staffs the issue, as on the relief page) only its parts:
    인력개발과 ran the 성금 alone."""
    issues = org.current_issues(con, as_of)
    relief_issues = issues[issues["page"] == RELIEF_PAGE]
    if relief_issues.empty:
        return []
    staffed = issue_queries.issue_departments(con, as_of, int(relief_issues["issue_no"].iloc[0]))
    dept = effective_dept(dept, staffed)
    parts = relief.summary_parts(
        relief.supply_totals(
            relief_queries.supplies(con, as_of, dept=dept),
            issue_queries.printed_figures(con, as_of, RELIEF_PAGE),
        ),
        relief_queries.funds(con, as_of, dept=dept),
        issue_queries.program_execution(con, as_of, RELIEF_PAGE, dept=dept),
        relief_queries.volunteers(con, as_of, dept=dept),
        relief_queries.donations(con, as_of, dept=dept),
        units,
    )
    if not parts:
        return []
    text = "산불 피해 구호: " + ", ".join(words for words, _ in parts)
    return [Highlight("relief", "delivered", "info", "산불 피해 구호", text, parts[0][1], None, RELIEF_PAGE)]


def markets_item(con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView) -> list[Highlight]:
    changes = markets.kpi_changes(market_queries.kpis(con, as_of))
    if not changes:
        return []
    parts = [
        f"{item.label} {number(item.a)}→{number(item.b)}{item.unit}(+{item.rate_text}%)" for item in changes
    ]
    biggest = max(changes, key=lambda item: item.rate or 0)
    text = f"직거래장터 {biggest.year_b}년 계획: " + ", ".join(parts)
    return [
        Highlight(
            "markets",
            "growth",
            "info",
            "직거래장터",
            text,
            f"+{biggest.rate_text}%",
            biggest.rate,
            "markets",
        )
    ]


def ai_item(con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView) -> list[Highlight]:
    goal, progress = ai_queries.goal(con, as_of), ai_queries.progress(con, as_of)
    if goal.empty or progress.empty:
        return []
    summary = ai_training.summarise(goal, progress, as_of)
    on_track = summary.projection.on_track
    text = (
        f"AI 교육: {number(summary.printed_trained)}명 이수(전 직원의 {rate(summary.printed_share)}%). "
        f"{ai_training.estimate_line(summary)}{'' if on_track else ' — 연내 목표에 못 미치는 속도'}"
    )
    return [
        Highlight(
            "ai_training",
            "progress",
            "info" if on_track else "notice",
            "AI 교육",
            text,
            f"{rate(summary.printed_share)}%",
            summary.printed_share,
            "ai_training",
        )
    ]


def housing_item(con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView) -> list[Highlight]:
    applications = housing_queries.applications(con, as_of)
    if applications.empty:
        return []
    result = housing.round_result(applications)
    shown = units.of("housing_applications")
    applied = money(result.applied_amount, housing.BUDGET_UNIT, shown)
    selected = money(result.selected_amount, housing.BUDGET_UNIT, shown)
    text = (
        f"직원 전세자금: 상반기 {number(result.applied)}명({applied}) 신청 중 "
        f"{number(result.selected)}명({selected}) 선정, "
        f"선정률 {rate(result.selection_rate)}%"
    )
    return [
        Highlight(
            "housing",
            "selection",
            "info",
            "주거복지",
            text,
            f"{rate(result.selection_rate)}%",
            result.selection_rate,
            "housing",
        )
    ]


def report_check_item(con: duckdb.DuckDBPyConnection, as_of: date, units: UnitView) -> list[Highlight]:
    """How the report's printed derived figures compare with ours, counted by kind."""
    found = meta.reconciliations(con, as_of)
    if found.empty:
        return []
    differing = sum(differences.counts(found).values())
    return [
        Highlight(
            "overview",
            "report_check",
            "info",
            "보고서 검증",
            f"보고서 검증: {differences.summary(found)}",
            differences.counts_text(found),
            differing,
            "",
        )
    ]




def briefing(
    con: duckdb.DuckDBPyConnection,
    as_of: date,
    unit: UnitMode = UnitMode.REPORT,
    dept: str | None = None,
) -> list[Highlight]:
    """Five to eight highlights across every topic, in the report's order of topics; amounts
    in the unit ``unit`` mode gives each. With ``dept``: its budget lines and the issues it
    leads or staffs."""
    units = UnitView(UnitMode(unit), meta.printed_units(con, as_of))
    items = budget_items(con, as_of, units, dept)
    issue_pages = set(org.current_issues(con, as_of, dept)["page"])
    # the relief page narrows to a staffing department, and so does its sentence
    for topic in (partial(relief_item, dept=dept), markets_item, ai_item, housing_item):
        items += [item for item in topic(con, as_of, units) if item.page in issue_pages]
    return items + report_check_item(con, as_of, units)
