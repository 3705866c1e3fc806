"""일반 현황: the bureau's organization, duties, and 자치구·동 행정여건; the printed 7과 1사업소
365명 is recounted from the departments, the derived indicators recomputed."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from bureau.checks.declared import Related, Sum
from bureau.schema import (
    Count,
    Day,
    Flag,
    Name,
    Number,
    SourceModel,
    Table,
    Text,
    department_reference,
    report_reference,
)
from bureau.topics.overview.checks import DerivedIndicators
from bureau.topics.overview.district import RULES


class Department(SourceModel):
    dept: Name
    kind: Literal["과", "사업소", "유관기관"]
    divisions: Count | None = None
    teams: Count | None = None
    headcount: Count
    founded: Day | None = None
    sort_order: Count


class BureauSummary(SourceModel):
    """The totals the report prints for the bureau (7과 1사업소 365명)."""

    printed_departments: Count
    printed_field_offices: Count
    printed_headcount: Count


class Duty(SourceModel):
    dept: Name
    seq: Count
    duty: Text


class DistrictIndicator(SourceModel):
    """``reference`` is the period the figure describes as printed (a day, a month ``YYYY-MM``
    or a year and what it names, ``YYYY 본예산``); ``printed_derived`` marks figures the report
    computed itself."""

    reference: Annotated[str, Field(min_length=4, max_length=20)]
    indicator_id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    label: Name
    subject: Name
    value: Number
    unit: Annotated[str, Field(min_length=1, max_length=10)]
    printed_derived: Flag


#: The printed 7과 1사업소 365명 recounted from the departments: (column, kinds, summed, figure, rule).
ORGANIZATION = (
    ("printed_departments", "과", None, "과 수", "부서 중 과의 수"),
    ("printed_field_offices", "사업소", None, "사업소 수", "부서 중 사업소의 수"),
    ("printed_headcount", ("과", "사업소"), "headcount", "인원(명)", "과·사업소 인원의 합(유관기관 제외)"),
)

TABLES = (
    Table(
        "departments",
        Department,
        ("as_of", "dept"),
        "부서별 팀 수·인원",
        (report_reference(),),
        units="(단위 : 팀, 명)",
        order=("sort_order",),
    ),
    Table(
        "bureau_summary",
        BureauSummary,
        ("as_of",),
        "행정국 조직 총괄(보고서 표기 합계)",
        (report_reference(),),
        checks=tuple(
            Sum(
                printed=column,
                parts=Related("departments", where={"kind": kinds}),
                value=summed,
                subject="행정국 조직",
                figure=figure,
                rule=rule,
            )
            for column, kinds, summed, figure, rule in ORGANIZATION
        ),
    ),
    Table(
        "duties",
        Duty,
        ("as_of", "dept", "seq"),
        "부서별 담당업무",
        (report_reference(), department_reference()),
    ),
    Table(
        "district_indicators",
        DistrictIndicator,
        ("as_of", "indicator_id", "reference"),
        "자치구·동 행정여건 지표",
        (report_reference(),),
        checks=(DerivedIndicators(RULES, "자치구·동 행정여건"),),
        order=("indicator_id", "reference"),
    ),
)
