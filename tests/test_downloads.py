"""Every CSV and XLSX download of every page is data: plain numbers, units in the headers,
blank cells empty, dates as dates — read back from what each page hands its download buttons."""

from __future__ import annotations

import io
import re

import openpyxl
import pandas as pd
import pytest

import ui.widgets
from bureau.export import csv_bytes, xlsx_bytes

#: The pages and how many tables each offers for download (so a page that stops offering
#: one, or whose downloads are no longer seen here, fails).
PAGES = {
    "budget": ({}, 2),
    "housing": ({}, 4),
    "relief": ({}, 6),
    "markets": ({}, 6),
    "ai_training": ({}, 2),
    "overview": ({"dept": "인사과"}, 1),
}
MODES = ("보고서 단위", "억원")

#: A number written as text: separators, △, a percent sign, a '-' or '- placeholder.
_FORMATTED = re.compile(r"^'?(△|-)?[\d,]*\d(\.\d+)?%?$|^'?-$")
_DATE_TEXT = re.compile(r"^\d{4}(-|\. ?)\d{1,2}(-|\. ?)\d{1,2}")
#: Headers of money columns: they must say their unit.
_AMOUNT_WORDS = ("액", "예산", "금액", "한도")
_MONEY_UNIT = re.compile(r"(원|천원|백만원|억원)[,)]")


@pytest.fixture
def captured(monkeypatch):
    """The tables each page passes to its download buttons."""
    tables: list = []

    def capture(table):
        tables.append(table)
        return csv_bytes(table)

    monkeypatch.setattr(ui.widgets, "csv_bytes", capture)
    return tables


def _is_amount(header: str) -> bool:
    return any(word in header for word in _AMOUNT_WORDS) and not any(
        mark in header for mark in ("률", "%", "(명)")
    )


def _check_csv(data: bytes) -> None:
    assert data.startswith("\ufeff".encode())  # UTF-8 with BOM for Excel
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    for header in frame.columns:
        cells = [cell for cell in frame[header] if cell != ""]
        formatted = [cell for cell in cells if _FORMATTED.match(cell) and re.search(r"[,△%']|^-$", cell)]
        assert formatted == [], (header, formatted[:3])
        numeric = cells and all(re.fullmatch(r"-?\d+(\.\d+)?", cell) for cell in cells)
        if numeric and _is_amount(header):
            assert _MONEY_UNIT.search(header + ","), f"amount header without its unit: {header}"


def _check_xlsx(data: bytes) -> None:
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        headers = [cell.value for cell in sheet[2]]
        for row in sheet.iter_rows(min_row=3):
            for header, cell in zip(headers, row):
                if isinstance(cell.value, str):
                    assert not _FORMATTED.match(cell.value), (sheet.title, header, cell.value)
                    assert not _DATE_TEXT.match(cell.value), (sheet.title, header, cell.value)
                elif isinstance(cell.value, int | float):
                    assert cell.number_format != "General", (sheet.title, header)
                    if _is_amount(str(header)):
                        assert _MONEY_UNIT.search(f"{header},"), f"amount header without its unit: {header}"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("slug", PAGES)
def test_every_download_is_data(open_page, captured, slug, mode):
    params, expected = PAGES[slug]
    if mode != MODES[0]:
        params = {**params, "unit": mode}
    open_page(slug, **params)
    assert len(captured) >= expected, [getattr(table, "frame", table).columns.tolist() for table in captured]
    for table in captured:
        _check_csv(csv_bytes(table))
        _check_xlsx(xlsx_bytes({"표": (table, "(단위)")}))


def test_the_checks_catch_formatted_numbers_and_headers_without_units():
    with pytest.raises(AssertionError):
        _check_csv(csv_bytes(pd.DataFrame({"’24년 배정액(천원)": ["18,000,000"]})))
    with pytest.raises(AssertionError):
        _check_csv(csv_bytes(pd.DataFrame({"’24년 배정액": [18000000]})))
    with pytest.raises(AssertionError):
        _check_xlsx(xlsx_bytes({"표": (pd.DataFrame({"비고": ["-"]}), "")}))
    with pytest.raises(AssertionError):
        _check_xlsx(xlsx_bytes({"표": (pd.DataFrame({"시작": ["2025. 3. 31."]}), "")}))
    _check_csv(csv_bytes(pd.DataFrame({"’24년 배정액(천원)": [18000000], "비고": [None]})))
