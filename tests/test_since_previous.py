"""Two reports, used: each KPI's change since the previous report (직전 보고 대비), the briefing
leading with what changed, the budget's rates across the year's reports against its pace and
the AI projection from the latest two reports — on small figures built here, then on the pages
of the two-report database (the real report of 2025-03-31 and the June one of
tests/second_report.py). With one report before the date chosen, none of it shows."""

from __future__ import annotations

import json
from datetime import date
from itertools import pairwise

import pandas as pd
import pytest

from bureau.briefing import headline_movement, movements_text
from bureau.format import signed
from bureau.kpi import Figure, Kpi, movement, movements, since_previous
from bureau.topics import TOPICS
from bureau.topics.ai_training import calc as ai_training
from bureau.topics.budget import calc as budget
from bureau.topics.budget import charts as budget_charts
from bureau.units import Unit
from tests import second_report as june
from tests.printed import AS_OF
from tests.reading import in_order, open_chart_tables, shown, table_text
from ui.nav import PAGES

MARCH, JUNE = AS_OF.isoformat(), june.JUNE.isoformat()
SINCE = "직전 보고"


# --- changes of one KPI ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, digits, text",
    [(4, 0, "+4"), (-1505, 0, "△1,505"), (0, 0, "0"), (20.24, 1, "+20.2"), (-0.04, 1, "0.0")],
)
def test_signed_change(value, digits, text):
    assert signed(value, digits) == text


@pytest.mark.parametrize(
    "now, before, text",
    [
        (Figure.count(369, "명"), Figure.count(365, "명"), "+4명"),
        (Figure.count(1_995, "명"), Figure.count(3_500, "명"), "△1,505명"),
        # rates change by what is shown: 40.26 → 40.3, 20.14 → 20.1
        (Figure.rate(40.26), Figure.rate(20.14), "+20.2%p"),
        (Figure.rate(18.9), Figure.rate(20.2), "△1.3%p"),
        # an amount in the unit the KPI shows it in, the earlier one converted first
        (
            Figure.money(2_200_000, Unit.THOUSAND, Unit.HUNDRED_MILLION),
            Figure.money(2_000_000, Unit.THOUSAND, Unit.HUNDRED_MILLION),
            "+2억원",
        ),
        (
            Figure.money(18, Unit.HUNDRED_MILLION, Unit.HUNDRED_MILLION),
            Figure.money(2_000_000, Unit.THOUSAND, Unit.HUNDRED_MILLION),
            "△2억원",
        ),
    ],
)
def test_a_figures_change_in_its_own_unit(now, before, text):
    assert now.change_text(now.change_from(before)) == text


def test_movement_of_numbers_and_of_text():
    headcount = movement(
        Kpi("인원", "369명", figure=Figure.count(369, "명")),
        Kpi("인원", "365명", figure=Figure.count(365, "명")),
    )
    assert (headcount.before, headcount.now, headcount.change) == ("365명", "369명", "+4명")
    assert headcount.size == pytest.approx(4 / 365) and headcount.moved
    same = movement(
        Kpi("팀", "31팀", figure=Figure.count(31, "팀")), Kpi("팀", "31팀", figure=Figure.count(31, "팀"))
    )
    assert same.change == "변동 없음" and not same.moved
    text = movement(Kpi("조직", "8과 1사업소"), Kpi("조직", "7과 1사업소"))
    assert text.change == "7과 1사업소" and text.size is None and text.moved


def test_since_previous_only_on_kpis_the_previous_report_has():
    previous = [
        Kpi("인원", "365명", help="과·사업소 합계", figure=Figure.count(365, "명")),
        Kpi("조직", "7과 1사업소"),
        Kpi("선정률(인원)", "59.0%", figure=Figure.rate(59.0), key="’25년 상반기 선정률(인원)"),
    ]
    current = [
        Kpi("인원", "369명", help="과·사업소 합계", figure=Figure.count(369, "명")),
        Kpi("조직", "7과 1사업소"),
        # another round's rate under the same label: another figure
        Kpi("선정률(인원)", "66.7%", figure=Figure.rate(66.7), key="’25년 하반기 선정률(인원)"),
        Kpi("신규", "1명", figure=Figure.count(1, "명")),
    ]
    compared = since_previous(current, previous, date(2025, 3, 31))
    assert [kpi.since_previous for kpi in compared] == [
        "직전 보고 대비 +4명",
        "직전 보고 대비 변동 없음",
        None,
        None,
    ]
    assert compared[0].help == "과·사업소 합계\n\n직전 보고(2025. 3. 31.): 365명"
    assert [item.label for item in movements(current, previous)] == ["인원", "조직"]
    assert since_previous(current, [], date(2025, 3, 31)) == current


def test_briefing_names_a_topics_headline_movement_largest_first():
    teams = movement(
        Kpi("팀", "32팀", figure=Figure.count(32, "팀")), Kpi("팀", "31팀", figure=Figure.count(31, "팀"))
    )
    people = movement(
        Kpi("인원", "369명", figure=Figure.count(369, "명")),
        Kpi("인원", "365명", figure=Figure.count(365, "명")),
    )
    organisation = movement(Kpi("조직", "8과 1사업소"), Kpi("조직", "7과 1사업소"))
    # the row's first figure that moved by a number stands for the topic, not the largest in it
    assert headline_movement([organisation, people, teams]) is people
    assert headline_movement([organisation]) is organisation
    assert headline_movement([]) is None
    text = movements_text([("", people), ("AI 교육 ", teams), ("", organisation)], date(2025, 3, 31))
    assert text == (
        "직전 보고(2025. 3. 31.) 대비: 인원 365명 → 369명(+4명), AI 교육 팀 31팀 → 32팀(+1팀), "
        "조직 7과 1사업소 → 8과 1사업소"
    )


def test_every_topic_with_a_page_registers_its_kpi_row():
    """The briefing's first line and every page's KPI row come from ``Topic.kpis``."""
    assert [topic.slug for topic in TOPICS if topic.page is not None and topic.kpis is None] == []


# --- the AI projection from two reports -------------------------------------------------------


def test_projection_from_the_latest_two_reports():
    p = ai_training.project(
        3_500, 10_542, date(2025, 1, 1), date(2025, 6, 30), previous=(date(2025, 3, 31), 1_995)
    )
    assert p.days_elapsed == 91  # 4. 1. to 6. 30.
    assert p.per_day == pytest.approx(1_505 / 91)
    assert p.remaining == 7_042
    # 7,042 ÷ 16.54 = 425.8 → 426 days after 30 June 2025
    assert p.completion == date(2026, 8, 30)
    assert p.year_end_trained == round(3_500 + 1_505 / 91 * 184)  # 6,543
    assert not p.on_track
    assert p.trend_name == "추세(직선 가정, 3.31.·6.30. 보고)"
    assert p.pace_span == "3.31.~6.30. 보고 사이"
    path = ai_training.projection_path(p)
    actual = path[path["series"] == "실적"]
    assert list(zip(actual["date"], actual["trained"])) == [
        (date(2024, 12, 31), 0),
        (date(2025, 3, 31), 1_995),
        (date(2025, 6, 30), 3_500),
    ]
    trend = path[path["series"] == p.trend_name]
    assert trend["trained"].iloc[0] == 3_500 and trend["trained"].iloc[-1] == 10_542
    assert trend["date"].iloc[-1] == date(2026, 8, 30)


def test_projection_from_one_report_is_the_pace_since_the_start():
    alone = ai_training.project(3_500, 10_542, date(2025, 1, 1), date(2025, 6, 30))
    assert alone.per_day == pytest.approx(3_500 / 181)
    assert alone.trend_name == "추세(직선 가정)" and alone.pace_span == "1.1.~6.30."


def test_no_training_since_the_previous_report_projects_no_completion():
    goal = pd.DataFrame(
        [
            {
                "course": "AI 교육",
                "plan": "계획",
                "printed_trained": 1_995,
                "printed_share_of_staff": 18.9,
                "period_start": date(2025, 1, 1),
                "goal_share": 100.0,
                "times_per_year": 1,
            }
        ]
    )
    progress = pd.DataFrame({"grade_group": ["전체"], "trained": [1_995]})
    summary = ai_training.summarise(goal, progress, date(2025, 6, 30), (date(2025, 3, 31), 1_995))
    assert summary.projection.per_day == 0 and summary.projection.completion is None
    assert ai_training.estimate_line(summary).endswith("직전 보고 이후 이수가 늘지 않아 알 수 없음")
    assumptions = ai_training.assumptions(summary)
    assert assumptions[0].startswith(
        "이수 실적은 직전 보고(2025. 3. 31.) 1,995명에서 기준일 2025. 6. 30. 1,995명으로"
    )
    # (10,556 − 1,995) ÷ 184 days; no ratio to a pace of zero
    assert assumptions[-1] == "연내 전직원 이수에는 남은 184일 동안 하루 46.5명이 필요합니다."


@pytest.mark.parametrize("earlier", [date(2024, 12, 31), date(2025, 6, 30), date(2025, 7, 1)])
def test_projection_rejects_a_previous_report_outside_the_cycle(earlier):
    with pytest.raises(ValueError):
        ai_training.project(3_500, 10_542, date(2025, 1, 1), date(2025, 6, 30), previous=(earlier, 1_995))


# --- the budget's rates across reports ---------------------------------------------------------


def _top_lines(revenue: tuple[int, int], spending: tuple[int, int]) -> pd.DataFrame:
    """세입 계 and 세출 계 of one report: (budget, actual) each, in 천원."""
    return pd.DataFrame(
        [
            {
                "side": side,
                "item_id": side,
                "item": "계",
                "dept": None,
                "level": 0,
                "prior_budget": b,
                "budget": b,
                "actual": a,
            }
            for side, (b, a) in (("세입", revenue), ("세출", spending))
        ]
    )


def test_rates_by_report_against_the_pace_of_each_date():
    reports = {
        date(2025, 6, 30): _top_lines((1000, 403), (2000, 1066)),
        date(2025, 3, 31): _top_lines((1000, 201), (2000, 710)),
    }
    rates_by = budget.rates_by_report(reports)
    assert rates_by["as_of"].tolist() == [date(2025, 3, 31)] * 2 + [date(2025, 6, 30)] * 2
    assert rates_by["label"].tolist() == ["세입 징수율", "세출 집행률"] * 2
    assert rates_by["actual_rate"].tolist() == pytest.approx([20.1, 35.5, 40.3, 53.3])
    # 90 of 365 days, 181 of 365
    assert rates_by["elapsed"].tolist() == pytest.approx([90 / 365 * 100] * 2 + [181 / 365 * 100] * 2)
    assert budget.rates_by_report(reports, ("세출",))["label"].unique().tolist() == ["세출 집행률"]
    table = budget.rates_by_report_table(rates_by)
    assert table.frame.columns.tolist() == ["기준일", "세입 징수율(%)", "세출 집행률(%)", "연간 경과율(%)"]
    assert table.frame.to_dict("list") == {
        "기준일": ["2025. 3. 31.", "2025. 6. 30."],
        "세입 징수율(%)": [20.1, 40.3],
        "세출 집행률(%)": [35.5, 53.3],
        "연간 경과율(%)": [24.7, 49.6],
    }
    figure = budget_charts.rates_by_report(rates_by, "징수율·집행률")
    assert [trace.name for trace in figure.data] == ["세입 징수율", "세출 집행률", "연간 경과율"]
    assert list(figure.data[2].customdata) == ["24.7%", "49.6%"]
    assert list(figure.layout.xaxis.ticktext) == [
        "’25. 3. 31.<br>경과율 24.7%",
        "’25. 6. 30.<br>경과율 49.6%",
    ]
    # at each date the higher rate's label above its point, the lower's below
    assert list(figure.data[0].textposition) == ["bottom center", "bottom center"]
    assert list(figure.data[1].textposition) == ["top center", "top center"]
    assert list(figure.data[0].x) == ["’25. 3. 31.", "’25. 6. 30."]
    assert figure.layout.yaxis.title.text == "비율(%)" and figure.layout.xaxis.title.text == "보고 기준일"


# --- the pages on the two-report database ------------------------------------------------------


def changes_shown(app) -> dict[str, str]:
    """Each KPI's label and the change since the previous report written under it (the
    caption that follows its st.metric, ui.widgets.kpi_row)."""
    elements = in_order(app.main)
    return {
        element.label: shown(following.value)
        for element, following in pairwise(elements)
        if element.type == "metric" and following.type == "caption" and SINCE in following.value
    }


def everything_written(app) -> str:
    parts = [
        e.value
        for kind in ("title", "header", "subheader", "markdown", "caption", "info")
        for e in getattr(app, kind)
    ]
    parts += [f"{m.label} {m.value} {m.help or ''}" for m in app.metric]
    return shown("\n".join(parts))


#: What the June page says each KPI did since March (see tests/second_report.py).
JUNE_CHANGES = {
    "overview": {
        "인원": f"직전 보고 대비 +{june.HEADCOUNT - 365}명",
        "팀": f"직전 보고 대비 +{june.TEAMS - 31}팀",
        "서울시 인구": "직전 보고 대비 변동 없음",
        "조직": "직전 보고 대비 변동 없음",
    },
    # 징수액 × 2 and 집행액 × 1.5: 20.1% → 40.3%, 35.5% → 53.3%
    "budget": {
        "세입 징수율": "직전 보고 대비 +20.2%p",
        "세출 집행률": "직전 보고 대비 +17.8%p",
        "세출 예산현액(천원)": "직전 보고 대비 변동 없음",
    },
    "relief": {"기금 집행률": "직전 보고 대비 +16.7%p", "자원봉사 인원": "직전 보고 대비 변동 없음"},
    "markets": {"운영횟수(2025년 계획)": "직전 보고 대비 변동 없음"},
    "ai_training": {
        "이수 인원": f"직전 보고 대비 +{june.AI_TRAINED - 1_995:,}명",
        "전직원 대비": "직전 보고 대비 +14.3%p",
        "5급 이하 이수": f"직전 보고 대비 +{june.AI_BY_GROUP['5급 이하'] - 1_748:,}명",
    },
    # the 하반기 round is another round: only the year's budget compares
    "housing": {"’25년 사업예산": "직전 보고 대비 변동 없음"},
}


@pytest.mark.parametrize("slug", [page.slug for page in PAGES])
def test_june_kpis_say_what_changed_since_march(open_page, slug):
    changes = changes_shown(open_page(slug, period=JUNE))
    for label, text in JUNE_CHANGES[slug].items():
        assert changes.get(label) == text, (label, changes)
    if slug == "housing":
        assert set(changes) == {"’25년 사업예산"}


@pytest.mark.parametrize("slug", [page.slug for page in PAGES])
def test_the_first_report_says_nothing_of_a_previous_one(open_page, slug):
    app = open_page(slug, period=MARCH)
    assert SINCE not in everything_written(app)
    assert not changes_shown(app)
    if slug == "budget":
        titles = [
            json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in app.get("plotly_chart")
        ]
        assert not [title for title in titles if title.startswith("보고 기준일별")]


def test_june_briefing_leads_with_what_changed_since_march(open_page):
    app = open_page("overview", period=JUNE)
    lines = [shown(item.value) for item in app.markdown]
    changed = next(i for i, line in enumerate(lines) if "직전 보고(2025. 3. 31.) 대비: " in line)
    # before the topics' own items, which open with the budget's largest change
    assert changed < next(i for i, line in enumerate(lines) if "세출 조정교부금" in line)
    text = everything_written(app)
    assert f"인원 365명 → {june.HEADCOUNT}명(+{june.HEADCOUNT - 365}명)" in text
    assert f"AI 교육 이수 인원 1,995명 → {june.AI_TRAINED:,}명(+{june.AI_TRAINED - 1_995:,}명)" in text
    assert "예산 현황 세입 징수율 20.1% → 40.3%(+20.2%p)" in text


def test_budget_plots_both_reports_rates_against_their_pace(open_page):
    app = open_chart_tables(open_page("budget", period=JUNE))
    charts = {
        json.loads(chart.proto.spec)["layout"]["title"]["text"]: json.loads(chart.proto.spec)
        for chart in app.get("plotly_chart")
    }
    figure = charts["보고 기준일별 징수율·집행률과 연간 경과율"]
    names = [trace["name"] for trace in figure["data"]]
    assert names == ["세입 징수율", "세출 집행률", "연간 경과율"]
    assert [trace["text"] for trace in figure["data"][:2]] == [["20.1%", "40.3%"], ["35.5%", "53.3%"]]
    assert figure["data"][2]["customdata"] == ["24.7%", "49.6%"]
    assert all(trace["x"] == ["’25. 3. 31.", "’25. 6. 30."] for trace in figure["data"])
    assert figure["layout"]["yaxis"]["title"]["text"] == "비율(%)"
    table = next(table_text(frame) for frame in app.dataframe if "연간 경과율(%)" in frame.value.columns)
    assert table.to_dict("list") == {
        "기준일": ["2025. 3. 31.", "2025. 6. 30."],
        "세입 징수율(%)": ["20.1", "40.3"],
        "세출 집행률(%)": ["35.5", "53.3"],
        "연간 경과율(%)": ["24.7", "49.6"],
    }


def test_budget_rates_across_reports_keep_the_side_chosen(open_page):
    app = open_page("budget", period=JUNE, side="세출")
    figure = next(
        json.loads(chart.proto.spec)
        for chart in app.get("plotly_chart")
        if json.loads(chart.proto.spec)["layout"]["title"]["text"] == "보고 기준일별 집행률과 연간 경과율"
    )
    assert [trace["name"] for trace in figure["data"]] == ["세출 집행률", "연간 경과율"]


def test_ai_projection_follows_the_latest_two_reports(open_page):
    app = open_page("ai_training", period=JUNE)
    text = everything_written(app)
    assert "대시보드 추정: 3.31.~6.30. 보고 사이 이수 속도(하루 16.5명)" in text
    assert (
        f"직전 보고(2025. 3. 31.) 1,995명에서 기준일 2025. 6. 30. {june.AI_TRAINED:,}명으로 91일 동안" in text
    )
    projection = next(
        json.loads(chart.proto.spec)
        for chart in app.get("plotly_chart")
        if json.loads(chart.proto.spec)["layout"]["title"]["text"].startswith("누적 이수 인원")
    )
    assert [trace["name"] for trace in projection["data"]] == ["실적", "추세(직선 가정, 3.31.·6.30. 보고)"]
    march = everything_written(open_page("ai_training", period=MARCH))
    assert "대시보드 추정: 1.1.~3.31. 이수 속도(하루 22.2명)" in march
