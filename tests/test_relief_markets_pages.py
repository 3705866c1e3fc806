"""AppTest: the relief and markets pages show every figure of their report sections."""

from __future__ import annotations

import json

import pytest

from tests.reading import shown, table_text

RELIEF_FIGURES = [
    # 추진방향, TF
    "산불 피해지역의 신속한 복구 및 이재민 생활안정을 위한 종합적 지원체계 구축",
    "관계기관 TF 구성·운영, ‘진화-복구-생활안정’ 단계별 통합지원 추진",
    "민·관 협력을 통한 지역별 수요 파악 및 물품·인력지원 등 구호활동 적극 실시",
    "서울시 · 자치구 · 市자원봉사센터 · 대한적십자사 서울특별시지사",
    # 물품지원
    "현장수요 반영, 임시대피소 이재민 생활 편의를 위한 구호물품 등 신속 지원 : 3.22.(토)~",
    "밥차 13대, 쉘터(텐트) 549동, 생필품 181,098개 등 구호물품 약 72만 개 지원",
    "723,170",
    "549동",
    "13,803개",
    "53,739개",
    "181,098개",
    "35,505개",
    "13대",
    "119,588개",
    "318,875개",
    "722,608개 + 549동 + 13대",
    # 구호금
    "지역교류협력기금 45억 원 지원",
    "45억 원",
    "5억원(3.25.) + 40억원(4.7.)",
    "이재민 구호 등 초기 대응 긴급 지원",
    "피해가 집중된 경북도의 임시주택, 농기계, 중장비 3개 분야 중심 지원",
    "경남도의 피해복구 및 이재민 생활 안정 지원",
    "지역교류협력기금 대한적십자사 기탁(4.7.), 지역 요청에 따른 장비 임차 등 신속 집행(4.11.~)",
    # 기금집행 현황 (’25.4.11. 기준) and 긴급편성
    "’25. 4. 11. 기준",
    "타지방자치단체 재해·재난 구호지원",
    "6,000,000",
    "5,000,000",
    "83.3",
    "1,000,000",
    "100.0",  # ’25년말 예상 집행률: (5,000,000 + 1,000,000) ÷ 6,000,000
    "3.25. 2025년 타 지방자치단체 재해･재난 구호지원 사업비 1,000백만원 전액 소진",
    "4.3. 2025년 타 지방자치단체 재해･재난 구호지원 사업비 5,000백만원 긴급편성",
    # 자원봉사
    "市 공무원, 주한 외국인 및 의료인 중심 자원봉사자 긴급 지원 : 4.4.~4.5.",
    "이재민 대상 임시텐트 철거·청소, 구호물품 정리 등 일상 회복 지원",
    "**市 공무원(나눔과봉사단)·市자원봉사센터** 58명",
    "**주한 외국인** 71명 (총 18개국), 모집 160명 신청",
    "市 차원 대규모 주한 외국인 봉사 첫 사례(모집 하루만에 160명 신청)",
    "시민건강국·민간단체(서울시의사회, 한의대 봉사팀) 양·한방 의료진** 27명",
    "(양방) ‘건강체크-문진-처방·수액투여’ 단계별 진료, (한방) 침, 찜질, 한약 지급 등",
    "156명",
    # 성금모금
    "서울시 전 직원 자율참여로 산불 피해지역 성금 모금 : 3.26.~4.10.",
    "서울시 전체 실·국·본부·사업소·시의회 등 전 직원 자율참여 (3.26.~4.10.)",
    "총 모금액 131,371천원 대한적십자사 서울특별시지사에 전달(4월 중)",
    # 향후계획
    "복구단계별 피해지역 맞춤형 자원봉사 실시 : ’25. 4월~",
    "피해지역 현장 수요 확인 및 지속 지원 : ’25. 4월~",
    # 담당자
    "대외협력과 대외협력과장 황성묵 ☎ 2133-6650",
    "대외협력과 대외정책팀장 최준혁 ☎ 6652",
    "대외협력과 담당 이정은 ☎ 6653",
    "시민협력과 시민협력과장 이창훈 ☎ 2133-6305",
    "시민협력과 시민협력정책팀장 양지애 ☎ 6306",
    "시민협력과 담당 오정민 ☎ 6310",
    "인력개발과 인력개발과장 김현정 ☎ 2133-5750",
    "인력개발과 후생노무팀장 고태경 ☎ 5770",
    "인력개발과 담당 오상배 ☎ 5780",
]

MARKET_FIGURES = [
    "市 주요행사 연계를 통한 직거래장터 확대 운영으로 지역 상생 활성화",
    "직거래장터 참여 지자체 지원강화를 통한 지역 농가 판로 확대 도모",
    "연계가능 주요행사 추가발굴로 직거래장터 개최장소·운영횟수·참여농가수 확대",
    "기존 도심 외 서울가든페스타, 한강 크리스마스마켓 등 연계, 서울 전역 확대 개최(6→12개소)",
    "서울광장 스케이트장(2개월), 국제정원박람회(5개월) 등 중·장기 행사 연계로 운영횟수(110→300회) 및 "
    "참여농가수(2,834→4,300개) 증대",
    "지자체, 농가 대상 사전․사후 직거래장터 컨설팅으로 맞춤형 판로지원",
    "행사 성격, 장소, 대상, 계절 등 고려한 행사 맞춤형 품목 가이드 제공",
    "온라인 플랫폼 등을 활용한 후속 판로지원 등 지속적 매출 확보지원",
    "산불 피해지역의 농가 판로지원으로 피해지역 조속한 경제 회복 지원 예정",
    "산불피해 7개 시·군 참여 ‘산불피해지역 희망장터’ 개최 예정(6월 중)",
    "경북(안동시, 의성군, 영덕군, 영양군, 청송군), 경남(산청군, 하동군)",
    # 향후계획
    "상반기 직거래장터 행사 운영 : ’25. 3~6월",
    "하반기 직거래장터 참여 지자체 모집 : ’25. 6월~",
    "하반기 직거래장터 행사 운영 : ’25. 9~12월",
    # 예산집행 현황 (’25.3.31. 기준)
    "’25. 3. 31. 기준",
    "도농상생 직거래장터 운영",
    "583,200",
    "67,546",
    "577,368",
    "99.0",
    "원인행위 집행률 11.5(계산 11.58)",  # the report cut 11.58 to 11.5
    # 직거래장터 운영 계획
    "6개소",
    "12개소",
    "300회",
    "4,300개",
    "증 6개소(100%)",
    "증 190회(172%)",
    "증 1,466농가(51%)",
    "172.7",
    "51.7",
    # 담당자
    "대외협력과 대외협력과장 황성묵 ☎ 2133-6650",
    "대외협력과 지역상생팀장 전민재 ☎ 6659",
    "대외협력과 담당 김윤선 ☎ 6660",
]

#: 추진방식, 장터·행사명, 일정 and 개최장소 exactly as the report's 운영일정(안) prints them.
SCHEDULE = [
    (
        "직접수행",
        "농부의 시장",
        "3.15.~11.23.(토, 일)",
        "양천 파리공원, 광진 뚝섬한강공원, 강동 상일동 어울마당",
    ),
    ("직접수행", "추석장터", "9.25.~9.27.", "서울광장"),
    ("직접수행", "책읽는 서울광장", "5.10.~11.9.(토, 일)", "서울광장"),
    ("직접수행", "잠수교 뚜벅뚜벅축제", "5.4~6.22.(일)", "잠수교"),
    ("지자체 공모", "서울국제정원박람회", "5.22.~10.20.(금~일)", "보라매공원"),
    ("지자체 공모", "한강 크리스마스 마켓", "12.19.~12.31.", "광진 뚝섬한강공원"),
    ("지자체 공모", "서울광장 스케이트장", "’25.12.19.~’26.2.8.", "서울광장"),
    ("실국 부속행사", "서울 가든 페스타", "4.5.~4.27.(토, 일)", "서울숲, 남산공원, 북서울꿈의숲, 선유도공원"),
    ("실국 부속행사", "서울 바비큐 페스티벌", "10.25.~10.26.", "노을공원"),
    ("실국 부속행사", "광화문마켓", "’25.12.12.~’26.1.1.", "광화문광장"),
]


def page_text(app) -> str:
    """Everything a reader sees as text: markdown, captions, metrics, alerts and tables."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "warning", "info"):
        parts.extend(str(element.value) for element in getattr(app, kind))
    parts.extend(f"{m.label} {m.value} {m.delta or ''}" for m in app.metric)
    parts.extend(table_text(frame).to_csv(index=False) for frame in app.dataframe)
    return shown("\n".join(parts))


def table_with(app, column: str):
    """The first table that has ``column``."""
    return next(table_text(frame) for frame in app.dataframe if column in frame.value.columns)


def figure(app, title: str) -> dict:
    for chart in app.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        if spec["layout"]["title"]["text"] == title:
            return spec
    raise AssertionError(f"no chart titled {title!r}")


def test_relief_page_shows_every_figure(open_page):
    app = open_page("relief")
    text = page_text(app)
    missing = [figure_text for figure_text in RELIEF_FIGURES if figure_text not in text]
    assert missing == []
    metrics = {m.label: (shown(m.value), shown(m.delta)) for m in app.metric}
    assert metrics["구호물품 총계"] == ("723,170", "약 72만 개")
    assert metrics["기금 집행률"] == ("83.3%", "4.11. 기준")
    assert metrics["직원 성금"] == ("131,371천원", "3.26.~4.10.")
    funds = table_with(app, "지원액(억원)")  # 보고서 단위: the funds in 억원, as printed
    assert funds["지원액(억원)"].tolist() == ["45", "5", "40", "37", "3"]
    execution = table_with(app, "’25년말 예상 집행률(%)")
    # 예상액 1,000,000 is what remains to spend after 5,000,000: 100.0 as printed, no error
    assert execution["’25년말 예상 집행률(%)"].tolist() == ["100.0"]
    assert (
        "’25년말 예상액은 연말까지 더 집행할 금액입니다: 예상 집행률 = (집행액 + 예상액) ÷ 예산현액 × 100"
        in text
    )
    assert "보고서 표기와" not in text and not app.warning


def test_relief_charts(open_page):
    app = open_page("relief")
    # one panel per counting unit, each on its own linear scale: 549동 is never drawn
    # against 318,875개
    supplies = figure(app, "품목별 구호물품(단위별로 나눈 수량)")
    axes = {name: axis for name, axis in supplies["layout"].items() if name.startswith("xaxis")}
    assert {axis.get("type", "linear") for axis in axes.values()} == {"linear"}
    assert [axes[name]["title"]["text"] for name in sorted(axes)] == ["수량(개)", "수량(동)", "수량(대)"]
    texts = [trace for trace in supplies["data"] if trace["type"] == "scatter"]
    labels = {trace.get("xaxis", "x"): trace["text"] for trace in texts}
    assert labels == {
        "x": ["318,875개", "119,588개", "35,505개", "181,098개", "53,739개", "13,803개"],
        "x2": ["549동"],
        "x3": ["13대"],
    }
    funds = figure(app, "구호금 지원 내역(계 45억원)")
    bars, amounts = funds["data"]
    assert bars["y"] == ["경남(4.7.)", "경북(4.7.)", "초기 대응(3.25.)"]  # given first on top
    assert amounts["text"] == ["3억원", "37억원", "5억원"]
    assert funds["layout"]["xaxis"]["title"]["text"] == "지원액(억원)"
    timeline = figure(app, "구호 지원 추진 경과(2025년)")
    labels = [label for trace in timeline["data"] for label in trace["y"]]
    assert "3.22.(토)~ 물품지원" in labels and "4.11.~ 구호금" in labels
    assert len(labels) == 8


def test_relief_unit_switch(open_page):
    app = open_page("relief")
    app.sidebar.segmented_control(key="unit").set_value("억원").run()
    funds = table_with(app, "지원액(억원)")
    assert funds["지원액(억원)"].tolist() == ["45", "5", "40", "37", "3"]
    execution = table_with(app, "’25년말 예상액(억원)")
    assert execution["예산현액(억원)"].tolist() == ["60"]
    assert "(단위 : 억원, %)" in page_text(app)


def test_relief_department_filter(open_page):
    app = open_page("relief")
    app.sidebar.selectbox(key="dept").set_value("시민협력과").run()
    assert [m.label for m in app.metric] == ["자원봉사 인원"]
    headers = [h.value for h in app.header]
    assert "자원봉사" in headers and "물품지원" not in headers and "성금모금" not in headers
    app.sidebar.selectbox(key="dept").set_value("총무과").run()
    assert "총무과는 이 현안의 담당 부서(대외협력과·시민협력과·인력개발과)가 아니어서" in page_text(app)
    assert len(app.metric) == 5


def test_markets_page_shows_every_figure(open_page):
    app = open_page("markets")
    text = page_text(app)
    missing = [figure_text for figure_text in MARKET_FIGURES if figure_text not in text]
    assert missing == []
    schedule = table_with(app, "요일 확인")
    assert (
        list(zip(schedule["추진방식"], schedule["장터·행사명"], schedule["일정(표기)"], schedule["개최장소"]))
        == SCHEDULE
    )
    counts = table_with(app, "장터 수")
    assert dict(zip(counts["추진방식"], counts["장터 수"])) == {
        "직접수행": "4",
        "지자체 공모": "3",
        "실국 부속행사": "3",
    }
    plan = table_with(app, "증감률(재계산, %)")  # each row's unit is in its 구분, as printed
    assert plan.iloc[1][["구분", "2024년(A)", "2025년(B)", "증감(B-A)"]].tolist() == [
        "운영횟수(회)",
        "110",
        "300",
        "190",
    ]
    assert plan.iloc[2][["구분", "2024년(A)", "2025년(B)"]].tolist() == ["참여농가수(개)", "2,834", "4,300"]
    regions = table_with(app, "시·군")
    assert regions["시·군"].tolist() == ["안동시", "의성군", "영덕군", "영양군", "청송군", "산청군", "하동군"]
    budget = table_with(app, "원인행위 집행률(%)")
    assert budget.iloc[0][
        ["예산현액(천원)", "원인행위(천원)", "지출액(천원)", "원인행위 집행률(%)", "지출액 집행률(%)"]
    ].tolist() == [
        "583,200",
        "67,546",
        "0",
        "11.5",  # as printed; 11.58 in the footnote
        "0.0",
    ]
    # (금~일) are the market's days inside the expo's 5.22.(목)~10.20.(월): no report error
    assert (
        "서울국제정원박람회 5.22.~10.20.(금~일): (금~일)은 5.22.~10.20. 중 장터가 여는 요일: "
        "첫 운영일 5.23.(금), 마지막 운영일 10.19.(일)"
    ) in text
    garden = schedule[schedule["장터·행사명"] == "서울국제정원박람회"]
    assert garden["요일 확인"].tolist() == ["첫 운영일 5.23.(금), 마지막 10.19.(일)"]
    assert "직거래장터 운영횟수 증감률(%) 172%(계산 172.7%)" in text
    assert "직거래장터 참여농가수 증감률(%) 51%(계산 51.7%)" in text
    assert "보고서 표기와" not in text and not app.warning


def _shown_markets(app) -> list[str]:
    """The filtered table: schedule tables are the filtered one (absent when nothing runs)
    and the full schedule, in that order (the chart's 표로 보기 is closed, so not sent)."""
    tables = [frame.value for frame in app.dataframe if "요일 확인" in frame.value.columns]
    assert len(tables) in (1, 2)
    return tables[0]["장터·행사명"].tolist() if len(tables) == 2 else []


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        ("2025-03", ["농부의 시장"]),
        ("2025-05", ["농부의 시장", "책읽는 서울광장", "잠수교 뚜벅뚜벅축제", "서울국제정원박람회"]),
        ("2025-10", ["농부의 시장", "책읽는 서울광장", "서울국제정원박람회", "서울 바비큐 페스티벌"]),
        ("2025-12", ["한강 크리스마스 마켓", "서울광장 스케이트장", "광화문마켓"]),
        ("2026-02", ["서울광장 스케이트장"]),
    ],
)
def test_markets_month_filter(open_page, month, expected):
    app = open_page("markets")
    app.selectbox(key="month").set_value(month).run()
    assert _shown_markets(app) == expected
    year, number = month.split("-")
    assert f"운영 장터: {len(expected)}개" in shown(app.subheader[0].value)
    gantt = figure(app, "2025년 서로장터 운영일정(안)")
    assert len(gantt["layout"]["shapes"]) == 1  # the chosen month is shaded
    assert gantt["layout"]["shapes"][0]["x0"].startswith(f"{year}-{number}-01")


def test_markets_month_with_none(open_page):
    app = open_page("markets")
    app.selectbox(key="month").set_value("2025-02").run()
    assert shown(app.subheader[0].value) == "2025. 2. 1. ~ 2025. 2. 28. 운영 장터: 0개"
    assert [i.value for i in app.info] == ["이 기간·장소에 운영하는 장터가 없습니다."]


def test_markets_date_range_and_place_filters(open_page):
    app = open_page("markets")
    app.segmented_control(key="period_mode").set_value("기간 지정").run()
    from datetime import date

    app.date_input(key="period_range").set_value((date(2025, 4, 7), date(2025, 4, 10))).run()
    assert "운영 장터: 0개" in shown(app.subheader[0].value)  # Monday to Thursday: only 토·일 markets then
    app.date_input(key="period_range").set_value((date(2025, 9, 26), date(2025, 9, 27))).run()
    assert _shown_markets(app) == ["농부의 시장", "추석장터", "책읽는 서울광장", "서울국제정원박람회"]
    app.selectbox(key="place").set_value("seoul_plaza").run()
    assert _shown_markets(app) == ["추석장터", "책읽는 서울광장"]
    gantt = figure(app, "2025년 서로장터 운영일정(안)")
    bars = [name for trace in gantt["data"] for name in trace["y"]]
    assert bars == ["추석장터", "책읽는 서울광장", "서울광장 스케이트장"]  # everything held at 서울광장


def test_markets_map_is_offline(open_page, monkeypatch):
    monkeypatch.delenv("BUREAU_MAP_TILES", raising=False)
    app = open_page("markets")
    spec = figure(app, "직거래장터 개최장소(개략 지도, 번호는 아래 표)")
    places = next(trace for trace in spec["data"] if trace["name"] == "개최장소")
    assert places["text"] == [str(number) for number in range(1, 13)]
    names = [name for name, _, _ in places["customdata"]]
    assert names[:4] == ["양천 파리공원", "광진 뚝섬한강공원(2)", "강동 상일동 어울마당", "서울광장(3)"]
    table = table_with(app, "위도(근사)")
    assert table["번호"].tolist() == [str(number) for number in range(1, 13)]
    assert table["개최장소"].tolist()[:4] == [
        "양천 파리공원",
        "광진 뚝섬한강공원",
        "강동 상일동 어울마당",
        "서울광장",
    ]
    assert "map" not in spec["layout"] and "mapbox" not in spec["layout"] and "geo" not in spec["layout"]
    assert "http" not in json.dumps(spec)  # nothing to fetch: no tiles, no topojson
    assert spec["layout"]["xaxis"]["title"]["text"] == "경도(°E)"
    assert not app.info


def test_markets_map_says_when_configured_tiles_are_unreachable(open_page, monkeypatch):
    monkeypatch.setenv("BUREAU_MAP_TILES", "http://127.0.0.1:9/{z}/{x}/{y}.png")
    app = open_page("markets")
    assert any("설정된 배경지도(BUREAU_MAP_TILES)에 연결할 수 없어" in i.value for i in app.info)
    figure(app, "직거래장터 개최장소(개략 지도, 번호는 아래 표)")  # the bundled outline instead


def test_markets_map_uses_configured_tiles_when_reachable(open_page, monkeypatch, tmp_path):
    import http.server
    import threading
    from functools import partial

    (tmp_path / "0" / "0").mkdir(parents=True)
    (tmp_path / "0" / "0" / "0.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/{{z}}/{{x}}/{{y}}.png"
        monkeypatch.setenv("BUREAU_MAP_TILES", url)
        app = open_page("markets")
    finally:
        server.shutdown()
        server.server_close()
    spec = figure(app, "직거래장터 개최장소")
    assert spec["layout"]["map"]["layers"][0]["source"] == [url]
    assert spec["layout"]["map"]["style"] == "white-bg"  # no style fetched from outside
    assert not any("연결할 수 없어" in i.value for i in app.info)


@pytest.mark.parametrize("slug", ["overview", "budget", "relief", "markets", "ai_training", "housing"])
def test_no_page_calls_the_forecast_or_the_expo_days_a_report_error(open_page, slug):
    """Both are read as the report means them: 예상액 is what remains to spend (100.0), and
    (금~일) are the market's days inside 5.22.~10.20."""
    app = open_page(slug)
    text = page_text(app) + "\n".join(expander.label for expander in app.expander)
    for misreading in ("재계산 16.7", "16.7%", "5.22.은 목요일", "10.20.은 월요일", "5.22.(목)~10.20.(월)"):
        assert misreading not in text, (slug, misreading)
    for warning in app.warning:
        assert "예상 집행률" not in warning.value and "정원박람회" not in warning.value
