"""예산 현황: 세입총괄·세출총괄 in full, by department, against the pace of the year."""

from functools import partial

import streamlit as st

from bureau.format import markdown_text, rate, unit_caption
from bureau.topics.budget import briefing as budget_briefing
from bureau.topics.budget import calc as budget
from bureau.topics.budget import charts
from bureau.topics.budget import queries as budget_queries
from bureau.topics.report import meta
from ui.cache import cached_figure
from ui.data import run
from ui.frame import page, unit_view
from ui.highlights import highlight_list
from ui.screens import Section, show, stop_with_info, view_settings
from ui.tables import report_table
from ui.url_notice import notify_unknown
from ui.widgets import chart, discrepancy_notes, downloads, report_kpis

BOTH = "세입·세출"
SIDES = {BOTH: ("세입", "세출"), "세입": ("세입",), "세출": ("세출",)}
TITLES = {"세입": "세입총괄", "세출": "세출총괄"}


def depth_label(level: int) -> str:
    return "계만" if level == 1 else f"{level}단계까지"


filters = page("예산 현황", "세입‧세출 예산현황")
unit = unit_view(filters).of("budget")
everything = run(budget_queries.budget_lines, as_of=filters.as_of)
reconciliations = run(meta.reconciliations, as_of=filters.as_of, table_name="budget")

depths = list(range(1, budget.depth(everything) + 1))
notify_unknown("side", "구분", SIDES)
notify_unknown("depth", "표시 수준", map(depth_label, depths))
with view_settings():
    left, right = st.columns(2)
    chosen = left.segmented_control(
        "구분", list(SIDES), default=BOTH, required=True, key="side", bind="query-params"
    )
    levels = right.segmented_control(
        "표시 수준",
        depths,
        default=depths[-1],
        required=True,
        format_func=depth_label,
        key="depth",
        bind="query-params",
        disabled=filters.dept is not None,
    )
sides = SIDES[chosen or BOTH]
lines = run(budget_queries.budget_lines, as_of=filters.as_of, dept=filters.dept)
lines = lines[lines["side"].isin(sides)]
if filters.dept and lines.empty:
    stop_with_info(
        f"{markdown_text(filters.dept)}의 사업비는 이 보고서의 세입‧세출 예산현황에 따로 나오지 않습니다."
    )
shown_levels = None if filters.dept else levels
# every report of this fiscal year so far: the rates across them (two or more)
reports_of_the_year = run(budget_queries.lines_of_the_year, as_of=filters.as_of, dept=filters.dept)
side_rows = {side: budget.of_side(lines, side, shown_levels) for side in sides}


def summary() -> None:
    report_kpis(budget_briefing.kpis, filters, sides=sides)
    st.caption(budget.elapsed_caption(filters.as_of))
    discrepancy_notes(budget.discrepancies(reconciliations, lines))
    for side, rows in side_rows.items():
        if rows.empty:
            st.caption(
                f"{TITLES[side]}: {markdown_text(filters.dept)}에 해당하는 줄이 없습니다 "
                "(세입은 부서별로 나누지 않음)."
            )


def report(side: str) -> None:
    notes = budget.row_notes(reconciliations, side)
    st.caption(budget.table_caption(filters.as_of, unit))
    report_table(budget.lines_table(side_rows[side], unit, levels=True, notes=notes), key=f"table-{side}")
    downloads(
        budget.lines_table(side_rows[side], unit, levels=True, notes=notes, indent=False),
        TITLES[side],
        unit_caption(unit.value, "%"),
        f"download-{side}",
    )


def composition() -> None:
    for column, side in zip(st.columns(len(sides)), sides):
        rows = budget.of_side(everything, side)
        dominant = budget.dominant_line(rows)
        with column:
            hide = dominant is not None and st.toggle(
                f"{markdown_text(dominant[1])} 제외하고 보기",
                value=True,
                key=f"exclude-{side}",
                help=f"{side} 계의 {markdown_text(rate(dominant[2]))}%여서 다른 항목이 보이지 않습니다.",
            )
            tree = budget.budget_tree(rows, unit, [dominant[0]] if hide else [])
            chart(
                cached_figure(
                    charts.budget_hierarchy, tree, unit, f"{budget.years(rows)[1]}년 {TITLES[side]} 구성"
                ),
                partial(budget.lines_table, budget.within_depth(rows, levels), unit, levels=True),
                key=f"tree-{side}",
            )


def changes() -> None:
    for column, side in zip(st.columns(len(sides)), sides):
        rows = budget.chart_lines(budget.of_side(lines, side, levels), filters.as_of)
        with column:
            chart(
                cached_figure(
                    charts.change_by_item, rows, unit, f"{side}: {budget.years(rows)[0]}년 대비 증감"
                ),
                partial(budget.lines_table, rows, unit, levels=True),
                key=f"change-{side}",
            )


def pace() -> None:
    for column, side in zip(st.columns(len(sides)), sides):
        rows = budget.chart_lines(budget.of_side(lines, side, levels), filters.as_of)
        rate_name = budget.ACTUAL_NAMES[side][1]
        with column:
            chart(
                cached_figure(
                    charts.rate_against_pace,
                    rows,
                    f"{side} 항목별 {rate_name}과 연간 경과율",
                    f"{rate_name}(%)",
                ),
                partial(budget.lines_table, rows, unit, levels=True),
                key=f"pace-{side}",
            )


def across_reports() -> None:
    rates_by = budget.rates_by_report(reports_of_the_year, sides)
    chart(
        cached_figure(charts.rates_by_report, rates_by, f"보고 기준일별 {rates}과 연간 경과율"),
        budget.rates_by_report_table(rates_by),
        key="rates-by-report",
    )


def departments() -> None:
    programs = budget.chart_lines(budget.department_lines(everything), filters.as_of)
    left, right = st.columns(2)
    with left:
        chart(
            cached_figure(
                charts.rate_against_pace,
                programs,
                "부서별 사업비 집행률과 연간 경과율",
                "집행률(%)",
                selected=filters.dept,
            ),
            partial(budget.lines_table, programs, unit),
            key="pace-departments",
        )
    with right:
        chart(
            cached_figure(charts.programs_by_department, programs, unit, filters.dept),
            partial(budget.lines_table, programs, unit),
            key="programs",
        )


whole = not filters.dept
rates = "·".join(budget.ACTUAL_NAMES[side][1] for side in sides)
show(
    Section("요약", summary, headed=False),
    Section(
        "눈여겨볼 점",
        lambda: highlight_list(budget.budget_highlights(lines, filters.as_of, unit, reconciliations)),
    ),
    *(
        Section(TITLES[side] + (f" · {filters.dept}" if filters.dept else ""), partial(report, side))
        for side, rows in side_rows.items()
        if not rows.empty
    ),
    Section("예산 구성", composition, shown=whole),
    Section("전년 대비 증감", changes, shown=whole),
    Section(f"연간 경과율 대비 {rates}", pace, shown=whole),
    Section(f"보고별 {rates} 추이", across_reports, shown=len(reports_of_the_year) >= 2),
    Section("부서별 사업비 집행", departments, shown="세출" in sides),
)
