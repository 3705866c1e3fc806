"""Tables as downloadable files: CSV for Excel on Korean Windows, XLSX with △ formats."""

from __future__ import annotations

import io
from collections.abc import Mapping

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

#: Whole numbers with thousands separators, negatives as △ (the report's convention).
INTEGER_FORMAT = '#,##0;"△"#,##0'
DECIMAL_FORMAT = '#,##0.0;"△"#,##0.0'
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula is prefixed with ``'`` (shown as text)."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so Excel on Korean Windows opens it without mojibake."""
    safe = table.map(neutralise) if len(table) else table
    return safe.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(sheets: Mapping[str, tuple[pd.DataFrame, str]]) -> bytes:
    """One sheet per table: a units row, the header, then raw numbers with △ number formats.

    ``sheets`` maps a sheet name to ``(table, unit caption)``.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, (table, caption) in sheets.items():
        sheet = workbook.create_sheet(_sheet_title(name))
        sheet.append([caption])
        sheet.append([str(column) for column in table.columns])
        for row in table.itertuples(index=False):
            sheet.append([_cell(value) for value in row])
        for index, column in enumerate(table.columns, start=1):
            number_format = _number_format(table[column])
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = max(10, min(40, len(str(column)) * 2 + 4))
            if number_format:
                for (cell,) in sheet.iter_rows(min_row=3, min_col=index, max_col=index):
                    cell.number_format = number_format
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
        sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(name: str) -> str:
    cleaned = "".join("_" if char in "[]:*?/\\" else char for char in name)
    return cleaned[:31]


def _number_format(column: pd.Series) -> str | None:
    if pd.api.types.is_integer_dtype(column):
        return INTEGER_FORMAT
    if pd.api.types.is_float_dtype(column):
        return DECIMAL_FORMAT
    return None


def _cell(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalar → Python number
        return value.item()
    return value
