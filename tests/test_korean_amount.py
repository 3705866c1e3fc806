"""Korean amounts as people type them, table-driven: each form and each rejection."""

import pytest

from bureau.korean_amount import parse_korean_amount

MAN = 10_000  # 만원 input


@pytest.mark.parametrize(
    ("text", "unit", "won"),
    [
        ("3억 5천", MAN, 350_000_000),  # the last group is in the input unit: 5천만원
        ("3억5000", MAN, 350_000_000),
        ("3억 5천만원", MAN, 350_000_000),
        ("3억 5천만원", 1, 350_000_000),
        ("350,000,000", 1, 350_000_000),
        ("350,000,000원", MAN, 350_000_000),  # a written 원 wins over the input unit
        ("35000", MAN, 350_000_000),
        ("35,000만원", 1, 350_000_000),
        ("３억", MAN, 300_000_000),  # full-width digits
        ("３억 ５천", MAN, 350_000_000),
        ("1억2천3백", MAN, 123_000_000),
        ("1억 2천3백만 4500", 1, 123_004_500),
        ("1.5억", 1, 150_000_000),
        ("3억", MAN, 300_000_000),
        ("5천만", 1, 50_000_000),
        ("3억 5천", 1, 300_005_000),  # 원 input: 5천 is 5천원
        ("-5000", MAN, -50_000_000),  # the sign is kept: the calculator rejects it
        ("△3억", 1, -300_000_000),
    ],
)
def test_forms(text, unit, won):
    assert parse_korean_amount(text, unit) == won


@pytest.mark.parametrize(
    "text",
    ["", " ", "3억억", "abc", "삼억", "만원", "원", "5천만3억", "3백2천", "5천5천", "1..5", "1e9", "3억-5천"],
)
def test_rejections(text):
    with pytest.raises(ValueError):
        parse_korean_amount(text, MAN)
