"""주거복지: the staff 전세자금 loan, its budget, the first-half results, and a loan calculator."""

import streamlit as st

from bureau.format import markdown_text, short_date, unit_caption
from bureau.topics.housing import calc as housing
from bureau.topics.housing import charts, loan_calculator, queries
from bureau.topics.report import queries as issue_queries
from bureau.topics.report.calc import execution_table
from ui.cache import cached_figure
from ui.data import run
from ui.frame import page, unit_view
from ui.issues import issue_contacts, issue_summary
from ui.screens import Section, show, stop_with_info
from ui.tables import data_table
from ui.widgets import chart, downloads, kpi_row, text_list

filters = page("직원 주거복지")
units = unit_view(filters)
year = filters.as_of.year

rules = run(queries.loan_rules, as_of=filters.as_of)
terms = loan_calculator.terms_for_year(run(queries.loan_terms, as_of=filters.as_of), year)
budget = run(queries.budget, as_of=filters.as_of)
applications = run(queries.applications, as_of=filters.as_of)
selection = run(queries.selection, as_of=filters.as_of)
note_rows = run(queries.notes, as_of=filters.as_of)
notes = note_rows.set_index("note_id")["text"]
if rules.empty or budget.empty or applications.empty:
    stop_with_info("이 보고서에는 직원 주거복지 현황이 없습니다.")

result = housing.round_result(applications)
budget_unit, caps_unit = units.of("housing_budget"), units.of("housing_loan_rules")
unit = units.of("housing_selection")
groups_table = housing.selection_table(selection, unit, note_rows["subject"])


def summary() -> None:
    issue_summary(filters, "housing")


def programme() -> None:
    left, right = st.columns([3, 2])
    with left:
        text_list(
            [
                *housing.programme_lines(rules, terms, year, caps_unit),
                housing.budget_line(budget, budget_unit),
            ]
        )
        caps = housing.rules_table(rules, caps_unit)
        data_table(caps)
        downloads(caps, "전세자금_지원한도", unit_caption(caps_unit.value, "%"), "housing-caps")
        chart(cached_figure(charts.caps_by_group, rules, caps_unit), caps, key="housing-caps-chart")
    with right:
        _, parts, _ = housing.budget_parts(budget)
        chart(
            cached_figure(charts.budget_split, parts, budget_unit),
            housing.budget_table(budget, budget_unit),
            key="housing-budget",
        )


def calculator() -> None:
    st.caption(f"{year}년 지원 기준으로 계산합니다. 실제 융자액은 심사·선정 결과에 따라 달라질 수 있습니다.")
    rules_now = loan_calculator.rules_for_year(rules, year)
    form_left, form_right = st.columns([2, 3])
    with form_left:
        group = st.selectbox("지원 그룹", list(rules_now), key="loan-group")
        input_unit = st.radio(
            "입력 단위", list(loan_calculator.INPUT_UNITS), horizontal=True, key="deposit-unit"
        )
        deposit_text = st.text_input(
            "전세 보증금",
            value="30000",
            key="deposit",
            help="숫자(쉼표 가능) 또는 ‘3억’, ‘3억 5천’, ‘3억 5천만원’처럼 입력하세요. "
            "만원 단위에서 ‘3억 5천’은 3억 5천만원입니다.",
        )
    with form_right:
        quote = loan_calculator.quote_text(deposit_text, input_unit, group, rules_now, terms)
        if isinstance(quote, loan_calculator.LoanMessage):
            st.error(markdown_text(quote.text), icon=":material/error:")
        else:
            deposit = loan_calculator.won_korean(quote.deposit)
            st.markdown(f"**{markdown_text(f'보증금 {deposit} · {quote.loan_group} 그룹')}**")
            lines = loan_calculator.quote_lines(quote)
            kpi_row(lines[:2])
            kpi_row(lines[2:])
            st.caption(" · ".join(line.help for line in lines if line.help))
            st.caption(
                "이자는 융자금 전액에 대한 단순 계산(원 단위 반올림)이며 보증보험료는 포함하지 않았습니다."
            )


def selected() -> None:
    left, right = st.columns([2, 3])
    with left:
        round_unit = units.of("housing_applications")
        chart(
            cached_figure(charts.round_funnel, result, round_unit),
            housing.round_table(applications, round_unit),
            key="housing-round",
        )
    with right:
        recipients = run(queries.cap_recipients, as_of=filters.as_of)
        bullets = [
            notes.get("cap_raise"),
            housing.cap_recipient_text(recipients, rules, caps_unit),
            notes.get("new_staff"),
        ]
        text_list(bullets)


def groups() -> None:
    # one column pair per round (year and half): the full width, however many rounds the report has
    st.caption(unit_caption("명", unit.value))
    data_table(groups_table)
    for text in housing.footnotes(note_rows):
        st.caption(f"\\* {markdown_text(text)}")
    downloads(groups_table, "그룹별_선정결과", unit_caption("명", unit.value), "housing-groups")


def by_year() -> None:
    left, right = st.columns(2)
    with left:
        chart(
            cached_figure(charts.groups_by_year, selection, "selected", unit),
            groups_table,
            key="housing-people",
        )
    with right:
        chart(
            cached_figure(charts.groups_by_year, selection, "amount", unit),
            groups_table,
            key="housing-amounts",
        )


def averages() -> None:
    table = housing.averages_table(selection, rules, unit)
    left, right = st.columns(2)
    with left:
        chart(
            cached_figure(charts.averages_vs_cap, housing.with_averages(selection, rules), unit),
            table,
            key="housing-averages",
        )
    with right:
        data_table(table)
        downloads(table, "그룹별_1인당_평균", unit_caption("명", unit.value, "%"), "housing-averages-dl")
    for observation in housing.allocation_observations(selection, unit):
        st.warning(f"확인 필요: {markdown_text(observation)}", icon=":material/search:")


def plans() -> None:
    schedule = run(queries.schedule, as_of=filters.as_of)
    st.markdown(markdown_text(housing.schedule_sentence(schedule)))
    data_table(housing.schedule_table(schedule))


def execution() -> None:
    execution_unit = units.of("program_execution")
    rows = run(issue_queries.program_execution, as_of=filters.as_of, topic="housing")
    table = execution_table(rows, execution_unit)
    st.caption(unit_caption(execution_unit.value, "%"))
    data_table(table)
    downloads(table, "주거복지_예산집행", unit_caption(execution_unit.value, "%"), "housing-execution")
    issue_contacts(filters, "housing")


show(
    Section("요약", summary, headed=False),
    Section("사업개요", programme),
    Section("전세자금 융자 계산기", calculator),
    Section(f"{result.half} 선정결과", selected),
    Section("그룹별 배정액 및 선정결과", groups),
    Section("그룹별 선정 인원·금액", by_year, headed=False),
    Section("그룹별 1인당 평균 지원액", averages),
    Section("향후계획", plans),
    Section(
        f"예산집행 현황 ({short_date(filters.as_of)} 기준)",
        execution,
        joins=True,
    ),
)
