"""AI 교육: the implied staff total, the projection, the reconciliations and the page."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from bureau.topics.ai_training import calc as ai_training
from bureau.topics.ai_training import queries
from tests.helpers_topic import build_errors, edited_con, topic_reconciliations
from tests.reading import shown, shown_metrics, table_text

AS_OF = date(2025, 3, 31)


# --- implied total staff --------------------------------------------------------------------


def test_implied_total_from_the_printed_share():
    total = ai_training.implied_total(1995, 18.9)
    assert (total.point, total.low, total.high) == (10556, 10528, 10583)
    # the range is exactly the totals that print as 18.9% (1,995/0.1895 .. 1,995/0.1885)
    assert ai_training.share_rounds_to(1995, 10528, 18.9)
    assert not ai_training.share_rounds_to(1995, 10527, 18.9)
    assert ai_training.share_rounds_to(1995, 10583, 18.9)
    assert not ai_training.share_rounds_to(1995, 10584, 18.9)


@pytest.mark.parametrize("trained, share", [(0, 18.9), (1995, 0.0), (1995, -1.0)])
def test_implied_total_rejects_impossible_inputs(trained, share):
    with pytest.raises(ValueError):
        ai_training.implied_total(trained, share)


# --- projection ------------------------------------------------------------------------------


def test_projection_at_the_pace_of_january_to_march():
    p = ai_training.project(1995, 10556, date(2025, 1, 1), AS_OF)
    assert p.days_elapsed == 90
    assert p.per_day == pytest.approx(1995 / 90)
    assert p.remaining == 8561
    # 8,561 ÷ 22.1667 = 386.2 → 387 days after 31 March 2025
    assert p.completion == date(2026, 4, 22)
    assert p.year_end == date(2025, 12, 31)
    assert p.year_end_trained == 8091  # 22.1667 × 365
    assert round(p.progress, 1) == 18.9
    assert p.required_per_day == pytest.approx(8561 / 275)
    assert not p.on_track


def test_projection_when_the_goal_is_already_met_or_there_is_no_pace():
    done = ai_training.project(100, 100, date(2025, 1, 1), AS_OF)
    assert done.completion == AS_OF and done.remaining == 0 and done.on_track
    idle = ai_training.project(0, 100, date(2025, 1, 1), AS_OF)
    assert idle.completion is None and not idle.on_track


def test_projection_on_track_when_the_pace_suffices():
    p = ai_training.project(5000, 10000, date(2025, 1, 1), date(2025, 6, 30))
    assert p.on_track and p.completion <= date(2025, 12, 31)


def test_projection_rejects_bad_dates_and_totals():
    with pytest.raises(ValueError):
        ai_training.project(10, 100, date(2025, 4, 1), AS_OF)
    with pytest.raises(ValueError):
        ai_training.project(10, 0, date(2025, 1, 1), AS_OF)


def test_projection_path_runs_from_zero_to_the_goal():
    p = ai_training.project(1995, 10556, date(2025, 1, 1), AS_OF)
    path = ai_training.projection_path(p)
    actual = path[path["series"] == "실적"]
    trend = path[path["series"] == "추세(직선 가정)"]
    assert actual["trained"].tolist() == [0, 1995]
    assert trend["trained"].iloc[0] == 1995 and trend["trained"].iloc[-1] == 10556
    assert trend["date"].iloc[-1] == date(2026, 4, 22)
    assert trend["trained"].is_monotonic_increasing


# --- reconciliations -------------------------------------------------------------------------


def _by_figure(con):
    """The report's comparisons (not another report's in the same database) by table and figure."""
    found = topic_reconciliations(con, "ai_training")
    return {(item.table_name, item.figure): item for item in found if item.as_of == AS_OF}


def test_reconciliations_of_the_report(con):
    found = _by_figure(con)
    total = found[("ai_training_goal", "이수 인원(명)")]
    assert (total.printed, total.recomputed, total.matches) == ("1,995", "1,995", True)
    share = found[("ai_training_goal", "전직원 대비(%)")]
    assert (share.printed, share.recomputed, share.matches) == ("18.9", "18.9", True)
    assert "10,528~10,583명" in share.note
    for text in ("47개 과정", "14개 과정", "6개월", "연2회", "기수별 20명"):
        assert found[("ai_programmes", text)].matches


def test_a_grade_group_that_does_not_add_up_is_recorded(tmp_path):
    con = edited_con(tmp_path, {"ai_training_progress.csv": ("5급 이하,1748", "5급 이하,1750")})
    item = _by_figure(con)[("ai_training_goal", "이수 인원(명)")]
    assert (item.printed, item.recomputed, item.matches) == ("1,995", "1,997", False)


def test_a_programme_count_missing_from_the_role_lines_is_recorded(tmp_path):
    con = edited_con(tmp_path, {"ai_programmes.csv": ("e-러닝,전직원,14", "e-러닝,전직원,15")})
    item = _by_figure(con)[("ai_programmes", "15개 과정")]
    assert (item.printed, item.recomputed, item.matches) == ("15개 과정", "문구에 없음", False)


def test_two_goal_rows_are_rejected(tmp_path):
    """One goal row per report is the table's key: the second is rejected where it is."""
    row = "2025-03-31,인력개발과,실습형 AI교육,2025 상시학습제도 운영계획,2025-01-01,100,1,1995,18.9"
    found = build_errors(
        tmp_path, {"ai_training_goal.csv": (row, row + "\n" + row.replace("실습형", "이론형"))}
    )
    assert [str(error) for error in found] == [
        "ai_training_goal.csv:3:1: duplicate key (as_of): same as line 2"
    ]


# --- page ------------------------------------------------------------------------------------


def _text(app) -> str:
    parts = [e.value for e in app.markdown] + [e.value for e in app.caption] + [e.body for e in app.info]
    parts += [e.value for e in app.subheader] + [e.value for e in app.header]
    return shown("\n".join(parts))


def _figures(app) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def test_page_shows_progress_and_projection(open_page):
    app = open_page("ai_training")
    metrics = shown_metrics(app)
    # the KPI row holds what the report prints: "1,995명 이수(전직원의 18.9%, 4급 이상 247명/
    # 5급 이하 1,748명)", "연 1회 의무화"; the staff total and the date are ours, said so below
    assert metrics == {
        "이수 인원": "1,995명",
        "전직원 대비": "18.9%",
        "4급 이상 이수": "247명",
        "5급 이하 이수": "1,748명",
        "목표": "전직원 연 1회",
    }
    text = _text(app)
    assert (
        "대시보드 추정: 1.1.~3.31. 이수 속도(하루 22.2명)가 이어진다고 가정하면 전직원(보고서의 "
        "1,995명 = 18.9%에서 역산한 약 10,556명) 이수는 2026. 4. 22.경"
    ) in text
    assert "대시보드 추정(보고서에 없는 수치)" in text
    for printed in (
        "2025년 전 직원 AI 교육 이수 연 1회 의무화 (2025 상시학습제도 운영계획)",
        "AI 상설교육장 신설 및 전직원 직급별 맞춤형 AI 교육 (3급이상/4급/5급이하)",
        "실습형 AI교육 1,995명 이수(전직원의 18.9%, 4급 이상 247명/ 5급 이하 1,748명)",
        "10,528~10,583명",
        "2025. 1. 1.부터 기준일 2025. 3. 31.까지 90일",
        "약 8,091명(76.6%)",
        "2026. 4. 22.경",
        "하루 31.1명(현재 속도의 1.4배)",
        "자치구 정원 36,376명보다 훨씬 적어",
    ):
        assert printed in text, printed
    bar = next(f for f in _figures(app) if f["layout"]["title"]["text"] == "목표 대비 이수 현황")
    assert bar["layout"]["xaxis"]["title"]["text"] == "인원(명) · 추정 전직원 10,556명 = 100%"
    assert [trace["name"] for trace in bar["data"]] == [
        "이수 1,995명 (18.9%)",
        "미이수(추정) 8,561명 (81.1%)",
    ]
    trend = next(f for f in _figures(app) if f["layout"]["title"]["text"].startswith("누적 이수"))
    assert trend["layout"]["yaxis"]["title"]["text"] == "누적 이수 인원(명)"
    assert [trace["name"] for trace in trend["data"]] == ["실적", "추세(직선 가정)"]


def test_page_shows_grade_groups_tiers_and_programmes(open_page):
    app = open_page("ai_training")
    frames = [table_text(frame) for frame in app.dataframe]
    tiers = next(f for f in frames if "의무교육 과정(직급별)" in f.columns)
    assert tiers["의무교육 과정(직급별)"].tolist() == ["3급이상", "4급", "5급이하"]
    assert tiers["그룹 이수 인원(명)"].tolist() == ["247", "247", "1,748"]
    programmes = next(f for f in frames if "프로그램" in f.columns)
    assert programmes["규모"].tolist() == [
        "-",  # no size printed: a dash (an empty display text would show the raw "None")
        "47개 과정",
        "14개 과정",
        "6개월 · 연2회 · 기수별 20명 · 연 40명",
    ]
    grades = next(f for f in _figures(app) if f["layout"]["title"]["text"] == "직급 그룹별 이수 인원")
    assert grades["data"][0]["x"] == ["4급 이상", "5급 이하"]
    assert grades["data"][0]["text"] == ["247명", "1,748명"]
    assert grades["layout"]["yaxis"]["title"]["text"] == "이수 인원(명)"


def test_page_shows_both_stages_every_role_and_next_steps(open_page):
    app = open_page("ai_training")
    text = _text(app)
    for printed in (
        "1단계 · 트랜드 이해 및 AI 활용 기본역량 확보",
        "AI 이해 및 도구 활용으로 업무 적용 기초 역량 확보",
        "서울시 전직원(자치구 포함)",
        "2단계 · AI 적용을 기획·주도할 수 있는 AI 심화 역량 강화",
        "AI를 정책·행정 업무 혁신에 적용할 수 있는 실무 리더 양성",
        "AI 기본과정 수료자 또는 AI 실무 적용을 희망하는 담당자",
        "AI 역량 강화를 위한 맞춤형 교육 운영(AI 활용 47개 과정)",
        "온라인 학습 플랫폼 구축 및 관리(AI 트렌드 반영 e-러닝 14개 과정 확대)",
        "6급 장기교육 ‘미래반’ 운영으로 AI 특화교육 실시(6개월, 연2회, 기수별 20명)",
        "AI 사업의 실행력‧완성도 강화를 위한 기술 자문 및 사업 컨설팅",
        "AI 활용 경진대회 개최 및 사례 공유로 지속 가능한 AI 학습 문화 조성",
        "인재양성팀장 김민옥 ☎ 5752",
    ):
        assert printed in text, printed
    # each role once, in its stage's card: no second, squeezed matrix of the same words
    assert not app.table
    assert text.count("AI 사업의 실행력‧완성도 강화를 위한 기술 자문 및 사업 컨설팅") == 1


def test_roles_matrix_for_the_download(con):
    matrix = ai_training.roles_matrix(queries.stage_roles(con, AS_OF), queries.stages(con, AS_OF))
    assert matrix["추진기관"].tolist() == ["인력개발과", "인재개발원", "디지털정책과", "디지털재단"]
    assert list(matrix.columns) == ["추진기관", "1단계", "2단계"]
    assert matrix.set_index("추진기관").loc["디지털재단", "1단계"] == ""


def test_page_notes_whose_issue_it_is_when_another_department_is_selected(open_page):
    app = open_page("ai_training")
    assert not any("주관 부서" in info.body for info in app.info)
    app.selectbox(key="dept").set_value("인사과").run()
    assert any("주관 부서는 인력개발과" in info.body for info in app.info)


def test_assumptions_say_whom_the_share_counts():
    goal = pd.DataFrame(
        [
            {
                "course": "실습형 AI교육",
                "plan": "계획",
                "period_start": date(2025, 1, 1),
                "goal_share": 100.0,
                "times_per_year": 1,
                "printed_trained": 1995,
                "printed_share_of_staff": 18.9,
            }
        ]
    )
    progress = pd.DataFrame({"grade_group": ["4급 이상", "5급 이하"], "trained": [247, 1748]})
    summary = ai_training.summarise(goal, progress, AS_OF)
    assert summary.trained == 1995 and summary.gap == 8561
    smaller = ai_training.assumptions(summary, 36376)
    assert any("자치구를 뺀 서울시 직원 기준" in line for line in smaller)
    larger = ai_training.assumptions(summary, 5000)
    assert any("포함할 수 있는 규모" in line for line in larger)
    assert len(ai_training.assumptions(summary)) == len(smaller) - 1
