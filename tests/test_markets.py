"""직거래장터 data, checks and calculations against the report's own figures."""

from __future__ import annotations

from datetime import date

import pytest

from bureau.build import build
from bureau.sources import SourceErrors
from bureau.table import display_text
from bureau.topics.markets import calc as markets
from bureau.topics.markets import queries
from bureau.topics.report import queries as issue_queries
from bureau.topics.report.calc import execution_table
from bureau.units import Unit
from tests.helpers_topic import copy_sources, edit_source
from tests.reading import shown

AS_OF = date(2025, 3, 31)


@pytest.fixture
def all_markets(con):
    return markets.markets(queries.schedule(con, AS_OF))


def test_kpi_increases(con):
    changes = {c.label: c for c in markets.kpi_changes(queries.kpis(con, AS_OF))}
    assert (changes["개최장소"].a, changes["개최장소"].b, changes["개최장소"].change) == (6, 12, 6)
    assert (changes["운영횟수"].a, changes["운영횟수"].b, changes["운영횟수"].change) == (110, 300, 190)
    assert (changes["참여농가수"].a, changes["참여농가수"].b, changes["참여농가수"].change) == (
        2834,
        4300,
        1466,
    )
    assert changes["개최장소"].rate == pytest.approx(100.0)
    assert changes["운영횟수"].rate == pytest.approx(172.727, abs=0.001)
    assert changes["참여농가수"].rate == pytest.approx(51.729, abs=0.001)
    # the report cuts these decimals: 172.7% printed 172%, 51.7% printed 51%
    assert [changes[label].rate_kind for label in ("개최장소", "운영횟수", "참여농가수")] == [
        "일치",
        "끝수 버림",
        "끝수 버림",
    ]


def test_kpi_table_and_headlines(con):
    changes = markets.kpi_changes(queries.kpis(con, AS_OF))
    table = markets.kpi_table(changes)
    assert table.frame.to_dict("records")[1] == {
        "구분": "운영횟수(회)",
        "2024년(A)": 110,
        "2025년(B)": 300,
        "증감(B-A)": 190,
        "증감률(재계산, %)": 172.7,
        "보고서 표기": "증 190회(172%)",
    }
    assert display_text(table).iloc[2]["2024년(A)"] == "2,834"
    assert table.frame["보고서 표기"].tolist()[2] == "증 1,466농가(51%)"
    headlines = markets.kpi_headlines(changes)
    assert [(h.value, h.delta) for h in headlines] == [
        ("12개소", "+6개소 (100.0%)"),
        ("300회", "+190회 (172%)"),  # as printed, ours in the help
        ("4,300개", "+1,466개 (51%)"),
    ]
    assert "계산 172.7%, 보고서는 소수점 이하를 버림" in shown(headlines[1].help)
    assert "보고서는 소수점 이하를 버림" in headlines[1].help
    assert "버림" not in headlines[0].help


# Which markets run in each month, read by hand from the report's 운영일정(안):
# 농부의 시장 3.15.~11.23. / 추석장터 9.25.~9.27. / 책읽는 서울광장 5.10.~11.9. /
# 잠수교 5.4~6.22. / 정원박람회 5.22.~10.20. / 크리스마스 마켓 12.19.~12.31. /
# 스케이트장 ’25.12.19.~’26.2.8. / 가든 페스타 4.5.~4.27. / 바비큐 10.25.~10.26. /
# 광화문마켓 ’25.12.12.~’26.1.1.
BY_MONTH = {
    (2025, 1): [],
    (2025, 2): [],
    (2025, 3): ["농부의 시장"],
    (2025, 4): ["농부의 시장", "서울 가든 페스타"],
    (2025, 5): ["농부의 시장", "책읽는 서울광장", "잠수교 뚜벅뚜벅축제", "서울국제정원박람회"],
    (2025, 7): ["농부의 시장", "책읽는 서울광장", "서울국제정원박람회"],
    (2025, 9): ["농부의 시장", "추석장터", "책읽는 서울광장", "서울국제정원박람회"],
    (2025, 10): ["농부의 시장", "책읽는 서울광장", "서울국제정원박람회", "서울 바비큐 페스티벌"],
    (2025, 11): ["농부의 시장", "책읽는 서울광장"],
    (2025, 12): ["한강 크리스마스 마켓", "서울광장 스케이트장", "광화문마켓"],
    (2026, 1): ["서울광장 스케이트장", "광화문마켓"],
    (2026, 2): ["서울광장 스케이트장"],
}


@pytest.mark.parametrize(("month", "expected"), list(BY_MONTH.items()))
def test_month_filter(all_markets, month, expected):
    shown = markets.filtered(all_markets, markets.month_period(month), None)
    assert shown["market"].tolist() == expected


def test_month_choices_run_from_january_into_next_year(all_markets):
    choices = markets.month_choices(all_markets, 2025)
    assert choices[0] == (2025, 1)
    assert choices[-1] == (2026, 2)  # 스케이트장 ends 2026-02-08
    assert len(choices) == 14
    assert markets.month_key((2025, 5)) == "2025-05"
    assert markets.parse_month_key("2026-01") == (2026, 1)
    assert markets.month_label((2026, 1)) == "2026년 1월"


def test_date_range_and_place_filters(all_markets):
    # Monday 2025-04-07 to Thursday 04-10: 농부의 시장 and 가든 페스타 are both 토, 일 only
    week = (date(2025, 4, 7), date(2025, 4, 10))
    assert markets.filtered(all_markets, week, None).empty
    weekend = (date(2025, 4, 12), date(2025, 4, 13))
    assert markets.filtered(all_markets, weekend, None)["market"].tolist() == [
        "농부의 시장",
        "서울 가든 페스타",
    ]
    plaza = markets.filtered(all_markets, None, "seoul_plaza")
    assert plaza["market"].tolist() == ["추석장터", "책읽는 서울광장", "서울광장 스케이트장"]
    both = markets.filtered(all_markets, markets.month_period((2025, 9)), "seoul_plaza")
    assert both["market"].tolist() == ["추석장터", "책읽는 서울광장"]
    assert markets.filtered(all_markets, None, "ttukseom")["market"].tolist() == [
        "농부의 시장",
        "한강 크리스마스 마켓",
    ]


def test_schedule_table(all_markets):
    table = display_text(markets.schedule_table(all_markets))
    assert len(table) == 10
    farmers = table.iloc[0].to_dict()
    assert farmers["일정(표기)"] == "3.15.~11.23.(토, 일)"
    assert farmers["시작일"] == "2025. 3. 15.(토)"
    assert farmers["종료일"] == "2025. 11. 23.(일)"
    assert farmers["개최장소"] == "양천 파리공원, 광진 뚝섬한강공원, 강동 상일동 어울마당"
    assert farmers["요일 확인"] == "✔"
    garden = table[table["장터·행사명"] == "서울국제정원박람회"].iloc[0]
    # (금~일) names the days the market opens within the expo's 5.22.(목)~10.20.(월)
    assert garden["요일 확인"] == "첫 운영일 5.23.(금), 마지막 10.19.(일)"
    festa = table[table["장터·행사명"] == "서울 가든 페스타"].iloc[0]
    assert festa["개최장소"] == "서울숲, 남산공원, 북서울꿈의숲, 선유도공원"
    assert markets.type_counts(all_markets)["장터 수"].tolist() == [4, 3, 3]


def test_places(con):
    places = queries.places(con, AS_OF)
    assert len(places) == 12
    table = markets.places_table(places).frame
    plaza = table[table["개최장소"] == "서울광장"].iloc[0]
    assert plaza["장터·행사"] == "추석장터, 책읽는 서울광장, 서울광장 스케이트장"
    assert plaza["장터 수"] == 3
    assert places["lat"].between(37.4, 37.72).all() and places["lon"].between(126.75, 127.2).all()


def test_hope_regions(con):
    regions = queries.hope_regions(con, AS_OF)
    assert markets.hope_regions_text(regions) == (
        "경북(안동시, 의성군, 영덕군, 영양군, 청송군), 경남(산청군, 하동군)"
    )
    assert markets.hope_region_counts(regions)["시·군 수"].tolist() == [5, 2]
    assert "**7개 시·군**" in markets.hope_regions_summary(regions)


def test_budget_execution_table(con):
    rows = issue_queries.program_execution(con, AS_OF, "markets")
    table = execution_table(rows, Unit.THOUSAND)
    assert display_text(table).iloc[0].to_dict() == {
        "사업명": "도농상생 직거래장터 운영",
        "예산현액(천원)": "583,200",
        "원인행위(천원)": "67,546",
        "지출액(천원)": "0",
        "원인행위 집행률(%)": "11.5",  # as printed: 11.58 with its decimals cut
        "지출액 집행률(%)": "0.0",
        "’25년말 예상액(천원)": "577,368",
        "’25년말 예상 집행률(%)": "99.0",
        "기준일": "2025. 3. 31.",
    }
    assert table.frame.iloc[0]["예산현액(천원)"] == 583200
    million = display_text(execution_table(rows, Unit.MILLION)).iloc[0]
    assert (million["예산현액(백만원)"], million["원인행위(백만원)"]) == ("583", "67.5")


def test_reconciliations(con):
    found = issue_queries.topic_reconciliations(con, AS_OF, "markets")
    assert found["matches"].all()  # no arithmetic difference on this page
    differing = found[found["kind"] != "일치"]
    assert sorted(
        zip(differing["subject"], differing["figure"], differing["printed"], differing["recomputed"])
    ) == [
        ("도농상생 직거래장터 운영", "원인행위 집행률", "11.5", "11.58"),
        ("직거래장터 운영횟수", "증감률(%)", "172%", "172.7%"),
        ("직거래장터 참여농가수", "증감률(%)", "51%", "51.7%"),
    ]
    assert set(differing["kind"]) == {"끝수 버림"}
    expo = found[(found["subject"] == "서울국제정원박람회") & (found["figure"] == "운영 요일")].iloc[0]
    assert (expo["printed"], expo["recomputed"]) == ("5.22.~10.20.(금~일)", "5.23.(금) ~ 10.19.(일)")
    assert (
        expo["note"]
        == "(금~일)은 5.22.~10.20. 중 장터가 여는 요일: 첫 운영일 5.23.(금), 마지막 운영일 10.19.(일)"
    )
    right = found[found["matches"]]
    checked = set(zip(right["subject"], right["figure"]))
    assert ("직거래장터 개최장소", "2025년 개최장소 수") in checked  # 12 distinct places
    assert ("직거래장터 개최장소", "증감률(%)") in checked  # 100%
    assert ("직거래장터 운영일정", "직접수행 장터 수") in checked
    assert ("산불피해지역 희망장터", "참여 시·군 수") in checked
    assert ("서울광장 스케이트장", "운영기간(개월)") in checked
    assert ("서울국제정원박람회", "운영기간(개월)") in checked
    for market in ("농부의 시장", "책읽는 서울광장", "잠수교 뚜벅뚜벅축제", "서울 가든 페스타"):
        assert (market, "운영 요일") in checked
    # the relief page's rows are not mixed in
    assert not found["subject"].str.contains("재해").any()


def test_market_rows_must_agree(tmp_path):
    sources = copy_sources(tmp_path)
    # the second place of 농부의 시장 gets another end date
    edit_source(
        sources / "market_schedule.csv",
        '2025-11-23,"3.15.~11.23.(토, 일)","토, 일",,2,ttukseom',
        '2025-11-30,"3.15.~11.23.(토, 일)","토, 일",,2,ttukseom',
    )
    with pytest.raises(SourceErrors) as failure:
        build(sources, tmp_path / "db.duckdb")
    assert "market_schedule.csv:3:8: end of market 'farmers' differs from line 2" in str(failure.value)
    assert not (tmp_path / "db.duckdb").exists()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('"토, 일",,1,paris_park', '"토요일",,1,paris_park', "market_schedule.csv:2:10: printed_weekdays"),
        ("2025-09-25,2025-09-27,9.25.", "2025-09-27,2025-09-25,9.25.", "end 2025-09-25 is before start"),
        (",1,seoul_plaza\n", ",1,city_hall\n", "place_id 'city_hall' does not exist in market_places.csv"),
        ("직접수행,2025-03-15", "직영,2025-03-15", "operation_type"),
    ],
)
def test_schedule_errors(tmp_path, old, new, message):
    sources = copy_sources(tmp_path)
    edit_source(sources / "market_schedule.csv", old, new)
    with pytest.raises(SourceErrors) as failure:
        build(sources, tmp_path / "db.duckdb")
    assert message in str(failure.value)


def test_a_wrong_printed_figure_is_recorded_not_fatal(tmp_path):
    sources = copy_sources(tmp_path)
    edit_source(
        sources / "printed_figures.csv",
        "hope_regions,희망장터 참여 시·군 수,7",
        "hope_regions,희망장터 참여 시·군 수,8",
    )
    result = build(sources, tmp_path / "db.duckdb")
    assert any(d.figure == "참여 시·군 수" and d.recomputed == "7개" for d in result.discrepancies)
