"""Widgets for the 현안 업무 (current-issue) pages: the issue's goal and department notice,
bullet lists, tables with downloads, the contacts and the map's base layer."""

from __future__ import annotations

import os
import urllib.request
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from bureau.format import markdown_text, particle
from bureau.table import Table
from bureau.topics.report import meta
from bureau.topics.report import queries as issue_queries
from bureau.topics.report.calc import contacts_for, effective_dept, points_markdown
from ui.data import run
from ui.filters import Filters
from ui.screens import Section
from ui.tables import data_table
from ui.widgets import discrepancy_notes, downloads, report_kpis

#: An optional raster tile URL template (``https://tiles.internal/{z}/{x}/{y}.png``) for a
#: richer map. Without it, or when it cannot be reached, the bundled outline is used.
TILES_ENV = "BUREAU_MAP_TILES"


def bullets(points: pd.DataFrame, kind: str) -> None:
    lines = points_markdown(points, kind)
    if lines:
        st.markdown("\n".join(lines))


def has_points(points: pd.DataFrame, kind: str) -> bool:
    """Whether ``points`` hold any bullet of ``kind`` (추진방향, 추진내용, 향후계획)."""
    return bool((points["kind"] == kind).any())


def bullet_section(points: pd.DataFrame, kind: str, *, joins: bool = False) -> Section:
    """The 추진방향·추진내용·향후계획 section of a page: its bullets, or left out (heading and
    all) when the points (of the department chosen) hold none, so a heading never stands over
    nothing."""
    lines = points_markdown(points, kind)
    return Section(kind, lambda: st.markdown("\n".join(lines)), shown=bool(lines), joins=joins)


def table(frame: Table | pd.DataFrame, name: str, caption: str, key: str, wide: Sequence[str] = ()) -> None:
    """A table with its unit caption (it may hold data text: shown escaped) and CSV/XLSX
    downloads; ``wide`` columns get room."""
    st.caption(markdown_text(caption))
    data_table(frame, wide=wide)
    downloads(frame, name, caption, key)


def current_issue(filters: Filters, page_slug: str) -> pd.Series | None:
    """The current issue the page shows in the chosen report (its number, title, attachment …),
    or None when this report has no issue for the page."""
    issues = run(issue_queries.current_issues, as_of=filters.as_of)
    found = issues[issues["page"] == page_slug]
    return None if found.empty else found.iloc[0]


def issue_points(filters: Filters, page_slug: str, dept: str | None = None) -> pd.DataFrame:
    """The page's issue's 추진방향·추진내용·향후계획 in the chosen report, whatever its number
    there (empty when the report has no issue for the page)."""
    issue = current_issue(filters, page_slug)
    number = None if issue is None else int(issue["issue_no"])
    return run(issue_queries.issue_points, as_of=filters.as_of, issue_no=number, dept=dept)


def issue_dept(filters: Filters, page_slug: str) -> str | None:
    """The department to narrow the issue's data to: the chosen one when it staffs the
    issue; None (the whole issue) otherwise."""
    found = _issue_departments(filters, page_slug)
    return None if found is None else effective_dept(filters.dept, found[1])


def issue_intro(filters: Filters, page_slug: str, *, by_dept: bool = False) -> None:
    """The head of a current-issue page: the issue's goal (◆) and what the department filter
    does here. ``by_dept``: the page narrows its data to one staffing department
    (:func:`issue_dept`)."""
    found = _issue_departments(filters, page_slug)
    if found is None:
        return
    issue, departments = found
    applied = effective_dept(filters.dept, departments) if by_dept else None
    st.markdown(f"◆ {markdown_text(issue['goal'])}")
    _dept_notice(filters.dept, applied, departments, str(issue["lead_dept"]))


def issue_summary(filters: Filters, page_slug: str) -> None:
    """An issue page's first screen: its introduction, where the report's printed figures
    differ from ours in any of the topic's tables, and its KPIs."""
    issue_intro(filters, page_slug)
    discrepancy_notes(
        run(meta.reconciliations, as_of=filters.as_of, topic=page_slug, discrepancies_only=True)
    )
    report_kpis(page_slug, filters)


def _issue_departments(filters: Filters, page_slug: str) -> tuple[pd.Series, list[str]] | None:
    issue = current_issue(filters, page_slug)
    if issue is None:
        return None
    return issue, run(issue_queries.issue_departments, as_of=filters.as_of, issue_no=int(issue["issue_no"]))


def issue_contacts(filters: Filters, page_slug: str) -> None:
    """The 담당자 section as the report prints it: department, position, name, phone (only
    the chosen department's people where it staffs the issue)."""
    issue = current_issue(filters, page_slug)
    if issue is None:
        return
    people = contacts_for(
        run(issue_queries.contacts, as_of=filters.as_of), int(issue["issue_no"]), filters.dept
    )
    st.subheader("담당자")
    st.markdown(
        "  \n".join(markdown_text(f"{p.dept} {p.position} {p.name} ☎ {p.phone}") for p in people.itertuples())
    )


def _dept_notice(chosen: str | None, applied: str | None, departments: list[str], lead: str) -> None:
    """Say what the department filter does on an issue page."""
    staffed = markdown_text("·".join(departments))
    if applied:
        st.caption(f"부서 필터: {markdown_text(applied)} 담당 부분만 표시합니다 (담당 부서: {staffed}).")
    elif chosen and chosen in departments:
        st.caption(
            f"{markdown_text(particle(chosen, '은', '는'))} 이 현안의 담당 부서입니다. "
            f"이 현안은 부서별로 나누지 않고 전체를 표시합니다 (담당 부서: {staffed})."
        )
    elif chosen:
        st.info(
            f"{markdown_text(particle(chosen, '은', '는'))} 이 현안의 담당 부서({staffed})가 아니어서 "
            f"전체 내용을 표시합니다. 이 현안의 주관 부서는 {markdown_text(lead)}입니다.",
            icon=":material/info:",
        )
    else:
        st.caption(f"담당 부서: {staffed}")


@st.cache_data(ttl=300, show_spinner=False)
def _reachable(url: str) -> bool:
    probe = url.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
    try:
        with urllib.request.urlopen(probe, timeout=1.5) as response:
            return 200 <= response.status < 400
    except (OSError, ValueError):
        return False


def tile_source() -> str | None:
    """The configured tile URL when the server can reach it; otherwise None, with a note
    when one is configured but unreachable."""
    url = os.environ.get(TILES_ENV, "").strip()
    if not url:
        return None
    if _reachable(url):
        return url
    st.info(
        f"설정된 배경지도({TILES_ENV})에 연결할 수 없어 내장 개략 지도(외부 연결 없음)를 표시합니다.",
        icon=":material/map:",
    )
    return None
