"""개요: the bureau, the Seoul district conditions, and the four current issues."""

import streamlit as st

from bureau import differences
from bureau.briefing import briefing
from bureau.format import markdown_text, number, particle, short_date, unit_caption
from bureau.topics.budget import calc as budget
from bureau.topics.budget import queries as budget_queries
from bureau.topics.overview import briefing as overview
from bureau.topics.overview import queries as org
from bureau.topics.overview.calc import district_facts
from bureau.topics.overview.charts import headcount_by_department
from bureau.topics.overview.district import Indicators
from bureau.topics.report import meta
from bureau.topics.report import queries as issue_queries
from bureau.topics.report.calc import contacts_for
from ui.briefing import briefing_list
from ui.cache import cached_figure
from ui.data import run
from ui.frame import page, unit_view
from ui.nav import PAGES_BY_SLUG
from ui.panel import panel
from ui.screens import Section, show
from ui.tables import data_table
from ui.widgets import card_rows, chart, downloads, report_kpis, text_list

#: The report's current issues side by side: one row on a screen, in order on a phone.
ISSUES_PER_ROW = 4

filters = page("행정국 업무보고 개요")


def facts():
    indicators = Indicators.from_frame(run(org.district_indicators, as_of=filters.as_of))
    return district_facts(indicators, unit_view(filters).of("district_indicators"))


def summary() -> None:
    with panel("행정국 현황"):
        report_kpis(overview.bureau_kpis, filters)
    with panel("핵심 요약"):
        items = run(briefing, as_of=filters.as_of, unit=filters.unit, dept=filters.dept)
        briefing_list(items, f"{filters.dept} 핵심 요약" if filters.dept else "핵심 요약")
    with panel("보고서 검증"):
        checked = run(meta.reconciliations, as_of=filters.as_of)
        differing = differences.table(checked)
        with st.expander(markdown_text(differences.table_label(checked)), icon=":material/fact_check:"):
            st.caption(differences.LEGEND)
            st.dataframe(differing, hide_index=True)
            downloads(differing, "보고서_검증", differences.LEGEND, "report-check")


def department() -> None:
    with panel("부서 현황"):
        report_kpis(overview.department_kpis, filters)
    with panel("담당업무"):
        duties = run(org.duties, as_of=filters.as_of, dept=filters.dept)["duty"]
        if len(duties):
            st.subheader("담당업무")
            text_list(duties)
    with panel("사업비 예산"):
        lines = run(budget_queries.budget_lines, as_of=filters.as_of, dept=filters.dept)
        if not lines.empty:
            st.subheader("사업비 예산")
            unit = unit_view(filters).of("budget")
            table = budget.lines_table(lines, unit)
            st.caption(unit_caption(unit.value, "%"))
            data_table(table)
            downloads(table, f"{filters.dept}_사업비", unit_caption(unit.value, "%"), "dept-budget")


def organisation() -> None:
    left, right = st.columns([3, 2])
    with left, panel("부서별 인원"):
        departments = run(org.departments, as_of=filters.as_of)
        chart(
            cached_figure(headcount_by_department, departments[departments["kind"] != "유관기관"]),
            departments.rename(
                columns={
                    "dept": "부서",
                    "kind": "구분",
                    "divisions": "부",
                    "teams": "팀",
                    "headcount": "인원(명)",
                    "founded": "설립",
                }
            ),
            key="headcount",
        )
    with right, panel("부서별 담당업무"):
        st.subheader("부서별 담당업무")
        duties = run(org.duties, as_of=filters.as_of)
        for name, rows in duties.groupby("dept", sort=False):
            with st.expander(markdown_text(name)):
                for duty in rows["duty"]:
                    st.markdown(f"- {markdown_text(duty)}")
        departments = run(org.departments, as_of=filters.as_of)
        others = departments[departments["kind"] == "유관기관"]
        for row in others.itertuples():
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
        issues = run(issue_queries.current_issues, as_of=filters.as_of, dept=filters.dept)
        contacts = run(issue_queries.contacts, as_of=filters.as_of)
        if issues.empty:
            who = markdown_text(particle(filters.dept, "이", "가"))
            st.info(f"{who} 맡은 현안 업무가 이 보고서에는 없습니다.")
            return
        # one row, in order (a phone stacks them 1, 2, 3, 4)
        for card, issue in card_rows(list(issues.itertuples()), ISSUES_PER_ROW):
            with card:
                st.markdown(f"#### {issue.issue_no}. {markdown_text(issue.title)}")
                st.caption(f"주관 {markdown_text(issue.lead_dept)}")
                st.markdown(markdown_text(issue.goal))
                people = contacts_for(contacts, issue.issue_no, filters.dept)
                st.markdown(
                    "  \n".join(
                        f"{markdown_text(p.position)} {markdown_text(p.name)} ☎ {markdown_text(p.phone)}"
                        for p in people.itertuples()
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
