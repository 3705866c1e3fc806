"""Every table of one report as an Excel workbook: one sheet each, raw numbers, units row."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.export import xlsx_bytes
from bureau.labels import korean_header
from bureau.queries import meta
from bureau.schema import TABLES
from bureau.sql import frame, identifier


def workbook(con: duckdb.DuckDBPyConnection, as_of: date) -> bytes:
    """One sheet per source table (that report's rows), then the printed-vs-recomputed sheet."""
    sheets = {}
    for table in TABLES:
        if table.name == "reports":
            continue
        columns = ", ".join(identifier(name) for name in table.model.model_fields if name != "as_of")
        rows = frame(
            con,
            f"SELECT {columns} FROM {identifier(table.name)} WHERE as_of = ? ORDER BY source_line",
            [as_of],
        )
        rows = rows.rename(columns=korean_header)
        sheets[sheet_name(table.description, sheets)] = (rows, table.units or table.description)
    checks = meta.reconciliations(con, as_of).rename(columns=korean_header)
    sheets["보고서 검증(표기 vs 재계산)"] = (checks, "보고서 표기 수치와 재계산 수치 비교")
    return xlsx_bytes(sheets)


def sheet_name(description: str, taken: dict[str, object]) -> str:
    """A sheet name Excel accepts (31 characters, no ``[]:*?/\\``), unique in the workbook:
    the description without its parenthetical unit note."""
    name = description.split("(")[0].strip()
    name = "".join("·" if char in "[]:*?/\\" else char for char in name)[:31]
    candidate, number = name, 2
    while candidate in taken:
        suffix = f" {number}"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    return candidate
