"""Every topic page in every unit mode: under 보고서 단위 each amount reads as the report prints
it; under 천원/백만원/억원 it converts; no non-zero amount ever shows as 0.0."""

from __future__ import annotations

import re

import pytest

from tests.reading import open_chart_tables, shown, table_text

#: The unit switch's modes; 보고서 단위 is the default (no ``unit`` in the URL).
MODES = ("보고서 단위", "천원", "백만원", "억원")

#: (page, {mode: text that must appear}) — the report's printed forms (보고서 단위) typed from
#: the report, and the same amounts converted by hand.
AMOUNTS = [
    # 자치구 ’25년 예산규모 23조 8,768억원, 최대 강남구 1조 3,737억원
    (
        "overview",
        {
            "보고서 단위": "23조 8,768억원",
            "천원": "23,876,800,000천원",
            "백만원": "23,876,800백만원",
            "억원": "23조 8,768억원",
        },
    ),
    (
        "overview",
        {
            "보고서 단위": "1조 3,737억원",
            "천원": "1,373,700,000천원",
            "백만원": "1,373,700백만원",
            "억원": "1조 3,737억원",
        },
    ),
    # 세출총괄 계 ’25년 예산현액 4,672,831,395천원
    (
        "budget",
        {"보고서 단위": "4,672,831,395", "천원": "4,672,831,395", "백만원": "4,672,831", "억원": "46,728"},
    ),
    # 세입총괄 계 13,547,369천원
    ("budget", {"보고서 단위": "13,547,369", "천원": "13,547,369", "백만원": "13,547", "억원": "135"}),
    # 주거복지 사업예산 220억원 (일반 94억, 기금 126억)
    (
        "housing",
        {"보고서 단위": "220억원", "천원": "22,000,000천원", "백만원": "22,000백만원", "억원": "220억원"},
    ),
    (
        "housing",
        {
            "보고서 단위": "일반 94억원",
            "천원": "일반 9,400,000천원",
            "백만원": "일반 9,400백만원",
            "억원": "일반 94억원",
        },
    ),
    (
        "housing",
        {
            "보고서 단위": "기금 126억원",
            "천원": "기금 12,600,000천원",
            "백만원": "기금 12,600백만원",
            "억원": "기금 126억원",
        },
    ),
    # 105명(110억원) 선정
    (
        "housing",
        {"보고서 단위": "110억원", "천원": "11,000,000천원", "백만원": "11,000백만원", "억원": "110억원"},
    ),
    # 그룹별 선정결과 (단위 : 명, 백만원): ’24년 일반 2,700
    ("housing", {"보고서 단위": "2,700", "천원": "2,700,000", "백만원": "2,700", "억원": "27"}),
    # 최대 1.5억원 (신혼부부)
    ("housing", {"보고서 단위": "1.5억원", "천원": "150,000천원", "백만원": "150백만원", "억원": "1.5억원"}),
    # 예산집행 현황 (단위 : 천원): 9,400,000
    ("housing", {"보고서 단위": "9,400,000", "천원": "9,400,000", "백만원": "9,400", "억원": "94"}),
    # 지역교류협력기금 45억 원 (the KPI; the bullet quotes the report as printed)
    ("relief", {"보고서 단위": "45억원", "천원": "4,500,000천원", "백만원": "4,500백만원", "억원": "45억원"}),
    # 총 모금액 131,371천원
    (
        "relief",
        {"보고서 단위": "131,371천원", "천원": "131,371천원", "백만원": "131백만원", "억원": "1.3억원"},
    ),
    # 사업비 1,000백만원 전액 소진
    (
        "relief",
        {"보고서 단위": "1,000백만원", "천원": "1,000,000천원", "백만원": "1,000백만원", "억원": "10억원"},
    ),
    # 기금집행 현황 (단위 : 천원): 예산현액 6,000,000
    ("relief", {"보고서 단위": "6,000,000", "천원": "6,000,000", "백만원": "6,000", "억원": "60"}),
    # 직거래장터 예산집행 현황 (단위 : 천원): 583,200 / 원인행위 67,546
    ("markets", {"보고서 단위": "583,200", "천원": "583,200", "백만원": "583", "억원": "5.8"}),
    ("markets", {"보고서 단위": "67,546", "천원": "67,546", "백만원": "67.5", "억원": "0.68"}),
]
PAGES = ("overview", "budget", "housing", "relief", "markets", "ai_training")

#: A non-zero amount collapsed to zero: "0.0억원", or a 0.0 cell in an amount column.
_ZERO_AMOUNT = re.compile(r"(?<![\d.,])△?0\.0+\s*(천원|백만원|억원|억)")
_AMOUNT_HEADER = re.compile(r"(천원|백만원|억원)")


def _open(open_page, slug: str, mode: str):
    """The page in ``mode`` with every chart's 표로 보기 open, so its tables are checked too."""
    return open_chart_tables(open_page(slug) if mode == MODES[0] else open_page(slug, unit=mode))


def _screen(app) -> tuple[str, list]:
    """Everything a reader sees as text, and the tables as shown."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "warning", "info"):
        parts.extend(str(element.value) for element in getattr(app, kind))
    parts.extend(f"{m.label} {m.value} {m.delta or ''} {m.help or ''}" for m in app.metric)
    tables = [table_text(frame) for frame in app.dataframe]
    parts.extend(table.to_csv(index=False) for table in tables)
    return shown("\n".join(parts)), tables


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("slug", PAGES)
def test_every_amount_follows_the_unit_mode(open_page, slug, mode):
    app = _open(open_page, slug, mode)
    assert app.segmented_control(key="unit").value == mode
    text, tables = _screen(app)
    missing = [forms[mode] for page, forms in AMOUNTS if page == slug and forms[mode] not in text]
    assert missing == []
    assert not _ZERO_AMOUNT.search(text), _ZERO_AMOUNT.search(text)
    for table in tables:
        amounts = table[[column for column in table.columns if _AMOUNT_HEADER.search(str(column))]]
        assert not amounts.isin(["0.0", "0.00", "△0.0"]).any().any(), amounts
    if mode != MODES[0]:  # one unit chosen: every amount column is in it
        headers = [str(c) for table in tables for c in table.columns if _AMOUNT_HEADER.search(str(c))]
        assert all(mode in header for header in headers), headers
