"""The overview page in AppTest: every overview figure of the report is on screen."""

import json

import numpy as np

from tests.printed import HEADCOUNT
from tests.reading import shown, table_text


def markdown_text(app) -> str:
    return shown("\n".join(element.value for element in [*app.markdown, *app.caption]))


def test_overview_shows_the_bureau_and_its_kpis(open_page):
    app = open_page("overview")
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["조직"] == "7과 1사업소"
    assert metrics["인원"] == "365명"
    assert metrics["팀"] == "31팀"
    assert metrics["서울시 인구"] == "9,335,734명"
    assert metrics["자치구 예산(’25년 본예산)"] == "23조 8,768억원"
    assert app.title[0].value == "행정국 업무보고 개요"
    assert "기준일 2025. 3. 31." in app.caption[0].value


def test_overview_chart_has_every_departments_headcount(open_page):
    app = open_page("overview")
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    bar = figure["data"][0]
    values = bar["x"]
    if isinstance(values, dict):
        values = np.frombuffer(__import__("base64").b64decode(values["bdata"]), dtype=values["dtype"])
    shown = dict(zip(bar["y"], [int(v) for v in values]))
    assert shown == HEADCOUNT
    assert figure["layout"]["xaxis"]["title"]["text"] == "인원(명)"


def test_overview_shows_every_district_figure(open_page):
    text = markdown_text(open_page("overview"))
    for printed in [
        "605.25㎢",
        "국토의 0.6%",
        "9,335,734명",
        "4,498천 세대",
        "9,384,739명",
        "49,005명(0.5%) 감소",
        "25자치구 426동",
        "12,947통, 94,702반",
        "23조 8,768억원",
        "재정자립도 평균 26.5%",
        "평균 373천명",
        "180천세대",
        "송파구 65만명(287천세대)",
        "중구 12만명(65천세대)",
        "평균 22천명",
        "10,558세대",
        "은평구 진관동 53,215명",
        "서초구 반포본동 229명",
        "37,312명",
        "자치구 평균 1,492명",
        "자치구(25) 36,376명(평균 1,455명)",
        "구의회(25) 936명(평균 37명)",
        "자치구 평균 9,551억원",
        "강남구 1조 3,737억원",
        "중구 5,771억원",
        "4조 2,881억원",
        "’24년 본예산 4조 1,718억원 대비 2.8% 증가",
    ]:
        assert printed in text, printed


def test_overview_lists_duties_issues_and_contacts(open_page):
    app = open_page("overview")
    text = markdown_text(app)
    assert "청사 시설물 관리 및 방호, 차량‧통신시설 관리, 시장공관 운영, 서울광장 운영" in text
    assert "북한이탈주민 정착 지원, 위기가구 발굴 및 복지서비스 연계 등" in text
    for title in [
        "영남 산불 피해지역 구호 지원",
        "서울에서 만나는 팔도 농산물 직거래장터 확대 운영",
        "AI 역량 강화를 위한 교육 실시 및 협력 체계 구축",
        "저출생 문제 대응을 위한 직원 주거복지 강화",
    ]:
        assert title in text
    assert "대외협력과장 황성묵 ☎ 2133-6650" in text
    assert "담당 최준호 ☎ 5771" in text
    assert "서울시자원봉사센터(’06. 1. 18. 설립): 2부 5팀 35명" in text


def test_overview_counts_the_differences_by_kind_without_alarm(open_page):
    """1 arithmetic difference (징수율 4.7 where its figures give 5.0) and 3 cut decimals
    (172%, 51%, 11.5); the relief forecast and the expo's weekdays are not differences."""
    app = open_page("overview")
    line = "보고서 검증: 보고서가 계산해 적은 수치 169개를 다시 계산: 계산 차이 1개(화면에는 재계산 값), "
    assert line in markdown_text(app)
    assert "끝수 버림 3개(화면에는 보고서 값, 계산값은 주석), 나머지 일치" in markdown_text(app)
    labels = [shown(expander.label) for expander in app.expander]
    assert "보고서 표기와 재계산이 다른 수치 4개 (계산 차이 1 · 끝수 버림 3)" in labels
    table = next(frame.value for frame in app.dataframe if "종류" in frame.value.columns)
    assert table[["종류", "대상", "보고서 표기", "재계산"]].values.tolist() == [
        # the printed figures (4.7, 11.5, 172%, 51%) as numbers, so the download adds up
        ["계산 차이", "세입 임시적세외수입", 4.7, 5.0],
        ["끝수 버림", "도농상생 직거래장터 운영", 11.5, 11.58],
        ["끝수 버림", "직거래장터 운영횟수", 172.0, 172.7],
        ["끝수 버림", "직거래장터 참여농가수", 51.0, 51.7],
    ]
    assert not app.warning  # stated, not alarmed
    keys = [button.proto.id for button in app.get("download_button")]
    assert any(key.endswith("report-check-csv") for key in keys)  # the table downloads
    assert any(key.endswith("report-check-xlsx") for key in keys)


def test_department_filter_shows_that_departments_view(open_page):
    app = open_page("overview", dept="인사과", unit="백만원")
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["인원"] == "39명" and metrics["팀"] == "5팀"
    text = markdown_text(app)
    assert "공무원 인사관리 및 충원계획 수립, 인사제도 개선, 인사위원회 운영" in text
    assert "청사 시설물 관리" not in text  # another department's duties are not shown
    table = table_text(next(frame for frame in app.dataframe if "구분" in frame.value.columns))
    assert table.iloc[0]["구분"] == "인사과"
    assert table.iloc[0]["’25년 예산현액(B, 백만원)"] == "8,428"  # 8,428,389천원 in 백만원
    assert table.iloc[0]["증감률(C/A, %)"] == "△4.3"
    assert "현안 업무가 이 보고서에는 없습니다" in "\n".join(info.value for info in app.info)


def test_department_filter_lists_the_issues_it_leads(open_page):
    text = markdown_text(open_page("overview", dept="인력개발과"))
    assert "AI 역량 강화를 위한 교육 실시 및 협력 체계 구축" in text
    assert "영남 산불 피해지역 구호 지원" in text  # 인력개발과 staffs the relief issue too
    assert "직거래장터" not in text
