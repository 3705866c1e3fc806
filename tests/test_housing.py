"""직원 주거복지: the loan rule and calculator, the reconciliations, the page."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pandas as pd
import pytest

from bureau.checks.engine import errors
from bureau.table import display_text
from bureau.topics import TOPICS
from bureau.topics.housing import calc as housing
from bureau.topics.housing import loan_calculator, queries
from bureau.topics.report import meta
from bureau.topics.report import queries as issue_queries
from bureau.topics.report.calc import execution_table
from bureau.units import Unit
from tests.helpers_topic import build_errors, edited_con, topic_reconciliations
from tests.reading import shown, shown_metrics, table_text

AS_OF = date(2025, 3, 31)


EOK = 100_000_000
MAN = 10_000


@pytest.fixture
def rules_2025(con):
    return loan_calculator.rules_for_year(queries.loan_rules(con, AS_OF), 2025)


@pytest.fixture
def terms(con):
    return loan_calculator.terms_for_year(queries.loan_terms(con, AS_OF), 2025)


# --- rules read from data ------------------------------------------------------------------


def test_rules_in_force_by_year(con):
    rules = queries.loan_rules(con, AS_OF)
    caps_2024 = {g: r.cap for g, r in loan_calculator.rules_for_year(rules, 2024).items()}
    caps_2025 = {g: r.cap for g, r in loan_calculator.rules_for_year(rules, 2025).items()}
    assert caps_2024 == dict.fromkeys(["일반", "신혼부부", "다자녀", "신규직원", "1인가구"], 1 * EOK)
    assert caps_2025 == {
        "일반": EOK,
        "신혼부부": 150_000_000,
        "다자녀": 2 * EOK,
        "신규직원": EOK,
        "1인가구": EOK,
    }
    # a later year keeps the latest rule; an earlier year has none
    assert loan_calculator.rules_for_year(rules, 2027)["다자녀"].cap == 2 * EOK
    assert loan_calculator.rules_for_year(rules, 2023) == {}


def test_terms(terms):
    assert (terms.period_years, terms.max_period_years, terms.annual_rate) == (2, 6, 1.0)
    assert terms.guarantee_insurance == "보증보험 별도"


# --- the loan rule: each group at, below and above its cap ---------------------------------

CASES = [
    # group, deposit, loan: below the cap (50% binds), exactly at it, above it (cap binds)
    ("일반", 1 * EOK, 5_000 * MAN),
    ("일반", 2 * EOK, 1 * EOK),
    ("일반", 3 * EOK, 1 * EOK),
    ("신규직원", 150_000_000, 7_500 * MAN),
    ("신규직원", 2 * EOK, 1 * EOK),
    ("신규직원", 5 * EOK, 1 * EOK),
    ("1인가구", 1 * EOK, 5_000 * MAN),
    ("1인가구", 2 * EOK, 1 * EOK),
    ("1인가구", 2 * EOK + 20_000, 1 * EOK),
    ("신혼부부", 2 * EOK, 1 * EOK),
    ("신혼부부", 3 * EOK, 150_000_000),
    ("신혼부부", 4 * EOK, 150_000_000),
    ("다자녀", 3 * EOK, 150_000_000),
    ("다자녀", 4 * EOK, 2 * EOK),
    ("다자녀", 6 * EOK, 2 * EOK),
]


@pytest.mark.parametrize("group, deposit, loan", CASES)
def test_loan_is_half_the_deposit_up_to_the_group_cap(rules_2025, terms, group, deposit, loan):
    quote = loan_calculator.quote(deposit, group, rules_2025, terms)
    assert isinstance(quote, loan_calculator.LoanQuote)
    assert quote.loan == loan
    assert quote.capped == (deposit / 2 > quote.cap)
    assert quote.annual_interest == round(loan * 0.01)
    assert quote.period_interest == quote.annual_interest * 2


def test_interest_and_period_of_a_capped_loan(rules_2025, terms):
    quote = loan_calculator.quote(4 * EOK, "다자녀", rules_2025, terms)
    assert (quote.loan, quote.annual_interest, quote.monthly_interest) == (2 * EOK, 2_000_000, 166_667)
    assert (quote.period_years, quote.max_period_years, quote.period_interest) == (2, 6, 4_000_000)
    assert quote.deposit_for_cap == 4 * EOK
    lines = {kpi.label: kpi.value for kpi in loan_calculator.quote_lines(quote)}
    assert lines == {
        "융자 가능액": "2억원",
        "연 이자": "200만원",
        "월 이자": "16만 6,667원",
        "지원기간": "2년 (최장 6년)",
    }


def test_half_won_is_rounded_down(rules_2025, terms):
    assert loan_calculator.quote(100_000_001, "일반", rules_2025, terms).loan == 50_000_000


@pytest.mark.parametrize(
    "text, unit, expected",
    [
        ("30000", "만원", 3 * EOK),
        ("30,000", "만원", 3 * EOK),
        ("300,000,000", "원", 3 * EOK),
        ("3억", "원", 3 * EOK),
        ("3억 5천만원", "만원", 350_000_000),
        ("1.5억", "만원", 150_000_000),
        ("25000만원", "원", 250_000_000),
        ("-5000", "만원", -50_000_000),
        # 만원 input: a bare last group is 만원, so 3억 5천 is 3억 5천만원 (not 300,005,000원)
        ("3억 5천", "만원", 350_000_000),
        ("3억5000", "만원", 350_000_000),
        ("35000", "만원", 350_000_000),
        ("350,000,000", "원", 350_000_000),
        ("３억", "만원", 3 * EOK),
        ("1억2천3백", "만원", 123_000_000),
    ],
)
def test_parse_deposit(text, unit, expected):
    assert loan_calculator.parse_deposit(text, unit) == expected


@pytest.mark.parametrize(
    "text, unit, message",
    [
        ("", "만원", "전세 보증금을 입력해 주세요."),
        ("0", "만원", "보증금이 0원입니다"),
        ("-5000", "만원", "보증금은 음수일 수 없습니다"),
        ("△3억", "원", "보증금은 음수일 수 없습니다"),
        ("삼억", "원", "‘삼억’은(는) 금액으로 읽을 수 없습니다"),
        ("3억억", "만원", "‘3억억’은(는) 금액으로 읽을 수 없습니다"),
        ("abc", "만원", "‘abc’은(는) 금액으로 읽을 수 없습니다"),
        ("1e9", "원", "금액으로 읽을 수 없습니다"),
        (
            "30000",
            "원",
            "보증금 3만원은 전세 보증금으로 너무 작습니다. 입력 단위(원/만원)를 확인해 주세요.",
        ),
        ("300000000", "만원", "보증금 30,000억원은 현실적인 전세 보증금이 아닙니다"),
        ("30000", "달러", "입력 단위는 만원, 원 중 하나여야 합니다."),
    ],
)
def test_bad_deposits_get_a_clear_message(rules_2025, terms, text, unit, message):
    result = loan_calculator.quote_text(text, unit, "일반", rules_2025, terms)
    assert isinstance(result, loan_calculator.LoanMessage)
    assert message in result.text


def test_unknown_group_and_missing_terms(rules_2025, terms):
    assert "그룹" in loan_calculator.quote(3 * EOK, "없는그룹", rules_2025, terms).text
    assert "융자 조건" in loan_calculator.quote_text("30000", "만원", "일반", rules_2025, None).text


@pytest.mark.parametrize(
    "won, text",
    [
        (150_000_000, "1억 5,000만원"),
        (200_000_000, "2억원"),
        (166_667, "16만 6,667원"),
        (0, "0원"),
        (-50_000, "△5만원"),
    ],
)
def test_won_korean(won, text):
    assert loan_calculator.won_korean(won) == text


# --- tables --------------------------------------------------------------------------------


def test_selection_table_in_the_reports_units(con):
    notes = queries.notes(con, AS_OF)
    assert housing.footnotes(notes) == ["그룹별 미선정자는 일반그룹에 포함·재선발함에 따라 최종 선발자 기준"]
    table = housing.selection_table(queries.selection(con, AS_OF), Unit.MILLION, notes["subject"])
    assert display_text(table).to_dict("list") == {
        "구분": ["합계", "일반", "신혼부부", "다자녀", "신규직원", "1인가구"],
        "’24년 배정액(백만원)": ["18,000", "7,200", "5,400", "900", "3,600", "900"],
        "’25년 배정액(백만원)": ["22,000", "7,000", "6,000", "4,000", "4,000", "1,000"],
        "’24년 상반기 인원(명)": ["100", "30", "13", "4", "19", "34"],
        "’24년 상반기 금액(백만원)": ["9,000", "2,700", "1,258", "400", "1,728", "2,914"],
        "’25년 상반기 인원*(명)": ["105", "17", "24", "13", "22", "29"],
        "’25년 상반기 금액(백만원)": ["11,000", "1,499", "3,021", "2,000", "1,998", "2,482"],
    }
    assert table.frame["’24년 상반기 금액(백만원)"].tolist()[1] == 2700  # a number, not "2,700"


def _rounds(*rows: tuple) -> pd.DataFrame:
    """Selection rows built in code: (group, year, half, allocation, selected, amount)."""
    frame = pd.DataFrame(
        rows, columns=["loan_group", "fiscal_year", "half", "allocation", "selected", "amount"]
    )
    return frame.assign(printed_total=False, sort_order=range(len(frame)))


def test_selection_table_has_a_column_pair_per_round_and_each_years_allocation_once():
    selection = _rounds(
        ("일반", 2030, "상반기", 500, 3, 240),
        ("다자녀", 2030, "상반기", 300, 1, 150),
        ("일반", 2030, "하반기", 500, 2, 180),
        ("다자녀", 2030, "하반기", 300, 2, 310),
    )
    table = display_text(housing.selection_table(selection, Unit.MILLION, ["’30년 하반기 인원*"]))
    assert table.to_dict("list") == {
        "구분": ["합계", "일반", "다자녀"],
        "’30년 배정액(백만원)": ["800", "500", "300"],
        "’30년 상반기 인원(명)": ["4", "3", "1"],
        "’30년 상반기 금액(백만원)": ["390", "240", "150"],
        "’30년 하반기 인원*(명)": ["4", "2", "2"],
        "’30년 하반기 금액(백만원)": ["490", "180", "310"],
    }
    assert housing.allocation_observations(selection, Unit.MILLION) == [
        "’30년 다자녀: 하반기 선정금액 310백만원이 그룹별 배정액 300백만원을 넘습니다"
    ]


def test_the_latest_round_is_the_later_half_of_the_later_year():
    applications = pd.DataFrame(
        [
            (2030, "상반기", "신청", 10, 12),
            (2030, "상반기", "선정", 5, 6),
            (2030, "하반기", "신청", 8, 9),
            (2030, "하반기", "선정", 4, 5),
            (2029, "하반기", "신청", 99, 99),
        ],
        columns=["fiscal_year", "half", "stage", "people", "amount"],
    )
    result = housing.round_result(applications)
    assert (result.fiscal_year, result.half, result.applied, result.selected) == (2030, "하반기", 8, 4)
    assert result.label == "’30년 하반기"
    budget = pd.DataFrame(
        {
            "fiscal_year": [2030, 2030],
            "source": ["합계", "일반"],
            "amount": [10, 10],
            "printed_total": [True, False],
            "printed_change": [None, None],
            "sort_order": [0, 1],
        }
    )
    assert [kpi.label for kpi in housing.headline(budget, result, Unit.HUNDRED_MILLION)][1:3] == [
        "하반기 신청",
        "하반기 선정",
    ]


def test_averages_per_person(con):
    selection, rules = queries.selection(con, AS_OF), queries.loan_rules(con, AS_OF)
    table = display_text(housing.averages_table(selection, rules, Unit.MILLION))
    rows = {
        (y, g): (a, c)
        for y, g, a, c in zip(
            table["연도"], table["그룹"], table["1인당 평균(백만원)"], table["지원한도(백만원)"]
        )
    }
    assert rows[("’24년 상반기", "다자녀")] == ("100", "100")
    assert rows[("’25년 상반기", "다자녀")] == ("154", "200")
    assert rows[("’25년 상반기", "신혼부부")] == ("126", "150")
    assert rows[("’24년 상반기", "1인가구")] == ("85.7", "100")  # 2,914 ÷ 34


def test_execution_table_is_the_shared_one(con):
    """The housing 예산집행 현황 is a row of program_execution, shown by the table every
    topic's execution uses, with every printed figure."""
    rows = issue_queries.program_execution(con, AS_OF, "housing")
    assert display_text(execution_table(rows, Unit.THOUSAND)).iloc[0].to_dict() == {
        "사업명": "공무원 주거안정기금 전출금",
        "예산현액(천원)": "9,400,000",
        "원인행위(천원)": "4,700,000",
        "지출액(천원)": "4,700,000",
        "원인행위 집행률(%)": "50.0",
        "지출액 집행률(%)": "50.0",
        "’25년말 예상액(천원)": "9,400,000",
        "’25년말 예상 집행률(%)": "100.0",
        "기준일": "2025. 3. 31.",
    }


def test_round_result(con):
    result = housing.round_result(queries.applications(con, AS_OF))
    assert (result.applied, result.applied_amount, result.selected, result.selected_amount) == (
        178,
        180,
        105,
        110,
    )
    assert round(result.selection_rate, 1) == 59.0
    assert round(result.amount_rate, 1) == 61.1


def test_allocation_observations(con):
    assert housing.allocation_observations(queries.selection(con, AS_OF), Unit.MILLION) == [
        "’24년 1인가구: 상반기 선정금액 2,914백만원이 그룹별 배정액 900백만원을 넘습니다",
        "’25년 1인가구: 상반기 선정금액 2,482백만원이 그룹별 배정액 1,000백만원을 넘습니다",
    ]


# --- reconciliations -------------------------------------------------------------------------


def _found(con):
    """The report's comparisons (not another report's in the same database) by table, row and figure."""
    return {
        (item.table_name, item.row_key, item.figure): item
        for item in topic_reconciliations(con, "housing")
        if item.as_of == AS_OF
    }


def test_every_reconciliation_of_the_report_matches(con):
    found = _found(con)
    assert all(item.matches for item in found.values())
    expected = {
        ("housing_selection", "2024|상반기|합계", "그룹별 배정액(백만원)"): ("18,000", "18,000"),
        ("housing_selection", "2025|상반기|합계", "그룹별 배정액(백만원)"): ("22,000", "22,000"),
        ("housing_selection", "2024|상반기|합계", "상반기 선정 인원(명)"): ("100", "100"),
        ("housing_selection", "2025|상반기|합계", "상반기 선정 인원(명)"): ("105", "105"),
        ("housing_selection", "2024|상반기|합계", "상반기 선정 금액(백만원)"): ("9,000", "9,000"),
        ("housing_selection", "2025|상반기|합계", "상반기 선정 금액(백만원)"): ("11,000", "11,000"),
        ("housing_budget", "2025|합계", "합계(억원)"): ("220", "220"),
        ("housing_budget", "2025|합계", "예산(억원) = 그룹별 배정액 합계"): ("220", "220"),
        ("housing_budget", "2025|합계", "전년대비 증액(억원)"): ("40", "40"),
        ("housing_budget", "2025|일반", "일반(억원) = 예산집행 현황 예산현액"): ("94", "94"),
        ("housing_applications", "2025|상반기|선정", "선정 인원(명)"): ("105", "105"),
        ("housing_applications", "2025|상반기|선정", "선정 금액(억원)"): ("110", "110"),
        ("program_execution", "housing|공무원 주거안정기금 전출금", "원인행위 집행률"): ("50.0", "50.0"),
        ("program_execution", "housing|공무원 주거안정기금 전출금", "지출액 집행률"): ("50.0", "50.0"),
        ("program_execution", "housing|공무원 주거안정기금 전출금", "’25년말 예상 집행률"): (
            "100.0",
            "100.0",
        ),
        ("housing_cap_recipients", "2025|상반기|다자녀", "지원한도(백만원)"): ("200", "200"),
        ("housing_cap_recipients", "2025|상반기|신혼부부", "한도 지원 금액 ≤ 그룹 선정 금액(백만원)"): (
            "1,950",
            "3,021",
        ),
        ("housing_selection", "2025|상반기|다자녀", "1인당 평균 지원액(백만원) ≤ 지원한도"): (
            "153.8",
            "200.0",
        ),
    }
    for key, (printed, recomputed) in expected.items():
        assert (found[key].printed, found[key].recomputed) == (printed, recomputed), key
    averages = [k for k in found if k[2] == "1인당 평균 지원액(백만원) ≤ 지원한도"]
    assert len(averages) == 10


@pytest.mark.parametrize(
    "edit, key, printed, recomputed",
    [
        (
            ("housing_selection.csv", ("일반,2025,상반기,7000,17,1499", "일반,2025,상반기,7000,17,1500")),
            ("housing_selection", "2025|상반기|합계", "상반기 선정 금액(백만원)"),
            "11,000",
            "11,001",
        ),
        (
            ("housing_selection.csv", ("합계,2024,상반기,18000,100", "합계,2024,상반기,18000,101")),
            ("housing_selection", "2024|상반기|합계", "상반기 선정 인원(명)"),
            "101",
            "100",
        ),
        (
            ("housing_budget.csv", ("합계,220,true,40", "합계,220,true,45")),
            ("housing_budget", "2025|합계", "전년대비 증액(억원)"),
            "45",
            "40",
        ),
        (
            ("housing_budget.csv", ("기금,126", "기금,127")),
            ("housing_budget", "2025|합계", "합계(억원)"),
            "220",
            "221",
        ),
        (
            ("housing_applications.csv", ("선정,105,110", "선정,105,111")),
            ("housing_applications", "2025|상반기|선정", "선정 금액(억원)"),
            "111",
            "110",
        ),
        (
            ("program_execution.csv", ("4700000,4700000,50.0,50.0", "4700000,4700000,50.0,49.0")),
            ("program_execution", "housing|공무원 주거안정기금 전출금", "지출액 집행률"),
            "49.0",
            "50.0",
        ),
        (
            ("program_execution.csv", ("전출금,9400000", "전출금,9500000")),
            ("housing_budget", "2025|일반", "일반(억원) = 예산집행 현황 예산현액"),
            "94",
            "95",
        ),
        (
            ("housing_selection.csv", ("다자녀,2025,상반기,4000,13,2000", "다자녀,2025,상반기,4000,9,2000")),
            ("housing_selection", "2025|상반기|다자녀", "1인당 평균 지원액(백만원) ≤ 지원한도"),
            "222.2",
            "200.0",
        ),
        (
            ("housing_cap_recipients.csv", ("다자녀,200000000,6", "다자녀,200000000,14")),
            ("housing_cap_recipients", "2025|상반기|다자녀", "한도 지원 인원 ≤ 그룹 선정 인원(명)"),
            "14",
            "13",
        ),
        (
            ("housing_cap_recipients.csv", ("신혼부부,150000000", "신혼부부,160000000")),
            ("housing_cap_recipients", "2025|상반기|신혼부부", "지원한도(백만원)"),
            "160",
            "150",
        ),
    ],
)
def test_each_reconciliation_records_a_discrepancy(tmp_path, edit, key, printed, recomputed):
    file, change = edit
    item = _found(edited_con(tmp_path, {file: change}))[key]
    assert (item.printed, item.recomputed, item.matches) == (printed, recomputed, False)


@pytest.mark.parametrize(
    "file, change, column, message",
    [
        (
            "housing_selection.csv",
            ("일반,2024,상반기,7200,30,2700,false", "일반,2024,상반기,7200,30,2700,true"),
            9,
            "printed_total must be true exactly on 합계 rows (일반)",
        ),
        (
            "housing_budget.csv",
            ("합계,220,true", "합계,220,false"),
            6,
            "printed_total must be true exactly on 합계 rows (합계)",
        ),
        (
            "housing_loan_terms.csv",
            ("2025,2,6,1.0", "2025,7,6,1.0"),
            5,
            "max_period_years 6 is shorter than period_years 7",
        ),
        ("housing_schedule.csv", ("지원,8,11", "지원,11,8"), 8, "end_month 8 is before start_month 11"),
    ],
)
def test_rows_that_cannot_be_right_are_rejected_where_they_are(tmp_path, file, change, column, message):
    """Row rules live in the models: the build fails at the cell, as for any bad value."""
    found = build_errors(tmp_path, {file: change})
    lines = (tmp_path / "sources" / file).read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if change[1] in text)
    assert [(e.file, e.line, e.column) for e in found] == [(file, line, column)], found
    assert message in found[0].message


def test_a_group_without_a_rule_in_a_year_of_rules_is_rejected(tmp_path):
    """The calculator needs a cap for every group in every year of rules (a declared check)."""
    found = build_errors(
        tmp_path, {"housing_loan_rules.csv": ("인력개발과,1인가구,2025", "인력개발과,1인가구,2026")}
    )
    messages = [str(error) for error in found]
    assert "housing_loan_rules.csv:0:3: no rule for '1인가구' from 2025 (as of 2025-03-31)" in messages


def test_the_report_passes_every_check(con):
    assert errors(con, TOPICS) == []


# --- page ------------------------------------------------------------------------------------


def _text(app) -> str:
    parts = (
        [e.value for e in app.markdown] + [e.value for e in app.caption] + [e.value for e in app.subheader]
    )
    return shown("\n".join(parts))


def _frame(app, column):
    return next(table_text(frame) for frame in app.dataframe if column in frame.value.columns)


def _in_unit(app, unit):
    app.button_group(key="unit").set_value(unit).run()
    assert not app.exception
    return app


@pytest.mark.parametrize("unit", ["보고서 단위", "억원"])
def test_page_kpis_as_printed_in_eok(open_page, unit):
    app = _in_unit(open_page("housing"), unit)
    metrics = shown_metrics(app)
    assert {
        k: metrics[k]
        for k in ("’25년 사업예산", "상반기 신청", "상반기 선정", "선정률(인원)", "선정률(금액)")
    } == {
        "’25년 사업예산": "220억원",
        "상반기 신청": "178명",
        "상반기 선정": "105명",
        "선정률(인원)": "59.0%",
        "선정률(금액)": "61.1%",
    }
    assert "사업예산: 220억원 (일반 94억원, 기금 126억원) ※ 전년대비 40억원 증액" in _text(app)
    helps = {m.label: m.help for m in app.metric}
    assert helps["’25년 사업예산"] == "일반 94억원 + 기금 126억원 · 전년대비 40억원 증액"
    assert helps["상반기 신청"] == "신청 금액 180억원"
    assert helps["상반기 선정"] == "선정 금액 110억원"


def test_page_shows_the_programme_and_first_half_text(open_page):
    text = _text(open_page("housing"))
    for printed in (
        "사업내용: 무주택 공무원 전세자금 융자 (보증금 50% 이내 최대 1억원)",
        "’25년부터 다자녀 2억원, 신혼부부 1.5억원으로 1인당 지원한도 상향",
        "지원기간 2년(최장 6년) / 이자율 연 1.0% (보증보험 별도)",
        "지원한도 상향에 따라 신혼, 다자녀 그룹의 신청 및 선정규모 대폭 증가",
        "기존 최대 1억원 → 다자녀 2억원 지원(6명), 신혼부부 1.5억원 지원(13명)",
        "사회초년생 지원을 위한 신규 공무원 지원금액 확대 등",
        "* 그룹별 미선정자는 일반그룹에 포함·재선발함에 따라 최종 선발자 기준",
        "’25년 하반기 신청 접수(6월), 선정(7월) 및 지원(8~11월)",
        "후생노무팀장 고태경 ☎ 5770",
    ):
        assert printed in text, printed


def test_page_tables_follow_the_unit_switch(open_page):
    app = _in_unit(open_page("housing"), "백만원")
    groups = _frame(app, "’25년 배정액(백만원)")
    assert groups["’25년 배정액(백만원)"].tolist() == ["22,000", "7,000", "6,000", "4,000", "4,000", "1,000"]
    assert groups["’24년 상반기 금액(백만원)"].tolist() == [
        "9,000",
        "2,700",
        "1,258",
        "400",
        "1,728",
        "2,914",
    ]
    assert "(단위 : 명, 백만원)" in _text(app)
    averages = _frame(app, "1인당 평균(백만원)")
    assert averages["1인당 평균(백만원)"].tolist() == [
        "90",
        "96.8",
        "100",
        "90.9",
        "85.7",
        "88.2",
        "126",
        "154",
        "90.8",
        "85.6",
    ]
    execution = _frame(app, "예산현액(백만원)")
    assert execution["예산현액(백만원)"].tolist() == ["9,400"]
    app = _in_unit(app, "천원")
    execution = _frame(app, "예산현액(천원)")
    assert execution.iloc[0].tolist()[1:] == [
        "9,400,000",
        "4,700,000",
        "4,700,000",
        "50.0",
        "50.0",
        "9,400,000",
        "100.0",
        "2025. 3. 31.",
    ]
    caps = _frame(app, "’25년~ 지원한도(천원)")
    assert caps["’25년~ 지원한도(천원)"].tolist() == ["100,000", "150,000", "200,000", "100,000", "100,000"]
    schedule = _frame(app, "시기")
    assert schedule["시기"].tolist() == ["6월", "7월", "8~11월"]
    assert any("’25년 1인가구" in w.body for w in app.warning)


def test_page_charts_have_unit_titles(open_page):
    app = _in_unit(open_page("housing"), "억원")
    figures = {
        json.loads(c.proto.spec)["layout"]["title"]["text"]: json.loads(c.proto.spec)
        for c in app.get("plotly_chart")
    }
    assert figures["그룹별 1인당 지원한도"]["layout"]["xaxis"]["title"]["text"] == "지원한도(억원)"
    assert figures["그룹별 선정 금액"]["layout"]["xaxis"]["title"]["text"] == "선정 금액(억원)"
    assert figures["상반기 신청·선정"]["layout"]["xaxis2"]["title"]["text"] == "금액(억원)"
    # the sources with their amounts in the legend; each slice carries only its share
    split = figures["사업예산 재원 구성(억원)"]
    assert split["data"][0]["labels"] == ["일반 94억원", "기금 126억원"]
    assert split["data"][0]["texttemplate"] == "%{percent:.1%}" and split["layout"]["showlegend"]


@pytest.mark.parametrize(
    "group, cases",
    [
        ("일반", [("10000", "5,000만원"), ("20000", "1억원"), ("40000", "1억원")]),
        ("신규직원", [("15000", "7,500만원"), ("20000", "1억원"), ("30000", "1억원")]),
        ("1인가구", [("10000", "5,000만원"), ("20000", "1억원"), ("25000", "1억원")]),
        ("신혼부부", [("20000", "1억원"), ("30000", "1억 5,000만원"), ("40000", "1억 5,000만원")]),
        ("다자녀", [("30000", "1억 5,000만원"), ("40000", "2억원"), ("50000", "2억원")]),
    ],
)
def test_calculator_on_the_page(open_page, group, cases):
    app = open_page("housing")
    app.selectbox(key="loan-group").set_value(group).run()
    for deposit, loan in cases:
        app.text_input(key="deposit").set_value(deposit).run()
        metrics = shown_metrics(app)
        assert metrics["융자 가능액"] == loan, (group, deposit)
        assert metrics["지원기간"] == "2년 (최장 6년)"
        assert not app.error


def test_calculator_in_won_and_its_messages(open_page):
    app = open_page("housing")
    app.selectbox(key="loan-group").set_value("다자녀").run()
    app.radio(key="deposit-unit").set_value("원").run()
    app.text_input(key="deposit").set_value("400,000,000").run()
    metrics = shown_metrics(app)
    assert (metrics["융자 가능액"], metrics["연 이자"], metrics["월 이자"]) == (
        "2억원",
        "200만원",
        "16만 6,667원",
    )
    assert "보증금 4억원 · 다자녀 그룹" in _text(app)
    for typed, message in (
        ("0", "보증금이 0원입니다"),
        ("-1000000", "음수일 수 없습니다"),
        ("abc", "금액으로 읽을 수 없습니다"),
        ("5000", "너무 작습니다"),
        ("99999999999999", "현실적인 전세 보증금이 아닙니다"),
    ):
        app.text_input(key="deposit").set_value(typed).run()
        assert not app.exception
        assert app.error and message in app.error[0].value, typed
        assert "융자 가능액" not in {m.label for m in app.metric}


@pytest.mark.parametrize("typed", ["3억 5천", "3억5000", "3억 5천만원", "35000", "３억 ５천"])
def test_calculator_reads_korean_amounts_in_manwon(open_page, typed):
    app = open_page("housing")
    app.selectbox(key="loan-group").set_value("신혼부부").run()
    app.text_input(key="deposit").set_value(typed).run()
    assert "보증금 3억 5,000만원 · 신혼부부 그룹" in _text(app), typed  # not 3억 5,000원
    assert {m.label: m.value for m in app.metric}["융자 가능액"] == "1억 5,000만원"


def test_the_page_notes_a_discrepancy_in_any_of_its_tables(tmp_path):
    """The housing page lists its topic's discrepancies, whichever of its tables they are in."""
    edit = {"housing_cap_recipients.csv": ("신혼부부,150000000", "신혼부부,160000000")}
    assert build_errors(tmp_path, edit) == []
    con = duckdb.connect(str(tmp_path / "bureau.duckdb"), read_only=True)
    found = meta.reconciliations(con, AS_OF, topic="housing", discrepancies_only=True)
    assert found[["table_name", "printed", "recomputed"]].values.tolist() == [
        ["housing_cap_recipients", "160", "150"]
    ]
    assert meta.reconciliations(con, AS_OF, topic="markets", discrepancies_only=True).empty
