"""The council pack, generated and read back: native charts with the report's figures."""

import io
import re
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches

from bureau import paths
from bureau.__main__ import main
from bureau.connection import open_read_only
from bureau.filenames import SOURCE_UNITS, caption_unit, file_name
from bureau.format import korean_date, rate
from bureau.metrics import fiscal_year_elapsed
from bureau.pack.build import deck, deck_slides, workbook
from tests.bad_input_support import find_line, make_workspace, set_cell
from tests.printed import HEADCOUNT

AS_OF = date(2025, 3, 31)
HANGUL = re.compile("[가-힣]")
#: A position or size with a fraction (``x="4925452.1"``) makes a malformed file.
FRACTIONAL_EMU = re.compile(r'\b(?:x|y|cx|cy)="-?\d+\.\d')


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
        "구호물품 지원 현황",
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
        frames = [shape.text_frame for shape in slide.shapes if shape.has_text_frame]
        frames += [
            cell.text_frame
            for shape in slide.shapes
            if shape.has_table
            for row in shape.table.rows
            for cell in row.cells
        ]
        for frame in frames:
            for paragraph in frame.paragraphs:
                for run in paragraph.runs:
                    east_asian = run._r.get_or_add_rPr().find(qn("a:ea"))
                    assert east_asian is not None and east_asian.get("typeface") == "맑은 고딕"
        for shape in slide.shapes:
            if shape.has_chart:  # the chart-wide text properties: axes, labels, legend
                faces = shape.chart._chartSpace.findall(".//" + qn("c:txPr") + "//" + qn("a:ea"))
                assert faces and {face.get("typeface") for face in faces} == {"맑은 고딕"}


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
    # The hierarchy indented as the report sets it: 계 › 세외수입 › 경상적세외수입 › 공유재산임대료
    names = [revenue.cell(row, 0).text for row in range(1, 5)]
    assert names == ["계", "　세외수입", "　　경상적세외수입", "　　　공유재산임대료"]


def test_workbook_has_every_table_with_units_and_triangle_format(con):
    book = load_workbook(io.BytesIO(workbook(con, AS_OF)))
    budget = book["세입·세출 예산현황"]
    assert budget["A1"].value == "(단위 : 천원, %)"
    header = [cell.value for cell in budget[2]]
    assert header[:4] == ["수준", "회계연도", "세입·세출", "구분"]
    rows = [row for row in budget.iter_rows(min_row=3, values_only=True)]
    assert [row[:4] for row in rows[:4]] == [
        (1, 2025, "세입", "계"),
        (2, 2025, "세입", "세외수입"),
        (3, 2025, "세입", "경상적세외수입"),
        (4, 2025, "세입", "공유재산임대료"),
    ]
    assert rows[0][header.index("예산현액")] == 13547369
    change = budget.cell(row=5, column=header.index("증감액(보고서 표기)") + 1)
    assert change.value == -94666 and change.number_format == '#,##0;"△"#,##0'
    checks = book["보고서 검증(표기 vs 재계산)"]
    assert any(
        row[1] == "세입 임시적세외수입" and row[4] == "4.7" and row[6] == "불일치"
        for row in checks.iter_rows(values_only=True)
    )
    assert "부서별 팀 수·인원" in book.sheetnames
    hangul = re.compile("[가-힣]")
    for sheet in book.worksheets:  # staff read Korean headers, never code names
        assert all(hangul.search(str(cell.value)) for cell in sheet[2] if cell.value), sheet.title
    assert all(hangul.search(value) for (value,) in checks.iter_rows(min_row=3, max_col=1, values_only=True))


#: Keys such as ``rev.nontax.recurring`` or ``initial``: lower-case ASCII code names.
CODE_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")


def test_workbook_leaves_out_ids_order_columns_and_flags(con):
    book = load_workbook(io.BytesIO(workbook(con, AS_OF)))
    for sheet in book.worksheets[1:]:
        headers = [str(cell.value) for cell in sheet[2]]
        assert not [h for h in headers if "ID" in h or "순서" in h or h == "합계 행(보고서 표기)"], (
            sheet.title
        )
        for row in sheet.iter_rows(min_row=3, values_only=True):
            for value in row:
                assert not isinstance(value, bool), sheet.title
                assert not (isinstance(value, str) and CODE_NAME.match(value)), (sheet.title, value)


def test_workbook_opens_on_a_linked_table_of_contents(con):
    book = load_workbook(io.BytesIO(workbook(con, AS_OF)))
    assert book.sheetnames[0] == "목차"
    contents = book["목차"]
    assert contents["A1"].value == "행정국 업무보고 표 목록 · 기준일 2025. 3. 31."
    listed = {}
    for name, title, caption, count in contents.iter_rows(min_row=3):
        assert name.hyperlink.location == f"'{name.value}'!A1"
        listed[name.value] = (title.value, caption.value, count.value)
    assert list(listed) == book.sheetnames[1:]
    assert listed["구호금 지원"] == (
        "구호금 지원(지역교류협력기금, 단위: 억원)",
        "구호금 지원(지역교류협력기금, 단위: 억원)",
        5,  # 총 45억 › 산불진화단계 5억, 피해복구·생활안정 40억 › 경북 37억, 경남 3억
    )


def test_workbook_years_are_plain_dates_are_dates_header_frozen_columns_fit(con):
    book = load_workbook(io.BytesIO(workbook(con, AS_OF)))
    housing = book["주거복지 사업예산"]
    year = housing.cell(row=3, column=[c.value for c in housing[2]].index("회계연도") + 1)
    assert year.value == 2025 and year.number_format == "0"  # not "2,025"
    funds = book["구호금 지원"]
    granted = funds.cell(row=4, column=[c.value for c in funds[2]].index("지원일") + 1)
    assert granted.value == datetime(2025, 3, 25) and granted.number_format == "yyyy-mm-dd"
    for sheet in book.worksheets[1:]:
        assert sheet.freeze_panes == "A3", sheet.title
    for sheet in book.worksheets[1:]:  # every header fits its column (Hangul: two widths of "0")
        for cell in sheet[2]:
            width = sheet.column_dimensions[cell.column_letter].width
            needed = sum(2 if HANGUL.match(char) else 1 for char in str(cell.value))
            assert width >= min(60, needed), (sheet.title, cell.value, width)
    budget = book["세입·세출 예산현황"]
    names = [c.value for c in budget[2]]
    width = budget.column_dimensions[chr(ord("A") + names.index("구분"))].width
    assert width >= 2 * len("지방행정제재·부과금(변상금)")


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
    # as printed where the report cut the decimals (172.7 → 172, 51.7 → 51), as the bullets say
    assert series("직거래장터 확대 운영") == {"2025년 증가율 (%)": [51.0, 172.0, 100.0]}
    assert series("AI 역량 강화 교육") == {"이수 인원 (명)": [247.0, 1748.0]}
    housing = series("직원 주거복지: 전세자금 융자")
    assert housing == {
        "’24년 상반기 선정 금액 (백만원)": [2700.0, 1258.0, 400.0, 1728.0, 2914.0],
        "’25년 상반기 선정 금액 (백만원)": [1499.0, 3021.0, 2000.0, 1998.0, 2482.0],
    }
    assert found["직원 주거복지: 전세자금 융자"].chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED


def test_briefing_slide_repeats_the_overview_briefing(con):
    presentation = Presentation(io.BytesIO(deck(con, AS_OF)))
    text = presentation.slides[1].shapes[1].text_frame.text
    assert "세출 조정교부금: ’24년 대비 225억원(0.5%)" in text
    assert "[주의] 자치행정과 사업비 집행률 0.4%" in text
    assert "직원 전세자금: 상반기 178명(180억원) 신청 중 105명(110억원) 선정, 선정률 59.0%" in text


def test_ai_slide_says_its_projection_is_the_dashboards_estimate(con):
    spec = next(spec for spec in deck_slides(con, AS_OF) if spec.title == "AI 역량 강화 교육")
    assert spec.bullets[:2] == ["실습형 AI교육 1,995명 이수 (전 직원의 18.9%)", "목표: 전 직원 연 1회 이수"]
    assert spec.bullets[2].startswith(
        "대시보드 추정: 1.1.~3.31. 이수 속도(하루 22.2명)가 이어진다고 가정하면"
    )
    assert len(spec.bullets) == 3  # no estimate outside that line


def test_every_shape_position_is_a_readable_integer_inside_the_slide(con):
    pptx = deck(con, AS_OF)
    presentation = Presentation(io.BytesIO(pptx))
    for number, slide in enumerate(presentation.slides, start=1):
        for shape in slide.shapes:
            box = (shape.left, shape.top, shape.width, shape.height)  # python-pptx fails on "4925452.1"
            assert all(type(value) is not float and int(value) == value for value in box), (number, box)
            assert shape.left >= 0 and shape.left + shape.width <= presentation.slide_width, (number, box)
            assert shape.top >= 0 and shape.top + shape.height <= presentation.slide_height, (number, box)
    with zipfile.ZipFile(io.BytesIO(pptx)) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                assert not FRACTIONAL_EMU.search(package.read(name).decode()), name


def test_tables_are_legible_with_numbers_right_aligned(con):
    presentation = Presentation(io.BytesIO(deck(con, AS_OF)))
    tables = [shape.table for slide in presentation.slides for shape in slide.shapes if shape.has_table]
    assert len(tables) == 5
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.text_frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.size.pt >= 14, cell.text
    revenue = tables[0]
    for row in range(len(revenue.rows)):
        alignments = [revenue.cell(row, column).text_frame.paragraphs[0].alignment for column in range(7)]
        assert alignments == [PP_ALIGN.LEFT] + [PP_ALIGN.RIGHT] * 6, revenue.cell(row, 0).text


def test_no_slide_is_a_quarter_full(con):
    """A chart or table fills at least half the height below the title (slides 11 and 14 used
    a quarter), and together with the bullets most of the width."""
    presentation = Presentation(io.BytesIO(deck(con, AS_OF)))
    content_height = Inches(5.5)
    for number, slide in enumerate(presentation.slides, start=1):
        visuals = [shape for shape in slide.shapes if shape.has_chart or shape.has_table]
        for shape in visuals:
            height = sum(row.height for row in shape.table.rows) if shape.has_table else shape.height
            assert height >= content_height / 2, (number, height)
            assert shape.left + shape.width >= presentation.slide_width - Inches(0.6), number


def chart_workbooks(presentation) -> dict[str, object]:
    """Each chart's embedded workbook, opened with openpyxl, by slide title."""
    return {
        title: load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob)).active
        for title, chart in charts(presentation).items()
    }


def test_embedded_chart_workbooks_hold_values_only(con):
    presentation = Presentation(io.BytesIO(deck(con, AS_OF)))
    books = chart_workbooks(presentation)
    assert len(books) == 7
    for title, sheet in books.items():
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row), title
    headcount = books["조직 및 인력"]
    assert [row[:2] for row in headcount.iter_rows(min_row=2, values_only=True)][-1] == ("총무과", 188)


#: Chart labels a spreadsheet would run as formulas, one per prefix (=, +, -, @).
HOSTILE = {"places": "=cmd|' /C calc'!A0", "sessions": "+1+1", "farms": "@SUM(A1:A2)"}
HOSTILE_REGION = "-2+3"


def test_formula_like_labels_in_the_sources_end_up_as_text(tmp_path, built_database, capsys):
    ws = make_workspace(tmp_path, built_database)
    path = ws.file("market_kpis.csv")
    for indicator, label in HOSTILE.items():
        for year in ("2024", "2025"):
            set_cell(path, find_line(path, indicator_id=indicator, year=year), "label", label)
    funds = ws.file("relief_funds.csv")
    set_cell(funds, find_line(funds, fund_id="recovery.gyeongbuk"), "region", HOSTILE_REGION)
    assert ws.build(capsys).code == 0
    with open_read_only(ws.database) as connection:
        presentation = Presentation(io.BytesIO(deck(connection, AS_OF)))
        book = load_workbook(io.BytesIO(workbook(connection, AS_OF)))
    found, sheets = charts(presentation), chart_workbooks(presentation)
    expected = {
        "직거래장터 확대 운영": set(HOSTILE.values()),
        "영남 산불 피해지역 구호 지원": {f"{HOSTILE_REGION} (4.7.)"},
    }
    for title, labels in expected.items():
        assert labels <= set(found[title].plots[0].categories), title
        cells = {
            cell.value: cell for row in sheets[title].iter_rows() for cell in row if cell.value is not None
        }
        assert {cells[label].data_type for label in labels} == {"s"}, title
        assert all(cell.data_type != "f" for cell in cells.values()), title
    kpis = [cell for row in book["직거래장터 운영 계획"].iter_rows(min_row=3) for cell in row]
    assert {cell.value: cell.data_type for cell in kpis if cell.value in HOSTILE.values()} == dict.fromkeys(
        HOSTILE.values(), "s"
    )


def slide_text(slide) -> str:
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    grids = [shape.table for shape in slide.shapes if shape.has_table]
    tables = [cell.text for grid in grids for row in grid.rows for cell in row.cells]
    return "\n".join(texts + tables)


def test_topic_slides_carry_their_headline_figures(con):
    presentation = Presentation(io.BytesIO(deck(con, AS_OF)))
    text = {slide.shapes[0].text_frame.text: slide_text(slide) for slide in presentation.slides}
    assert "사업예산: 220억원 (일반 94억원, 기금 126억원)" in text["직원 주거복지: 전세자금 융자"]
    assert "성금 131,371천원" in text["영남 산불 피해지역 구호 지원"]
    supplies = text["구호물품 지원 현황"]
    for figure in ("549동", "13,803개", "318,875개", "13대", "722,608개 + 549동 + 13대", "723,170"):
        assert figure in supplies


def test_execution_slide_draws_the_years_pace_on_the_value_axis(con):
    slide = next(
        slide
        for slide in Presentation(io.BytesIO(deck(con, AS_OF))).slides
        if slide.shapes[0].text_frame.text == "부서별 집행률과 연간 진도"
    )
    pace = fiscal_year_elapsed(AS_OF)
    assert rate(pace) == "24.7"
    frame = next(shape for shape in slide.shapes if shape.has_chart)
    lines = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.LINE]
    assert len(lines) == 1 and lines[0].width == 0  # vertical
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    assert "연간 경과율 24.7%" in texts
    axis = frame.chart.value_axis
    layout = frame.chart._chartSpace.chart.plotArea.find(qn("c:layout")).find(qn("c:manualLayout"))
    assert layout.find(qn("c:layoutTarget")).get("val") == "inner"
    x, w = (float(layout.find(qn(tag)).get("val")) for tag in ("c:x", "c:w"))
    at = (lines[0].left - frame.left) / frame.width
    assert abs(at - (x + w * (pace - axis.minimum_scale) / (axis.maximum_scale - axis.minimum_scale))) < 1e-4


def test_download_names_carry_the_as_of_date_and_unit():
    assert caption_unit("(단위 : 천원, %)") == "천원·%"
    assert caption_unit("(단위 : 동·대·개)") == "동·대·개"
    assert caption_unit("(추진기관별 역할)") is None
    assert file_name("AI_추진체계_역할분담", AS_OF, "csv", None) == "AI_추진체계_역할분담_2025-03-31.csv"
    assert file_name("세출총괄", AS_OF, "xlsx", "천원") == "세출총괄_2025-03-31_천원.xlsx"
    assert (
        file_name("행정국 업무보고/전체표", AS_OF, "xlsx", SOURCE_UNITS)
        == "행정국_업무보고_전체표_2025-03-31_원자료단위.xlsx"
    )
    assert file_name("행정국_업무보고_발표자료", AS_OF, "pptx") == "행정국_업무보고_발표자료_2025-03-31.pptx"


#: What the pack of each report says: (slide title, text on it) and (workbook sheet, column, values).
PACK_FIGURES = {
    "previous": {
        "slides": [
            ("조직 및 인력", "7과 1사업소 365명"),
            ("조직 및 인력", "7개 과 31팀"),
            ("핵심 요약", "직원 전세자금: 상반기 178명(180억원) 신청 중 105명(110억원) 선정"),
            ("AI 역량 강화 교육", "실습형 AI교육 1,995명 이수 (전 직원의 18.9%)"),
            ("직원 주거복지: 전세자금 융자", "’25년 상반기 178명(180억 원) 신청, 105명(110억 원) 선정"),
        ],
        "housing_series": ["’24년 상반기 선정 금액 (백만원)", "’25년 상반기 선정 금액 (백만원)"],
        "revenue_rate": "20.1",
        "sheets": {"부서별 팀 수·인원": ("인원(명)", 400), "전세자금 신청·선정 인원": ("인원(명)", 283)},
    },
    "latest": {
        "slides": [
            ("조직 및 인력", "7과 1사업소 369명"),
            ("조직 및 인력", "7개 과 32팀"),
            ("핵심 요약", "직원 전세자금: 하반기 120명(130억원) 신청 중 80명(85억원) 선정"),
            ("AI 역량 강화 교육", "실습형 AI교육 3,500명 이수 (전 직원의 33.2%)"),
            ("직원 주거복지: 전세자금 융자", "’25년 하반기 120명(130억 원) 신청, 80명(85억 원) 선정"),
        ],
        "housing_series": [
            "’24년 상반기 선정 금액 (백만원)",
            "’25년 상반기 선정 금액 (백만원)",
            "’25년 하반기 선정 금액 (백만원)",
        ],
        "revenue_rate": "40.3",
        "sheets": {"부서별 팀 수·인원": ("인원(명)", 404), "전세자금 신청·선정 인원": ("인원(명)", 483)},
    },
}


@pytest.mark.parametrize("period", PACK_FIGURES)
def test_the_pack_of_each_report_holds_that_reports_figures(con, two_reports, period):
    """The deck and the workbook of either report, from the database that holds both."""
    as_of, expected = getattr(two_reports, period), PACK_FIGURES[period]
    presentation = Presentation(io.BytesIO(deck(con, as_of)))
    text = {slide.shapes[0].text_frame.text: slide_text(slide) for slide in presentation.slides}
    assert all(f"기준일 {korean_date(as_of)} · 출처:" in slide for slide in text.values())
    for title, figure in expected["slides"]:
        assert figure in text[title], (title, figure)
    other = "하반기" if period == "previous" else "상반기"
    assert f"{other} 1" not in text["핵심 요약"] and f"{other} 1" not in text["직원 주거복지: 전세자금 융자"]
    found = charts(presentation)
    assert [series.name for series in found["직원 주거복지: 전세자금 융자"].series] == expected[
        "housing_series"
    ]
    revenue = next(shape.table for shape in presentation.slides[4].shapes if shape.has_table)
    assert revenue.cell(1, 6).text == expected["revenue_rate"]  # 세입 계 징수율

    book = load_workbook(io.BytesIO(workbook(con, as_of)))
    assert book["목차"]["A1"].value == f"행정국 업무보고 표 목록 · 기준일 {korean_date(as_of)}"
    for sheet_name, (column, total) in expected["sheets"].items():
        sheet = book[sheet_name]
        position = [cell.value for cell in sheet[2]].index(column)
        assert sum(row[position] for row in sheet.iter_rows(min_row=3, values_only=True)) == total, sheet_name
