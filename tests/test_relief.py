"""영남 산불 구호 data, checks and calculations against the report's own figures."""

from __future__ import annotations

from datetime import date

import pytest

from bureau.build import build
from bureau.sources import SourceErrors
from bureau.table import display_text
from bureau.topics.relief import calc as relief
from bureau.topics.relief import queries
from bureau.topics.report import meta
from bureau.topics.report import queries as issue_queries
from bureau.topics.report.calc import effective_dept, execution_table, expected_note, points_markdown
from bureau.units import Unit, UnitMode, UnitView
from tests.helpers_topic import copy_sources, edit_source
from tests.reading import shown

AS_OF = date(2025, 3, 31)


def test_supply_totals_keep_units_apart(con):
    supplies = queries.supplies(con, AS_OF)
    totals = relief.supply_totals(supplies, issue_queries.printed_figures(con, AS_OF, "relief"))
    assert totals.total == 723_170  # the report's 총계, 동·대·개 added together
    assert totals.by_unit == {"개": 722_608, "동": 549, "대": 13}
    assert totals.breakdown == "722,608개 + 549동 + 13대"
    assert totals.printed_total == "723,170"
    assert totals.printed_approx == "약 72만 개"
    subtotals = relief.unit_subtotals(supplies).frame
    assert subtotals["표기"].tolist() == ["722,608개", "549동", "13대"]
    assert subtotals["품목 수"].tolist() == [6, 1, 1]
    assert relief.supplies_table(supplies).frame["표기"].tolist() == [
        "549동",
        "13,803개",
        "53,739개",
        "181,098개",
        "35,505개",
        "13대",
        "119,588개",
        "318,875개",
    ]


def test_funds_table(con):
    funds = queries.funds(con, AS_OF)
    in_eok = relief.funds_table(funds, Unit.HUNDRED_MILLION)
    assert in_eok.frame["지원액(억원)"].tolist() == [45, 5, 40, 37, 3]
    shown_eok = display_text(in_eok)
    assert shown_eok["지원일"].tolist() == ["-", "2025. 3. 25.", "2025. 4. 7.", "2025. 4. 7.", "2025. 4. 7."]
    assert shown_eok["구분"].tolist()[3] == "\u3000\u3000피해복구단계 및 생활안정단계"
    assert display_text(relief.funds_table(funds, Unit.THOUSAND))["지원액(천원)"].tolist()[0] == "4,500,000"
    assert relief.fund_leaves(funds)["amount"].tolist() == [5, 37, 3]


def test_execution_table_reads_the_expected_amount_as_still_to_spend(con):
    # 예상액 1,000,000 is what remains after 5,000,000 spent: (5,000,000 + 1,000,000) ÷ 6,000,000
    rows = issue_queries.program_execution(con, AS_OF, "relief")
    table = display_text(execution_table(rows, Unit.THOUSAND))
    assert table.iloc[0].to_dict() == {
        "사업명": "타지방자치단체 재해·재난 구호지원",
        "예산현액(천원)": "6,000,000",
        "집행액(천원)": "5,000,000",
        "집행률(%)": "83.3",  # as the report heads it: 집행액, then its 집행률
        "’25년말 예상액(천원)": "1,000,000",
        "’25년말 예상 집행률(%)": "100.0",
        "기준일": "2025. 4. 11.",
    }
    assert shown(expected_note(rows)) == (
        "※ 이 표의 ’25년말 예상액은 연말까지 더 집행할 금액입니다: "
        "예상 집행률 = (집행액 + 예상액) ÷ 예산현액 × 100"
    )


@pytest.mark.parametrize(
    ("mode", "funds", "parts", "donation"),
    [
        (UnitMode.REPORT, "45억원", "5억원(3.25.) + 40억원(4.7.)", "131,371천원"),  # as printed
        (UnitMode.THOUSAND, "4,500,000천원", "500,000천원(3.25.) + 4,000,000천원(4.7.)", "131,371천원"),
        (UnitMode.HUNDRED_MILLION, "45억원", "5억원(3.25.) + 40억원(4.7.)", "1.3억원"),
    ],
)
def test_headlines(con, mode, funds, parts, donation):
    supplies = queries.supplies(con, AS_OF)
    totals = relief.supply_totals(supplies, issue_queries.printed_figures(con, AS_OF, "relief"))
    headlines = relief.headlines(
        totals,
        queries.funds(con, AS_OF),
        queries.volunteers(con, AS_OF),
        queries.donations(con, AS_OF),
        issue_queries.program_execution(con, AS_OF, "relief"),
        UnitView(mode, meta.printed_units(con, AS_OF)),
    )
    assert [(h.label, h.value, h.delta) for h in headlines] == [
        ("구호물품 총계", "723,170", "약 72만 개"),
        ("구호금(지역교류협력기금)", funds, parts),
        ("기금 집행률", "83.3%", "4.11. 기준"),
        ("자원봉사 인원", "156명", "4.4.~4.5."),
        ("직원 성금", donation, "3.26.~4.10."),
    ]
    assert headlines[3].help == "58 + 71 + 27명 (합계는 대시보드 계산)"


def test_text_lines(con):
    volunteers = relief.volunteer_lines(queries.volunteers(con, AS_OF))
    assert list(volunteers) == ["노력봉사", "의료봉사"]
    assert "**주한 외국인** 71명 (총 18개국), 모집 160명 신청" in shown(volunteers["노력봉사"][1])
    assert "(4.4.~4.5.)" in shown(volunteers["의료봉사"][0])
    lines = relief.appropriation_lines(queries.appropriations(con, AS_OF), Unit.MILLION)
    assert [shown(line) for line in lines] == [
        "- 3.25. 2025년 타 지방자치단체 재해･재난 구호지원 사업비 1,000백만원 전액 소진",
        "- 4.3. 2025년 타 지방자치단체 재해･재난 구호지원 사업비 5,000백만원 긴급편성",
    ]
    donation = relief.donation_lines(queries.donations(con, AS_OF), Unit.MILLION)
    assert (
        shown(donation[1])
        == "- 총 모금액 131백만원(보고서 131,371천원) 대한적십자사 서울특별시지사에 전달(4월 중)"
    )
    timeline = relief.timeline_lines(queries.timeline(con, AS_OF))
    assert shown(timeline[0]).startswith("1. **3.22.(토)~** [물품지원]")
    assert len(timeline) == 8


def test_timeline_frame_gives_one_day_events_a_width(con):
    frame = relief.timeline_frame(queries.timeline(con, AS_OF))
    first, donation = frame.iloc[0], frame.iloc[3]
    assert (first["finish"] - first["begin"]).days == 1
    assert (donation["finish"] - donation["begin"]).days == 16  # 3.26.~4.10. inclusive
    assert frame["begin"].min().date() == date(2025, 3, 22)
    assert frame["begin"].max().date() == date(2025, 4, 11)


def test_points_and_department_filter(con):
    points = issue_queries.issue_points(con, AS_OF, 1)
    plans = points_markdown(points, "향후계획")
    assert [shown(line) for line in plans] == [
        "- 복구단계별 피해지역 맞춤형 자원봉사 실시 : ’25. 4월~",
        "- 피해지역 현장 수요 확인 및 지속 지원 : ’25. 4월~",
    ]
    assert plans[0].endswith(r"’25\. 4월\~")  # escaped: not struck through
    departments = issue_queries.issue_departments(con, AS_OF, 1)
    assert departments == ["대외협력과", "시민협력과", "인력개발과"]
    assert effective_dept("시민협력과", departments) == "시민협력과"
    assert effective_dept("총무과", departments) is None
    assert effective_dept(None, departments) is None
    assert queries.supplies(con, AS_OF, dept="시민협력과").empty
    assert len(queries.volunteers(con, AS_OF, dept="시민협력과")) == 3


def test_reconciliations(con):
    found = issue_queries.topic_reconciliations(con, AS_OF, "relief")
    assert found["matches"].all() and set(found["kind"]) == {"일치"}
    right = found
    by_figure = {(row.subject, row.figure): (row.printed, row.recomputed) for row in right.itertuples()}
    assert by_figure[("구호물품", "총계")] == ("723,170", "723,170")
    assert by_figure[("구호물품", "약 72만 개")] == ("약 72만 개", "720,000개")  # 723,170 to 만
    assert by_figure[("구호금 전체", "지원액(억원)")] == ("45억 원", "45억 원")
    assert by_figure[("구호금 피해복구단계 및 생활안정단계", "지원액(억원)")] == ("40억 원", "40억 원")
    assert by_figure[("타지방자치단체 재해·재난 구호지원", "예산현액(천원)")] == (
        "6,000,000",
        "6,000,000",
    )
    assert by_figure[("타지방자치단체 재해·재난 구호지원", "집행률")] == ("83.3", "83.3")
    assert by_figure[("타지방자치단체 재해·재난 구호지원", "’25년말 예상 집행률")] == ("100.0", "100.0")
    assert by_figure[(found[found["table_name"] == "relief_timeline"]["subject"].iloc[0], "요일")] == (
        "3.22.(토)~",
        "3.22.(토)",
    )
    supply_note = found[found["figure"] == "총계"]["note"].iloc[0]
    assert supply_note == "단위가 다른 수량을 더한 값: 722,608개 + 549동 + 13대"


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("relief_supplies.csv", "549,동", "549,채", "relief_supplies.csv:2:6: count_unit"),
        ("relief_supplies.csv", "13,대", "△13,대", "relief_supplies.csv:7:5: quantity"),
        (
            "relief_funds.csv",
            "recovery.gyeongnam,recovery,",
            "recovery.gyeongnam,recover,",
            "parent_id 'recover'",
        ),
        (
            "relief_volunteers.csv",
            '2025-04-04,2025-04-05,"이재민',
            '2025-04-06,2025-04-05,"이재민',
            "before start",
        ),
        (
            "relief_timeline.csv",
            "3.22.(토)~,토",
            "3.22.(토)~,토요일",
            "relief_timeline.csv:2:9: printed_weekdays",
        ),
        ("relief_donations.csv", ",인력개발과,", ",인력과,", "dept '인력과' does not exist"),
    ],
)
def test_source_errors(tmp_path, file, old, new, message):
    sources = copy_sources(tmp_path)
    edit_source(sources / file, old, new)
    with pytest.raises(SourceErrors) as failure:
        build(sources, tmp_path / "db.duckdb")
    assert message in str(failure.value)


def test_printed_weekday_and_totals_are_reconciled_not_fatal(tmp_path):
    sources = copy_sources(tmp_path)
    edit_source(sources / "relief_timeline.csv", "3.22.(토)~,토", "3.22.(금)~,금")
    edit_source(
        sources / "relief_funds.csv",
        "total,,1,전체,경북·경남,산불피해 복구와 이재민 생활안정 (지역교류협력기금),,45",
        "total,,1,전체,경북·경남,산불피해 복구와 이재민 생활안정 (지역교류협력기금),,46",
    )
    result = build(sources, tmp_path / "db.duckdb")
    found = {(d.figure, d.printed, d.recomputed) for d in result.discrepancies}
    assert ("요일", "3.22.(금)~", "3.22.(토)") in found
    assert ("지원액(억원)", "46억 원", "45억 원") in found
