"""Korean amounts as people type them: ``3억 5천``, ``3억5000``, ``3억 5천만원``, ``350,000,000``,
``35000`` (in 만원), full-width digits (``３억``), ``1억2천3백``.

Korean groups digits by four: ``[…억][…만][…]``. Each group is a plain number (``5000``,
``1.5``) or digits with 천·백·십 (``2천3백``). The last group, with no 억 or 만 after it, is in
the unit the person types in, so with 만원 input a bare ``3억 5천`` is 3억 5천만원. A written
``원`` at the end says the last group is in 원 whatever the input unit (``25000만원``).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

#: The big units, largest first: each may appear once, in this order.
BIG_UNITS = {"억": 100_000_000, "만": 10_000}
#: The units inside a four-digit group, largest first.
SMALL_UNITS = {"천": 1_000, "백": 100, "십": 10}
#: Minus signs a person may type: ASCII, the report's △, the Unicode minus.
MINUS = ("-", "△", "−")

_NUMBER = r"\d+(?:\.\d+)?"
_GROUP_PART = re.compile(rf"({_NUMBER})([천백십]?)")
_AMOUNT = re.compile(r"(?:(?P<억>[^억만]+)억)?(?:(?P<만>[^억만]+)만)?(?P<rest>[^억만]*)")


def _group(text: str) -> Decimal:
    """``2천3백`` → 2300, ``5000`` → 5000, ``1.5`` → 1.5; ValueError for anything else."""
    parts = _GROUP_PART.findall(text)
    if not parts or "".join(number + unit for number, unit in parts) != text:
        raise ValueError(text)
    units = [unit for _, unit in parts]
    order = [list(SMALL_UNITS).index(unit) if unit else len(SMALL_UNITS) for unit in units]
    if order != sorted(set(order)):
        raise ValueError(text)  # 천 before 백 before 십, each once: not 3백2천, not 5천5천
    return sum((Decimal(number) * SMALL_UNITS.get(unit, 1) for number, unit in parts), Decimal(0))


def parse_korean_amount(text: str, unit: int = 1) -> int:
    """The amount ``text`` says, in whole 원; its last group is in ``unit`` 원 (10,000 for 만원
    input) unless the text ends with a written ``원``.

    ``parse_korean_amount("3억 5천", 10_000)`` → 350,000,000. Negative amounts keep their sign
    (the caller decides whether they make sense). ValueError when the text is not an amount:
    empty, letters, a unit twice (``3억억``) or out of order (``5천만3억``).
    """
    cleaned = re.sub(r"[\s,]", "", unicodedata.normalize("NFKC", text))
    negative = cleaned.startswith(MINUS)
    body = cleaned.lstrip("".join(MINUS))
    if body.endswith("원"):
        body, unit = body.removesuffix("원"), 1
    match = _AMOUNT.fullmatch(body)
    if not body or match is None:
        raise ValueError(text)
    total = Decimal(0)
    for name, multiplier in (*BIG_UNITS.items(), ("rest", unit)):
        group = match.group(name)
        if group:
            total += _group(group) * multiplier
    won = int(total.to_integral_value(rounding=ROUND_HALF_UP))
    return -won if negative else won
