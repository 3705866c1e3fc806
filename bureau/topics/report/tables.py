"""The report itself and what its topics share: the report list, the unit each table is printed in,
the current issues with their contacts, points, printed figures and program execution."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from bureau.checks.base import Row
from bureau.checks.declared import Compare
from bureau.metrics import percent
from bureau.schema import (
    Amount,
    Count,
    Day,
    Name,
    PageSlug,
    Percent,
    Real,
    Reference,
    SourceModel,
    Table,
    Text,
    TopicSlug,
    department_reference,
    report_reference,
)
from bureau.topics.report.calc import EXPECTED_RULES, spent_names, year_end_spent
from bureau.units import Unit

FigureId = Annotated[str, Field(pattern=r"^[a-z][a-z_]*(\.[^,]+)?$", max_length=80)]
ShortText = Annotated[str, Field(min_length=1, max_length=40)]
#: What a 연말(’YY년말) 예상액 counts: the year-end total spent, or what remains to spend.
ExpectedBasis = Literal["누계", "잔여"]
#: A money unit by its Korean label (원, 천원, 백만원, 억원, 조원).
UnitLabel = Literal[tuple(unit.value for unit in Unit)]  # type: ignore[valid-type]
TableName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]


class Report(SourceModel):
    """One business report; its as-of date is the period every other row points to."""

    published: Annotated[str, Field(pattern=r"^\d{4}-\d{2}$")]
    title: Name
    source: Text


class ReportSection(SourceModel):
    """One numbered part of the report (``Ⅱ``, ``현안 업무보고``), in the report's order. A page
    names its place in the report with it: the parts whose ``page`` it is (the overview:
    ``Ⅰ. 일반현황 · Ⅱ. 현안 업무보고``), or the part its current issue is reported in
    (``Ⅱ. 현안 업무보고 1``)."""

    seq: Count
    numeral: ShortText
    title: Name
    page: PageSlug | None = None


class CurrentIssue(SourceModel):
    """A 현안: its number and the part of the report (``section``, a numeral of
    report_sections.csv) it is reported in, the page showing it, its ◆ goal and the title of
    its attachment (붙임) where it has one."""

    section: ShortText
    issue_no: Count
    title: Name
    lead_dept: Name
    page: PageSlug
    goal: Text
    attachment: Name | None = None


class Contact(SourceModel):
    issue_no: Count
    sort_order: Count
    dept: Name
    position: Name
    name: Name
    phone: Annotated[str, Field(pattern=r"^[\d-]{3,15}$")]


class ReportUnit(SourceModel):
    """``table_name``'s amounts as the report prints them: 세입·세출 천원, 주거복지 선정결과
    백만원 and its 사업예산 억원, 구호금 억원, 성금 천원… ``where`` quotes the printed place."""

    table_name: TableName
    unit: UnitLabel
    where: Name
    note: Text | None = None


class IssuePoint(SourceModel):
    """One bullet of a current issue: 추진방향, 추진내용 or 향후계획.

    ``period_text`` is the period as printed (``’YY. 4월~``); ``start``/``end`` the same
    period as dates (``end`` empty when open-ended)."""

    date_ranges = (("start", "end"),)
    issue_no: Count
    dept: Name | None = None
    kind: Literal["추진방향", "추진내용", "향후계획"]
    seq: Count
    heading: Name | None = None
    text: Text
    detail: Text | None = None
    period_text: ShortText | None = None
    start: Day | None = None
    end: Day | None = None


class PrintedFigure(SourceModel):
    """A total or count the report prints in its text that no table row holds, kept as
    printed so the build can recompute it (``value`` is its number, ``printed_text`` its
    wording, e.g. ``약 72만 개``)."""

    topic: TopicSlug
    figure_id: FigureId
    label: Name
    value: Annotated[Real, Field(ge=0)]
    unit: ShortText
    printed_text: ShortText


class ProgramExecution(SourceModel):
    """A program's 예산·기금 집행현황 table (amounts in 천원, rates in % as printed), one concept
    for every topic that prints one (relief, markets, housing).

    ``measured_on`` is the table's own 기준일 (the relief fund table's is later than the report's).
    ``committed`` is 원인행위 (empty when the table has only 집행액), ``spent`` 지출액/집행액,
    ``expected`` the 연말(’YY년말) 집행예상 예상액: with ``expected_basis`` 누계 the amount spent by
    the year's end (its rate 예상액 ÷ 예산현액), with 잔여 the amount still to spend on top of
    집행액 (rate (집행액 + 예상액) ÷ 예산현액; the relief fund table: 5,000,000 spent, 1,000,000
    to go, 100.0%)."""

    topic: TopicSlug
    measured_on: Day
    dept: Name
    program: Name
    budget: Amount
    committed: Amount | None = None
    spent: Amount
    printed_committed_rate: Percent | None = None
    printed_spent_rate: Percent
    expected: Amount
    expected_basis: ExpectedBasis
    printed_expected_rate: Percent


def _spent(row: Row) -> tuple[str, str]:
    """What the table calls the amount spent and its rate (:func:`spent_names`)."""
    return spent_names(row["committed"] is not None)


#: Every printed 집행률 recomputed from the amounts over 예산현액; 예상 집행률 from what will have
#: been spent by the year's end (:func:`year_end_spent`).
EXECUTION_CHECKS = (
    Compare(
        printed="printed_committed_rate",
        recomputed=lambda row: None if row["committed"] is None else percent(row["committed"], row["budget"]),
        digits=1,
        subject="{program}",
        figure="원인행위 집행률",
        rule="원인행위 ÷ 예산현액 × 100",
    ),
    Compare(
        printed="printed_spent_rate",
        recomputed=lambda row: percent(row["spent"], row["budget"]),
        digits=1,
        subject="{program}",
        figure=lambda row: _spent(row)[1],
        rule=lambda row: f"{_spent(row)[0]} ÷ 예산현액 × 100",
    ),
    Compare(
        printed="printed_expected_rate",
        recomputed=lambda row: percent(
            year_end_spent(row["spent"], row["expected"], row["expected_basis"]), row["budget"]
        ),
        digits=1,
        subject="{program}",
        figure="’{measured_on:%y}년말 예상 집행률",
        rule=lambda row: EXPECTED_RULES[row["expected_basis"]],
    ),
)

TABLES = (
    Table("reports", Report, ("as_of",), "보고서 목록(기준일·발행월·출처)"),
    Table(
        "report_sections",
        ReportSection,
        ("as_of", "numeral"),
        "보고서 목차(Ⅰ, Ⅱ …)",
        (report_reference(),),
    ),
    Table(
        "current_issues",
        CurrentIssue,
        ("as_of", "issue_no"),
        "현안 업무와 주관 부서",
        (
            report_reference(),
            department_reference("lead_dept"),
            Reference(("as_of", "section"), "report_sections", ("as_of", "numeral")),
        ),
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
        order=("issue_no", "sort_order"),
    ),
    Table(
        "issue_points",
        IssuePoint,
        ("as_of", "issue_no", "kind", "seq"),
        "현안 업무의 추진방향·추진내용·향후계획",
        (
            report_reference(),
            department_reference(),
            Reference(("as_of", "issue_no"), "current_issues", ("as_of", "issue_no")),
        ),
        order=("kind", "seq"),
    ),
    Table(
        "printed_figures",
        PrintedFigure,
        ("as_of", "topic", "figure_id"),
        "본문에 인쇄된 합계·개수(재계산 대상)",
        (report_reference(),),
        order=("figure_id",),
    ),
    Table(
        "program_execution",
        ProgramExecution,
        ("as_of", "topic", "program"),
        "현안 사업 예산·기금 집행현황(단위: 천원, %)",
        (report_reference(), department_reference()),
        checks=EXECUTION_CHECKS,
        order=("program",),
    ),
    Table(
        "report_units",
        ReportUnit,
        ("as_of", "table_name"),
        "표·수치별 보고서 표기 단위",
        (report_reference(),),
    ),
)
