"""Every table of one report as an Excel workbook people can use: a 목차 sheet first, then one
sheet per table with Korean headers only (ids, order columns and flags left out), a units row,
years as plain numbers, dates as dates, a frozen header and columns that fit."""

from __future__ import annotations

import io
import math
from datetime import date, datetime

import duckdb
import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from bureau.export import xlsx_bytes
from bureau.format import korean_date
from bureau.labels import korean_header
from bureau.pack.text import text_em
from bureau.sql import frame, identifier
from bureau.topics import TABLES
from bureau.topics.report import meta

CONTENTS = "목차"
CHECKS = "보고서 검증(표기 vs 재계산)"
#: Tables that are the app's own bookkeeping rather than the report's: the list of reports and
#: their parts, the printed totals (they are in the 검증 sheet), map coordinates and the printed units.
_NOT_REPORT_TABLES = {"reports", "report_sections", "printed_figures", "market_places", "report_units"}
_YEAR_FIELDS = {"fiscal_year", "year", "from_year"}
_YEAR_FORMAT, _DATE_FORMAT = "0", "yyyy-mm-dd"
#: Excel column widths are in widths of "0": Hangul takes about two.
_MIN_WIDTH, _MAX_WIDTH = 8, 60
LEVEL_HEADER = "수준"


#: Columns holding the app's code names for a page or topic (``relief``)
_CODE_COLUMNS = {"page", "topic"}


def is_technical(name: str, column: pd.Series) -> bool:
    """Ids and keys (``rev.nontax.recurring``), code names, order columns (표시 순서) and
    TRUE/FALSE flags."""
    order = name in {"seq", "sort_order"} or name.endswith(("_seq", "_order"))
    code = name.endswith("_id") or name in _CODE_COLUMNS
    return code or order or pd.api.types.is_bool_dtype(column)


def levels(ids: pd.Series, parents: pd.Series) -> list[int]:
    """Each row's depth in an ``id``/``parent_id`` hierarchy (계 = 1)."""
    parent_of = dict(zip(ids, parents))

    def depth(key: object) -> int:
        parent = parent_of.get(key)
        return 1 if parent is None or pd.isna(parent) else 1 + depth(parent)

    return [depth(key) for key in ids]


def report_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The source rows as staff read them: 수준 instead of the id/parent pair, no technical
    columns, Korean headers."""
    keys = [name for name in rows.columns if name.endswith("_id") and name != "parent_id"]
    table = rows.copy()
    if "parent_id" in rows.columns and keys:
        table.insert(0, LEVEL_HEADER, levels(rows[keys[0]], rows["parent_id"]))
    table = table[[name for name in table.columns if not is_technical(name, table[name])]]
    return table.rename(columns=korean_header)


def checks_table(reconciliations: pd.DataFrame, sheet_of: dict[str, str]) -> pd.DataFrame:
    """Printed vs recomputed, naming each figure's sheet (not its table's code name), 일치 as a word."""
    table = reconciliations.drop(columns="row_key")
    table["table_name"] = table["table_name"].map(sheet_of)
    table["matches"] = table["matches"].map({True: "일치", False: "불일치"})
    return table.rename(columns=korean_header)


def workbook(con: duckdb.DuckDBPyConnection, as_of: date) -> bytes:
    """목차, one sheet per report table (that report's rows), then the printed-vs-recomputed sheet."""
    sheets: dict[str, tuple[pd.DataFrame, str]] = {}
    titles: dict[str, str] = {}
    years: dict[str, list[str]] = {}
    sheet_of: dict[str, str] = {}
    for table in TABLES:
        if table.name in _NOT_REPORT_TABLES:
            continue
        columns = ", ".join(identifier(name) for name in table.model.model_fields if name != "as_of")
        rows = frame(
            con,
            f"SELECT {columns} FROM {identifier(table.name)} WHERE as_of = ? ORDER BY source_line",
            [as_of],
        )
        name = sheet_name(table.description, sheets)
        sheets[name] = (report_table(rows), table.units or table.description)
        titles[name] = table.description
        sheet_of[table.name] = name
        years[name] = [korean_header(field) for field in rows.columns if field in _YEAR_FIELDS]
    named = {table.name: sheet_of.get(table.name, table.description) for table in TABLES}
    checks = checks_table(meta.reconciliations(con, as_of), named)
    sheets[CHECKS] = (checks, "보고서 표기 수치와 재계산 수치 비교")
    titles[CHECKS] = "보고서에 표기된 수치와 원자료로 다시 계산한 수치"
    book = load_workbook(io.BytesIO(xlsx_bytes(sheets)))
    for sheet in book.worksheets:
        _finish(sheet, years.get(sheet.title, []))
    _contents(book, titles, sheets, f"행정국 업무보고 표 목록 · 기준일 {korean_date(as_of)}")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _finish(sheet: Worksheet, year_headers: list[str]) -> None:
    """Years without a thousands separator, dates without a time, bold header, widths that fit."""
    header = {cell.value: cell.column for cell in sheet[2]}
    year_columns = {header[name] for name in year_headers if name in header}
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            if cell.column in year_columns:
                cell.number_format = _YEAR_FORMAT
            elif isinstance(cell.value, datetime | date):
                cell.number_format = _DATE_FORMAT
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for column in range(1, sheet.max_column + 1):
        texts = [_shown(sheet.cell(row, column).value) for row in range(2, sheet.max_row + 1)]
        width = max((_width(text) for text in texts), default=_MIN_WIDTH)
        sheet.column_dimensions[get_column_letter(column)].width = min(_MAX_WIDTH, max(_MIN_WIDTH, width))
        if width > _MAX_WIDTH:
            for row in range(3, sheet.max_row + 1):
                sheet.cell(row, column).alignment = Alignment(wrap_text=True, vertical="top")


def _shown(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int | float):
        return f"{value:,}"
    return "" if value is None else str(value)


def _width(text: str) -> int:
    return math.ceil(text_em(text) * 2) + 2


def _contents(book: Workbook, titles: dict[str, str], sheets: dict, heading: str) -> None:
    """The first sheet: every sheet's name, linked, beside its table title and unit."""
    sheet = book.create_sheet(CONTENTS, 0)
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["시트", "내용", "단위·설명", "행 수"])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for name, (table, caption) in sheets.items():
        sheet.append([name, titles[name], caption, len(table)])
        link = sheet.cell(sheet.max_row, 1)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{name}'!A1", display=name)
        link.style = "Hyperlink"
    for letter, width in zip("ABCD", (34, 60, 40, 8)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A3"


def sheet_name(description: str, taken: dict[str, object]) -> str:
    """A sheet name Excel accepts (31 characters, no ``[]:*?/\\``), unique in the workbook:
    the description without its parenthetical unit note."""
    name = description.split("(")[0].strip()
    name = "".join("·" if char in "[]:*?/\\" else char for char in name)[:31]
    candidate, number = name, 2
    while candidate in taken or candidate == CONTENTS:
        suffix = f" {number}"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    return candidate
