"""Reading a source CSV and validating it against its pydantic model.

Every problem is collected (not just the first) and reported as
``file:line:column: message`` so staff can jump to the cell in Excel.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

#: Staff edit these files by hand; anything this large is a mistake (a pasted dump).
MAX_FILE_BYTES = 5 * 1024 * 1024

#: Encodings accepted, in the order tried. Excel on Korean Windows saves CP949.
ENCODINGS = ("utf-8-sig", "cp949")


@dataclass(frozen=True, order=True)
class SourceError:
    """One problem in a source file, located as precisely as we can."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class SourceErrors(Exception):
    """Raised with every problem found; ``str()`` lists one per line."""

    def __init__(self, errors: list[SourceError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


@dataclass(frozen=True)
class LoadedRow:
    """A validated row and the line it came from (for cross-row error messages)."""

    line: int
    record: BaseModel


def decode(path: Path, raw: bytes) -> tuple[str | None, list[SourceError]]:
    """Decode bytes as UTF-8 (with or without BOM) or CP949; report where neither fits."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding), []
        except UnicodeDecodeError:
            continue
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = (
            f"인코딩 오류: byte 0x{raw[error.start]:02x} is neither UTF-8 nor CP949 "
            "(save the file as 'CSV UTF-8')"
        )
        return None, [SourceError(path.name, line, column, message)]
    raise AssertionError("unreachable: utf-8 failed above")


def _field_message(field: str, error: dict[str, Any]) -> str:
    value = error.get("input")
    shown = "" if isinstance(value, dict) else f" (value {value!r})"
    return f"{field}: {error['msg']}{shown}"


def read_table(path: Path, model: type[BaseModel]) -> tuple[list[LoadedRow], list[SourceError]]:
    """Validate every row of ``path`` against ``model``; return good rows and all errors."""
    name = path.name
    if not path.exists():
        return [], [SourceError(name, 0, 0, "파일이 없습니다 (file is missing)")]
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        message = f"파일이 너무 큽니다: {size:,} bytes (limit {MAX_FILE_BYTES:,})"
        return [], [SourceError(name, 0, 0, message)]
    text, errors = decode(path, path.read_bytes())
    if text is None:
        return [], errors

    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return [], [SourceError(name, 1, 1, "빈 파일입니다: header row expected")]
    header = [column.strip() for column in header]
    expected = list(model.model_fields)
    errors = _header_errors(name, header, expected)
    if errors:
        return [], errors

    rows: list[LoadedRow] = []
    line = reader.line_num
    for cells in reader:
        row_line, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            message = f"expected {len(header)} columns, found {len(cells)}"
            errors.append(SourceError(name, row_line, min(len(cells), len(header)) + 1, message))
            continue
        values = {column: (cell.strip() or None) for column, cell in zip(header, cells)}
        try:
            rows.append(LoadedRow(row_line, model.model_validate(values)))
        except ValidationError as invalid:
            for error in invalid.errors():
                field = str(error["loc"][0]) if error["loc"] else header[0]
                column = header.index(field) + 1 if field in header else 1
                errors.append(SourceError(name, row_line, column, _field_message(field, error)))
    return rows, errors


def _header_errors(name: str, header: list[str], expected: list[str]) -> list[SourceError]:
    errors = []
    for position, column in enumerate(header, start=1):
        if column not in expected:
            errors.append(SourceError(name, 1, position, f"unexpected column {column!r}"))
    if len(set(header)) != len(header):
        errors.append(SourceError(name, 1, 1, "a column name appears twice"))
    missing = [column for column in expected if column not in header]
    if missing:
        message = "missing column(s): " + ", ".join(missing) + f" (expected {', '.join(expected)})"
        errors.append(SourceError(name, 1, len(header) + 1, message))
    return errors
