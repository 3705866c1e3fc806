"""자치구·동 행정여건: one row per indicator, subject and reference period."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from bureau.schema.base import Flag, Name, Number, SourceModel, Table, report_reference


class DistrictIndicator(SourceModel):
    """``reference`` is the period the figure describes as printed (``2024-03``,
    ``2025 본예산``); ``printed_derived`` marks figures the report computed itself."""

    reference: Annotated[str, Field(min_length=4, max_length=20)]
    indicator_id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    label: Name
    subject: Name
    value: Number
    unit: Annotated[str, Field(min_length=1, max_length=10)]
    printed_derived: Flag


TABLES = (
    Table(
        "district_indicators",
        DistrictIndicator,
        ("as_of", "indicator_id", "reference"),
        "자치구·동 행정여건 지표",
        (report_reference(),),
    ),
)
