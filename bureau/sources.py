"""Reading a source CSV and validating it against its pydantic model.

Every problem is collected (not just the first) and reported as
``file:line:column: message`` so staff can jump to the cell in Excel.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bureau.schema import SourceModel

#: Staff edit these files by hand; anything this large is a mistake (a pasted dump).
MAX_FILE_BYTES = 5 * 1024 * 1024

#: Encodings accepted, in the order tried. Excel on Korean Windows saves CP949.
ENCODINGS = ("utf-8-sig", "cp949")

_BOM = b"\xef\xbb\xbf"

#: How much of a cell an error message quotes: enough to find it, never a dump of the file.
EXCERPT_CHARS = 40


@dataclass(frozen=True, order=True)
class SourceError:
    """One problem in a source file, located as precisely as we can."""

    file: str
    line: int
    column: int
    message: str
    #: Other source files this error depends on (a reference check names its target), so
    #: the build can drop it when that file has errors of its own (they would be spurious).
    related: tuple[str, ...] = field(default=(), compare=False)

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
    record: SourceModel


def decode(path: Path, raw: bytes) -> tuple[str | None, list[SourceError]]:
    """Decode bytes as UTF-8 (with or without BOM) or CP949; report where neither fits.

    A file that starts with a BOM, or whose text before the first bad byte already holds
    valid multi-byte UTF-8, is UTF-8 with a broken byte, never CP949 (decoding it as CP949
    could "succeed" with garbled Korean).
    """
    has_bom = raw.startswith(_BOM)
    raw = raw[len(_BOM) :] if has_bom else raw
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        failure = error
    looks_utf8 = has_bom or any(byte >= 0x80 for byte in raw[: failure.start])
    if not looks_utf8:
        try:
            return raw.decode("cp949"), []
        except UnicodeDecodeError as error:
            failure = error  # a CP949 file with a broken byte: point at that byte
    line_start = raw.rfind(b"\n", 0, failure.start) + 1
    line = raw[: failure.start].count(b"\n") + 1
    codec = "utf-8" if looks_utf8 else "cp949"
    column = len(raw[line_start : failure.start].decode(codec, errors="replace")) + 1
    message = (
        f"인코딩 오류: byte 0x{raw[failure.start]:02x} is neither UTF-8 nor CP949 "
        "(save the file as 'CSV UTF-8')"
    )
    return None, [SourceError(path.name, line, column, message)]


def excerpt(text: str) -> str:
    """``text`` quoted for an error message: escaped (``repr``) and cut to a short prefix."""
    if len(text) <= EXCERPT_CHARS:
        return repr(text)
    return repr(text[:EXCERPT_CHARS]) + f"… ({len(text):,} characters)"


def _field_message(field_name: str, error: dict[str, Any]) -> str:
    value = error.get("input")
    if value is None and error["type"] != "missing":
        return f"{field_name}: 값이 비어 있습니다 (a value is required)"
    shown = f" (value {excerpt(value)})" if isinstance(value, str) else ""
    return f"{field_name}: {error['msg']}{shown}"


def _error_column(error: dict[str, Any], header: list[str]) -> tuple[str, int]:
    """The column an error belongs to: its location, or the ``column`` a model validator names."""
    located = error["loc"][0] if error["loc"] else (error.get("ctx") or {}).get("column", header[0])
    name = str(located)
    return name, header.index(name) + 1 if name in header else 1


def read_source(path: Path) -> tuple[bytes | None, list[SourceError]]:
    """The bytes of ``path`` if it is a regular file of its own folder, not too large.

    A symlink is refused, wherever it points (outside data/, to /etc/passwd, to another
    source), and so is a device or pipe: the sources are the files staff edit in that
    folder. The file is opened without following links and checked on the open handle,
    so it cannot be swapped for a link between the check and the read.
    """
    name = path.name
    try:
        opened = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return None, [SourceError(name, 0, 0, "파일이 없습니다 (file is missing)")]
    except OSError as failure:
        if path.is_symlink():
            return None, [SourceError(name, 0, 0, "바로가기(심볼릭 링크)는 쓸 수 없습니다 (a symlink)")]
        return None, [SourceError(name, 0, 0, f"파일을 열 수 없습니다 ({failure.strerror})")]
    with os.fdopen(opened, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            return None, [SourceError(name, 0, 0, "파일이 아닙니다 (not a regular file)")]
        if status.st_size > MAX_FILE_BYTES:
            message = f"파일이 너무 큽니다: {status.st_size:,} bytes (limit {MAX_FILE_BYTES:,})"
            return None, [SourceError(name, 0, 0, message)]
        return handle.read(MAX_FILE_BYTES + 1), []


def read_table(path: Path, model: type[SourceModel]) -> tuple[list[LoadedRow], list[SourceError]]:
    """Validate every row of ``path`` against ``model``; return good rows and all errors."""
    raw, errors = read_source(path)
    if raw is None:
        return [], errors
    text, errors = decode(path, raw)
    if text is None:
        return [], errors
    return parse_table(path.name, text, model)


def parse_table(name: str, text: str, model: type[SourceModel]) -> tuple[list[LoadedRow], list[SourceError]]:
    """Validate decoded CSV ``text`` (the contents of file ``name``) against ``model``."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as broken:
        return [], [SourceError(name, max(reader.line_num, 1), 1, f"CSV 형식 오류: {broken}")]
    if header is None or not any(column.strip() for column in header):
        return [], [SourceError(name, 1, 1, "빈 파일입니다: header row expected")]
    header = [column.strip() for column in header]
    expected = list(model.model_fields)
    errors = _header_errors(name, header, expected)
    if errors:
        return [], errors

    rows: list[LoadedRow] = []
    line = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as broken:
            # A stray quote or an over-long cell: report it and stop reading this file
            # (the rest of it cannot be split into cells reliably).
            errors.append(SourceError(name, line + 1, 1, f"CSV 형식 오류: {broken}"))
            break
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
                field_name, column = _error_column(error, header)
                errors.append(SourceError(name, row_line, column, _field_message(field_name, error)))
    if not errors and len(rows) < model.min_rows:
        message = f"행이 없습니다: at least {model.min_rows} data row(s) expected, found {len(rows)}"
        errors.append(SourceError(name, line + 1, 1, message))
    return rows, errors


def _header_errors(name: str, header: list[str], expected: list[str]) -> list[SourceError]:
    errors = []
    missing = [column for column in expected if column not in header]
    unexpected = [column for column in header if column not in expected]
    for position, column in enumerate(header, start=1):
        if column not in expected:
            message = f"unexpected column {excerpt(column)}"
            if len(missing) == len(unexpected) == 1:
                message += f": renamed? expected {missing[0]!r} (열 이름이 바뀌었습니다)"
            errors.append(SourceError(name, 1, position, message))
    if len(set(header)) != len(header):
        errors.append(SourceError(name, 1, 1, "a column name appears twice"))
    if missing:
        message = "missing column(s): " + ", ".join(missing) + f" (expected {', '.join(expected)})"
        errors.append(SourceError(name, 1, len(header) + 1, message))
    return errors
