"""What a slide says, independent of PowerPoint: topics describe slides with these."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

ChartKind = Literal["bar", "column", "column_stacked", "line", "pie"]


@dataclass(frozen=True)
class ChartSpec:
    """A native chart: one value per category per series, in ``unit``."""

    kind: ChartKind
    categories: list[str]
    series: dict[str, list[float]]
    unit: str
    #: Excel number format for data labels and axis
    number_format: str = '#,##0;"△"#,##0'
    #: ``(label, value)``: a dashed line at ``value`` across a ``bar`` chart, e.g. the year's pace
    reference: tuple[str, float] | None = None


@dataclass(frozen=True)
class SlideSpec:
    title: str
    bullets: list[str] = field(default_factory=list)
    chart: ChartSpec | None = None
    table: pd.DataFrame | None = None
    #: e.g. the unit caption or a discrepancy note, printed small under the content
    note: str = ""
    #: the title slide: large title and lines, centred on the slide
    cover: bool = False
