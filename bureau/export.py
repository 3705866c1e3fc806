"""Tables as downloadable files: CSV for Excel on Korean Windows, XLSX with △ formats.

Both take a :class:`bureau.table.Table` (or a plain frame): numbers stay numbers (no
thousands separators in the CSV, numeric cells with number formats in the XLSX), a missing
value is an empty cell, a date a date."""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from bureau.format import amount_digits
from bureau.table import Column, Kind, Table
from bureau.units import Unit

#: Whole numbers with thousands separators, negatives as △ (the report's convention).
INTEGER_FORMAT = '#,##0;"△"#,##0'
DECIMAL_FORMAT = '#,##0.0;"△"#,##0.0'
DATE_FORMAT = "yyyy-mm-dd"
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula is prefixed with ``'`` (shown as text)."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_bytes(table: Table | pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so Excel on Korean Windows opens it without mojibake."""
    frame = _frame(table)
    safe = frame.map(neutralise) if len(frame) else frame
    return safe.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(sheets: Mapping[str, tuple[Table | pd.DataFrame, str]]) -> bytes:
    """One sheet per table: a units row, the header, then raw numbers with △ number formats.

    ``sheets`` maps a sheet name to ``(table, unit caption)``.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, (given, caption) in sheets.items():
        table = given if isinstance(given, Table) else Table(given)
        frame = table.frame
        sheet = workbook.create_sheet(_sheet_title(name))
        sheet.append([caption])
        sheet.append([str(column) for column in frame.columns])
        for row in frame.itertuples(index=False):
            sheet.append([_cell(value) for value in row])
        for index, column in enumerate(frame.columns, start=1):
            number_format = _number_format(frame[column], table.column(column))
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


def _frame(table: Table | pd.DataFrame) -> pd.DataFrame:
    return table.frame if isinstance(table, Table) else table


def _decimal_format(digits: int) -> str:
    if digits == 0:
        return INTEGER_FORMAT
    shown = "#,##0." + "0" * digits
    return f'{shown};"△"{shown}'


def _number_format(values: pd.Series, column: Column) -> str | None:
    """The column's Excel format: from what it is (amount digits as on screen, rates with
    their decimals, dates), else from its dtype."""
    if column.kind is Kind.AMOUNT:
        shown = Unit(column.unit)
        digits = [amount_digits(float(v), column.source or shown, shown) for v in values.dropna()]
        return _decimal_format(max(digits, default=0))
    if column.kind is Kind.RATE:
        return _decimal_format(column.digits)
    if column.kind is Kind.COUNT or pd.api.types.is_integer_dtype(values):
        return INTEGER_FORMAT
    if column.kind is Kind.DATE or any(isinstance(v, date) for v in values):
        return DATE_FORMAT
    if pd.api.types.is_float_dtype(values):
        return DECIMAL_FORMAT
    return None


def _cell(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    if hasattr(value, "item"):  # numpy scalar → Python number
        return value.item()
    return value
