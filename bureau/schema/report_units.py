"""The unit the report prints each source table's amounts in (the 보고서 단위 view)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from bureau.schema.base import Name, SourceModel, Table, Text, report_reference
from bureau.units import Unit

#: A money unit by its Korean label (원, 천원, 백만원, 억원, 조원).
UnitLabel = Literal[tuple(unit.value for unit in Unit)]  # type: ignore[valid-type]
TableName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]


class ReportUnit(SourceModel):
    """``table_name``'s amounts as the report prints them: 세입·세출 천원, 주거복지 선정결과
    백만원 and its 사업예산 억원, 구호금 억원, 성금 천원… ``where`` quotes the printed place."""

    table_name: TableName
    unit: UnitLabel
    where: Name
    note: Text | None = None


TABLES = (
    Table(
        "report_units",
        ReportUnit,
        ("as_of", "table_name"),
        "표·수치별 보고서 표기 단위",
        (report_reference(),),
    ),
)
