"""The sidebar filters every page shares, kept in the URL so a link restores the view.

``dept``, ``period``, ``unit`` (and ``present``, see :mod:`ui.presenter`) are read from the URL
once per session, then held in the session so they survive page switches, and written back
to the URL on every run so a copied link opens exactly the same view. A value in the URL
that is not valid falls back to the default with a short notice; it never reaches a query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from bureau.units import DISPLAY_UNITS, UnitMode
from ui.presenter import presenter_toggle
from ui.url_notice import notify_unknown

ALL_DEPARTMENTS = "전체"
_LABELS = {"dept": "부서", "period": "보고 기준일", "unit": "금액 단위"}
_CHOICES = "shared_filters"


@dataclass(frozen=True)
class Filters:
    as_of: date
    dept: str | None
    #: 보고서 단위 (each figure in the unit the report prints it in, the default) or one unit
    unit: UnitMode
    present: bool


def _choices(valid: dict[str, list[str]]) -> dict[str, str]:
    """The session's choices; on its first run they come from the URL (first option if invalid)."""
    if _CHOICES not in st.session_state:
        choices = {}
        for name, options in valid.items():
            notify_unknown(name, _LABELS[name], options)
            value = st.query_params.get(name)
            choices[name] = value if value in options else options[0]
        st.session_state[_CHOICES] = choices
    choices = st.session_state[_CHOICES]
    for name, options in valid.items():
        if choices.get(name) not in options:  # e.g. a department missing from another report
            choices[name] = options[0]
        st.session_state[name] = choices[name]  # the widget on this page starts from the choice
    return choices


def _chosen(name: str) -> None:
    st.session_state[_CHOICES][name] = st.session_state[name]


def _write_url(choices: dict[str, str], valid: dict[str, list[str]]) -> None:
    for name, options in valid.items():
        if choices[name] == options[0]:
            st.query_params.pop(name, None)
        else:
            st.query_params[name] = choices[name]


def sidebar_filters(periods: list[date], departments: list[str]) -> Filters:
    """Period, department, unit and presenter widgets; returns what the page should apply."""
    valid = {
        "period": [day.isoformat() for day in periods],
        "dept": [ALL_DEPARTMENTS, *departments],
        "unit": [unit.value for unit in DISPLAY_UNITS],
    }
    choices = _choices(valid)
    with st.sidebar:
        st.header("보기 설정")
        if len(valid["period"]) > 1:
            st.selectbox("보고 기준일", valid["period"], key="period", on_change=_chosen, args=("period",))
        st.selectbox("부서", valid["dept"], key="dept", on_change=_chosen, args=("dept",))
        st.segmented_control(
            "금액 단위", valid["unit"], required=True, key="unit", on_change=_chosen, args=("unit",)
        )
        present = presenter_toggle()
    _write_url(choices, valid)
    return Filters(
        date.fromisoformat(choices["period"]),
        None if choices["dept"] == ALL_DEPARTMENTS else choices["dept"],
        UnitMode(choices["unit"]),
        present,
    )
