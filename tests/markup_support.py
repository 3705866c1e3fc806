"""A copy of data/sources with markup in every free-text cell, for the "data text is text"
property tests (tests/test_data_text.py).

Free-text columns are found from the pydantic models: ``str`` fields that are not a
``Literal`` and are neither a table's key nor either side of a reference (those name rows of
other tables and must keep matching). Each cell gets the original text plus a payload, or the
payload alone where the field's length limit leaves no room; a column whose constraints
(a ``pattern``) refuse every payload is not free text.
"""

from __future__ import annotations

import csv
import shutil
import typing
from pathlib import Path
from typing import Annotated

from pydantic import TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from bureau import paths
from bureau.build import base_type
from bureau.schema import Table
from bureau.topics import TABLES

#: Markdown, Streamlit colour, LaTeX, a link, an image and HTML (two of them fetch a URL).
PAYLOADS = (
    "**b**",
    ":red[x]",
    "$x^2$",
    "[l](http://evil.example/)",
    "![i](http://evil.example/i.png)",
    "<img src=http://evil.example/x>",
    "<b>x</b>",
)


def _is_literal(field: FieldInfo) -> bool:
    annotation = field.annotation
    while typing.get_origin(annotation) in (typing.Annotated, typing.Union, *_UNION):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = args[0]
    return typing.get_origin(annotation) is typing.Literal


_UNION = (type(int | None),)


def _validator(field: FieldInfo) -> TypeAdapter:
    return TypeAdapter(Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation)


def _fits(validator: TypeAdapter, text: str) -> bool:
    try:
        validator.validate_python(text)
    except ValidationError:
        return False
    return True


def _with_payload(validator: TypeAdapter, original: str, payload: str) -> str | None:
    for text in (f"{original} {payload}", payload):
        if _fits(validator, text):
            return text
    return None


def _linked_columns() -> set[tuple[str, str]]:
    """(table, column) pairs that name rows: keys and both ends of every reference."""
    linked = {(table.name, column) for table in TABLES for column in table.key}
    for table in TABLES:
        for reference in table.references:
            linked |= {(table.name, column) for column in reference.columns}
            linked |= {(reference.table, column) for column in reference.target}
    return linked


def free_text_columns(table: Table) -> list[str]:
    linked = _linked_columns()
    return [
        name
        for name, field in table.model.model_fields.items()
        if base_type(field) is str
        and not _is_literal(field)
        and (table.name, name) not in linked
        and any(_fits(_validator(field), payload) for payload in PAYLOADS)
    ]


def hostile_sources(target: Path) -> dict[str, list[str]]:
    """Copy data/sources to ``target`` with a payload appended to every free-text cell
    (cycling through PAYLOADS over each column's distinct values); returns the columns
    changed per file."""
    shutil.copytree(paths.sources_dir(), target)
    changed: dict[str, list[str]] = {}
    for table in TABLES:
        path = target / table.file
        columns = free_text_columns(table)
        if not columns or not path.exists():
            continue
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            fields, rows = reader.fieldnames or [], list(reader)
        for offset, column in enumerate(columns):
            validator = _validator(table.model.model_fields[column])
            # equal cells stay equal (some tables repeat a value across a group's rows)
            distinct = list(dict.fromkeys(row[column] for row in rows if row.get(column)))
            for row in rows:
                if row.get(column):
                    payload = PAYLOADS[(distinct.index(row[column]) + offset) % len(PAYLOADS)]
                    row[column] = _with_payload(validator, row[column], payload) or row[column]
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fields)
            writer.writeheader()
            writer.writerows(rows)
        changed[table.file] = columns
    return changed
