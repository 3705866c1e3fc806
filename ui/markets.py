"""The markets page's schedule filters: a month or a date range, and a place (kept in the URL)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from bureau.topics.markets.calc import month_key, month_label, month_period, parse_month_key
from ui.url_notice import notify_unknown

ALL = "전체"
MONTH, RANGE = "월별", "기간 지정"


def period_filter(months: list[tuple[int, int]]) -> tuple[date, date] | None:
    """Choose a month (``month=YYYY년 M월`` in the URL) or a date range; None is every day."""
    keys = [ALL, *(month_key(month) for month in months)]
    notify_unknown("period_mode", "기간 선택", (MONTH, RANGE))
    notify_unknown("month", "운영 월", map(_month_text, keys))
    left, right = st.columns([1, 2])
    mode = left.segmented_control(
        "기간 선택", [MONTH, RANGE], default=MONTH, required=True, key="period_mode", bind="query-params"
    )
    if mode == RANGE:
        first, last = month_period(months[0])[0], month_period(months[-1])[1]
        chosen = right.date_input(
            "운영 기간",
            (date(first.year, 5, 1), date(first.year, 5, 31)),
            min_value=first,
            max_value=last,
            key="period_range",
            format="YYYY.MM.DD",
        )
        if isinstance(chosen, tuple) and len(chosen) == 2:
            return chosen[0], chosen[1]
        return None
    key = right.selectbox(
        "운영 월",
        keys,
        format_func=_month_text,
        key="month",
        bind="query-params",
    )
    return None if key == ALL else month_period(parse_month_key(key))


def _month_text(key: str) -> str:
    """The menu's (and the URL's: a bound widget keeps its formatted option) text for a month."""
    return key if key == ALL else month_label(parse_month_key(key))


def place_filter(places: pd.DataFrame) -> str | None:
    """Choose one place (its printed name in the URL) or all."""
    names = dict(zip(places["place_id"], places["printed_name"]))
    notify_unknown("place", "개최장소", [ALL, *names.values()])
    chosen = st.selectbox(
        "개최장소",
        [ALL, *names],
        format_func=lambda value: value if value == ALL else names[value],
        key="place",
        bind="query-params",
    )
    return None if chosen == ALL else chosen
