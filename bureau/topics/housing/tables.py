"""직원 주거복지: the staff 전세자금 loan's rules, budget, selections and schedule (its 예산집행
현황 is a row of the shared ``program_execution`` table). Rows that cannot be right are rejected;
the printed totals and cross-references (220억 = 94 + 126 = 22,000백만원, +40억, 105명/110억)
and the bounds (an average loan within the cap) are reconciled."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal, Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from bureau.checks.base import Row
from bureau.checks.declared import Compare, Complete, Related, Sum, offset, year_of
from bureau.format import number, short_year
from bureau.schema import (
    Amount,
    Count,
    Flag,
    Integer,
    Name,
    Real,
    Reference,
    SignedAmount,
    SourceModel,
    Table,
    Text,
    department_reference,
    report_reference,
)
from bureau.units import Unit, convert

LoanGroup = Literal["일반", "신혼부부", "다자녀", "신규직원", "1인가구"]
Year = Annotated[Integer, Field(ge=2000, le=2100)]
Half = Literal["상반기", "하반기"]
Month = Annotated[Integer, Field(ge=1, le=12)]
#: The printed 합계 row of a table.
TOTAL = "합계"


class WithPrintedTotal(SourceModel):
    """A table that keeps the report's printed 합계 row: ``printed_total`` is true on the row
    whose ``total_named_by`` column says 합계, and on it only."""

    total_named_by: ClassVar[str]

    @model_validator(mode="after")
    def _total_flagged(self) -> Self:
        name = getattr(self, self.total_named_by)
        if self.printed_total != (name == TOTAL):
            raise PydanticCustomError(
                "printed_total",
                "printed_total must be true exactly on 합계 rows ({name})",
                {"column": "printed_total", "name": name},
            )
        return self


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

    @model_validator(mode="after")
    def _longest_not_shorter(self) -> Self:
        if self.max_period_years < self.period_years:
            raise PydanticCustomError(
                "period_order",
                "max_period_years {longest} is shorter than period_years {period}",
                {"column": "max_period_years", "longest": self.max_period_years, "period": self.period_years},
            )
        return self


class HousingBudget(WithPrintedTotal):
    """사업예산 in 억원 by funding source; the printed 합계 row (``printed_total``) keeps the
    report's total and its printed change on the previous year (``printed_change``)."""

    total_named_by = "source"
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


class HousingSelection(WithPrintedTotal):
    """그룹별 배정액 (the year's allocation) and the half's selections, in 명 and 백만원.
    ``printed_total`` rows are the report's 합계 line, kept to reconcile."""

    total_named_by = "loan_group"
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


class HousingScheduleStep(SourceModel):
    date_ranges = (("start_month", "end_month"),)
    dept: Name
    fiscal_year: Year
    half: Half
    seq: Count
    step: Name
    start_month: Month
    end_month: Month


GROUPS = {"printed_total": False}
#: The group rows under a printed 합계 row: same report, year and half.
GROUPS_OF_ROUND = Related("housing_selection", on=("as_of", "fiscal_year", "half"), where=GROUPS)
#: The group rows of the row's fiscal year, and of the year before.
GROUPS_OF_YEAR = Related("housing_selection", on=("as_of", "fiscal_year"), where=GROUPS)
GROUPS_OF_PREVIOUS_YEAR = Related(
    "housing_selection", on=("as_of", (offset("fiscal_year", -1), "fiscal_year")), where=GROUPS
)
#: The group's rule in force in the row's fiscal year.
RULE_IN_FORCE = Related("housing_loan_rules", on=("as_of", "loan_group"), latest=("from_year", "fiscal_year"))
#: The selection row of the same group and round.
GROUP_SELECTION = Related("housing_selection", on=("as_of", "fiscal_year", "half", "loan_group"))
EOK = (Unit.MILLION, Unit.HUNDRED_MILLION)


def _year(row: Row, back: int = 0) -> str:
    return f"{short_year(row['fiscal_year'] - back)}년"


def _million(won: float) -> float:
    return convert(won, Unit.WON, Unit.MILLION)


def _budget_checks() -> tuple[Sum, ...]:
    def subject(row: Row) -> str:
        return f"{_year(row)} 주거복지 사업예산"

    total = {"printed_total": True}
    allocations = {"value": "allocation", "unique": "loan_group", "convert": EOK}
    return (
        Sum(
            printed="amount",
            where=total,
            parts=Related(on=("as_of", "fiscal_year"), where=GROUPS),
            value="amount",
            subject=subject,
            figure="합계(억원)",
            rule="재원별 합({parts})",
            list_parts="{source} {amount}",
        ),
        Sum(
            printed="amount",
            where=total,
            parts=GROUPS_OF_YEAR,
            **allocations,
            subject=subject,
            figure="예산(억원) = 그룹별 배정액 합계",
            rule=lambda row: f"{_year(row)} 그룹별 배정액 합 ÷ 100 (백만원 → 억원)",
        ),
        Sum(
            printed="printed_change",
            where=total,
            parts=GROUPS_OF_YEAR,
            minus=GROUPS_OF_PREVIOUS_YEAR,
            **allocations,
            subject=subject,
            figure="전년대비 증액(억원)",
            rule=lambda row: f"({_year(row)} − {_year(row, 1)} 그룹별 배정액 합) ÷ 100",
        ),
        Sum(
            printed="amount",
            where={"source": "일반"},
            parts=Related("program_execution", on=("as_of", ("fiscal_year", year_of("measured_on")))),
            value="budget",
            convert=(Unit.THOUSAND, Unit.HUNDRED_MILLION),
            subject=subject,
            figure="일반(억원) = 예산집행 현황 예산현액",
            rule="예산현액(천원) ÷ 100,000",
        ),
    )


def _round_subject(row: Row) -> str:
    return f"{_year(row)} {row['half']} 선정결과"


#: The printed 선정 people and amount of a round are its groups' sums: (column, group column, units).
APPLICATION_CHECKS = tuple(
    Sum(
        printed=column,
        where={"stage": "선정"},
        parts=GROUPS_OF_ROUND,
        value=summed,
        convert=units,
        subject=_round_subject,
        figure=figure,
        rule=rule,
    )
    for column, summed, units, figure, rule in (
        ("people", "selected", None, "선정 인원(명)", "그룹별 선정 인원의 합"),
        ("amount", "amount", EOK, "선정 금액(억원)", "그룹별 선정 금액의 합(백만원) ÷ 100"),
    )
)


def _group_subject(row: Row) -> str:
    return f"{_year(row)} {row['loan_group']}"


SELECTION_CHECKS = (
    *(
        Sum(
            printed=column,
            where={"printed_total": True},
            parts=GROUPS_OF_ROUND,
            value=column,
            subject=lambda row: f"{_year(row)} 합계",
            figure=figure,
            rule=rule,
        )
        for column, figure, rule in (
            ("allocation", "그룹별 배정액(백만원)", "그룹 배정액의 합"),
            ("selected", "{half} 선정 인원(명)", "그룹 인원의 합"),
            ("amount", "{half} 선정 금액(백만원)", "그룹 금액의 합"),
        )
    ),
    Compare(
        printed=lambda row: row["amount"] / row["selected"],
        recomputed=lambda row: _million(row["rule"]["cap"]),
        at_most=True,
        related=(("rule", RULE_IN_FORCE),),
        where=lambda row: not row["printed_total"] and row["selected"] > 0,
        digits=1,
        subject=_group_subject,
        figure="1인당 평균 지원액(백만원) ≤ 지원한도",
        rule=lambda row: f"금액 ÷ 인원 ≤ 그해 한도 {number(_million(row['rule']['cap']))}백만원",
    ),
)


def _rest_note(row: Row) -> str:
    """What the group's other people got on average (``나머지 7명 평균 128.6백만원``)."""
    rest = row["group"]["selected"] - row["people"]
    if rest <= 0:
        return ""
    average = (row["group"]["amount"] - row["people"] * _million(row["cap"])) / rest
    return f"나머지 {number(rest)}명 평균 {number(average, 1)}백만원"


def _cap_subject(row: Row) -> str:
    return f"{_year(row)} {row['loan_group']} 한도 지원"


CAP_RECIPIENT_CHECKS = (
    Compare(
        printed=lambda row: _million(row["cap"]),
        recomputed=lambda row: _million(row["rule"]["cap"]),
        related=(("rule", RULE_IN_FORCE),),
        subject=_cap_subject,
        figure="지원한도(백만원)",
        rule="그해 그룹 지원한도(규칙)",
    ),
    Compare(
        printed="people",
        recomputed=lambda row: row["group"]["selected"],
        at_most=True,
        related=(("group", GROUP_SELECTION),),
        subject=_cap_subject,
        figure="한도 지원 인원 ≤ 그룹 선정 인원(명)",
        rule="한도 지원 인원 ≤ 그룹 선정 인원",
    ),
    Compare(
        printed=lambda row: row["people"] * _million(row["cap"]),
        recomputed=lambda row: row["group"]["amount"],
        at_most=True,
        related=(("group", GROUP_SELECTION),),
        subject=_cap_subject,
        figure="한도 지원 금액 ≤ 그룹 선정 금액(백만원)",
        rule="인원 × 한도 ≤ 그룹 금액",
        note=_rest_note,
    ),
)


def _tables() -> tuple[Table, ...]:
    common = (report_reference(), department_reference())
    return (
        Table(
            "housing_loan_rules",
            HousingLoanRule,
            ("as_of", "loan_group", "from_year"),
            "전세자금 융자 그룹별 지원한도(원)와 보증금 대비 한도(%)",
            common,
            # the calculator needs a cap for every group in every year of rules
            checks=(Complete(("from_year", "loan_group"), "no rule for {loan_group!r} from {from_year}"),),
            order=("from_year", "sort_order"),
        ),
        Table(
            "housing_loan_terms",
            HousingLoanTerms,
            ("as_of", "from_year"),
            "전세자금 융자 지원기간·이자율",
            common,
            order=("from_year",),
        ),
        Table(
            "housing_budget",
            HousingBudget,
            ("as_of", "fiscal_year", "source"),
            "주거복지 사업예산(억원)",
            common,
            checks=_budget_checks(),
        ),
        Table(
            "housing_applications",
            HousingApplication,
            ("as_of", "fiscal_year", "half", "stage"),
            "전세자금 신청·선정 인원(명)과 금액(억원)",
            common,
            checks=APPLICATION_CHECKS,
        ),
        Table(
            "housing_cap_recipients",
            HousingCapRecipient,
            ("as_of", "fiscal_year", "half", "loan_group"),
            "상향된 지원한도를 받은 인원",
            (*common, Reference(("as_of", "loan_group"), "housing_loan_rules", ("as_of", "loan_group"))),
            checks=CAP_RECIPIENT_CHECKS,
        ),
        Table(
            "housing_selection",
            HousingSelection,
            ("as_of", "fiscal_year", "half", "loan_group"),
            "그룹별 배정액·선정결과(명, 백만원)",
            common,
            checks=SELECTION_CHECKS,
            order=("fiscal_year", "sort_order"),
        ),
        Table(
            "housing_notes", HousingNote, ("as_of", "note_id"), "주거복지 주석", common, order=("note_id",)
        ),
        Table(
            "housing_schedule",
            HousingScheduleStep,
            ("as_of", "fiscal_year", "half", "seq"),
            "전세자금 향후 추진일정",
            common,
            order=("fiscal_year", "half", "seq"),
        ),
    )


TABLES = _tables()
