"""Korean number formatting, tested by exact strings."""

from datetime import date

import pytest

from bureau import format as fmt
from bureau.units import Unit


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (1234, 0, "1,234"),
        (-94666, 0, "△94,666"),
        (0, 0, "0"),
        (4646520483, 0, "4,646,520,483"),
        (-6.628, 1, "△6.6"),
        (0.05, 1, "0.1"),  # half away from zero, as printed
        (-0.05, 1, "△0.1"),
        (2.25, 1, "2.3"),  # banker's rounding would give 2.2
        (565.93, 1, "565.9"),
        (-0.04, 1, "0.0"),  # rounds to zero: no △ on a zero
        (None, 0, "-"),
        (float("nan"), 1, "-"),
    ],
)
def test_number(value, digits, expected):
    assert fmt.number(value, digits) == expected


def test_rate_is_one_decimal():
    assert fmt.rate(23.1026) == "23.1"
    assert fmt.rate(-82.917) == "△82.9"
    assert fmt.rate(None) == "-"


@pytest.mark.parametrize(
    ("value", "target", "expected"),
    [
        (13547369, Unit.THOUSAND, "13,547,369"),
        (13547369, Unit.MILLION, "13,547"),  # from 100 up: whole units
        (13547369, Unit.HUNDRED_MILLION, "135"),
        (-94666, Unit.MILLION, "△94.7"),  # from 1 up: one decimal
        (4672831395, Unit.MILLION, "4,672,831"),  # never 4,672,831.4
        (4672831395, Unit.HUNDRED_MILLION, "46,728"),
        (131371, Unit.HUNDRED_MILLION, "1.3"),
        (23114, Unit.HUNDRED_MILLION, "0.23"),  # below 1: two significant figures
        (2000, Unit.HUNDRED_MILLION, "0.02"),  # never 0.0 for a non-zero amount
        (4500000, Unit.HUNDRED_MILLION, "45"),  # 45.0 → 45
        (0, Unit.HUNDRED_MILLION, "0"),
    ],
)
def test_amount_converts_from_thousand_won(value, target, expected):
    assert fmt.amount(value, Unit.THOUSAND, target) == expected


def test_amount_keeps_whole_numbers_in_its_own_unit():
    assert fmt.amount(1000, Unit.MILLION) == "1,000"
    assert fmt.amount(2700, Unit.MILLION, Unit.MILLION) == "2,700"
    assert fmt.amount(1000, Unit.MILLION, Unit.THOUSAND) == "1,000,000"
    assert fmt.amount(1499, Unit.MILLION, Unit.HUNDRED_MILLION) == "15"
    assert fmt.amount(None, Unit.MILLION) == "-"


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (220, Unit.HUNDRED_MILLION, Unit.HUNDRED_MILLION, "220억원"),
        (131371, Unit.THOUSAND, Unit.THOUSAND, "131,371천원"),
        (45, Unit.HUNDRED_MILLION, Unit.THOUSAND, "4,500,000천원"),
        (23876800000, Unit.THOUSAND, Unit.HUNDRED_MILLION, "23조 8,768억원"),
        (150_000_000, Unit.WON, Unit.HUNDRED_MILLION, "1.5억원"),
    ],
)
def test_money_carries_its_unit(value, source, target, expected):
    assert fmt.money(value, source, target) == expected


def test_unit_caption_and_dates():
    assert fmt.unit_caption("천원", "%") == "(단위 : 천원, %)"
    assert fmt.korean_date(date(2025, 3, 31)) == "2025. 3. 31."
    assert fmt.short_date(date(2031, 12, 5)) == "’31. 12. 5."
    assert fmt.short_date(date(2006, 1, 18)) == "’06. 1. 18."
    assert [fmt.short_year(year) for year in (2024, 2030, 2100)] == ["’24", "’30", "’00"]
    assert fmt.with_unit("365", "명") == "365명"
    assert fmt.with_unit("-", "명") == "-"


@pytest.mark.parametrize(
    ("eok", "expected"),
    [
        (238768, "23조 8,768억원"),
        (42881, "4조 2,881억원"),
        (13737, "1조 3,737억원"),
        (5771, "5,771억원"),
        (20000, "2조원"),
        (-45, "△45억원"),
    ],
)
def test_eok_as_jo(eok, expected):
    assert fmt.eok_as_jo(eok) == expected


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("인사과", ("은", "는"), "인사과는"),
        ("총무과", ("이", "가"), "총무과가"),
        ("인력개발원", ("은", "는"), "인력개발원은"),
        ("서울시자원봉사센터", ("이", "가"), "서울시자원봉사센터가"),
        ("1억 5,000만원", ("은", "는"), "1억 5,000만원은"),
        ("15,000", ("은", "는"), "15,000은(는)"),
    ],
)
def test_particle_follows_the_last_syllable(word, pair, expected):
    assert fmt.particle(word, *pair) == expected
