"""Every page at either report's date, on the database that holds both (the real report of
2025-03-31 and the June one of tests/second_report.py): each view shows its own report's
labels and figures — the June issue numbering, its 하반기 housing round, its contacts and
bullets — and nothing of the other report."""

from __future__ import annotations

import json

import pytest

from bureau.format import korean_date
from tests import second_report as june
from tests.printed import AS_OF
from tests.reading import shown, shown_metrics, table_text
from ui.nav import PAGES

MARCH, JUNE = AS_OF.isoformat(), june.JUNE.isoformat()
PERIODS = (MARCH, JUNE)
MARKETS = "서울에서 만나는 팔도 농산물 직거래장터 확대 운영"
SCHEDULE = "2025년 서로장터 운영일정(안)"  # the issue's attachment, the same in both reports

#: What each page says at each date: its place in the report and its KPIs.
PLACES = {
    "overview": {MARCH: "Ⅰ. 일반현황 · Ⅱ. 현안 업무보고", JUNE: "Ⅰ. 일반현황 · Ⅱ. 현안 업무보고"},
    "budget": {MARCH: "세입‧세출 예산현황", JUNE: "세입‧세출 예산현황"},
    "relief": {MARCH: "Ⅱ. 현안 업무보고 1", JUNE: "Ⅱ. 현안 업무보고 2"},
    "markets": {
        period: f"Ⅱ. 현안 업무보고 {number}. {MARKETS} · 붙임 {SCHEDULE}"
        for period, number in ((MARCH, 2), (JUNE, 1))
    },
    "ai_training": {
        MARCH: "Ⅱ. 현안 업무보고 3. AI 역량 강화를 위한 교육 실시 및 협력 체계 구축",
        JUNE: "Ⅱ. 현안 업무보고 3. AI 역량 강화를 위한 교육 실시 및 협력 체계 구축",
    },
    "housing": {
        MARCH: "Ⅱ. 현안 업무보고 4. 저출생 문제 대응을 위한 직원 주거복지 강화",
        JUNE: "Ⅱ. 현안 업무보고 4. 저출생 문제 대응을 위한 직원 주거복지 강화",
    },
}
KPIS = {
    "overview": {
        MARCH: {"인원": "365명", "팀": "31팀", "자치구 예산(’25년 본예산)": "23조 8,768억원"},
        JUNE: {"인원": f"{june.HEADCOUNT}명", "팀": f"{june.TEAMS}팀"},
    },
    "budget": {
        MARCH: {"세입 징수율": "20.1%", "세출 집행률": "35.5%", "세출 예산현액(천원)": "4,672,831,395"},
        # 징수액 × 2, 집행액 × 1.5: 5,455,606 / 13,547,369 and 2,489,971,791 / 4,672,831,395
        JUNE: {"세입 징수율": "40.3%", "세출 집행률": "53.3%", "세출 예산현액(천원)": "4,672,831,395"},
    },
    "relief": {MARCH: {"기금 집행률": "83.3%"}, JUNE: {"기금 집행률": "100.0%"}},
    "markets": {MARCH: {"운영횟수(2025년 계획)": "300회"}, JUNE: {"운영횟수(2025년 계획)": "300회"}},
    "ai_training": {
        MARCH: {"이수 인원": "1,995명", "전직원 대비": "18.9%", "5급 이하 이수": "1,748명"},
        JUNE: {"이수 인원": f"{june.AI_TRAINED:,}명", "전직원 대비": "33.2%", "5급 이하 이수": "3,100명"},
    },
    "housing": {
        MARCH: {"상반기 신청": "178명", "상반기 선정": "105명", "선정률(인원)": "59.0%"},
        JUNE: {"하반기 신청": "120명", "하반기 선정": "80명", "선정률(인원)": "66.7%"},
    },
}


def page_text(app) -> str:
    """Everything a person reads on the page: headings, text, captions, KPI labels and values."""
    parts = [
        e.value
        for kind in ("title", "header", "subheader", "markdown", "caption")
        for e in getattr(app, kind)
    ]
    parts += [f"{metric.label} {metric.value}" for metric in app.metric]
    return shown("\n".join(parts))


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("slug", [page.slug for page in PAGES])
def test_every_page_shows_its_reports_date_place_and_figures(open_page, slug, period):
    app = open_page(slug, period=period)
    day = korean_date(june.JUNE if period == JUNE else AS_OF)
    caption = shown(app.caption[0].value)
    assert caption.startswith(f"기준일 {day} · 출처: ")
    assert caption.endswith(f" · {PLACES[slug][period]}")
    metrics = shown_metrics(app)
    for label, value in KPIS[slug][period].items():
        assert metrics[label] == value, (label, metrics)
    assert app.selectbox(key="period").value == period


@pytest.mark.parametrize("period", PERIODS)
def test_overview_lists_the_issues_in_that_reports_numbering(open_page, period):
    text = page_text(open_page("overview", period=period))
    relief, markets = "영남 산불 피해지역 구호 지원", "서울에서 만나는 팔도 농산물 직거래장터 확대 운영"
    first, second = (relief, markets) if period == MARCH else (markets, relief)
    assert f"1. {first}" in text and f"2. {second}" in text
    officer = "담당 이정은 ☎ 6653" if period == MARCH else "담당 {1} ☎ {2}".format(*june.RELIEF_OFFICER)
    assert officer in text
    # March prints one arithmetic difference (징수율 4.7 for 5.0); June's printed rates all match
    assert ("계산 차이 1개" in text) is (period == MARCH)


@pytest.mark.parametrize("period", PERIODS)
def test_issue_pages_show_their_own_issues_bullets_whatever_its_number(open_page, period):
    relief = page_text(open_page("relief", period=period))
    markets = page_text(open_page("markets", period=period))
    assert "산불 피해지역의 신속한 복구 및 이재민 생활안정을 위한 종합적 지원체계 구축" in relief
    assert "市 주요행사 연계를 통한 직거래장터 확대 운영으로 지역 상생 활성화" not in relief
    assert "市 주요행사 연계를 통한 직거래장터 확대 운영으로 지역 상생 활성화" in markets
    assert "산불 피해지역의 신속한 복구" not in markets
    if period == JUNE:
        assert june.RELIEF_PLAN in relief and june.MARKETS_PLAN in markets
        assert "담당 {1} ☎ {2}".format(*june.RELIEF_OFFICER) in relief
        for march_text in june.MARCH_ONLY:
            assert march_text not in relief and march_text not in markets, march_text
    else:
        assert june.RELIEF_PLAN not in relief and june.MARKETS_PLAN not in markets


@pytest.mark.parametrize("period", PERIODS)
def test_housing_names_the_half_the_data_says(open_page, period):
    app = open_page("housing", period=period)
    half, other = ("상반기", "하반기") if period == MARCH else ("하반기", "상반기")
    labels = [metric.label for metric in app.metric]
    assert f"{half} 신청" in labels and f"{half} 선정" in labels
    assert not [label for label in labels if other in label]
    assert f"{half} 선정결과" in [header.value for header in app.header]
    funnel = json.loads(app.get("plotly_chart")[2].proto.spec)
    assert funnel["layout"]["title"]["text"].startswith(f"{half} 신청·선정")
    table = next(
        table_text(frame)
        for frame in app.dataframe
        if "구분" in frame.value.columns and "’25년 배정액(백만원)" in frame.value.columns
    )
    rounds = [
        column for column in table.columns if column.endswith("인원(명)") or column.endswith("인원*(명)")
    ]
    if period == MARCH:
        assert rounds == ["’24년 상반기 인원(명)", "’25년 상반기 인원*(명)"]
    else:
        assert rounds == ["’24년 상반기 인원(명)", "’25년 상반기 인원*(명)", "’25년 하반기 인원(명)"]
        assert table.iloc[0]["’25년 하반기 인원(명)"] == "80"
        assert table.iloc[0]["’25년 배정액(백만원)"] == "22,000"  # the year's allocation, once
    plan = (
        "’25년 하반기 신청 접수(6월), 선정(7월) 및 지원(8~11월)"
        if period == MARCH
        else "’26년 상반기 신청 접수(1월), 선정(2월) 및 지원(3~6월)"
    )
    assert plan in page_text(app)
