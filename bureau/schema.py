"""Building blocks shared by every source table's pydantic model."""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, ClassVar, Self

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

if TYPE_CHECKING:
    from bureau.checks.base import Check

#: Digits, optionally grouped by three with commas (``1,880``, ``12,345,678``), and a fraction.
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
#: What a number typed with a slip looks like (``1,88``, ``1_88``, ``23,1``): digits and
#: separators only. Anything else (``많음``, ``nan``) is left to pydantic's own message.
_MISTYPED_NUMBER = re.compile(r"^[+-]?[\d,._\s]*\d[\d,._\s]*$")
#: The one date syntax of every date column: year, month, day separated by ``-``, ``.`` or
#: ``/`` (the same one throughout), with optional spaces and a final dot: ``2025-03-31``,
#: ``2025. 3. 31.``, ``2025.3.31``, ``2025/3/31``.
_DATE = re.compile(r"^(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})\.?$")
#: Control characters never belong in a cell (a stray NUL, a form feed pasted from a PDF).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

#: No figure in a business report comes near this; bounding integers keeps sums within BIGINT.
MAX_INTEGER = 10**15
#: Dates outside this window are typing mistakes (``2205-03-31``), not report periods.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)


def korean_number(value: object) -> object:
    """Accept numbers as staff type them in Excel: ``1,234``, ``△1,234``, ``-1,234``.

    Thousands separators must group by three: ``1,88`` or ``23,1`` is a typing slip, not
    188 or 231, and ``1_88`` (Python's separator) is no spelling staff use.
    """
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.startswith("△"):
        text = "-" + text[1:]
    if _NUMBER.match(text):
        return text.replace(",", "")
    if _MISTYPED_NUMBER.match(text):
        raise PydanticCustomError(
            "number_format",
            "숫자 형식 오류: digits are grouped by three with commas (1,880 or 1880)",
        )
    return value  # not a number at all: let pydantic report it with its own message


def boolean(value: object) -> object:
    """Accept the spellings Excel and staff use for yes/no."""
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"true", "1", "y", "yes", "예", "o"}:
            return True
        if lowered in {"false", "0", "n", "no", "아니오", "x"}:
            return False
    return value


def calendar_date(value: object) -> object:
    """Accept the date spellings Excel and the report use and nothing else.

    ``2025-03-31``, ``2025. 3. 31.``, ``2025.3.31`` and ``2025/3/31`` become ISO text for
    pydantic to check (``2025-02-30`` is then rejected as a day that does not exist).
    Other text is rejected here: pydantic alone would read ``86400`` or ``0`` as a Unix
    timestamp (1970-01-02, 1970-01-01).
    """
    if isinstance(value, date):
        return value
    match = _DATE.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise PydanticCustomError(
            "date_format",
            "날짜 형식 오류: Input should be a valid date such as 2025-03-31 or 2025. 3. 31.",
        )
    year, _separator, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _plausible_date(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise PydanticCustomError(
            "date_out_of_range",
            "날짜가 범위를 벗어났습니다: date must be between {earliest} and {latest}",
            {"earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()},
        )
    return value


def _no_control_characters(allowed: str) -> AfterValidator:
    def check(value: str) -> str:
        found = [char for char in _CONTROL.findall(value) if char not in allowed]
        if found or (not allowed and ("\n" in value or "\t" in value)):
            raise PydanticCustomError(
                "control_character", "제어 문자가 들어 있습니다: text contains a control character"
            )
        return value

    return AfterValidator(check)


#: A money amount in the table's unit, never negative.
Amount = Annotated[int, BeforeValidator(korean_number), Field(ge=0, le=MAX_INTEGER)]
#: A printed difference, which can be negative (△).
SignedAmount = Annotated[int, BeforeValidator(korean_number), Field(ge=-MAX_INTEGER, le=MAX_INTEGER)]
#: A count of people, places, items.
Count = Annotated[int, BeforeValidator(korean_number), Field(ge=0, le=MAX_INTEGER)]
#: A percentage as printed (one decimal); growth rates can exceed 100.
Percent = Annotated[
    float, BeforeValidator(korean_number), Field(ge=-100_000, le=100_000, allow_inf_nan=False)
]
#: A rate of something achieved (징수율, 집행률, 달성률): never negative, may exceed 100.
Rate = Annotated[float, BeforeValidator(korean_number), Field(ge=0, le=100_000, allow_inf_nan=False)]
#: A share or completion rate, 0–100 %.
Share = Annotated[float, BeforeValidator(korean_number), Field(ge=0, le=100, allow_inf_nan=False)]
#: Any real number (indicators whose sign and scale vary).
Number = Annotated[float, BeforeValidator(korean_number), Field(ge=-1e18, le=1e18, allow_inf_nan=False)]
Flag = Annotated[bool, BeforeValidator(boolean)]
#: Free text; line breaks (Alt+Enter in Excel) and tabs allowed, other control characters not.
Text = Annotated[str, Field(min_length=1, max_length=500), _no_control_characters("\n\r\t")]
#: A name or label on one line.
Name = Annotated[str, Field(min_length=1, max_length=80), _no_control_characters("")]


def _registered_topic(with_page: bool) -> AfterValidator:
    def check(slug: str) -> str:
        # The registry imports every topic's tables, so it is looked up when rows are read,
        # not when the models are defined: a new topic needs no edit here.
        from bureau.topics import TOPICS

        slugs = [topic.slug for topic in TOPICS if topic.page is not None or not with_page]
        if slug not in slugs:
            raise PydanticCustomError(
                "unknown_topic",
                "등록되지 않은 주제입니다: '{slug}' is not one of {slugs}",
                {"slug": slug, "slugs": ", ".join(slugs)},
            )
        return slug

    return AfterValidator(check)


#: A topic of the report by its slug (``relief``), as registered in ``bureau.topics.TOPICS``.
TopicSlug = Annotated[str, Field(min_length=1, max_length=40), _registered_topic(with_page=False)]
#: A registered topic that has a page (``pages/<slug>.py``).
PageSlug = Annotated[str, Field(min_length=1, max_length=40), _registered_topic(with_page=True)]
#: Every date column: ``2025-03-31``, ``2025. 3. 31.``, ``2025.3.31`` or ``2025/3/31``,
#: between 1900 and 2100.
Day = Annotated[date, BeforeValidator(calendar_date), AfterValidator(_plausible_date)]
#: A whole number with a column-specific range, e.g. ``Annotated[Integer, Field(ge=1, le=12)]``.
Integer = Annotated[int, BeforeValidator(korean_number)]
#: A real number with a column-specific range (never NaN or infinite).
Real = Annotated[float, BeforeValidator(korean_number), Field(allow_inf_nan=False)]


class SourceModel(BaseModel):
    """One row of a source CSV. Every fact carries the report's as-of date (the period).

    ``min_rows`` is the fewest data rows the file may hold (over all reports); a table
    that may be empty declares ``min_rows = 0``. ``date_ranges`` lists ``(start, end)``
    column pairs; a row whose end is before its start is rejected at the end column
    (either may be empty). Example::

        class Event(SourceModel):
            date_ranges = (("start", "end"),)
            start: Day
            end: Day | None = None
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    min_rows: ClassVar[int] = 1
    date_ranges: ClassVar[tuple[tuple[str, str], ...]] = ()

    as_of: Day

    @model_validator(mode="after")
    def _ends_not_before_starts(self) -> Self:
        for start, end in self.date_ranges:
            check_order(getattr(self, start), getattr(self, end), start, end)
        return self


def check_order(start: object, end: object, start_column: str, end_column: str) -> None:
    """Raise a validation error located at ``end_column`` when ``end`` is before ``start``.

    Usable from any model validator (dates, or any ordered values such as times or years);
    ``bureau.sources`` reports the error at the column named in its context.
    """
    if start is not None and end is not None and end < start:
        raise PydanticCustomError(
            "end_before_start",
            "종료가 시작보다 앞섭니다: {end_column} {end} is before {start_column} {start}",
            {
                "column": end_column,
                "start_column": start_column,
                "end_column": end_column,
                "start": str(start),
                "end": str(end),
            },
        )


def base_type(field: FieldInfo) -> type:
    """The plain Python type of a model field: ``Annotated[int | None, …]`` → ``int``."""
    annotation = field.annotation
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        elif origin is typing.Literal:
            return type(typing.get_args(annotation)[0])
        else:
            return annotation


def literal_values(field: FieldInfo) -> tuple[object, ...]:
    """The values a ``Literal`` field allows, in the order declared (empty for other fields)."""
    annotation = field.annotation
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return tuple(value for part in typing.get_args(annotation) for value in _literal(part))
    return _literal(annotation)


def _literal(annotation: object) -> tuple[object, ...]:
    return typing.get_args(annotation) if typing.get_origin(annotation) is typing.Literal else ()


@dataclass(frozen=True)
class Reference:
    """``columns`` of this table must name an existing row of ``table`` (``target`` columns)."""

    columns: tuple[str, ...]
    table: str
    target: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A source table: its CSV file under data/sources, model, key, references and checks.

    ``checks`` are declared beside the table they concern (children sum to parents, printed
    totals and rates equal recomputed ones, …) and run by ``bureau.checks.engine``; ``order``
    is the report's order of its rows, used by ``bureau.selection`` (a column whose type is a
    ``Literal`` sorts in the order its values are declared)."""

    name: str
    model: type[SourceModel]
    key: tuple[str, ...]
    description: str
    references: tuple[Reference, ...] = ()
    #: the units of its figures as a caption for exports, e.g. "(단위 : 천원, %)"
    units: str = ""
    checks: tuple[Check, ...] = ()
    order: tuple[str, ...] = ()

    @property
    def file(self) -> str:
        return f"{self.name}.csv"


def report_reference() -> Reference:
    """Every table's rows belong to a report listed in reports.csv."""
    return Reference(("as_of",), "reports", ("as_of",))


def department_reference(column: str = "dept") -> Reference:
    """A department column must name a department of the same report."""
    return Reference(("as_of", column), "departments", ("as_of", "dept"))
