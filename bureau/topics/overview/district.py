"""자치구·동 행정여건: indicator look-ups and the figures the report derives from them."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from bureau.format import short_date, short_year


class Indicators:
    """One report's indicators; ``latest``/``earliest`` pick by the printed reference period."""

    def __init__(self, rows: Iterable[tuple[str, str, float, str]]) -> None:
        """``rows`` are (indicator_id, reference, value, subject)."""
        self._by_id: dict[str, list[tuple[str, float, str]]] = defaultdict(list)
        for indicator_id, reference, value, subject in rows:
            self._by_id[indicator_id].append((reference, float(value), subject))
        for values in self._by_id.values():
            values.sort()

    @classmethod
    def from_frame(cls, indicators: pd.DataFrame) -> Indicators:
        """From :func:`bureau.topics.overview.queries.district_indicators`."""
        columns = indicators[["indicator_id", "reference", "value", "subject"]]
        return cls(columns.itertuples(index=False, name=None))

    def latest(self, indicator_id: str) -> float:
        return self._by_id[indicator_id][-1][1]

    def earliest(self, indicator_id: str) -> float:
        return self._by_id[indicator_id][0][1]

    def subject(self, indicator_id: str) -> str:
        """Whom the latest figure describes (송파구, 은평구 진관동, …)."""
        return self._by_id[indicator_id][-1][2]

    def period(self, indicator_id: str, *, earliest: bool = False) -> str:
        """The period the latest (or earliest) figure describes, as the report words it:
        ``reference`` ``YYYY 본예산`` → ``’YY년 본예산`` (see :func:`period_label`)."""
        return period_label(self._by_id[indicator_id][0 if earliest else -1][0])


_REFERENCE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:\s+(.+))?$")


def period_label(reference: str) -> str:
    """A ``reference`` as the report words a period: a year with what it names (``YYYY 본예산``
    → ``’YY년 본예산``), a month (``YYYY-MM`` → ``’YY. M월``) or a day (``’YY. M. D.``)."""
    found = _REFERENCE.match(reference.strip())
    if not found:
        return reference
    year, month, day, what = found.groups()
    if day:
        return short_date(date(int(year), int(month), int(day)))
    if month:
        return f"{short_year(int(year))}. {int(month)}월"
    return f"{short_year(int(year))}년" + (f" {what}" if what else "")


def _zero(_: Indicators) -> float:
    return 0.0


@dataclass(frozen=True)
class Rule:
    """How the report derives one indicator from others."""

    indicator_id: str
    description: str
    compute: Callable[[Indicators], float]
    digits: int = 0
    #: how far a printed figure may sit from ours because its inputs were printed rounded
    tolerance: Callable[[Indicators], float] = field(default=_zero)


def _growth(values: Indicators, indicator_id: str) -> float:
    return (values.latest(indicator_id) / values.earliest(indicator_id) - 1) * 100


def _per_district(indicator_id: str, scale: float = 1) -> Callable[[Indicators], float]:
    return lambda v: v.latest(indicator_id) / v.latest("districts") / scale


RULES: tuple[Rule, ...] = (
    Rule(
        "population_change",
        "인구 − 전년 동월 인구",
        lambda v: v.latest("population") - v.earliest("population"),
    ),
    Rule(
        "population_change_rate",
        "(인구 − 전년 동월 인구) ÷ 전년 동월 인구 × 100",
        lambda v: _growth(v, "population"),
        digits=1,
    ),
    Rule("avg_population_per_district", "인구 ÷ 자치구 수 (천명)", _per_district("population", 1000)),
    Rule("avg_households_per_district", "세대 ÷ 자치구 수 (천세대)", _per_district("households")),
    Rule(
        "avg_population_per_dong",
        "인구 ÷ 행정동 수 (천명)",
        lambda v: v.latest("population") / v.latest("dongs") / 1000,
    ),
    Rule(
        "avg_households_per_dong",
        "세대 ÷ 행정동 수 (세대; 세대는 천 단위로만 표기)",
        lambda v: v.latest("households") * 1000 / v.latest("dongs"),
        tolerance=lambda v: 500 / v.latest("dongs"),
    ),
    Rule(
        "staff_total",
        "자치구 정원 + 구의회 정원",
        lambda v: v.latest("staff_district_offices") + v.latest("staff_district_councils"),
    ),
    Rule("staff_total_avg", "행정인력 정원 ÷ 자치구 수", _per_district("staff_total")),
    Rule("staff_district_offices_avg", "자치구 정원 ÷ 자치구 수", _per_district("staff_district_offices")),
    Rule("staff_district_councils_avg", "구의회 정원 ÷ 자치구 수", _per_district("staff_district_councils")),
    Rule(
        "district_budget_avg", "자치구 예산 합계 ÷ 자치구 수 (억원)", _per_district("district_budget_total")
    ),
    Rule(
        "adjustment_grants_change_rate",
        "(조정교부금 − 전년 조정교부금) ÷ 전년 조정교부금 × 100",
        lambda v: _growth(v, "adjustment_grants"),
        digits=1,
    ),
)


def recompute(values: Indicators) -> dict[str, float]:
    """Every derived indicator whose inputs this report has."""
    derived = {}
    for rule in RULES:
        try:
            derived[rule.indicator_id] = rule.compute(values)
        except (IndexError, ZeroDivisionError):
            continue  # an input is missing from this report
    return derived
