"""The declared checks and their one engine: each check type on small tables built here, the
engine over every table, and the real report's reconciliations (pinned to 2025-03-31)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import duckdb
import pytest

from bureau import build as build_module
from bureau.build import arrow_table, build
from bureau.checks.base import Data, Scope
from bureau.checks.declared import (
    Agree,
    Compare,
    Complete,
    Quoted,
    Related,
    Sum,
    Weekdays,
    offset,
    printed_figure,
)
from bureau.checks.engine import error_checks, errors, reconciliations
from bureau.differences import Kind
from bureau.metrics import change_rate, percent
from bureau.schema import Amount, Count, Day, Flag, Name, Number, Percent, SourceModel, Table, TopicSlug
from bureau.sources import LoadedRow, SourceErrors
from bureau.topic import Topic
from bureau.topics import TABLES, TABLES_BY_NAME, TOPICS
from bureau.topics.ai_training.checks import ShareOfUnprintedWhole
from bureau.topics.overview.checks import DerivedIndicators
from bureau.topics.overview.district import Rule
from bureau.units import Unit

AS_OF = date(2025, 3, 31)


# --- small tables built here --------------------------------------------------------------------


class Line(SourceModel):
    item_id: Name
    parent_id: Name | None = None
    kind: Name = "과"
    amount: Amount
    printed_rate: Percent | None = None
    year: Count = 2025


class Printed(SourceModel):
    topic: TopicSlug
    figure_id: Name
    label: Name
    value: Count
    printed_text: Name


def table(name: str, model: type[SourceModel], key: tuple[str, ...], *checks: object) -> Table:
    return Table(name, model, key, name, checks=checks)


def loaded(*tables: tuple[Table, list[dict]]) -> duckdb.DuckDBPyConnection:
    """The tables with their rows (lines 2, 3, … of their files) in an in-memory database."""
    con = duckdb.connect()
    for declared, rows in tables:
        records = [
            LoadedRow(line, declared.model.model_validate({"as_of": AS_OF, **row}))
            for line, row in enumerate(rows, start=2)
        ]
        con.from_arrow(arrow_table(declared, records)).create(declared.name)
    return con


def recorded(con: duckdb.DuckDBPyConnection, *topics: Topic) -> dict[tuple[str, str], tuple]:
    """``(row_key, figure)`` → (printed, recomputed, kind, note) of every reconciliation."""
    return {
        (item.row_key, item.figure): (item.printed, item.recomputed, item.kind, item.note)
        for item in reconciliations(con, topics)
    }


def lines(*amounts: tuple[str, str | None, int]) -> list[dict]:
    return [{"item_id": item, "parent_id": parent, "amount": amount} for item, parent, amount in amounts]


HIERARCHY = (("total", None, 45), ("first", "total", 5), ("second", "total", 40))


# --- Sum ----------------------------------------------------------------------------------------

CHILDREN = Related(on=("as_of", ("item_id", "parent_id")))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (HIERARCHY, {("total", "금액"): ("45억", "45억", Kind.MATCH, "")}),
        (
            (("total", None, 46), ("first", "total", 5), ("second", "total", 40)),
            {("total", "금액"): ("46억", "45억", Kind.ARITHMETIC, "보고서 표기 46억, 재계산 45억")},
        ),
        # a parent of parents: each compared with its own children; leaves are not totals
        (
            (("total", None, 45), ("first", "total", 5), ("second", "total", 40), ("a", "second", 37)),
            {
                ("total", "금액"): ("45억", "45억", Kind.MATCH, ""),
                ("second", "금액"): ("40억", "37억", Kind.ARITHMETIC, "보고서 표기 40억, 재계산 37억"),
            },
        ),
    ],
)
def test_children_sum_to_their_parent(rows, expected):
    funds = table(
        "funds",
        Line,
        ("as_of", "item_id"),
        Sum(
            printed="amount",
            value="amount",
            parts=CHILDREN,
            unit="억",
            subject="{item_id}",
            figure="금액",
            rule="합",
        ),
    )
    assert recorded(loaded((funds, lines(*rows))), Topic("t", (funds,))) == expected


def test_a_rejecting_sum_fails_at_the_parents_cell():
    budget = table(
        "budget",
        Line,
        ("as_of", "item_id"),
        Sum(
            printed="amount",
            value="amount",
            parts=CHILDREN,
            reject=True,
            subject="{item_id}",
            figure="-",
            rule="its children",
        ),
    )
    con = loaded((budget, lines(("total", None, 46), ("first", "total", 5), ("second", "total", 40))))
    found = errors(con, [Topic("t", (budget,))])
    assert [str(error) for error in found] == [
        "budget.csv:2:5: amount of 'total' is 46 but its children add up to 45"
    ]
    assert reconciliations(con, [Topic("t", (budget,))]) == []


def test_a_sum_over_another_table_with_a_filter_a_count_and_unique_values():
    departments = table("departments", Line, ("as_of", "item_id"))
    summary = table(
        "summary",
        Line,
        ("as_of", "item_id"),
        Sum(
            printed="amount",
            where={"item_id": "count"},
            parts=Related("departments", where={"kind": "과"}),
            subject="조직",
            figure="과 수",
            rule="과의 수",
        ),
        Sum(
            printed="amount",
            where={"item_id": "people"},
            value="amount",
            parts=Related("departments", where={"kind": ("과", "사업소")}),
            subject="조직",
            figure="인원",
            rule="인원의 합",
        ),
        Sum(
            printed="amount",
            where={"item_id": "kinds"},
            parts=Related("departments"),
            unique="kind",
            subject="조직",
            figure="종류 수",
            rule="서로 다른 종류",
        ),
    )
    con = loaded(
        (
            departments,
            [
                {"item_id": "총무과", "kind": "과", "amount": 188},
                {"item_id": "인사과", "kind": "과", "amount": 39},
                {"item_id": "수련원", "kind": "사업소", "amount": 12},
                {"item_id": "센터", "kind": "유관기관", "amount": 35},
            ],
        ),
        (
            summary,
            [
                {"item_id": "count", "amount": 2},
                {"item_id": "people", "amount": 240},
                {"item_id": "kinds", "amount": 3},
            ],
        ),
    )
    found = recorded(con, Topic("t", (departments, summary)))
    assert found[("count", "과 수")][:3] == ("2", "2", Kind.MATCH)
    assert found[("people", "인원")][:3] == ("240", "239", Kind.ARITHMETIC)
    assert found[("kinds", "종류 수")][:3] == ("3", "3", Kind.MATCH)


def test_a_change_on_the_previous_year_converted_between_units():
    allocations = table("allocations", Line, ("as_of", "item_id", "year"))
    budget = table(
        "budget",
        Line,
        ("as_of", "item_id"),
        Sum(
            printed="amount",
            value="amount",
            parts=Related("allocations", on=("as_of", "year")),
            minus=Related("allocations", on=("as_of", (offset("year", -1), "year"))),
            convert=(Unit.MILLION, Unit.HUNDRED_MILLION),
            subject="예산",
            figure="증액(억원)",
            rule="(올해 − 작년 배정액) ÷ 100",
        ),
    )
    groups = [
        {"item_id": group, "amount": amount, "year": year}
        for year, amounts in ((2024, (7200, 10800)), (2025, (7000, 15000)))
        for group, amount in zip(("일반", "기금"), amounts)
    ]
    con = loaded((allocations, groups), (budget, [{"item_id": "합계", "amount": 40}]))
    assert recorded(con, Topic("t", (allocations, budget)))[("합계", "증액(억원)")][:3] == (
        "40",
        "40",
        Kind.MATCH,
    )
    # no year before: nothing to compare
    con = loaded((allocations, groups[2:]), (budget, [{"item_id": "합계", "amount": 40}]))
    assert recorded(con, Topic("t", (allocations, budget))) == {}


def test_a_printed_figure_of_the_text_lists_its_parts_and_rounds_as_printed():
    """A shared table (with a topic column) is seen by another topic's checks through its
    own rows only: the markets figure here is not compared with relief's supplies."""
    printed = table("printed_figures", Printed, ("as_of", "topic", "figure_id"))
    supplies = table(
        "supplies",
        Line,
        ("as_of", "item_id"),
        printed_figure(
            "total",
            value="amount",
            breakdown="kind",
            subject="물품",
            figure="총계",
            rule="합: {parts}",
            note="단위가 다른 수량: {breakdown}",
            list_parts="{item_id} {amount}",
        ),
        printed_figure(
            "approx",
            value="amount",
            digits=-4,
            unit="개",
            subject="물품",
            figure="{printed_text}",
            rule="만 단위",
        ),
    )
    con = loaded(
        (
            printed,
            [
                {
                    "topic": "relief",
                    "figure_id": "total",
                    "label": "총계",
                    "value": 723170,
                    "printed_text": "723,170",
                },
                {
                    "topic": "relief",
                    "figure_id": "approx",
                    "label": "약",
                    "value": 720000,
                    "printed_text": "약 72만 개",
                },
                {"topic": "markets", "figure_id": "total", "label": "총계", "value": 1, "printed_text": "1"},
            ],
        ),
        (
            supplies,
            [
                {"item_id": "쉘터", "kind": "동", "amount": 549},
                {"item_id": "생필품", "kind": "개", "amount": 722608},
                {"item_id": "밥차", "kind": "대", "amount": 13},
            ],
        ),
    )
    found = {item.figure: item for item in reconciliations(con, [Topic("relief", (printed, supplies))])}
    assert (found["총계"].printed, found["총계"].recomputed, found["총계"].kind) == (
        "723,170",
        "723,170",
        Kind.MATCH,
    )
    assert found["총계"].rule == "합: 쉘터 549 + 생필품 722608 + 밥차 13"
    assert found["총계"].note == "단위가 다른 수량: 722,608개 + 549동 + 13대"
    assert (found["총계"].topic, found["총계"].table_name, found["총계"].row_key) == (
        "relief",
        "supplies",
        "relief|total",
    )
    assert (found["약 72만 개"].printed, found["약 72만 개"].recomputed) == ("약 72만 개", "720,000개")
    assert found["약 72만 개"].kind is Kind.MATCH
    assert len(found) == 2


def test_a_printed_count_per_value_of_a_column():
    printed = table("printed_figures", Printed, ("as_of", "topic", "figure_id"))
    markets = table(
        "markets",
        Line,
        ("as_of", "item_id", "year"),
        printed_figure(
            "type_count",
            by="kind",
            unique="item_id",
            unit="개",
            subject="장터",
            figure="{label}",
            rule="추진방식별 수",
        ),
    )
    con = loaded(
        (
            printed,
            [
                {
                    "topic": "markets",
                    "figure_id": "type_count.직접",
                    "label": "직접",
                    "value": 2,
                    "printed_text": "(2개)",
                },
                {
                    "topic": "markets",
                    "figure_id": "type_count.공모",
                    "label": "공모",
                    "value": 2,
                    "printed_text": "(2개)",
                },
            ],
        ),
        (
            markets,
            [
                {"item_id": "a", "kind": "직접", "amount": 0, "year": 1},
                {"item_id": "a", "kind": "직접", "amount": 0, "year": 2},  # one market at two places
                {"item_id": "b", "kind": "직접", "amount": 0},
                {"item_id": "c", "kind": "공모", "amount": 0},
            ],
        ),
    )
    found = recorded(con, Topic("markets", (printed, markets)))
    assert found[("markets|type_count.직접", "직접")][:3] == ("(2개)", "2개", Kind.MATCH)
    assert found[("markets|type_count.공모", "공모")][:3] == ("(2개)", "1개", Kind.ARITHMETIC)


# --- Compare ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "part", "whole", "digits", "kind", "recomputed"),
    [
        (20.1, 1_831_233, 9_111_342, 1, Kind.MATCH, "20.1"),
        (4.7, 456_467, 9_111_342, 1, Kind.ARITHMETIC, "5.0"),  # the report's one arithmetic difference
        (11.5, 67_546, 583_200, 1, Kind.ROUNDING, "11.58"),  # decimals cut
        (172, 520, 301, 0, Kind.ROUNDING, "172.8"),  # 172.76 printed as a whole number, cut
        (170, 520, 301, 0, Kind.ARITHMETIC, "173"),
    ],
)
def test_a_printed_rate_against_the_recomputed_one(printed, part, whole, digits, kind, recomputed):
    rates = table(
        "rates",
        Line,
        ("as_of", "item_id"),
        Compare(
            printed="printed_rate",
            recomputed=lambda row: percent(row["year"], row["amount"]),
            digits=digits,
            subject="{item_id}",
            figure="율",
            rule="D ÷ B × 100",
        ),
    )
    con = loaded((rates, [{"item_id": "x", "amount": whole, "year": part, "printed_rate": printed}]))
    found = recorded(con, Topic("t", (rates,)))[("x", "율")]
    assert found[2] is kind and found[1] == recomputed


def test_a_rate_against_the_previous_years_row_and_rows_without_a_printed_figure():
    kpis = table(
        "kpis",
        Line,
        ("as_of", "item_id", "year"),
        Compare(
            printed="printed_rate",
            recomputed=lambda row: change_rate(row["previous"]["amount"], row["amount"]),
            related=(("previous", Related(on=("as_of", "item_id", (offset("year", -1), "year")))),),
            unit="%",
            subject="{item_id}",
            figure="증감률",
            rule=lambda row: f"÷ {row['year'] - 1}년",
        ),
    )
    con = loaded(
        (
            kpis,
            [
                {"item_id": "sessions", "year": 2024, "amount": 110},
                {"item_id": "sessions", "year": 2025, "amount": 300, "printed_rate": 172},
                {"item_id": "places", "year": 2024, "amount": 6},
                {"item_id": "places", "year": 2025, "amount": 12},  # no printed rate: nothing to compare
            ],
        )
    )
    item = next(iter(reconciliations(con, [Topic("t", (kpis,))])))
    assert (item.row_key, item.printed, item.recomputed, item.kind, item.rule) == (
        "sessions|2025",
        "172%",
        "172.7%",
        Kind.ROUNDING,
        "÷ 2024년",
    )
    assert item.note == "보고서는 소수점 이하를 버림(172.7% → 172%); 반올림하면 173%"


@pytest.mark.parametrize(("amount", "kind"), [(1000, Kind.MATCH), (1001, Kind.ARITHMETIC)])
def test_a_bound_against_the_rule_in_force(amount, kind):
    rules = table("rules", Line, ("as_of", "item_id", "year"))
    loans = table(
        "loans",
        Line,
        ("as_of", "item_id", "year"),
        Compare(
            printed="amount",
            recomputed=lambda row: row["rule"]["amount"],
            related=(("rule", Related("rules", on=("as_of", "item_id"), latest=("year", "year"))),),
            at_most=True,
            subject="{item_id}",
            figure="평균 ≤ 한도",
            rule="그해 한도",
        ),
    )
    con = loaded(
        (
            rules,
            [
                {"item_id": "다자녀", "year": 2023, "amount": 500},
                {"item_id": "다자녀", "year": 2025, "amount": 1000},
                {"item_id": "다자녀", "year": 2026, "amount": 2000},
            ],
        ),
        (loans, [{"item_id": "다자녀", "year": 2025, "amount": amount}, {"item_id": "일반", "amount": 1}]),
    )
    found = recorded(con, Topic("t", (rules, loans)))
    assert found == {
        ("다자녀|2025", "평균 ≤ 한도"): (f"{amount:,}", "1,000", kind, "")
    }  # 일반: no rule, skipped


# --- Weekdays, Quoted ---------------------------------------------------------------------------


class Event(SourceModel):
    seq: Count
    start: Day
    end: Day | None = None
    printed_date: Name
    printed_weekdays: Name | None = None


@pytest.mark.parametrize(
    ("start", "end", "printed", "weekdays", "kind", "recomputed", "note"),
    [
        (date(2025, 3, 22), None, "3.22.(토)~", "토", Kind.MATCH, "3.22.(토)", ""),
        (
            date(2025, 3, 22),
            None,
            "3.22.(금)~",
            "금",
            Kind.ARITHMETIC,
            "3.22.(토)",
            "시작일 3.22.은 토요일(표기 금)",
        ),
        (
            date(2025, 3, 15),
            date(2025, 11, 23),
            "3.15.~11.23.(토, 일)",
            "토, 일",
            Kind.MATCH,
            "3.15.(토) ~ 11.23.(일)",
            "",
        ),
        (
            date(2025, 5, 22),
            date(2025, 10, 20),
            "5.22.~10.20.(금~일)",
            "금~일",
            Kind.MATCH,
            "5.23.(금) ~ 10.19.(일)",
            "(금~일)은 5.22.~10.20. 중 장터가 여는 요일: 첫 운영일 5.23.(금), 마지막 운영일 10.19.(일)",
        ),
        (
            date(2025, 9, 25),
            date(2025, 9, 26),
            "9.25.~9.26.(일)",
            "일",
            Kind.ARITHMETIC,
            "기간 중 해당 요일 없음",
            "9.25.~9.26. 중 일에 해당하는 날이 없음",
        ),
    ],
)
def test_printed_weekdays(start, end, printed, weekdays, kind, recomputed, note):
    events = table(
        "events",
        Event,
        ("as_of", "seq"),
        Weekdays(text="printed_date", subject="행사", figure="요일", rule="달력"),
    )
    row = {"seq": 1, "start": start, "end": end, "printed_date": printed, "printed_weekdays": weekdays}
    assert recorded(loaded((events, [row])), Topic("t", (events,))) == {
        ("1", "요일"): (printed, recomputed, kind, note)
    }


def test_figures_quoted_in_related_text():
    roles = table("roles", Event, ("as_of", "seq"))
    programmes = table(
        "programmes",
        Line,
        ("as_of", "item_id"),
        Quoted(
            quotes=(("amount", "{}개 과정"), ("year", "연{}회")),
            within=Related("roles", on=("as_of", ("item_id", "printed_date"))),
            text="printed_weekdays",
            subject="{item_id}",
            figure="{quote}",
            rule="역할 문구에 표기됨",
        ),
    )
    con = loaded(
        (roles, [{"seq": 1, "start": AS_OF, "printed_date": "교육", "printed_weekdays": "47개 과정 운영"}]),
        (programmes, [{"item_id": "교육", "amount": 47, "year": 2}]),
    )
    found = recorded(con, Topic("t", (roles, programmes)))
    assert found == {
        ("교육", "47개 과정"): ("47개 과정", "47개 과정", Kind.MATCH, ""),
        ("교육", "연2회"): ("연2회", "문구에 없음", Kind.ARITHMETIC, ""),
    }


# --- Agree, Complete: errors at file:line:column ------------------------------------------------


def test_rows_of_one_group_must_agree():
    schedule = table(
        "schedule", Line, ("as_of", "item_id", "year"), Agree(("as_of", "item_id"), ("amount",), "market")
    )
    con = loaded(
        (
            schedule,
            [
                {"item_id": "farmers", "year": 1, "amount": 5},
                {"item_id": "farmers", "year": 2, "amount": 5},
                {"item_id": "farmers", "year": 3, "amount": 6},
                {"item_id": "expo", "year": 1, "amount": 1},
            ],
        )
    )
    assert [str(e) for e in errors(con, [Topic("t", (schedule,))])] == [
        "schedule.csv:4:5: amount of market 'farmers' differs from line 2"
    ]


def test_every_combination_must_exist():
    rules = table(
        "rules",
        Line,
        ("as_of", "item_id", "year"),
        Complete(("year", "item_id"), "no rule for {item_id!r} from {year}"),
    )
    con = loaded(
        (
            rules,
            [
                {"item_id": "일반", "year": 2024, "amount": 1},
                {"item_id": "일반", "year": 2025, "amount": 1},
                {"item_id": "다자녀", "year": 2025, "amount": 2},
            ],
        )
    )
    assert [str(e) for e in errors(con, [Topic("t", (rules,))])] == [
        "rules.csv:0:2: no rule for '다자녀' from 2024 (as of 2025-03-31)"
    ]


# --- the topics' own types ----------------------------------------------------------------------


class Indicator(SourceModel):
    reference: Name
    indicator_id: Name
    label: Name
    subject: Name
    value: Number
    unit: Name
    printed_derived: Flag


@pytest.mark.parametrize(("printed", "kind"), [(22, Kind.MATCH), (23, Kind.ARITHMETIC)])
def test_derived_indicators(printed, kind):
    rule = Rule(
        "per_dong", "인구 ÷ 동 수 (천명)", lambda v: v.latest("population") / v.latest("dongs") / 1000
    )
    indicators = table(
        "indicators",
        Indicator,
        ("as_of", "indicator_id", "reference"),
        DerivedIndicators((rule,), "행정여건"),
    )
    rows = [
        {"reference": "2025-03", "indicator_id": "population", "value": 9_357_000},
        {"reference": "2025-03", "indicator_id": "dongs", "value": 426},
        {"reference": "2025-03", "indicator_id": "per_dong", "value": printed, "printed_derived": True},
    ]
    con = loaded(
        (
            indicators,
            [
                {
                    "label": "동별 평균 인구",
                    "subject": "서울",
                    "unit": "천명",
                    "printed_derived": False,
                    **row,
                }
                for row in rows
            ],
        )
    )
    found = recorded(con, Topic("t", (indicators,)))
    assert found[("per_dong|2025-03", "동별 평균 인구")][:3] == (str(printed), "22", kind)


@pytest.mark.parametrize(
    ("share", "kind", "recomputed"), [(18.9, Kind.MATCH, "18.9"), (0.0, Kind.ARITHMETIC, "-")]
)
def test_a_share_of_a_whole_the_report_does_not_print(share, kind, recomputed):
    progress = table("progress", Line, ("as_of", "item_id"))
    goal = table(
        "goal",
        Line,
        ("as_of",),
        ShareOfUnprintedWhole(
            printed="printed_rate",
            parts=Related("progress"),
            value="amount",
            digits=1,
            subject="이수율",
            figure="전직원 대비(%)",
            rule="역산",
        ),
    )
    con = loaded(
        (progress, [{"item_id": "4급 이상", "amount": 247}, {"item_id": "5급 이하", "amount": 1748}]),
        (goal, [{"item_id": "goal", "amount": 0, "printed_rate": share}]),
    )
    item = reconciliations(con, [Topic("t", (progress, goal))])[0]
    assert (item.printed, item.recomputed, item.kind) == (f"{share:.1f}", recomputed, kind)
    if kind is Kind.MATCH:
        assert item.note == "전직원 10,528~10,583명이면 18.9%로 표기됨 (중앙값 10,556명)"


# --- the engine ---------------------------------------------------------------------------------


def test_a_broken_declared_sum_fails_the_build_at_its_cell(tmp_path: Path, monkeypatch):
    """The build runs every table's declared checks through the engine: a parent whose
    declared sum is broken is rejected at file:line:column and no database is written."""
    budget = table(
        "budget",
        Line,
        ("as_of", "item_id"),
        Sum(
            printed="amount",
            value="amount",
            parts=CHILDREN,
            reject=True,
            subject="{item_id}",
            figure="-",
            rule="its children",
        ),
    )
    fixture = (Topic("t", (budget,)),)
    monkeypatch.setattr(build_module, "TABLES", (budget,))
    monkeypatch.setattr(build_module, "TOPICS", fixture)
    monkeypatch.setattr(build_module, "ERROR_CHECKS", tuple(error_checks(fixture)))
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "budget.csv").write_text(
        "as_of,item_id,parent_id,kind,amount,printed_rate,year\n"
        "2025-03-31,total,,과,45,,2025\n2025-03-31,first,total,과,5,,2025\n2025-03-31,second,total,과,41,,2025\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceErrors) as failure:
        build(sources, tmp_path / "bureau.duckdb")
    assert str(failure.value) == "budget.csv:2:5: amount of 'total' is 45 but its children add up to 46"
    assert not (tmp_path / "bureau.duckdb").exists()


def test_every_declared_check_applies_to_the_report(con):
    """No declaration matches nothing: each table's checks find rows of the real report to
    compare (or, for a check that only rejects, run without error on them)."""
    data = Data(con, {declared.name: declared for declared in TABLES})
    owner = {declared.name: topic.slug for topic in TOPICS for declared in topic.tables}
    for declared in TABLES:
        for check in declared.checks:
            scope = Scope(declared, owner[declared.name], data)
            assert check.errors(scope) == [], (declared.name, check)
            rejects_only = isinstance(check, (Agree, Complete)) or getattr(check, "reject", False)
            assert rejects_only or check.reconcile(scope), (declared.name, check)


def test_the_reports_reconciliations(con):
    """Pinned to the report of 2025-03-31: 169 printed figures recomputed, one arithmetic
    difference and three cut decimals, every page's topic named."""
    found = [item for item in reconciliations(con, TOPICS) if item.as_of == AS_OF]
    assert len(found) == 169
    assert Counter(item.kind for item in found) == {Kind.MATCH: 165, Kind.ROUNDING: 3, Kind.ARITHMETIC: 1}
    by_topic = Counter(item.topic for item in found)
    assert by_topic == {
        "overview": 15,
        "budget": 87,
        "relief": 8,
        "markets": 21,
        "ai_training": 7,
        "housing": 31,
    }
    recorded_in_database = con.execute(
        "SELECT count(*) FROM reconciliation WHERE as_of = ?", [AS_OF]
    ).fetchone()
    assert recorded_in_database == (169,)


def test_rule_texts_name_the_rows_years_not_a_fixed_one(con):
    """’25년/’24년 in a rule come from the row's fiscal year or 기준일, not from the code."""
    found = {(item.table_name, item.figure): item.rule for item in reconciliations(con, TOPICS)}
    assert found[("budget", "증감액(C=B-A)")] == "’25년 예산현액 − ’24년 예산현액"
    change = next(
        check
        for check in TABLES_BY_NAME["budget"].checks
        if isinstance(check, Compare) and check.printed == "printed_change"
    )
    assert change.rule({"fiscal_year": 2031}) == "’31년 예산현액 − ’30년 예산현액"
    expected = next(
        check
        for check in TABLES_BY_NAME["program_execution"].checks
        if isinstance(check, Compare) and check.printed == "printed_expected_rate"
    )
    assert expected.figure.format_map({"measured_on": date(2031, 4, 11)}) == "’31년말 예상 집행률"
