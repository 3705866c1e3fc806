"""The sidebar filters every page shares, kept in the URL so a link restores the view.

``dept``, ``period`` and ``unit`` are widgets bound to URL query parameters (they survive
page switches); ``present`` is handled by :mod:`ui.presenter`. A value in the URL that is not
valid falls back to the default with a short notice; it never reaches a query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from bureau.units import DISPLAY_UNITS, Unit
from ui.presenter import presenter_toggle

ALL_DEPARTMENTS = "전체"
_LABELS = {"dept": "부서", "period": "보고 기준일", "unit": "금액 단위"}


@dataclass(frozen=True)
class Filters:
    as_of: date
    dept: str | None
    unit: Unit
    present: bool


def invalid_parameters(valid: dict[str, list[str]]) -> list[str]:
    """Names of URL parameters whose value is not one of the valid options."""
    return [
        name
        for name, options in valid.items()
        if (value := st.query_params.get(name)) is not None and value not in options
    ]


def sidebar_filters(periods: list[date], departments: list[str]) -> Filters:
    """Period, department, unit and presenter widgets; returns what the page should apply."""
    period_options = [day.isoformat() for day in periods]
    unit_options = [unit.value for unit in DISPLAY_UNITS]
    invalid = invalid_parameters(
        {"dept": [ALL_DEPARTMENTS, *departments], "unit": unit_options, "period": period_options}
    )
    with st.sidebar:
        st.header("보기 설정")
        period = period_options[0]
        if len(period_options) > 1:
            period = st.selectbox("보고 기준일", period_options, key="period", bind="query-params")
        dept = st.selectbox("부서", [ALL_DEPARTMENTS, *departments], key="dept", bind="query-params")
        unit = st.segmented_control(
            "금액 단위",
            unit_options,
            default=Unit.THOUSAND.value,
            required=True,
            key="unit",
            bind="query-params",
        )
        present = presenter_toggle()
    for name in invalid:
        st.toast(f"주소의 {_LABELS[name]} 값을 알 수 없어 기본값으로 표시합니다.", icon=":material/info:")
    return Filters(
        date.fromisoformat(period),
        None if dept == ALL_DEPARTMENTS else dept,
        Unit(unit or Unit.THOUSAND),
        present,
    )
