"""The executive briefing: five to eight sentences across topics, each with the report's figure."""

from datetime import date

import pytest

from bureau.briefing import briefing
from bureau.units import Unit
from tests.reading import shown

AS_OF = date(2025, 3, 31)


def test_briefing_covers_every_topic_with_the_reports_figures(con):
    items = briefing(con, AS_OF, Unit.HUNDRED_MILLION)
    assert 5 <= len(items) <= 8
    assert [item.page for item in items] == [
        "budget",
        "budget",
        "budget",
        "relief",
        "markets",
        "ai_training",
        "housing",
        "",
    ]
    texts = [item.text for item in items]
    assert texts[0] == "세출 조정교부금: ’24년 대비 225억원(0.5%), 세출 항목 중 증가액 최대"
    assert texts[1] == "세입 그 외 수입: ’24년 대비 24.6억원(39.9%), 세입 항목 중 증가액 최대"
    assert texts[2].startswith("자치행정과 사업비 집행률 0.4%: 연간 경과율 24.7%에 크게 못 미침")
    assert "약 72만 개: 722,608개 + 549동 + 13대, 구호금 45억원 지원" in texts[3]
    assert "83.3%" in texts[3]
    # as printed (증 190회(172%), 증 1,466농가(51%)): the report cuts the decimals
    assert "운영횟수 110→300회(+172%)" in texts[4] and "참여농가수 2,834→4,300개(+51%)" in texts[4]
    assert texts[5].startswith("AI 교육: 1,995명 이수(전 직원의 18.9%). 대시보드 추정: 1.1.~3.31. 이수 속도")
    assert "역산한 약 10,556명) 이수는 2026. 4. 22.경" in texts[5]
    assert texts[6] == "직원 전세자금: 상반기 178명(180억원) 신청 중 105명(110억원) 선정, 선정률 59.0%"
    assert texts[7] == (
        "보고서 검증: 보고서가 계산해 적은 수치 169개를 다시 계산: 계산 차이 1개(화면에는 재계산 값), "
        "끝수 버림 3개(화면에는 보고서 값, 계산값은 주석), 나머지 일치"
    )
    assert (items[7].figure, items[7].severity) == ("계산 차이 1 · 끝수 버림 3", "info")
    assert [item.severity for item in items if item.severity == "warning"] == ["warning"]


def test_briefing_amounts_follow_the_unit(con):
    in_thousands = briefing(con, AS_OF, Unit.THOUSAND)[0].text
    assert in_thousands == "세출 조정교부금: ’24년 대비 22,480,964천원(0.5%), 세출 항목 중 증가액 최대"


def test_overview_shows_the_briefing_with_links(open_page):
    app = open_page("overview", unit="억원")
    text = shown("\n".join(element.value for element in app.markdown))
    assert "세출 조정교부금: ’24년 대비 225억원(0.5%)" in text
    assert "직원 전세자금: 상반기 178명(180억원) 신청 중 105명(110억원) 선정" in text
    links = [element.proto.page for element in app.get("page_link")]
    assert sum("budget" in link for link in links) >= 3


def test_a_departments_briefing_has_its_lines_and_issues(con):
    items = briefing(con, AS_OF, Unit.MILLION, dept="자치행정과")
    assert [item.text for item in items[:2]] == [
        "자치행정과 사업비: ’24년 대비 3,779백만원(245.3%)",
        "자치행정과 사업비 집행률 0.4%: 연간 경과율 24.7%에 크게 못 미침 (예산 5,320백만원 중 23.1백만원)",
    ]
    assert [item.page for item in briefing(con, AS_OF, Unit.MILLION, dept="인력개발과")] == [
        "budget",
        "relief",
        "ai_training",
        "housing",
        "",
    ]


@pytest.mark.parametrize(
    ("dept", "relief_text"),
    [
        # the relief page narrows to a staffing department, and so does its sentence
        ("인력개발과", "산불 피해 구호: 직원 성금 131백만원 모금(3.26.~4.10.)"),
        ("시민협력과", "산불 피해 구호: 자원봉사 156명(4.4.~4.5.)"),
        (
            "대외협력과",
            "산불 피해 구호: 구호물품 약 72만 개: 722,608개 + 549동 + 13대, 구호금 4,500백만원 지원, "
            "재해구호 사업비 집행률 83.3%",
        ),
        # the whole issue: every part
        (
            None,
            "산불 피해 구호: 구호물품 약 72만 개: 722,608개 + 549동 + 13대, 구호금 4,500백만원 지원, "
            "재해구호 사업비 집행률 83.3%, 자원봉사 156명(4.4.~4.5.), 직원 성금 131백만원 모금(3.26.~4.10.)",
        ),
    ],
)
def test_the_relief_sentence_lists_only_the_departments_part(con, dept, relief_text):
    relief = [item for item in briefing(con, AS_OF, Unit.MILLION, dept=dept) if item.page == "relief"]
    assert [item.text for item in relief] == [relief_text]
