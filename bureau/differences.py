"""How a printed derived figure differs from ours: its :class:`Kind`, the figure a page
shows, the note; and the report check in a few words (counts by kind, the table)."""

from __future__ import annotations

import math
from enum import StrEnum

import pandas as pd

from bureau.format import number
from bureau.metrics import round_half_up, truncate


class Kind(StrEnum):
    """How a printed derived figure relates to the one recomputed from the report's own figures."""

    #: equal as the report rounds (half up): also a figure read correctly that looked wrong
    MATCH = "일치"
    #: the report cut the decimals instead of rounding (172.7% printed 172%): its convention
    ROUNDING = "끝수 버림"
    #: the printed figure is not what its own figures give (징수율 4.7 where they give 5.0)
    ARITHMETIC = "계산 차이"

    @property
    def agrees(self) -> bool:
        """The printed figure can stand as printed."""
        return self is not Kind.ARITHMETIC


def rate_kind(printed: float | None, recomputed: float | None, digits: int = 1) -> Kind:
    """MATCH when ``printed`` is ``recomputed`` rounded half up to ``digits``; ROUNDING when it
    is ``recomputed`` with the further decimals cut; otherwise ARITHMETIC."""
    if printed is None or recomputed is None:
        return Kind.MATCH if printed is None and recomputed is None else Kind.ARITHMETIC
    if round_half_up(recomputed, digits) == printed:
        return Kind.MATCH
    return Kind.ROUNDING if truncate(recomputed, digits) == printed else Kind.ARITHMETIC


def shown_rate(printed: float | None, recomputed: float | None, digits: int = 1) -> float | None:
    """The figure a page shows: the printed one unless it is an arithmetic difference."""
    if printed is None or (isinstance(printed, float) and math.isnan(printed)):
        return recomputed
    return printed if rate_kind(printed, recomputed, digits).agrees else recomputed


def difference_note(
    kind: Kind, printed: float | None, recomputed: float | None, digits: int = 1, unit: str = ""
) -> str:
    """What a page says of a difference: nothing for a match, the cut decimals for a
    rounding convention (``보고서는 소수점 이하를 버림(172.7% → 172%); 반올림하면 173%``),
    both figures for an arithmetic difference."""
    if kind is Kind.MATCH:
        return ""
    if kind is Kind.ROUNDING:
        return (
            f"보고서는 소수점 이하를 버림({number(recomputed, digits + 1)}{unit} → "
            f"{number(printed, digits)}{unit}); 반올림하면 {number(recomputed, digits)}{unit}"
        )
    return f"보고서 표기 {number(printed, digits)}{unit}, 재계산 {number(recomputed, digits)}{unit}"


def shown_recomputed(kind: Kind, recomputed: float | None, digits: int = 1) -> str:
    """The recomputed figure as recorded: one more decimal where the report cut them."""
    return number(recomputed, digits + 1 if kind is Kind.ROUNDING else digits)


#: The kinds that differ, in the order a reader is told them.
DIFFERING = (Kind.ARITHMETIC, Kind.ROUNDING)
#: What the kinds mean, under the table of differences.
LEGEND = (
    f"{Kind.ARITHMETIC}: 보고서의 다른 수치로 계산한 값과 다름 · "
    f"{Kind.ROUNDING}: 보고서가 소수점 이하를 반올림하지 않고 버려 적음"
)
#: What each kind means for the figure on screen.
SHOWN = {Kind.ARITHMETIC: "화면에는 재계산 값", Kind.ROUNDING: "화면에는 보고서 값, 계산값은 주석"}


def counts(found: pd.DataFrame) -> dict[Kind, int]:
    """How many reconciliations of each differing kind."""
    return {kind: int((found["kind"] == kind).sum()) for kind in DIFFERING}


def counts_text(found: pd.DataFrame) -> str:
    """``계산 차이 1 · 끝수 버림 3``."""
    return " · ".join(f"{kind} {count}" for kind, count in counts(found).items())


def table_label(found: pd.DataFrame) -> str:
    """The heading of the table of differences:
    ``보고서 표기와 재계산이 다른 수치 4개 (계산 차이 1 · 끝수 버림 3)``."""
    return f"보고서 표기와 재계산이 다른 수치 {number(sum(counts(found).values()))}개 ({counts_text(found)})"


def summary(found: pd.DataFrame) -> str:
    """``보고서가 계산해 적은 수치 169개를 다시 계산: 계산 차이 1개(화면에는 재계산 값),
    끝수 버림 3개(…), 나머지 일치``."""
    parts = [f"{kind} {number(count)}개({SHOWN[kind]})" for kind, count in counts(found).items() if count]
    result = ", ".join([*parts, "나머지 일치"]) if parts else "모두 일치"
    return f"보고서가 계산해 적은 수치 {number(len(found))}개를 다시 계산: {result}"


def table(found: pd.DataFrame) -> pd.DataFrame:
    """The figures that differ, each with its kind, arithmetic differences first."""
    rows = found[found["kind"].isin(DIFFERING)]
    order = rows["kind"].map({kind: position for position, kind in enumerate(DIFFERING)})
    rows = rows.assign(order=order).sort_values(["order", "subject", "figure"], kind="stable")
    return pd.DataFrame(
        {
            "종류": rows["kind"],
            "대상": rows["subject"],
            "수치": rows["figure"],
            "보고서 표기": _as_numbers(rows["printed"]),
            "재계산": _as_numbers(rows["recomputed"]),
            "계산식": rows["rule"],
            "설명": rows["note"],
        }
    ).reset_index(drop=True)


def _as_numbers(quoted: pd.Series) -> pd.Series:
    """The figures as numbers (``172%`` → 172.0) so a download adds up; left as quoted when
    any of them is not a plain figure."""
    values = pd.to_numeric(
        quoted.astype(str).str.replace(",", "", regex=False).str.rstrip("%"), errors="coerce"
    )
    return values if values.notna().all() else quoted
