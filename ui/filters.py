"""The sidebar filters every page shares, kept in the URL so a link restores the view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from bureau.units import DISPLAY_UNITS, Unit

ALL_DEPARTMENTS = "전체"


@dataclass(frozen=True)
class Filters:
    as_of: date
    dept: str | None
    unit: Unit


def sidebar_filters(periods: list[date], departments: list[str]) -> Filters:
    """Period, department and unit widgets bound to the ``period``, ``dept``, ``unit`` URL
    parameters; an invalid value in the URL falls back to the default."""
    with st.sidebar:
        st.header("보기 설정")
        as_of = periods[0]
        if len(periods) > 1:
            as_of = st.selectbox(
                "보고 기준일",
                periods,
                format_func=lambda day: f"{day.year}. {day.month}. {day.day}.",
                key="period",
                bind="query-params",
            )
        dept = st.selectbox("부서", [ALL_DEPARTMENTS, *departments], key="dept", bind="query-params")
        unit = st.segmented_control(
            "금액 단위",
            [unit.value for unit in DISPLAY_UNITS],
            default=Unit.THOUSAND.value,
            required=True,
            key="unit",
            bind="query-params",
        )
    return Filters(as_of, None if dept == ALL_DEPARTMENTS else dept, Unit(unit or Unit.THOUSAND))
