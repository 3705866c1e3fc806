"""Building blocks shared by every source table's pydantic model."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def korean_number(value: object) -> object:
    """Accept numbers as staff type them in Excel: ``1,234``, ``△1,234``, ``-1,234``."""
    if not isinstance(value, str):
        return value
    text = value.strip().replace(",", "")
    if text.startswith("△"):
        text = "-" + text[1:]
    if not _NUMBER.match(text):
        return value  # let pydantic report it with its own message
    return text


def boolean(value: object) -> object:
    """Accept the spellings Excel and staff use for yes/no."""
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"true", "1", "y", "yes", "예", "o"}:
            return True
        if lowered in {"false", "0", "n", "no", "아니오", "x"}:
            return False
    return value


#: A money amount in the table's unit, never negative.
Amount = Annotated[int, BeforeValidator(korean_number), Field(ge=0)]
#: A printed difference, which can be negative (△).
SignedAmount = Annotated[int, BeforeValidator(korean_number)]
#: A count of people, places, items.
Count = Annotated[int, BeforeValidator(korean_number), Field(ge=0)]
#: A percentage as printed (one decimal); growth rates can exceed 100.
Percent = Annotated[float, BeforeValidator(korean_number), Field(ge=-100_000, le=100_000)]
#: A share or completion rate, 0–100 %.
Share = Annotated[float, BeforeValidator(korean_number), Field(ge=0, le=100)]
#: Any real number (indicators whose sign and scale vary).
Number = Annotated[float, BeforeValidator(korean_number)]
Flag = Annotated[bool, BeforeValidator(boolean)]
Text = Annotated[str, Field(min_length=1, max_length=500)]
Name = Annotated[str, Field(min_length=1, max_length=80)]


class SourceModel(BaseModel):
    """One row of a source CSV. Every fact carries the report's as-of date (the period)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    as_of: date


@dataclass(frozen=True)
class Reference:
    """``columns`` of this table must name an existing row of ``table`` (``target`` columns)."""

    columns: tuple[str, ...]
    table: str
    target: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A source table: its CSV file under data/sources, model, key and references."""

    name: str
    model: type[SourceModel]
    key: tuple[str, ...]
    description: str
    references: tuple[Reference, ...] = ()
    #: the units of its figures as a caption for exports, e.g. "(단위 : 천원, %)"
    units: str = ""

    @property
    def file(self) -> str:
        return f"{self.name}.csv"


def report_reference() -> Reference:
    """Every table's rows belong to a report listed in reports.csv."""
    return Reference(("as_of",), "reports", ("as_of",))


def department_reference(column: str = "dept") -> Reference:
    """A department column must name a department of the same report."""
    return Reference(("as_of", column), "departments", ("as_of", "dept"))
