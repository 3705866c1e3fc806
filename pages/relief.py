"""영남 산불 피해지역 구호 지원: supplies, funds and their execution, volunteers, donation."""

import streamlit as st

from bureau import relief
from bureau.charts import relief as charts
from bureau.format import markdown_text, unit_caption
from bureau.issues import difference_captions, execution_table, expected_note
from bureau.queries import issues as issue_queries
from bureau.queries import relief as queries
from ui.cache import cached_figure
from ui.data import run
from ui.frame import page, unit_view
from ui.issues import bullets, issue_contacts, issue_dept, issue_intro, table
from ui.screens import Section, show
from ui.widgets import chart, discrepancy_notes, kpi_row

ISSUE = 1
TOPIC = "relief"

filters = page("영남 산불 피해지역 구호 지원", "Ⅱ. 현안 업무보고 1")
as_of, units = filters.as_of, unit_view(filters)
dept = issue_dept(filters, TOPIC)

supplies = run(queries.supplies, as_of=as_of, dept=dept)
printed = run(issue_queries.printed_figures, as_of=as_of, topic=TOPIC)
funds = run(queries.funds, as_of=as_of, dept=dept)
execution = run(issue_queries.program_execution, as_of=as_of, topic=TOPIC, dept=dept)
appropriations = run(queries.appropriations, as_of=as_of, dept=dept)
volunteers = run(queries.volunteers, as_of=as_of, dept=dept)
donations = run(queries.donations, as_of=as_of, dept=dept)
points = run(issue_queries.issue_points, as_of=as_of, issue_no=ISSUE, dept=dept)
timeline = run(queries.timeline, as_of=as_of, dept=dept)
totals = relief.supply_totals(supplies, printed)
checked = run(issue_queries.topic_reconciliations, as_of=as_of, topic=TOPIC)


def summary() -> None:
    issue_intro(filters, TOPIC, by_dept=True)
    kpi_row(relief.headlines(totals, funds, volunteers, donations, execution, units))
    discrepancy_notes(checked[~checked["matches"]], with_notes=True)


def direction() -> None:
    bullets(points, "추진방향")
    tf = run(queries.tf_members, as_of=as_of)
    st.markdown(relief.tf_line(tf))
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
    st.caption(relief.measured_caption(execution))
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
    left, right = st.columns([3, 2])
    with left:
        chart(
            cached_figure(charts.response_timeline, relief.timeline_frame(timeline)),
            relief.timeline_table(timeline),
            key="timeline",
        )
    with right:
        st.markdown("\n".join(relief.timeline_lines(timeline)))


def plans() -> None:
    bullets(points, "향후계획")
    issue_contacts(filters, TOPIC)


show(
    Section("요약", summary, headed=False),
    Section("추진방향", direction, joins=True),
    Section("물품지원", supply, shown=not supplies.empty),
    Section("구호금 지원", fund, shown=not funds.empty),
    Section("기금집행 현황", spending, shown=not execution.empty),
    Section("재해·재난 구호지원 사업비 긴급편성", appropriation, shown=not appropriations.empty, joins=True),
    Section("자원봉사", volunteering, shown=not volunteers.empty),
    Section("성금모금", donation, shown=not donations.empty, joins=True),
    Section("추진 경과", progress, shown=not timeline.empty),
    Section("향후계획", plans),
)
