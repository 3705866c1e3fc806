"""직원 주거복지: the staff 전세자금 loan's rules, budget, selections, execution and schedule."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from bureau.schema import (
    Amount,
    Count,
    Flag,
    Integer,
    Name,
    Percent,
    Real,
    Reference,
    Share,
    SignedAmount,
    SourceModel,
    Table,
    Text,
    department_reference,
    report_reference,
)

LoanGroup = Literal["일반", "신혼부부", "다자녀", "신규직원", "1인가구"]
Year = Annotated[Integer, Field(ge=2000, le=2100)]
Half = Literal["상반기", "하반기"]
Month = Annotated[Integer, Field(ge=1, le=12)]


class HousingLoanRule(SourceModel):
    """From ``from_year`` a group may borrow ``max_deposit_share`` % of the deposit, at most
    ``cap`` 원. The calculator reads these rows; the page has no figures of its own."""

    dept: Name
    loan_group: LoanGroup
    from_year: Year
    max_deposit_share: Annotated[Real, Field(gt=0, le=100)]
    cap: Annotated[Integer, Field(gt=0)]
    sort_order: Count


class HousingLoanTerms(SourceModel):
    """The loan period (years, and the longest with extensions) and the yearly rate (%)."""

    dept: Name
    from_year: Year
    period_years: Annotated[Integer, Field(ge=1, le=30)]
    max_period_years: Annotated[Integer, Field(ge=1, le=30)]
    annual_rate: Annotated[Real, Field(ge=0, le=20)]
    guarantee_insurance: Text


class HousingBudget(SourceModel):
    """사업예산 in 억원 by funding source; the printed 합계 row (``printed_total``) keeps the
    report's total and its printed change on the previous year (``printed_change``)."""

    dept: Name
    fiscal_year: Year
    source: Literal["합계", "일반", "기금"]
    amount: Amount
    printed_total: Flag
    printed_change: SignedAmount | None = None
    sort_order: Count


class HousingApplication(SourceModel):
    """Applicants and selected people of one round, amounts in 억원 as printed."""

    dept: Name
    fiscal_year: Year
    half: Half
    stage: Literal["신청", "선정"]
    people: Count
    amount: Amount


class HousingCapRecipient(SourceModel):
    """How many selected people received a group's raised cap (``cap`` 원)."""

    dept: Name
    fiscal_year: Year
    half: Half
    loan_group: LoanGroup
    cap: Annotated[Integer, Field(gt=0)]
    people: Count


class HousingSelection(SourceModel):
    """그룹별 배정액 (the year's allocation) and the half's selections, in 명 and 백만원.
    ``printed_total`` rows are the report's 합계 line, kept to reconcile."""

    dept: Name
    loan_group: LoanGroup | Literal["합계"]
    fiscal_year: Year
    half: Half
    allocation: Amount
    selected: Count
    amount: Amount
    printed_total: Flag
    sort_order: Count


class HousingNote(SourceModel):
    dept: Name
    note_id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    subject: Name
    text: Text


class HousingBudgetExecution(SourceModel):
    """예산집행 현황 in 천원; rates as printed (%)."""

    dept: Name
    fiscal_year: Year
    programme: Name
    budget: Amount
    committed: Amount
    spent: Amount
    printed_committed_rate: Share
    printed_spent_rate: Share
    expected_year_end: Amount
    printed_expected_rate: Percent


class HousingScheduleStep(SourceModel):
    dept: Name
    fiscal_year: Year
    half: Half
    seq: Count
    step: Name
    start_month: Month
    end_month: Month


def _tables() -> tuple[Table, ...]:
    common = (report_reference(), department_reference())
    return (
        Table(
            "housing_loan_rules",
            HousingLoanRule,
            ("as_of", "loan_group", "from_year"),
            "전세자금 융자 그룹별 지원한도(원)와 보증금 대비 한도(%)",
            common,
        ),
        Table(
            "housing_loan_terms",
            HousingLoanTerms,
            ("as_of", "from_year"),
            "전세자금 융자 지원기간·이자율",
            common,
        ),
        Table(
            "housing_budget",
            HousingBudget,
            ("as_of", "fiscal_year", "source"),
            "주거복지 사업예산(억원)",
            common,
        ),
        Table(
            "housing_applications",
            HousingApplication,
            ("as_of", "fiscal_year", "half", "stage"),
            "전세자금 신청·선정 인원(명)과 금액(억원)",
            common,
        ),
        Table(
            "housing_cap_recipients",
            HousingCapRecipient,
            ("as_of", "fiscal_year", "half", "loan_group"),
            "상향된 지원한도를 받은 인원",
            (*common, Reference(("as_of", "loan_group"), "housing_loan_rules", ("as_of", "loan_group"))),
        ),
        Table(
            "housing_selection",
            HousingSelection,
            ("as_of", "fiscal_year", "half", "loan_group"),
            "그룹별 배정액·선정결과(명, 백만원)",
            common,
        ),
        Table("housing_notes", HousingNote, ("as_of", "note_id"), "주거복지 주석", common),
        Table(
            "housing_budget_execution",
            HousingBudgetExecution,
            ("as_of", "fiscal_year", "programme"),
            "주거복지 예산집행 현황(천원, %)",
            common,
        ),
        Table(
            "housing_schedule",
            HousingScheduleStep,
            ("as_of", "fiscal_year", "half", "seq"),
            "전세자금 향후 추진일정",
            common,
        ),
    )


TABLES = _tables()
