"""영남 산불 피해지역 구호 지원: supplies, funds and their execution, volunteers, donation."""

import streamlit as st

from bureau.format import markdown_text, unit_caption
from bureau.topics.relief import calc as relief
from bureau.topics.relief import charts, queries
from bureau.topics.report import queries as issue_queries
from bureau.topics.report.calc import (
    difference_captions,
    execution_caption,
    execution_table,
    expected_note,
    shown_checks,
)
from ui.cache import cached_figure
from ui.data import run
from ui.frame import page, unit_view
from ui.issues import (
    bullet_section,
    bullets,
    has_points,
    issue_contacts,
    issue_dept,
    issue_intro,
    issue_points,
    table,
)
from ui.screens import Section, show
from ui.widgets import chart, discrepancy_notes, report_kpis

TOPIC = "relief"

filters = page("영남 산불 피해지역 구호 지원")
as_of, units = filters.as_of, unit_view(filters)
dept = issue_dept(filters, TOPIC)

supplies = run(queries.supplies, as_of=as_of, dept=dept)
printed = run(issue_queries.printed_figures, as_of=as_of, topic=TOPIC)
funds = run(queries.funds, as_of=as_of, dept=dept)
execution = run(issue_queries.program_execution, as_of=as_of, topic=TOPIC, dept=dept)
appropriations = run(queries.appropriations, as_of=as_of, dept=dept)
volunteers = run(queries.volunteers, as_of=as_of, dept=dept)
donations = run(queries.donations, as_of=as_of, dept=dept)
points = issue_points(filters, TOPIC, dept)
timeline = run(queries.timeline, as_of=as_of, dept=dept)
totals = relief.supply_totals(supplies, printed)
checked = shown_checks(
    run(issue_queries.topic_reconciliations, as_of=as_of, topic=TOPIC),
    {
        "relief_supplies": supplies,
        "relief_funds": funds,
        "program_execution": execution,
        "relief_appropriations": appropriations,
        "relief_volunteers": volunteers,
        "relief_donations": donations,
        "relief_timeline": timeline,
    },
)


def summary() -> None:
    issue_intro(filters, TOPIC, by_dept=True)
    report_kpis("relief", filters)
    discrepancy_notes(checked[~checked["matches"]], with_notes=True)


def direction() -> None:
    if has_points(points, "추진방향"):
        bullets(points, "추진방향")
        st.markdown(relief.tf_line(run(queries.tf_members, as_of=as_of)))
    bullets(points[points["heading"].isna()], "추진내용")


def supply() -> None:
    bullets(points[points["heading"] == "물품지원"], "추진내용")
    st.markdown(relief.supply_summary(totals))
    left, right = st.columns([3, 2])
    with left:
        chart(
            cached_figure(charts.supplies_by_category, supplies),
            relief.supplies_table(supplies),
            key="supplies",
        )
    with right:
        st.subheader("단위별 소계")
        table(relief.unit_subtotals(supplies), "구호물품_단위별", "(단위 : 동·대·개)", "supply-units")
        st.subheader("품목별")
        table(relief.supplies_table(supplies), "구호물품_품목별", "(단위 : 품목별 표기)", "supplies")


def fund() -> None:
    bullets(points[points["heading"] == "구호금지원"], "추진내용")
    fund_unit = units.of("relief_funds")
    chart(
        cached_figure(charts.funds_breakdown, funds, fund_unit),
        relief.funds_table(funds, fund_unit),
        key="funds",
    )
    table(relief.funds_table(funds, fund_unit), "구호금_지원", unit_caption(fund_unit.value), "funds")


def spending() -> None:
    st.caption(execution_caption(execution))
    execution_unit = units.of("program_execution")
    table(
        execution_table(execution, execution_unit),
        "기금집행_현황",
        unit_caption(execution_unit.value, "%"),
        "execution",
    )
    for note in [expected_note(execution), *difference_captions(checked, "program_execution")]:
        if note:
            st.caption(note)


def appropriation() -> None:
    appropriation_unit = units.of("relief_appropriations")
    st.markdown("\n".join(relief.appropriation_lines(appropriations, appropriation_unit)))
    table(
        relief.appropriations_table(appropriations, appropriation_unit),
        "구호지원_사업비",
        unit_caption(appropriation_unit.value),
        "appropriations",
    )


def volunteering() -> None:
    bullets(points[points["heading"] == "자원봉사"], "추진내용")
    for activity, lines in relief.volunteer_lines(volunteers).items():
        st.subheader(markdown_text(activity))
        st.markdown("\n".join(lines))
    table(relief.volunteers_table(volunteers), "자원봉사", "(단위 : 명)", "volunteers")


def donation() -> None:
    bullets(points[points["heading"] == "성금모금"].assign(detail=None), "추진내용")
    st.markdown("\n".join(relief.donation_lines(donations, units.of("relief_donations"))))


def progress() -> None:
    steps = "\n".join(relief.timeline_lines(timeline))
    if len(timeline) < relief.TIMELINE_CHART_STEPS:
        st.markdown(steps)  # a bar or two is no chart: the steps read better as a list
        return
    left, right = st.columns([3, 2])
    with left:
        chart(
            cached_figure(charts.response_timeline, relief.timeline_frame(timeline)),
            relief.timeline_table(timeline),
            key="timeline",
        )
    right.markdown(steps)


show(
    Section("요약", summary, headed=False),
    Section(
        "추진방향",
        direction,
        shown=has_points(points, "추진방향") or has_points(points[points["heading"].isna()], "추진내용"),
        joins=True,
    ),
    Section("물품지원", supply, shown=not supplies.empty),
    Section("구호금 지원", fund, shown=not funds.empty),
    Section("기금집행 현황", spending, shown=not execution.empty),
    Section("재해·재난 구호지원 사업비 긴급편성", appropriation, shown=not appropriations.empty, joins=True),
    Section("자원봉사", volunteering, shown=not volunteers.empty),
    Section("성금모금", donation, shown=not donations.empty, joins=True),
    Section("추진 경과", progress, shown=not timeline.empty),
    bullet_section(points, "향후계획"),
    Section("담당자", lambda: issue_contacts(filters, TOPIC), headed=False, joins=True),
)
