"""The report itself, the bureau's organization, and who leads each current issue."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from bureau.schema.base import (
    Count,
    Day,
    Name,
    Reference,
    SourceModel,
    Table,
    Text,
    department_reference,
    report_reference,
)


class Report(SourceModel):
    """One business report; its as-of date is the period every other row points to."""

    published: Annotated[str, Field(pattern=r"^\d{4}-\d{2}$")]
    title: Name
    source: Text


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


class CurrentIssue(SourceModel):
    issue_no: Count
    title: Name
    lead_dept: Name
    page: Literal["relief", "markets", "ai_training", "housing"]
    goal: Text


class Contact(SourceModel):
    issue_no: Count
    sort_order: Count
    dept: Name
    position: Name
    name: Name
    phone: Annotated[str, Field(pattern=r"^[\d-]{3,15}$")]


TABLES = (
    Table("reports", Report, ("as_of",), "보고서 목록(기준일·발행월·출처)"),
    Table(
        "departments",
        Department,
        ("as_of", "dept"),
        "부서별 팀 수·인원",
        (report_reference(),),
        units="(단위 : 팀, 명)",
    ),
    Table(
        "bureau_summary",
        BureauSummary,
        ("as_of",),
        "행정국 조직 총괄(보고서 표기 합계)",
        (report_reference(),),
    ),
    Table(
        "duties",
        Duty,
        ("as_of", "dept", "seq"),
        "부서별 담당업무",
        (report_reference(), department_reference()),
    ),
    Table(
        "current_issues",
        CurrentIssue,
        ("as_of", "issue_no"),
        "현안 업무와 주관 부서",
        (report_reference(), department_reference("lead_dept")),
    ),
    Table(
        "contacts",
        Contact,
        ("as_of", "issue_no", "sort_order"),
        "현안별 담당자 연락처",
        (
            report_reference(),
            department_reference(),
            Reference(("as_of", "issue_no"), "current_issues", ("as_of", "issue_no")),
        ),
    ),
)
