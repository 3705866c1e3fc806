"""The 전세자금 loan calculator: the rules in force in a year, what a deposit typed in Korean
lets a staff member borrow and what it costs.

The rules (share of the deposit, cap by group and year, period, rate) come from
data/sources/housing_loan_rules.csv and housing_loan_terms.csv; nothing here hard-codes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import pandas as pd

from bureau.format import markdown_text, number, particle, rate
from bureau.korean_amount import parse_korean_amount
from bureau.kpi import Kpi

#: Sanity bounds for a 전세 deposit typed by a person (not programme rules): below 100만원 is
#: almost always a unit slip (만원 typed as 원); above 1,000억원 is a typo.
MIN_DEPOSIT_WON = 1_000_000
MAX_DEPOSIT_WON = 100_000_000_000

#: Units a person may type the deposit in, with their size in 원.
INPUT_UNITS = {"만원": 10_000, "원": 1}


@dataclass(frozen=True)
class LoanRule:
    loan_group: str
    from_year: int
    max_deposit_share: float
    cap: int


@dataclass(frozen=True)
class LoanTerms:
    from_year: int
    period_years: int
    max_period_years: int
    annual_rate: float
    guarantee_insurance: str


@dataclass(frozen=True)
class LoanQuote:
    """What a staff member can borrow and what it costs (원)."""

    loan_group: str
    deposit: int
    share_limit: int
    cap: int
    loan: int
    max_deposit_share: float
    annual_rate: float
    annual_interest: int
    monthly_interest: int
    period_years: int
    max_period_years: int
    period_interest: int
    guarantee_insurance: str
    rule_year: int

    @property
    def capped(self) -> bool:
        """True when the group cap, not the share of the deposit, limits the loan."""
        return self.cap < self.share_limit

    @property
    def deposit_for_cap(self) -> int:
        """The smallest deposit at which the group cap is reached."""
        return int((Decimal(self.cap) * 100 / Decimal(str(self.max_deposit_share))).to_integral_value())


@dataclass(frozen=True)
class LoanMessage:
    """Why no quote can be given (the deposit is missing, not a number, zero, negative or absurd)."""

    text: str


def rules_for_year(rules: pd.DataFrame, year: int) -> dict[str, LoanRule]:
    """Each group's rule in force in ``year``: the row with the latest ``from_year`` ≤ ``year``,
    in the data's order."""
    usable = rules[rules["from_year"] <= year].sort_values(["sort_order", "from_year"])
    latest = usable.groupby("loan_group", sort=False).tail(1).sort_values("sort_order")
    return {
        row.loan_group: LoanRule(
            row.loan_group, int(row.from_year), float(row.max_deposit_share), int(row.cap)
        )
        for row in latest.itertuples()
    }


def terms_for_year(terms: pd.DataFrame, year: int) -> LoanTerms | None:
    usable = terms[terms["from_year"] <= year].sort_values("from_year")
    if usable.empty:
        usable = terms.sort_values("from_year").head(1)  # terms printed only for a later year
    if usable.empty:
        return None
    row = usable.iloc[-1]
    return LoanTerms(
        int(row["from_year"]),
        int(row["period_years"]),
        int(row["max_period_years"]),
        float(row["annual_rate"]),
        str(row["guarantee_insurance"]),
    )


def parse_deposit(text: str | None, unit: str = "만원") -> int | LoanMessage:
    """A deposit as typed (:func:`bureau.korean_amount.parse_korean_amount`), a bare number or
    last group in ``unit``: whole 원, or a message saying what is wrong."""
    if unit not in INPUT_UNITS:
        return LoanMessage(f"입력 단위는 {', '.join(INPUT_UNITS)} 중 하나여야 합니다.")
    if not (text or "").strip():
        return LoanMessage("전세 보증금을 입력해 주세요.")
    try:
        return parse_korean_amount(text, INPUT_UNITS[unit])
    except ValueError:
        return LoanMessage(
            f"‘{text}’은(는) 금액으로 읽을 수 없습니다. 숫자로 입력해 주세요 (예: 30000 {unit}, 3억 5천)."
        )


def check_deposit(deposit: int) -> LoanMessage | None:
    if deposit < 0:
        return LoanMessage("보증금은 음수일 수 없습니다. 전세 보증금 금액을 양수로 입력해 주세요.")
    if deposit == 0:
        return LoanMessage("보증금이 0원입니다. 전세 보증금을 입력해야 융자 가능액을 계산할 수 있습니다.")
    if deposit < MIN_DEPOSIT_WON:
        return LoanMessage(
            f"보증금 {particle(won_korean(deposit), '은', '는')} 전세 보증금으로 너무 작습니다. "
            "입력 단위(원/만원)를 확인해 주세요."
        )
    if deposit > MAX_DEPOSIT_WON:
        return LoanMessage(
            f"보증금 {particle(won_korean(deposit), '은', '는')} 현실적인 전세 보증금이 아닙니다. "
            "자릿수와 단위를 확인해 주세요."
        )
    return None


def quote(
    deposit: int, loan_group: str, rules: Mapping[str, LoanRule], terms: LoanTerms
) -> LoanQuote | LoanMessage:
    """Eligible loan = min(deposit × share, group cap), with the interest at the yearly rate.

    Interest is simple interest on the whole loan (원 rounded half up); the monthly figure
    is the yearly one divided by 12. Guarantee insurance is not included.
    """
    problem = check_deposit(deposit)
    if problem:
        return problem
    rule = rules.get(loan_group)
    if rule is None:
        return LoanMessage(f"‘{loan_group}’ 그룹의 지원한도가 데이터에 없습니다. 그룹을 다시 선택해 주세요.")
    share_limit = int(
        (Decimal(deposit) * Decimal(str(rule.max_deposit_share)) / 100).to_integral_value(ROUND_DOWN)
    )
    loan = min(share_limit, rule.cap)
    yearly = Decimal(loan) * Decimal(str(terms.annual_rate)) / 100
    annual = int(yearly.to_integral_value(ROUND_HALF_UP))
    monthly = int((yearly / 12).to_integral_value(ROUND_HALF_UP))
    return LoanQuote(
        loan_group=loan_group,
        deposit=deposit,
        share_limit=share_limit,
        cap=rule.cap,
        loan=loan,
        max_deposit_share=rule.max_deposit_share,
        annual_rate=terms.annual_rate,
        annual_interest=annual,
        monthly_interest=monthly,
        period_years=terms.period_years,
        max_period_years=terms.max_period_years,
        period_interest=annual * terms.period_years,
        guarantee_insurance=terms.guarantee_insurance,
        rule_year=rule.from_year,
    )


def quote_text(
    text: str | None, unit: str, loan_group: str, rules: Mapping[str, LoanRule], terms: LoanTerms | None
) -> LoanQuote | LoanMessage:
    """The calculator in one call: parse what was typed, then :func:`quote`."""
    if terms is None:
        return LoanMessage("이 보고서에는 융자 조건(기간·이자율) 데이터가 없습니다.")
    deposit = parse_deposit(text, unit)
    if isinstance(deposit, LoanMessage):
        return deposit
    return quote(deposit, loan_group, rules, terms)


def won_korean(value: int) -> str:
    """``150_000_000`` → ``1억 5,000만원``; ``166_667`` → ``16만 6,667원``; negatives with △."""
    sign = "△" if value < 0 else ""
    eok, rest = divmod(abs(int(value)), 100_000_000)
    man, won = divmod(rest, 10_000)
    parts = [f"{eok:,}억" if eok else "", f"{man:,}만" if man else "", f"{won:,}" if won else ""]
    text = " ".join(part for part in parts if part)
    return f"{sign}{text or '0'}원"


def quote_lines(result: LoanQuote) -> list[Kpi]:
    """The quote as KPIs for the page; each ``help`` is the figure's detail (Markdown)."""
    reason = (
        f"그룹 지원한도 {won_korean(result.cap)}에 걸림 "
        f"(보증금 {won_korean(result.deposit_for_cap)} 이상이면 한도)"
        if result.capped
        else f"보증금의 {number(result.max_deposit_share)}% (그룹 한도 {won_korean(result.cap)} 이내)"
    )
    return [
        Kpi("융자 가능액", won_korean(result.loan), help=reason),
        Kpi(
            "연 이자",
            won_korean(result.annual_interest),
            help=f"연 {rate(result.annual_rate)}% 단순 계산 · {markdown_text(result.guarantee_insurance)}",
        ),
        Kpi("월 이자", won_korean(result.monthly_interest), help="연 이자 ÷ 12"),
        Kpi(
            "지원기간",
            f"{result.period_years}년 (최장 {result.max_period_years}년)",
            help=f"{result.period_years}년 이자 합계 {won_korean(result.period_interest)}",
        ),
    ]
