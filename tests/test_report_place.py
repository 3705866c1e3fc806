"""Labels of periods and places in the report, from rows built in code: a report's years,
halves, numbering of its parts and issues all come from its data."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from bureau.topics.budget import calc as budget
from bureau.topics.markets import calc as markets
from bureau.topics.overview.district import Indicators, period_label
from bureau.topics.relief import calc as relief
from bureau.topics.relief import charts as relief_charts
from bureau.topics.report.calc import place_in_report
from bureau.units import Unit

SECTIONS = pd.DataFrame(
    {
        "numeral": ["Ⅰ", "Ⅱ", "Ⅲ"],
        "title": ["일반현황", "현안 업무보고", "기타"],
        "page": ["overview", "overview", None],
    }
)
ISSUES = pd.DataFrame(
    {
        "section": ["Ⅱ", "Ⅱ", "Ⅲ"],
        "issue_no": [1, 2, 1],
        "title": ["장터", "구호", "에너지"],
        "page": ["markets", "relief", "energy"],
        "attachment": ["운영일정(안)", None, None],
    }
)


@pytest.mark.parametrize(
    ("page", "title", "expected"),
    [
        ("overview", "개요", "Ⅰ. 일반현황 · Ⅱ. 현안 업무보고"),
        ("relief", "구호", "Ⅱ. 현안 업무보고 2"),  # the page's title is the issue's: not repeated
        ("markets", "직거래장터", "Ⅱ. 현안 업무보고 1. 장터 · 붙임 운영일정(안)"),
        ("energy", "에너지", "Ⅲ. 기타 1"),  # another part, its own numbering
        ("budget", "예산", ""),
    ],
)
def test_a_pages_place_in_the_report_is_its_parts_or_its_issue(page, title, expected):
    assert place_in_report(SECTIONS, ISSUES, page, title) == expected


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("2031 본예산", "’31년 본예산"),
        ("2030 추경", "’30년 추경"),
        ("2030", "’30년"),
        ("2030-06", "’30. 6월"),
        ("2030-06-30", "’30. 6. 30."),
        ("전년 동월", "전년 동월"),
    ],
)
def test_period_labels_from_the_printed_reference(reference, expected):
    assert period_label(reference) == expected


def test_indicators_name_the_period_of_their_latest_and_earliest_figure():
    values = Indicators([("grants", "2030 본예산", 5.0, "서울시"), ("grants", "2029 본예산", 4.0, "서울시")])
    assert values.period("grants") == "’30년 본예산"
    assert values.period("grants", earliest=True) == "’29년 본예산"


def _lines(year: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "fiscal_year": [year],
            "side": ["세출"],
            "item_id": ["exp"],
            "parent_id": [None],
            "item": ["계"],
            "dept": [None],
            "level": [0],
            "is_leaf": [True],
            "prior_budget": [100],
            "budget": [110],
            "actual": [55],
        }
    )


def test_budget_years_and_labels_follow_the_fiscal_year():
    lines = _lines(2031)
    assert budget.years(lines) == ("’30", "’31")
    headers = budget.lines_table(lines, Unit.THOUSAND).frame.columns.tolist()
    assert headers[1:3] == ["’30년 예산현액(A, 천원)", "’31년 예산현액(B, 천원)"]
    kpi = budget.kpis(lines, date(2031, 6, 30), Unit.THOUSAND)[0]
    assert kpi.delta == "10.0% (’30 대비)" and kpi.help.startswith("’30년 100천원")


def test_the_market_indicators_compare_the_years_and_statuses_of_their_rows():
    kpis = pd.DataFrame(
        {
            "indicator_id": ["places", "places"],
            "label": ["개최장소", "개최장소"],
            "unit": ["개소", "개소"],
            "year": [2030, 2031],
            "status": ["실적", "목표"],
            "value": [4, 6],
            "printed_change": [None, 2],
            "printed_change_unit": [None, "개소"],
            "printed_change_rate": [None, 50],
        }
    )
    changes = markets.kpi_changes(kpis)
    assert markets.comparison(changes) == "2030년 실적 대비 2031년 목표"
    assert markets.kpi_headlines(changes)[0].label == "개최장소(2031년 목표)"
    assert markets.schedule_title("2031년 장터 일정(안)") == "2031년 장터 일정(안)"
    assert markets.schedule_title(None) == "직거래장터 운영일정"


def test_the_relief_timeline_is_titled_with_the_years_its_events_fall_in():
    events = pd.DataFrame(
        {
            "start": [date(2030, 12, 30), date(2031, 1, 2)],
            "end": [None, date(2031, 1, 3)],
            "printed_date": ["12.30.", "1.2.~1.3."],
            "event": ["지원 시작", "봉사"],
            "category": ["물품지원", "자원봉사"],
        }
    )
    figure = relief_charts.response_timeline(relief.timeline_frame(events))
    assert figure.layout.title.text == "구호 지원 추진 경과(2030년~2031년)"
    one_year = relief_charts.response_timeline(relief.timeline_frame(events.iloc[1:]))
    assert one_year.layout.title.text == "구호 지원 추진 경과(2031년)"
