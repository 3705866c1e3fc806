"""The header of a current-issue page: its goal, the department note, and the contacts."""

from __future__ import annotations

import streamlit as st

from bureau.format import markdown_text
from bureau.queries import org
from ui.data import run
from ui.filters import Filters


def issue_intro(filters: Filters, page_slug: str) -> None:
    """The issue's goal (◆) and, when another department is selected, whose issue this is."""
    issues = run(org.current_issues, as_of=filters.as_of)
    issue = issues[issues["page"] == page_slug]
    if issue.empty:
        return
    row = issue.iloc[0]
    st.markdown(f"◆ {markdown_text(row['goal'])}")
    if filters.dept and filters.dept != row["lead_dept"]:
        st.info(
            f"이 현안의 주관 부서는 {markdown_text(row['lead_dept'])}입니다. "
            f"선택한 부서({markdown_text(filters.dept)})와 관계없이 "
            "현안 전체를 보여 줍니다.",
            icon=":material/info:",
        )


def issue_contacts(filters: Filters, page_slug: str) -> None:
    """담당자 line as the report prints it."""
    issues = run(org.current_issues, as_of=filters.as_of)
    issue = issues[issues["page"] == page_slug]
    if issue.empty:
        return
    contacts = run(org.contacts, as_of=filters.as_of)
    people = contacts[contacts["issue_no"] == int(issue.iloc[0]["issue_no"])]
    st.caption(
        "담당자 · "
        + " · ".join(markdown_text(f"{p.position} {p.name} ☎ {p.phone}") for p in people.itertuples())
    )
