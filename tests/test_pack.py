"""The council pack, generated and read back: native charts with the report's figures."""

import io
import re
from datetime import date

from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn

from bureau import paths
from bureau.__main__ import main
from bureau.pack.build import deck, deck_slides, workbook
from tests.printed import HEADCOUNT

AS_OF = date(2025, 3, 31)


def slide_titles(presentation) -> list[str]:
    return [slide.shapes[0].text_frame.text for slide in presentation.slides]


def charts(presentation) -> dict[str, object]:
    found = {}
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.has_chart:
                found[slide.shapes[0].text_frame.text] = shape.chart
    return found


def test_deck_has_a_slide_per_spec_and_native_charts(con):
    presentation = Presentation(io.BytesIO(deck(con, AS_OF)))
    titles = slide_titles(presentation)
    assert titles == [spec.title for spec in deck_slides(con, AS_OF)]
    assert titles == [
        "행정국 주요 업무보고",
        "핵심 요약",
        "조직 및 인력",
        "자치구·동 행정여건",
        "세입총괄",
        "세출총괄",
        "부서별 사업비",
        "부서별 집행률과 연간 진도",
        "영남 산불 피해지역 구호 지원",
        "직거래장터 확대 운영",
        "2025년 직거래장터 운영일정",
        "AI 역량 강화 교육",
        "직원 주거복지: 전세자금 융자",
        "그룹별 배정액과 선정 결과",
    ]
    found = charts(presentation)
    headcount = found["조직 및 인력"]
    assert headcount.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    categories = list(headcount.plots[0].categories)
    values = list(headcount.series[0].values)
    assert dict(zip(categories, values)) == HEADCOUNT
    programmes = found["부서별 사업비"]
    assert programmes.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    by_series = {series.name: list(series.values) for series in programmes.series}
    assert by_series["’25 예산현액 (백만원)"][0] == 51662.6  # 총무과 51,662,626천원
    assert by_series["’24 예산현액 (백만원)"][3] == 1540.7  # 자치행정과


def test_every_slide_has_the_as_of_footer_and_korean_fonts(con):
    presentation = Presentation(io.BytesIO(deck(con, AS_OF)))
    for slide in presentation.slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert any(text.startswith("기준일 2025. 3. 31. · 출처:") for text in texts)
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        east_asian = run._r.get_or_add_rPr().find(qn("a:ea"))
                        assert east_asian is not None and east_asian.get("typeface") == "맑은 고딕"


def test_budget_slides_carry_the_full_tables(con):
    presentation = Presentation(io.BytesIO(deck(con, AS_OF)))
    tables = {
        slide.shapes[0].text_frame.text: shape.table
        for slide in presentation.slides
        for shape in slide.shapes
        if shape.has_table
    }
    revenue = tables["세입총괄"]
    assert len(revenue.rows) == 17  # header + 16 lines
    assert revenue.cell(1, 1).text == "11,005,010"
    assert revenue.cell(3, 3).text == "△94,666"
    assert revenue.cell(9, 6).text == "5.0"  # 임시적세외수입: recomputed, not the printed 4.7
    assert len(tables["세출총괄"].rows) == 14


def test_workbook_has_every_table_with_units_and_triangle_format(con):
    book = load_workbook(io.BytesIO(workbook(con, AS_OF)))
    budget = book["세입·세출 예산현황"]
    assert budget["A1"].value == "(단위 : 천원, %)"
    header = [cell.value for cell in budget[2]]
    assert header[:3] == ["회계연도", "세입·세출", "항목 ID"]
    rows = {row[header.index("항목 ID")]: row for row in budget.iter_rows(min_row=3, values_only=True)}
    assert rows["rev"][header.index("예산현액")] == 13547369
    change = budget.cell(row=5, column=header.index("증감액(보고서 표기)") + 1)
    assert change.value == -94666 and change.number_format == '#,##0;"△"#,##0'
    checks = book["보고서 검증(표기 vs 재계산)"]
    assert any(
        row[2] == "세입 임시적세외수입" and row[5] == "4.7" for row in checks.iter_rows(values_only=True)
    )
    assert "부서별 팀 수·인원" in book.sheetnames
    hangul = re.compile("[가-힣]")
    for sheet in book.worksheets:  # staff read Korean headers, never code names
        assert all(hangul.search(str(cell.value)) for cell in sheet[2] if cell.value), sheet.title


def test_cli_writes_the_deck_and_workbook(tmp_path, built_database):
    sources = paths.sources_dir()
    for command, name in (("deck", "pack.pptx"), ("workbook", "pack.xlsx")):
        target = tmp_path / name
        args = [command, str(target), "--database", str(built_database), "--sources", str(sources)]
        assert main(args) == 0
        assert target.stat().st_size > 10_000


def test_topic_slides_chart_the_reports_series(con):
    found = charts(Presentation(io.BytesIO(deck(con, AS_OF))))

    def series(title: str) -> dict[str, list[float]]:
        return {s.name: list(s.values) for s in found[title].series}

    assert series("영남 산불 피해지역 구호 지원") == {"구호금 (억원)": [5.0, 37.0, 3.0]}
    assert list(found["영남 산불 피해지역 구호 지원"].plots[0].categories) == [
        "산불진화단계 (3.25.)",
        "경북 (4.7.)",
        "경남 (4.7.)",
    ]
    assert series("직거래장터 확대 운영") == {"2025년 증가율 (%)": [51.7, 172.7, 100.0]}
    assert series("AI 역량 강화 교육") == {"이수 인원 (명)": [247.0, 1748.0]}
    housing = series("직원 주거복지: 전세자금 융자")
    assert housing["’24 상반기 선정 금액 (백만원)"] == [2700.0, 1258.0, 400.0, 1728.0, 2914.0]
    assert housing["’25 상반기 선정 금액 (백만원)"] == [1499.0, 3021.0, 2000.0, 1998.0, 2482.0]
    assert found["직원 주거복지: 전세자금 융자"].chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED


def test_briefing_slide_repeats_the_overview_briefing(con):
    presentation = Presentation(io.BytesIO(deck(con, AS_OF)))
    text = presentation.slides[1].shapes[1].text_frame.text
    assert "세출 조정교부금: ’24년 대비 225억원(0.5%)" in text
    assert "[주의] 자치행정과 사업비 집행률 0.4%" in text
    assert "직원 전세자금: 상반기 178명(180억원) 신청 중 105명(110억원) 선정, 선정률 59.0%" in text
