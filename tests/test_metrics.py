"""Derived figures: changes, rates, pacing, the report's rounding and unit conversion."""

from datetime import date

import pytest

from bureau import metrics
from bureau.units import DISPLAY_UNITS, Unit, UnitMode, UnitView, convert, parse_unit, source_decimals


@pytest.mark.parametrize(
    ("previous", "current", "change", "rate"),
    [
        (11005010, 13547369, 2542359, 23.1),  # 세입 계
        (1428303, 1333637, -94666, -6.6),  # 경상적세외수입
        (1540742, 5319757, 3779015, 245.3),  # 자치행정과
        (2243658, 1416904, -826754, -36.8),  # 공무원수련원
        (9516, 9565, 49, 0.5),  # 재활용품수거판매수입
    ],
)
def test_change_and_rate_match_the_report(previous, current, change, rate):
    assert metrics.change(previous, current) == change
    assert metrics.round_half_up(metrics.change_rate(previous, current), 1) == rate


def test_rates_without_a_base_are_none():
    assert metrics.change_rate(0, 100) is None
    assert metrics.percent(5, 0) is None
    assert metrics.share(1, 4) == 25


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [(8.3515, 1, 8.4), (0.05, 1, 0.1), (-0.05, 1, -0.1), (2.675, 2, 2.68), (1492.48, 0, 1492)],
)
def test_round_half_up(value, digits, expected):
    assert metrics.round_half_up(value, digits) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 3, 31), 90 / 365 * 100),
        (date(2025, 12, 31), 100.0),
        (date(2025, 1, 1), 1 / 365 * 100),
        (date(2024, 6, 30), 182 / 366 * 100),  # leap year
    ],
)
def test_fiscal_year_elapsed(day, expected):
    assert metrics.fiscal_year_elapsed(day) == pytest.approx(expected)


def test_unit_conversion():
    assert convert(4288123750, Unit.THOUSAND, Unit.HUNDRED_MILLION) == pytest.approx(42881.2375)
    assert convert(1000, Unit.MILLION, Unit.THOUSAND) == 1_000_000
    assert convert(2.38768, Unit.TRILLION, Unit.HUNDRED_MILLION) == pytest.approx(23876.8)
    assert parse_unit("백만원") is Unit.MILLION
    assert [unit.value for unit in DISPLAY_UNITS] == ["보고서 단위", "천원", "백만원", "억원"]
    with pytest.raises(ValueError):
        parse_unit("만원")


def test_unit_modes_resolve_to_the_printed_unit_or_one_unit():
    printed = {"housing_selection": Unit.MILLION, "relief_funds": Unit.HUNDRED_MILLION}
    report = UnitView(UnitMode.REPORT, printed)
    assert (
        report.of("housing_selection") is Unit.MILLION and report.of("relief_funds") is Unit.HUNDRED_MILLION
    )
    thousand = UnitView(UnitMode.THOUSAND, printed)
    assert {thousand.of(name) for name in printed} == {Unit.THOUSAND}
    with pytest.raises(KeyError, match=r"report_units\.csv"):
        report.of("budget")
    assert source_decimals(Unit.THOUSAND, Unit.HUNDRED_MILLION) == 5
    assert source_decimals(Unit.HUNDRED_MILLION, Unit.THOUSAND) == 0
