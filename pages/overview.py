"""개요: the bureau, the Seoul district conditions, and the four current issues."""

import streamlit as st

from bureau import differences
from bureau.briefing import briefing
from bureau.format import markdown_text, number, particle, short_date, unit_caption
from bureau.topics.overview import queries as org
from bureau.topics.overview import view as panels
from ui.briefing import briefing_list
from ui.data import view
from ui.frame import page
from ui.nav import PAGES_BY_SLUG
from ui.panel import panel
from ui.screens import Section, show
from ui.tables import data_table
from ui.widgets import card_rows, chart, downloads, report_kpis, text_list

#: The report's current issues side by side: one row on a screen, in order on a phone.
ISSUES_PER_ROW = 4

filters = page("행정국 업무보고 개요")


def facts():
    return view(panels.facts, as_of=filters.as_of, mode=filters.unit)


def summary() -> None:
    with panel("행정국 현황"):
        report_kpis("overview", filters)
    with panel("핵심 요약"):
        items = view(briefing, as_of=filters.as_of, unit=filters.unit, dept=filters.dept)
        briefing_list(items, f"{filters.dept} 핵심 요약" if filters.dept else "핵심 요약")
    with panel("보고서 검증"):
        checked = view(panels.checks, as_of=filters.as_of)
        differing = checked.table
        with st.expander(markdown_text(checked.label), icon=":material/fact_check:"):
            st.caption(differences.LEGEND)
            st.dataframe(differing, hide_index=True)
            downloads(differing, "보고서_검증", differences.LEGEND, "report-check")


def department() -> None:
    with panel("부서 현황"):
        report_kpis("overview", filters)
    with panel("담당업무"):
        duties = view(org.duties, as_of=filters.as_of, dept=filters.dept)["duty"]
        if len(duties):
            st.subheader("담당업무")
            text_list(duties)
    with panel("사업비 예산"):
        shown = view(panels.department_budget, as_of=filters.as_of, mode=filters.unit, dept=filters.dept)
        if shown is not None:
            st.subheader("사업비 예산")
            st.caption(unit_caption(shown.unit.value, "%"))
            data_table(shown.table)
            downloads(
                shown.table, f"{filters.dept}_사업비", unit_caption(shown.unit.value, "%"), "dept-budget"
            )


def organisation() -> None:
    left, right = st.columns([3, 2])
    with left, panel("부서별 인원"):
        headcount = view(panels.headcount, as_of=filters.as_of)
        chart(headcount.figure, headcount.table, key="headcount")
    with right, panel("부서별 담당업무"):
        st.subheader("부서별 담당업무")
        duties = view(panels.duties, as_of=filters.as_of)
        for name, listed in duties.by_department:
            with st.expander(markdown_text(name)):
                for duty in listed:
                    st.markdown(f"- {markdown_text(duty)}")
        for row in duties.affiliates:
            st.caption(
                f"※ {markdown_text(row.dept)}({short_date(row.founded)} 설립): {number(row.divisions)}부 "
                f"{number(row.teams)}팀 {number(row.headcount)}명 — 행정국 인원에 포함하지 않음"
            )


def districts() -> None:
    with panel("자치구·동 행정여건"):
        for card, fact in card_rows(facts(), 3):
            with card:
                st.markdown(f"**{markdown_text(fact.label)}**")
                st.markdown(f"### {markdown_text(fact.value)}")
                st.caption(markdown_text(fact.detail))


def current_issues() -> None:
    with panel("현안 업무"):
        cards = view(panels.issue_cards, as_of=filters.as_of, dept=filters.dept)
        if not cards:
            who = markdown_text(particle(filters.dept, "이", "가"))
            st.info(f"{who} 맡은 현안 업무가 이 보고서에는 없습니다.")
            return
        # one row, in order (a phone stacks them 1, 2, 3, 4)
        for card, (issue, people) in card_rows(cards, ISSUES_PER_ROW):
            with card:
                st.markdown(f"#### {issue.issue_no}. {markdown_text(issue.title)}")
                st.caption(f"주관 {markdown_text(issue.lead_dept)}")
                st.markdown(markdown_text(issue.goal))
                st.markdown(
                    "  \n".join(
                        f"{markdown_text(p.position)} {markdown_text(p.name)} ☎ {markdown_text(p.phone)}"
                        for p in people
                    )
                )
                target = PAGES_BY_SLUG.get(issue.page)
                if target:
                    st.page_link(target.path, label=f"{target.title} 보기", icon=":material/arrow_forward:")


show(
    Section("요약", summary, headed=False),
    Section(str(filters.dept), department, shown=filters.dept is not None),
    Section("조직 및 인력", organisation, shown=filters.dept is None),
    Section("자치구·동 행정여건", districts, shown=filters.dept is None),
    Section("현안 업무", current_issues),
)
