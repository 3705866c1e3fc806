"""The report is the oracle: every derived figure it prints, recomputed from data/.

The printed figures below are typed from the report (2025. 4., 행정국), independently of
the CSVs, so a wrong source value or a wrong formula fails here.
"""

from datetime import date

import pytest

from bureau.metrics import round_half_up
from bureau.topics.budget import calc as budget
from bureau.topics.budget import queries as budget_queries
from bureau.topics.overview import queries as org
from bureau.topics.overview.district import Indicators, recompute
from bureau.topics.report import meta

AS_OF = date(2025, 3, 31)

# 구분: (증감액 C, 증감률 C/A, 징수율·집행률 D/B) as printed.
REVENUE = {
    "계": (2542359, 23.1, 20.1),
    "세외수입": (2428673, 28.4, 8.4),
    "경상적세외수입": (-94666, -6.6, 17.2),
    "공유재산임대료": (-61549, -9.9, 4.7),
    "사용료수입": (-42193, -7.6, 28.7),
    "재활용품수거판매수입": (49, 0.5, 16.5),
    "기타사업수입": (10605, 5.2, 21.4),
    "기타이자수입": (-1578, -4.0, 23.1),
    "임시적세외수입": (2193418, 31.7, 4.7),  # 4.7 is the report's error: 456,467 / 9,111,342 = 5.0 %
    "불용품매각대금": (-26694, -82.9, 565.9),
    "보조금반환수입": (-239904, -33.0, 33.7),
    "그 외 수입": (2460016, 39.9, 3.0),
    "지방행정제재‧부과금(변상금)": (8787, 43.3, 29.3),
    "지난년도수입": (321134, 173.4, 43.9),
    "국고보조금 등": (114418, 4.7, 70.6),
    "보전수입 등": (-732, -40.7, 0.0),
}
EXPENDITURE = {
    "계": (26310912, 0.6, 35.5),
    "사업비": (7526814, 5.1, 25.7),
    "총무과": (2932465, 6.0, 21.6),
    "인사과": (-381197, -4.3, 23.3),
    "인력개발과": (2930316, 4.5, 29.2),
    "자치행정과": (3779015, 245.3, 0.4),
    "시민협력과": (-936107, -7.9, 30.4),
    "대외협력과": (-133824, -2.1, 35.9),
    "평화기반조성과": (162900, 7.3, 36.2),
    "공무원수련원": (-826754, -36.8, 15.2),
    "조정교부금": (22480964, 0.5, 36.0),
    "행정운영경비": (-5795942, -2.6, 33.7),
    "재무활동": (2099076, 23.6, 14.5),
}
REPORT_ERRORS = {("세입", "임시적세외수입"): 5.0}


@pytest.mark.parametrize(("side", "printed"), [("세입", REVENUE), ("세출", EXPENDITURE)])
def test_budget_changes_and_rates_equal_the_report(con, side, printed):
    lines = budget.with_derived(budget_queries.budget_lines(con, AS_OF, side=side))
    assert list(lines["item"]) == list(printed)  # every row, in the report's order
    for row in lines.itertuples():
        change, change_rate, actual_rate = printed[row.item]
        assert row.change == change, row.item
        assert round_half_up(row.change_rate, 1) == change_rate, row.item
        expected_actual = REPORT_ERRORS.get((side, row.item), actual_rate)
        assert round_half_up(row.actual_rate, 1) == expected_actual, row.item


def test_budget_hierarchy_adds_up(con):
    """Children sum to their parent in every amount column (the recovered hierarchy)."""
    lines = budget_queries.budget_lines(con, AS_OF)
    for parent in lines.itertuples():
        children = lines[(lines["parent_id"] == parent.item_id) & (lines["side"] == parent.side)]
        if children.empty:
            continue
        for column in ("prior_budget", "budget", "actual"):
            assert children[column].sum() == getattr(parent, column), (parent.item, column)
    nontax = lines[lines["parent_id"] == "rev.nontax"]["item"].tolist()
    assert nontax == ["경상적세외수입", "임시적세외수입", "지방행정제재‧부과금(변상금)", "지난년도수입"]


def test_the_reports_own_errors_are_recorded_not_fatal(con):
    found = meta.reconciliations(con, AS_OF, discrepancies_only=True)
    budget_errors = found[found["table_name"] == "budget"]
    assert budget_errors[["subject", "figure", "printed", "recomputed"]].values.tolist() == [
        ["세입 임시적세외수입", "징수율(D/B)", "4.7", "5.0"]
    ]
    everything = meta.reconciliations(con, AS_OF, table_name="budget")
    assert len(everything) == 3 * (len(REVENUE) + len(EXPENDITURE))
    assert everything["matches"].sum() == len(everything) - 1


def test_each_difference_is_named_by_its_kind(con):
    """One printed figure is arithmetically off (징수율 4.7 where 456,467 ÷ 9,111,342 gives 5.0);
    three cut their decimals where others in the report round (172.7% → 172%, 51.7% → 51%,
    11.58 → 11.5); the relief forecast and the expo's weekdays, read right, agree."""
    found = meta.reconciliations(con, AS_OF)
    differing = found[found["kind"] != "일치"].sort_values("printed")
    assert differing[["kind", "subject", "printed", "recomputed"]].values.tolist() == [
        ["끝수 버림", "도농상생 직거래장터 운영", "11.5", "11.58"],
        ["끝수 버림", "직거래장터 운영횟수", "172%", "172.7%"],
        ["계산 차이", "세입 임시적세외수입", "4.7", "5.0"],
        ["끝수 버림", "직거래장터 참여농가수", "51%", "51.7%"],
    ]
    assert (found["kind"] == "계산 차이").tolist() == (~found["matches"]).tolist()


def test_bureau_totals_equal_the_report(con):
    totals = org.bureau_totals(con, AS_OF)
    assert totals == {"departments": 7, "field_offices": 1, "headcount": 365, "teams": 31}
    departments = org.departments(con, AS_OF).set_index("dept")
    assert departments.loc["총무과", ["teams", "headcount"]].tolist() == [7, 188]
    assert departments.loc["공무원수련원", "headcount"] == 12
    assert departments.loc["서울시자원봉사센터", ["divisions", "teams", "headcount"]].tolist() == [2, 5, 35]


@pytest.mark.parametrize(
    ("indicator_id", "printed"),
    [
        ("population_change", -49005),
        ("population_change_rate", -0.5),
        ("avg_population_per_district", 373),
        ("avg_households_per_district", 180),
        ("avg_population_per_dong", 22),
        ("staff_total", 37312),
        ("staff_total_avg", 1492),
        ("staff_district_offices_avg", 1455),
        ("staff_district_councils_avg", 37),
        ("district_budget_avg", 9551),
        ("adjustment_grants_change_rate", 2.8),
    ],
)
def test_district_figures_equal_the_report(con, indicator_id, printed):
    derived = recompute(Indicators.from_frame(org.district_indicators(con, AS_OF)))
    digits = 1 if isinstance(printed, float) else 0
    assert round_half_up(derived[indicator_id], digits) == printed


def test_households_per_dong_is_consistent_with_the_rounded_households(con):
    """The report prints 10,558세대 per 동 but households only as 4,498천: any household
    count that rounds to 4,498천 gives 10,558 ± 1.2, so the figure reconciles."""
    derived = recompute(Indicators.from_frame(org.district_indicators(con, AS_OF)))
    assert abs(derived["avg_households_per_dong"] - 10558) <= 500 / 426
    found = meta.reconciliations(con, AS_OF, table_name="district_indicators")
    assert found["matches"].all() and len(found) == 12
