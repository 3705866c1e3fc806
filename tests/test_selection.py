"""bureau.selection: one parameterised query over the declared schema, on a small table built
here; ui.data.run caches each table's selection apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd
import pytest
import streamlit as st

from bureau import paths
from bureau.build import arrow_table, build
from bureau.schema import Count, Day, Name, SourceModel, Table
from bureau.selection import Selection, selection_sql, selector
from bureau.sources import LoadedRow
from bureau.topics.relief import queries as relief
from ui.data import run

MARCH, JUNE = date(2025, 3, 31), date(2025, 6, 30)


class Point(SourceModel):
    issue_no: Count
    dept: Name
    kind: Literal["추진방향", "추진내용", "향후계획"]
    seq: Count
    text: Name
    start: Day | None = None


POINTS = Table("points", Point, ("as_of", "issue_no", "kind", "seq"), "현안", order=("kind", "seq"))


class Member(SourceModel):
    seq: Count
    member: Name


MEMBERS = Table("members", Member, ("as_of", "seq"), "TF")


def _row(as_of: date, issue_no: int, dept: str, kind: str, seq: int, start: date | None = None) -> dict:
    return {
        "as_of": as_of,
        "issue_no": issue_no,
        "dept": dept,
        "kind": kind,
        "seq": seq,
        "text": f"{kind} {seq}",
        "start": start,
    }


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    rows = [
        _row(MARCH, 1, "대외협력과", "향후계획", 1),
        _row(MARCH, 1, "시민협력과", "추진내용", 2, date(2025, 4, 4)),
        _row(MARCH, 1, "대외협력과", "추진내용", 1, date(2025, 3, 22)),
        _row(MARCH, 1, "대외협력과", "추진방향", 1),
        _row(MARCH, 2, "대외협력과", "추진방향", 1),
        _row(JUNE, 1, "대외협력과", "추진방향", 1),
    ]
    loaded = [LoadedRow(line, Point.model_validate(row)) for line, row in enumerate(rows, start=2)]
    connection.from_arrow(arrow_table(POINTS, loaded)).create("points")
    members = [LoadedRow(2, Member.model_validate({"as_of": MARCH, "seq": 1, "member": "행정안전부"}))]
    connection.from_arrow(arrow_table(MEMBERS, members)).create("members")
    return connection


def test_the_sql_quotes_declared_names_and_binds_every_value():
    sql, params = selection_sql(POINTS, ("kind", "text"), {"as_of": MARCH, "issue_no": 1})
    assert sql == (
        'SELECT "kind", "text" FROM "points" WHERE "as_of" = ? AND "issue_no" = ? '
        'ORDER BY list_position(?, "kind"), "seq", source_line'
    )
    assert params == [MARCH, 1, ["추진방향", "추진내용", "향후계획"]]
    with pytest.raises(ValueError, match="points has no column x"):
        selection_sql(POINTS, ("x",), {})
    with pytest.raises(ValueError, match="no column"):
        Selection(POINTS, by=("issue",))


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        # one report and issue, in the declared order (a Literal in its declared order, then seq)
        ((MARCH, 1), [("추진방향", 1), ("추진내용", 1), ("추진내용", 2), ("향후계획", 1)]),
        ((MARCH, 1, "시민협력과"), [("추진내용", 2)]),  # a department, by position
        ((MARCH, 1, None), [("추진방향", 1), ("추진내용", 1), ("추진내용", 2), ("향후계획", 1)]),
        ((MARCH, 2), [("추진방향", 1)]),
        ((JUNE, 1), [("추진방향", 1)]),
        ((date(2025, 9, 30), 1), []),
    ],
)
def test_a_selection_is_one_report_issue_and_department(con, arguments, expected):
    points = Selection(POINTS, ("kind", "seq", "start"), by=("issue_no",))
    rows = points(con, *arguments)
    assert list(zip(rows["kind"], rows["seq"])) == expected


def test_named_arguments_dates_and_default_columns(con):
    points = Selection(POINTS, by=("issue_no",))
    rows = points(con, as_of=MARCH, issue_no=1, dept="대외협력과")
    assert list(rows.columns) == ["issue_no", "dept", "kind", "seq", "text", "start"]
    assert rows["start"].tolist() == [None, date(2025, 3, 22), None]  # DATE as datetime.date


def test_a_selection_refuses_what_its_table_does_not_have(con):
    with pytest.raises(TypeError, match="issue_no is required"):
        Selection(POINTS, by=("issue_no",))(con, MARCH)
    with pytest.raises(TypeError, match="selected by as_of"):
        Selection(MEMBERS)(con, MARCH, dept="인사과")  # no dept column
    assert Selection(MEMBERS)(con, MARCH)["member"].tolist() == ["행정안전부"]


def test_selector_names_the_tables_of_a_topic():
    select = selector((POINTS, MEMBERS))
    assert select("members") == Selection(MEMBERS)
    assert select("points", ("text",), by=("issue_no",)).selected == ("text",)


def test_run_caches_each_tables_selection_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """One class serves every table: ui.data.run keys its cache by each selection's name, so
    two tables read with the same arguments are not mistaken for each other."""
    built = tmp_path / "bureau.duckdb"
    build(paths.sources_dir(), built)
    monkeypatch.setenv("BUREAU_DATABASE", str(built))
    st.cache_data.clear()
    assert relief.supplies.cache_name != relief.funds.cache_name
    supplies = run(relief.supplies, as_of=MARCH)
    funds = run(relief.funds, as_of=MARCH)
    assert "category" in supplies.columns and "fund_id" in funds.columns
    pd.testing.assert_frame_equal(run(relief.supplies, as_of=MARCH), supplies)
    assert run(relief.supplies, as_of=MARCH, dept="시민협력과").empty
