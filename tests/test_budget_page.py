"""The 예산 현황 page: every figure of 세입총괄·세출총괄 as the report prints it, the unit
switch, the department, 구분 and 수준 filters, and the discrepancy shown as recomputed."""

from __future__ import annotations

import base64
import json

import numpy as np
import pandas as pd

from tests.reading import open_chart_tables, shown, shown_metrics, table_text

# The report's 세입총괄 (단위: 천원, %), typed from the printed page:
# 구분, ’24년 예산현액(A), ’25년 예산현액(B), 증감액(C=B-A), 증감률(C/A), 징수액(D), 징수율(D/B)
REVENUE = [
    ("계", "11,005,010", "13,547,369", "2,542,359", "23.1", "2,727,803", "20.1"),
    ("세외수입", "8,551,735", "10,980,408", "2,428,673", "28.4", "917,023", "8.4"),
    ("경상적세외수입", "1,428,303", "1,333,637", "△94,666", "△6.6", "229,642", "17.2"),
    ("공유재산임대료", "621,844", "560,295", "△61,549", "△9.9", "26,589", "4.7"),
    ("사용료수입", "554,879", "512,686", "△42,193", "△7.6", "147,077", "28.7"),
    ("재활용품수거판매수입", "9,516", "9,565", "49", "0.5", "1,577", "16.5"),
    ("기타사업수입", "202,898", "213,503", "10,605", "5.2", "45,703", "21.4"),
    ("기타이자수입", "39,166", "37,588", "△1,578", "△4.0", "8,696", "23.1"),
    # printed 4.7; 456,467 / 9,111,342 = 5.0 % — the page shows the recomputed figure
    ("임시적세외수입", "6,917,924", "9,111,342", "2,193,418", "31.7", "456,467", "5.0"),
    ("불용품매각대금", "32,194", "5,500", "△26,694", "△82.9", "31,126", "565.9"),
    ("보조금반환수입", "727,164", "487,260", "△239,904", "△33.0", "163,973", "33.7"),
    ("그 외 수입", "6,158,566", "8,618,582", "2,460,016", "39.9", "261,368", "3.0"),
    ("지방행정제재‧부과금(변상금)", "20,310", "29,097", "8,787", "43.3", "8,512", "29.3"),
    ("지난년도수입", "185,198", "506,332", "321,134", "173.4", "222,402", "43.9"),
    ("국고보조금 등", "2,451,478", "2,565,896", "114,418", "4.7", "1,810,780", "70.6"),
    ("보전수입 등", "1,797", "1,065", "△732", "△40.7", "0", "0.0"),
]
REVENUE_LEVELS = [1, 2, 3, 4, 4, 4, 4, 4, 3, 4, 4, 4, 3, 3, 2, 2]

# The report's 세출총괄 (단위: 천원, %): … 집행액(D), 집행률(D/B)
EXPENDITURE = [
    ("계", "4,646,520,483", "4,672,831,395", "26,310,912", "0.6", "1,659,981,192", "35.5"),
    ("사업비", "146,313,773", "153,840,587", "7,526,814", "5.1", "39,486,706", "25.7"),
    ("총무과", "48,730,161", "51,662,626", "2,932,465", "6.0", "11,134,011", "21.6"),
    ("인사과", "8,809,586", "8,428,389", "△381,197", "△4.3", "1,962,449", "23.3"),
    ("인력개발과", "64,501,681", "67,431,997", "2,930,316", "4.5", "19,711,052", "29.2"),
    ("자치행정과", "1,540,742", "5,319,757", "3,779,015", "245.3", "23,114", "0.4"),
    ("시민협력과", "11,828,119", "10,892,012", "△936,107", "△7.9", "3,314,129", "30.4"),
    ("대외협력과", "6,441,126", "6,307,302", "△133,824", "△2.1", "2,263,786", "35.9"),
    ("평화기반조성과", "2,218,700", "2,381,600", "162,900", "7.3", "862,727", "36.2"),
    ("공무원수련원", "2,243,658", "1,416,904", "△826,754", "△36.8", "215,438", "15.2"),
    ("조정교부금", "4,265,642,786", "4,288,123,750", "22,480,964", "0.5", "1,544,793,539", "36.0"),
    ("행정운영경비", "225,661,935", "219,865,993", "△5,795,942", "△2.6", "74,100,947", "33.7"),
    ("재무활동", "8,901,989", "11,001,065", "2,099,076", "23.6", "1,600,000", "14.5"),
]
EXPENDITURE_LEVELS = [1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2]

REVENUE_COLUMNS = [
    "구분",
    "’24년 예산현액(A, 천원)",
    "’25년 예산현액(B, 천원)",
    "증감액(C=B-A, 천원)",
    "증감률(C/A, %)",
    "징수액(D, 천원)",
    "징수율(D/B, %)",
]
EXPENDITURE_COLUMNS = [*REVENUE_COLUMNS[:5], "집행액(D, 천원)", "집행률(D/B, %)"]


def in_unit(columns: list[str], unit: str) -> list[str]:
    return [column.replace("천원", unit) for column in columns]


def report_tables(app) -> dict[str, pd.DataFrame]:
    """The page's 세입총괄/세출총괄 tables (not the charts' 표로 보기 tables), by side."""
    found = {}
    for element in app.dataframe:
        table = table_text(element)
        if "수준" in table.columns and "비고" in table.columns:
            found["세입" if any(c.startswith("징수액(D") for c in table.columns) else "세출"] = table
    return found


def as_printed(table: pd.DataFrame, columns: list[str]) -> list[tuple[str, ...]]:
    plain = table.assign(구분=table["구분"].str.lstrip("\u3000"))
    return [tuple(row) for row in plain[columns].itertuples(index=False)]


def figures(app, index: int) -> dict:
    return json.loads(app.get("plotly_chart")[index].proto.spec)


def numbers(array) -> list[float]:
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def test_every_revenue_figure_as_printed_in_thousand_won(open_page):
    tables = report_tables(open_page("budget"))
    revenue = tables["세입"]
    assert as_printed(revenue, REVENUE_COLUMNS) == REVENUE
    assert revenue["수준"].astype(int).tolist() == REVENUE_LEVELS
    assert revenue["구분"].iloc[3] == "\u3000\u3000\u3000공유재산임대료"


def test_every_expenditure_figure_as_printed_in_thousand_won(open_page):
    tables = report_tables(open_page("budget"))
    expenditure = tables["세출"]
    assert as_printed(expenditure, EXPENDITURE_COLUMNS) == EXPENDITURE
    assert expenditure["수준"].astype(int).tolist() == EXPENDITURE_LEVELS


def test_report_discrepancy_shows_recomputed_figure_with_a_note(open_page):
    app = open_page("budget")
    revenue = report_tables(app)["세입"]
    row = revenue[revenue["구분"].str.endswith("임시적세외수입")].iloc[0]
    assert row["징수율(D/B, %)"] == "5.0"
    assert row["비고"] == "징수율(D/B) 보고서 표기 4.7 → 재계산 5.0"
    assert (revenue["비고"] != "").sum() == 1
    warning = shown(" ".join(element.value for element in app.warning))
    assert "세입 임시적세외수입" in warning and "보고서 표기 4.7 → 재계산 5.0" in warning
    notes = shown(" ".join(element.value for element in app.markdown))
    assert "세입 임시적세외수입 징수율(D/B): 보고서 표기 4.7 → 재계산 5.0" in notes


def test_kpis_and_highlights_in_thousand_won(open_page):
    app = open_page("budget")
    metrics = shown_metrics(app)
    assert metrics == {
        "세입 예산현액(천원)": "13,547,369",
        "세입 징수율": "20.1%",
        "세출 예산현액(천원)": "4,672,831,395",
        "세출 집행률": "35.5%",
    }
    text = shown(" ".join(element.value for element in app.markdown))
    assert "자치행정과 사업비 집행률 0.4%: 연간 경과율 24.7%에 크게 못 미침" in text
    assert "보전수입 등" not in text and "불용품매각대금" not in text  # too small to flag
    assert any("연간 경과율 24.7%" in caption.value for caption in app.caption)
    # five at a glance, the other seven behind "더 보기"
    assert "눈여겨볼 점" in [header.value for header in app.main.header]
    glance = next(element.value for element in app.main.markdown if "**주의**" in element.value)
    assert glance.count("\n- ") == 4
    more = next(expander for expander in app.main.expander if expander.label.startswith("더 보기"))
    assert more.label == "더 보기 (7건)" and more.markdown[0].value.count("\n- ") == 6


def test_unit_switch_changes_tables_kpis_and_charts(open_page):
    app = open_page("budget", unit="억원")
    tables = report_tables(app)
    expenditure, revenue = tables["세출"], tables["세입"]
    assert expenditure.iloc[0]["’25년 예산현액(B, 억원)"] == "46,728"  # 4,672,831,395천원
    assert expenditure.iloc[0]["증감액(C=B-A, 억원)"] == "263"
    assert expenditure.iloc[5]["집행액(D, 억원)"] == "0.23"  # 자치행정과 23,114천원, not 0.0
    assert revenue.iloc[0]["’25년 예산현액(B, 억원)"] == "135"
    assert revenue.iloc[4]["증감액(C=B-A, 억원)"] == "△0.42"  # 사용료수입 △42,193천원
    assert revenue.iloc[0]["징수율(D/B, %)"] == "20.1"  # rates do not change
    for table in tables.values():  # no amount column shows a non-zero amount as 0
        amounts = table[[column for column in table.columns if "억원" in column]]
        assert not amounts.isin(["0.0", "△0.0", "0.00"]).any().any()
    metrics = shown_metrics(app)
    assert metrics["세출 예산현액(억원)"] == "46,728"
    captions = " ".join(caption.value for caption in app.caption)
    assert "(단위 : 억원, %)" in captions and "천원" not in captions
    count = len(app.get("plotly_chart"))
    layouts = [json.dumps(figures(app, i)["layout"], ensure_ascii=False) for i in range(count)]
    assert count == 8 and all("천원" not in layout for layout in layouts)
    assert sum("억원" in layout for layout in layouts) == 3  # hierarchy ×2, 사업비
    change = figures(app, 3)  # 세출: ’24년 대비 증감
    assert (
        "’24 4조 6,465억원 → ’25 4조 6,728억원<br>증감액 263억원<br>증감률 0.6%"
        in change["data"][0]["customdata"]
    )
    programs = figures(app, count - 1)
    assert programs["layout"]["xaxis"]["title"]["text"] == "금액(억원)"
    assert numbers(programs["data"][0]["x"])[-1] == 516.62626  # 총무과 '25 budget (last bar: top)


def test_million_won(open_page):
    expenditure = report_tables(open_page("budget", unit="백만원"))["세출"]
    assert expenditure.iloc[0]["’25년 예산현액(B, 백만원)"] == "4,672,831"  # not 4,672,831.4
    assert expenditure.iloc[3]["증감액(C=B-A, 백만원)"] == "△381"  # 인사과
    assert expenditure.iloc[5]["집행액(D, 백만원)"] == "23.1"  # 자치행정과 23,114천원


def test_department_filter_narrows_to_its_lines(open_page):
    app = open_page("budget", dept="인사과")
    tables = report_tables(app)
    assert list(tables) == ["세출"]
    assert as_printed(tables["세출"], EXPENDITURE_COLUMNS) == [EXPENDITURE[3]]
    metrics = shown_metrics(app)
    assert metrics == {
        "인사과 사업비 예산현액(천원)": "8,428,389",
        "인사과 사업비 집행률": "23.3%",
        "연간 경과율": "24.7%",
    }
    text = shown(" ".join(element.value for element in app.markdown))
    assert "자치행정과" not in text  # only 인사과's highlights
    assert not app.warning  # the 세입 discrepancy is not among 인사과's lines


def test_department_without_budget_lines(open_page):
    app = open_page("budget", dept="서울시자원봉사센터")
    assert not report_tables(app)
    assert "따로 나오지 않습니다" in app.info[0].value


def test_side_and_depth_filters(open_page):
    app = open_page("budget", side="세출", depth="2단계까지")
    tables = report_tables(app)
    assert list(tables) == ["세출"]
    assert tables["세출"]["구분"].str.lstrip("\u3000").tolist() == [
        "계",
        "사업비",
        "조정교부금",
        "행정운영경비",
        "재무활동",
    ]


#: Chromium draws "　　지방행정제재‧부과금(변상금)" 205 px wide in the grid's 14-px type; a cell
#: pads its text by 8 px a side.
PENALTIES_NAME_PX = 205 + 16


def test_the_pinned_names_column_fits_the_longest_name(open_page):
    """The 구분 column was 210 px: "지방행정제재・부과금(변상금" was cut at 1920 px."""
    app = open_page("budget")
    revenue = next(element for element in app.main.dataframe if "징수액(D, 천원)" in element.value.columns)
    assert revenue.value["구분"].str.contains("지방행정제재").any()
    names = json.loads(revenue.proto.columns)["구분"]
    assert names["pinned"] and names["width"] >= PENALTIES_NAME_PX


def test_chart_tables_are_sent_once_opened(open_page):
    """Every chart has its 표로 보기; closed, its table is not sent (only the two report
    tables are); opened, it holds the chart's figures as the report prints them."""
    app = open_page("budget")
    charts = len(app.get("plotly_chart"))
    views = [expander for expander in app.expander if expander.label == "표로 보기"]
    assert charts == len(views) == 8
    assert len(app.dataframe) == 2
    assert all(len(view.dataframe) == 0 for view in views)
    open_chart_tables(app)
    views = [expander for expander in app.expander if expander.label == "표로 보기"]
    assert [len(view.dataframe) for view in views] == [1] * charts
    assert len(app.dataframe) == 2 + charts
    departments = next(
        table_text(view.dataframe[0])
        for view in views
        if "인력개발과" in table_text(view.dataframe[0])["구분"].tolist()
    )
    row = departments[departments["구분"] == "인사과"].iloc[0]
    assert (row["’25년 예산현액(B, 천원)"], row["집행률(D/B, %)"]) == ("8,428,389", "23.3")
