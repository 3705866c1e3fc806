"""Korean number formatting: thousands separators, △ for negatives, unit captions."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date

from bureau.metrics import round_half_up
from bureau.units import Unit, convert, source_decimals

NEGATIVE_MARK = "△"
MISSING = "-"


def number(value: float | None, digits: int = 0) -> str:
    """``-1234.5`` → ``△1,235``; ``None``/NaN → ``-``. Rounds half away from zero; negative
    ``digits`` round to tens, hundreds… (``723170`` to -4 digits: ``720,000``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    rounded = round_half_up(float(value), digits)
    text = f"{abs(rounded):,.{max(digits, 0)}f}"
    return f"{NEGATIVE_MARK}{text}" if rounded < 0 else text


def signed(value: float, digits: int = 0) -> str:
    """A change with its sign, as :func:`number` rounds it: ``4`` → ``+4``, ``-1505`` →
    ``△1,505``, ``0`` → ``0``."""
    text = number(value, digits)
    return f"+{text}" if round_half_up(float(value), digits) > 0 else text


def rate(value: float | None) -> str:
    """A percentage to one decimal as printed: ``-6.628`` → ``△6.6``."""
    return number(value, 1)


def amount_digits(shown: float, source: Unit, target: Unit) -> int:
    """Decimals an amount already in ``target`` needs: none from 100 up, one from 1 up, two
    significant figures below 1 (never 0.0 for a non-zero amount), and never more than the
    ``source``'s whole numbers hold (천원 → 백만원 at most three)."""
    most = source_decimals(source, target)
    size = abs(shown)
    if most == 0 or size == 0 or size >= 100:
        return 0
    wanted = 1 if size >= 1 else 1 - math.floor(math.log10(size))
    return min(wanted, most)


def amount(value: float | None, source: Unit, target: Unit | None = None) -> str:
    """An amount converted from ``source`` to ``target`` and formatted with the digits it
    needs (:func:`amount_digits`): 22,000,000천원 in 억원 → ``220``, 131,371천원 → ``1.3``,
    2,000천원 → ``0.02``. Trailing zeros are dropped (``45.0`` → ``45``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    target = target or source
    return shown_amount(convert(float(value), source, target), source, target)


def shown_amount(shown: float, source: Unit, target: Unit) -> str:
    """An amount already converted to ``target`` (from ``source``), formatted as :func:`amount`."""
    text = number(shown, amount_digits(shown, source, target))
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(value: float | None, source: Unit, target: Unit | None = None) -> str:
    """:func:`amount` with its unit: ``220억원``, ``131,371천원``; 1만 억원 and more as the report
    writes them (``23조 8,768억원``)."""
    target = target or source
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    if target == Unit.HUNDRED_MILLION and abs(convert(float(value), source, target)) >= 10_000:
        return eok_as_jo(convert(float(value), source, target))
    return f"{amount(value, source, target)}{target.value}"


def signed_money(value: float, source: Unit, target: Unit | None = None) -> str:
    """:func:`money` of a change, with its sign: ``+15억원``, ``△2,000천원``."""
    text = money(value, source, target)
    return f"+{text}" if value > 0 else text


def with_unit(text: str, unit: str) -> str:
    """``"1,234"`` + ``"명"`` → ``"1,234명"``."""
    return text if text == MISSING else f"{text}{unit}"


def unit_caption(unit: str, *extra: str) -> str:
    """The caption printed above a table: ``(단위 : 천원, %)``."""
    return "(단위 : " + ", ".join((unit, *extra)) + ")"


def korean_date(day: date) -> str:
    """A date as the report prints it in full: ``YYYY. M. D.``."""
    return f"{day.year}. {day.month}. {day.day}."


def short_year(year: int) -> str:
    """A year as the report abbreviates it: its last two digits, ``’YY`` (so ``’YY년``, ``’YY년말``)."""
    return f"’{year % 100:02d}"


def short_date(day: date) -> str:
    """A date with the abbreviated year, as the report heads a table: ``’YY. M. D.``."""
    return f"{short_year(day.year)}. {day.month}. {day.day}."


def eok_as_jo(eok: float) -> str:
    """억원 amounts the way the report writes them: ``238768`` → ``23조 8,768억원``."""
    sign = NEGATIVE_MARK if eok < 0 else ""
    whole = int(round_half_up(abs(eok), 0))
    jo, rest = divmod(whole, 10_000)
    if jo == 0:
        return f"{sign}{rest:,}억원"
    return f"{sign}{jo}조 {rest:,}억원" if rest else f"{sign}{jo}조원"


#: Characters that Markdown (CommonMark plus Streamlit's :color[], :icon:, $math$ and
#: ~~strike~~ extensions) treats as syntax; escaped with a backslash they print as such.
_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|~$:=&\"'")
#: The Markdown renderer turns bare ``http://``/``www.`` text into links even when escaped;
#: an invisible WORD JOINER after the scheme keeps such text from becoming a link.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|www)(?=[:.])")
WORD_JOINER = "\u2060"


def markdown_text(value: object) -> str:
    """Text from data/, safe to put inside ``st.markdown`` (and any markdown label).

    Every Markdown-special character is backslash-escaped so ``**bold**``, links,
    images, HTML such as ``<script>`` and Streamlit's ``:red[...]`` show literally;
    line breaks become spaces so a cell cannot start a heading or a list; a URL stays
    plain text (not a clickable link).
    """
    text = _AUTOLINK.sub(lambda match: match.group(1) + WORD_JOINER, " ".join(str(value).split()))
    return "".join("\\" + char if char in _MARKDOWN_SPECIAL else char for char in text)


def plotly_text(value: object) -> str:
    """Text from data/, safe inside a Plotly figure (category values, labels, hover text).

    Plotly reads ``<b>``, ``<a href=…>``, ``<br>`` and entities in every text it draws;
    escaping ``&``, ``<`` and ``>`` as entities makes it show the text as it is.
    """
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_width(text: str, size: float) -> float:
    """About how many pixels ``text`` takes at ``size`` px (to give a label or a column room):
    Hangul and other wide characters a full em, digits, Latin and punctuation a little over half."""
    return sum(size if unicodedata.east_asian_width(char) in "WF" else size * 0.6 for char in text)


def particle(word: str, after_consonant: str, after_vowel: str) -> str:
    """``word`` with the Korean particle its last sound takes: ``particle("인사과", "은", "는")``
    → ``인사과는``; ``particle("자치행정과", "이", "가")`` → ``자치행정과가``. A word that does not
    end in a Hangul syllable (a digit, Latin) gets the ``은(는)``-style pair."""
    last = word[-1:] if word else ""
    if "가" <= last <= "힣":
        has_final = (ord(last) - ord("가")) % 28 != 0
        return word + (after_consonant if has_final else after_vowel)
    return f"{word}{after_consonant}({after_vowel})"
