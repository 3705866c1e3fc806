"""AI 교육: progress toward every employee trained once a year, programmes, stages and roles."""

import streamlit as st

from bureau.format import markdown_text
from bureau.topics.ai_training import calc as ai_training
from bureau.topics.ai_training import charts, queries
from bureau.topics.overview import queries as org
from ui.cache import cached_figure
from ui.data import run
from ui.frame import page
from ui.issues import issue_contacts, issue_summary
from ui.screens import Section, show, stop_with_info
from ui.tables import data_table
from ui.widgets import chart, downloads, text_list

filters = page("AI 역량 강화 교육")

goal = run(queries.goal, as_of=filters.as_of)
progress = run(queries.progress, as_of=filters.as_of)
tiers = run(queries.course_tiers, as_of=filters.as_of)
stages = run(queries.stages, as_of=filters.as_of)
roles = run(queries.stage_roles, as_of=filters.as_of)
programmes = run(queries.programmes, as_of=filters.as_of)
if goal.empty or progress.empty:
    stop_with_info("이 보고서에는 AI 교육 현황이 없습니다.")

summary = ai_training.summarise(
    goal, progress, filters.as_of, run(queries.previous_trained, as_of=filters.as_of)
)
progress_table = progress.rename(columns={"grade_group": "직급 그룹", "trained": "이수 인원(명)"})


def overview() -> None:
    issue_summary(filters, "ai_training")


def achievements() -> None:
    text_list(ai_training.achievements(summary, tiers, progress))
    chart(cached_figure(charts.progress_bar, summary.projection), progress_table, key="ai-progress")


def estimate() -> None:
    st.markdown(markdown_text(ai_training.estimate_line(summary)))
    path = ai_training.projection_path(summary.projection)
    chart(
        cached_figure(charts.projection_chart, path, summary.projection),
        path.rename(columns={"date": "날짜", "trained": "누적 이수 인원(명)", "series": "구분"}),
        key="ai-projection",
    )
    district_staff = ai_training.district_staff(run(org.district_indicators, as_of=filters.as_of))
    st.info(
        "**추세 계산의 가정**\n\n"
        + "\n".join(f"- {markdown_text(line)}" for line in ai_training.assumptions(summary, district_staff)),
        icon=":material/timeline:",
    )


def grades() -> None:
    left, right = st.columns(2)
    with left:
        chart(cached_figure(charts.grade_groups, progress), progress_table, key="ai-grades")
    with right:
        st.subheader("직급별 의무교육 과정")
        tier_table = ai_training.tier_table(tiers, progress)
        data_table(tier_table)
        st.caption(
            "이수 실적은 4급 이상·5급 이하 두 그룹으로 집계되어, 3급이상·4급 과정은 한 그룹으로 합산됩니다."
        )


def programme_list() -> None:
    programme_table = ai_training.programme_summary(programmes)
    data_table(programme_table)
    downloads(programme_table, "AI_교육_프로그램", "(단위 : 과정, 명)", "ai-programmes")


def organisation() -> None:
    for column, stage in zip(st.columns(len(stages)), stages.itertuples()):
        with column.container(border=True):
            st.markdown(f"#### {stage.stage}단계 · {markdown_text(stage.title)}")
            st.markdown(f"**목표** {markdown_text(stage.goal)}  \n**대상** {markdown_text(stage.audience)}")
            of_stage = roles[roles["stage"] == stage.stage]
            for agency, lines in of_stage.groupby("agency", sort=False):
                st.markdown(f"**{markdown_text(agency)}**")
                text_list(lines["role"])
    # the cards above are the whole 역할 분담: the same as a table only in the downloads
    st.caption("역할 분담표(추진기관 × 단계)")
    downloads(
        ai_training.roles_matrix(roles, stages), "AI_추진체계_역할분담", "(추진기관별 역할)", "ai-roles"
    )


def plans() -> None:
    steps = run(queries.next_steps, as_of=filters.as_of)
    text_list(steps["step"])
    issue_contacts(filters, "ai_training")


show(
    Section("요약", overview, headed=False),
    Section("AI활용 역량강화 추진 실적", achievements, joins=True),
    Section("대시보드 추정(보고서에 없는 수치)", estimate),
    Section("직급별 이수와 의무교육 과정", grades, headed=False),
    Section("AI 교육 프로그램", programme_list, joins=True),
    Section("조직 내 추진체계 및 역할 분담", organisation),
    Section("향후계획", plans),
)
