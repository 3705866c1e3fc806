"""예산 현황: 세입총괄·세출총괄 in full, by department, against the pace of the year."""

from functools import partial

import streamlit as st

from bureau.format import markdown_text, rate, unit_caption
from bureau.topics.budget import calc as budget
from bureau.topics.budget.view import TITLES, BudgetView
from ui.data import view
from ui.frame import page
from ui.highlights import highlight_list
from ui.screens import Section, show, stop_with_info, view_settings
from ui.tables import report_table
from ui.url_notice import notify_unknown
from ui.widgets import chart, discrepancy_notes, downloads, report_kpis

BOTH = "세입·세출"
SIDES = {BOTH: ("세입", "세출"), "세입": ("세입",), "세출": ("세출",)}


def depth_label(level: int) -> str:
    return "계만" if level == 1 else f"{level}단계까지"


filters = page("예산 현황", "세입‧세출 예산현황")
budget_view = view(BudgetView.load, as_of=filters.as_of, mode=filters.unit, dept=filters.dept)
unit = budget_view.unit

depths = budget_view.depths
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
if filters.dept and budget_view.of_sides(sides).empty:
    stop_with_info(
        f"{markdown_text(filters.dept)}의 사업비는 이 보고서의 세입‧세출 예산현황에 따로 나오지 않습니다."
    )
shown_levels = None if filters.dept else levels
side_rows = {side: budget_view.side_rows(side, shown_levels) for side in sides}


def summary() -> None:
    report_kpis("budget", filters, sides=sides)
    st.caption(budget.elapsed_caption(filters.as_of))
    discrepancy_notes(budget_view.discrepancies(sides))
    for side, rows in side_rows.items():
        if rows.empty:
            st.caption(
                f"{TITLES[side]}: {markdown_text(filters.dept)}에 해당하는 줄이 없습니다 "
                "(세입은 부서별로 나누지 않음)."
            )


def report(side: str) -> None:
    on_screen, downloaded = budget_view.report(side, shown_levels)
    st.caption(budget.table_caption(filters.as_of, unit))
    report_table(on_screen, key=f"table-{side}")
    downloads(downloaded, TITLES[side], unit_caption(unit.value, "%"), f"download-{side}")


def composition() -> None:
    for column, side in zip(st.columns(len(sides)), sides):
        dominant = budget_view.dominant(side)
        with column:
            hide = dominant is not None and st.toggle(
                f"{markdown_text(dominant[1])} 제외하고 보기",
                value=True,
                key=f"exclude-{side}",
                help=f"{side} 계의 {markdown_text(rate(dominant[2]))}%여서 다른 항목이 보이지 않습니다.",
            )
            chart(
                budget_view.composition(side, hide),
                partial(budget_view.composition_table, side, levels),
                key=f"tree-{side}",
            )


def changes() -> None:
    for column, side in zip(st.columns(len(sides)), sides):
        with column:
            chart(
                budget_view.change(side, levels),
                partial(budget_view.chart_table, side, levels),
                key=f"change-{side}",
            )


def pace() -> None:
    for column, side in zip(st.columns(len(sides)), sides):
        with column:
            chart(
                budget_view.pace(side, levels),
                partial(budget_view.chart_table, side, levels),
                key=f"pace-{side}",
            )


def across_reports() -> None:
    chart(
        budget_view.rates_by_report_figure(sides),
        partial(budget_view.rates_by_report_table, sides),
        key="rates-by-report",
    )


def departments() -> None:
    left, right = st.columns(2)
    with left:
        chart(budget_view.programs_pace, lambda: budget_view.programs_table, key="pace-departments")
    with right:
        chart(budget_view.programs_amounts, lambda: budget_view.programs_table, key="programs")


whole = not filters.dept
rates = "·".join(budget.ACTUAL_NAMES[side][1] for side in sides)
show(
    Section("요약", summary, headed=False),
    Section(
        "눈여겨볼 점",
        lambda: highlight_list(budget_view.highlights(sides)),
    ),
    *(
        Section(TITLES[side] + (f" · {filters.dept}" if filters.dept else ""), partial(report, side))
        for side, rows in side_rows.items()
        if not rows.empty
    ),
    Section("예산 구성", composition, shown=whole),
    Section("전년 대비 증감", changes, shown=whole),
    Section(f"연간 경과율 대비 {rates}", pace, shown=whole),
    Section(f"보고별 {rates} 추이", across_reports, shown=len(budget_view.reports_of_the_year) >= 2),
    Section("부서별 사업비 집행", departments, shown="세출" in sides),
)
