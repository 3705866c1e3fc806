"""영남 산불 피해지역 구호 지원: supplies, funds, appropriations, volunteers, donations, timeline;
the printed totals (723,170, 약 72만 개, 45억 = 5 + 40, 6,000,000천원) and weekdays are reconciled."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from bureau.checks.declared import Related, Sum, Weekdays, printed_figure
from bureau.schedule import WEEKDAY_TEXT_PATTERN
from bureau.schema import (
    Amount,
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
from bureau.units import Unit

FundId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_.]*$", max_length=60)]
ShortText = Annotated[str, Field(min_length=1, max_length=40)]


class ReliefSupply(SourceModel):
    """구호물품 by category in its own counting unit (동 tents, 대 food trucks, 개 items)."""

    dept: Name
    seq: Count
    category: Name
    quantity: Count
    count_unit: Literal["동", "대", "개"]


class ReliefFund(SourceModel):
    """구호금 (지역교류협력기금) in 억원, a hierarchy: the 45억 total, the 5억 and 40억
    stages, the 40억 split 37억 경북 / 3억 경남. Every row's amount is as printed; the
    build reconciles parents with the sum of their children."""

    dept: Name
    fund_id: FundId
    parent_id: FundId | None = None
    seq: Count
    stage: Name
    region: Name | None = None
    purpose: Text
    granted_on: Day | None = None
    amount: Amount


class ReliefAppropriation(SourceModel):
    """The 재해·재난 구호지원 사업비 events: used up (전액 소진) and added (긴급편성), 백만원."""

    dept: Name
    seq: Count
    event_on: Day
    event: Literal["전액 소진", "긴급편성"]
    program: Name
    amount: Amount


class ReliefVolunteers(SourceModel):
    """One volunteer group sent to the field: people, and for foreign residents the
    countries and the applicants (모집 하루만에 160명 신청)."""

    date_ranges = (("start", "end"),)
    dept: Name
    seq: Count
    activity: Literal["노력봉사", "의료봉사"]
    volunteer_group: Text
    people: Count
    countries: Count | None = None
    applicants: Count | None = None
    start: Day
    end: Day
    work: Text


class ReliefDonation(SourceModel):
    """The staff donation (성금모금), amount in 천원; ``delivered`` as printed (``4월 중``)."""

    date_ranges = (("start", "end"),)
    dept: Name
    start: Day
    end: Day
    amount: Amount
    donors: Text
    recipient: Name
    delivered: ShortText


class ReliefEvent(SourceModel):
    """A dated step of the response; ``printed_date`` as printed (``3.22.(토)~``) and
    ``printed_weekdays`` the weekday printed with it, checked against the calendar."""

    date_ranges = (("start", "end"),)
    dept: Name
    seq: Count
    start: Day
    end: Day | None = None
    category: Name
    event: Text
    printed_date: ShortText
    printed_weekdays: Annotated[str, Field(pattern=WEEKDAY_TEXT_PATTERN)] | None = None


class ReliefTfMember(SourceModel):
    """관계기관 TF 구성원."""

    seq: Count
    member: Name


def _dept_table(
    name: str, model: type[SourceModel], key: tuple[str, ...], description: str, **declared: object
) -> Table:
    return Table(name, model, key, description, (report_reference(), department_reference()), **declared)


SUPPLY_CHECKS = (
    printed_figure(
        "supplies_total",
        value="quantity",
        breakdown="count_unit",
        subject="구호물품",
        figure="총계",
        rule="품목별 수량의 합(동·대·개 합산)",
        note="단위가 다른 수량을 더한 값: {breakdown}",
    ),
    printed_figure(
        "supplies_approx",
        value="quantity",
        digits=-4,
        unit="개",
        subject="구호물품",
        figure="{printed_text}",
        rule="품목별 수량의 합을 만 단위로 반올림",
        note="밥차(대)·쉘터(동)도 1개로 셈",
    ),
)

TABLES = (
    _dept_table(
        "relief_supplies",
        ReliefSupply,
        ("as_of", "category"),
        "구호물품 지원 실적(품목별 단위)",
        checks=SUPPLY_CHECKS,
        order=("seq",),
    ),
    Table(
        "relief_funds",
        ReliefFund,
        ("as_of", "fund_id"),
        "구호금 지원(지역교류협력기금, 단위: 억원)",
        (
            report_reference(),
            department_reference(),
            Reference(("as_of", "parent_id"), "relief_funds", ("as_of", "fund_id")),
        ),
        checks=(
            Sum(
                printed="amount",
                value="amount",
                parts=Related(on=("as_of", ("fund_id", "parent_id"))),
                unit="억 원",
                subject="구호금 {stage}",
                figure="지원액(억원)",
                rule="하위 지원액의 합: {parts}",
                list_parts="{amount}억",
            ),
        ),
        order=("seq",),
    ),
    _dept_table(
        "relief_appropriations",
        ReliefAppropriation,
        ("as_of", "seq"),
        "재해·재난 구호지원 사업비 소진·긴급편성(단위: 백만원)",
        checks=(
            Sum(
                printed="budget",
                printed_in="program_execution",
                value="amount",
                convert=(Unit.MILLION, Unit.THOUSAND),
                subject="{program}",
                figure="예산현액(천원)",
                rule="소진·긴급편성 사업비의 합(백만원 → 천원): {parts}",
                list_parts="{event} {amount:,}",
            ),
        ),
        order=("seq",),
    ),
    _dept_table(
        "relief_volunteers", ReliefVolunteers, ("as_of", "seq"), "자원봉사 인력 지원", order=("seq",)
    ),
    _dept_table(
        "relief_donations", ReliefDonation, ("as_of", "start"), "직원 성금 모금(단위: 천원)", order=("start",)
    ),
    _dept_table(
        "relief_timeline",
        ReliefEvent,
        ("as_of", "seq"),
        "구호 지원 추진 경과",
        checks=(Weekdays(text="printed_date", subject="{event}", figure="요일", rule="달력의 요일"),),
        order=("seq",),
    ),
    Table(
        "relief_tf_members",
        ReliefTfMember,
        ("as_of", "seq"),
        "관계기관 TF 구성",
        (report_reference(),),
        order=("seq",),
    ),
)
