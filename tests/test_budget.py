"""bureau.budget: levels, tables in units, the pace of the year, the chart's tree, highlights."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook

from bureau import theme
from bureau.export import DECIMAL_FORMAT, INTEGER_FORMAT, csv_bytes, xlsx_bytes
from bureau.format import text_width
from bureau.table import display_text
from bureau.topics.budget import calc as budget
from bureau.topics.budget import charts, queries
from bureau.topics.budget.calc import Pace
from bureau.topics.report import meta
from bureau.units import Unit

AS_OF = date(2025, 3, 31)


@pytest.fixture
def lines(con) -> pd.DataFrame:
    return queries.budget_lines(con, AS_OF)


@pytest.fixture
def revenue(lines) -> pd.DataFrame:
    return lines[lines["side"] == "세입"]


@pytest.fixture
def expenditure(lines) -> pd.DataFrame:
    return lines[lines["side"] == "세출"]


@pytest.fixture
def reconciliations(con) -> pd.DataFrame:
    return meta.reconciliations(con, AS_OF, "budget")


def test_query_levels_and_leaves(lines):
    by_item = lines.set_index(["side", "item"])
    assert by_item.loc[("세입", "계"), "level"] == 0
    assert by_item.loc[("세입", "공유재산임대료"), "level"] == 3
    assert by_item.loc[("세입", "지난년도수입"), "level"] == 2
    assert by_item.loc[("세출", "인사과"), "level"] == 2
    assert bool(by_item.loc[("세출", "조정교부금"), "is_leaf"])
    assert not bool(by_item.loc[("세출", "사업비"), "is_leaf"])
    assert budget.depth(lines[lines["side"] == "세입"]) == 4
    assert budget.depth(lines[lines["side"] == "세출"]) == 3


def test_query_department_keeps_levels(con):
    only = queries.budget_lines(con, AS_OF, dept="인사과")
    assert only[["item", "level", "is_leaf"]].values.tolist() == [["인사과", 2, True]]


@pytest.mark.parametrize(
    ("levels", "items"),
    [(1, ["계"]), (2, ["계", "세외수입", "국고보조금 등", "보전수입 등"])],
)
def test_within_depth(revenue, levels, items):
    assert budget.within_depth(revenue, levels)["item"].tolist() == items


def test_lines_table_levels_and_notes(revenue, reconciliations):
    notes = budget.row_notes(reconciliations, "세입")
    assert notes == {"rev.nontax.temporary": "징수율(D/B) 보고서 표기 4.7 → 재계산 5.0"}
    table = budget.lines_table(revenue, Unit.THOUSAND, levels=True, notes=notes)
    assert table.frame.columns[0] == "수준" and table.frame.columns[-1] == "비고"
    assert table.frame.iloc[2].tolist() == [
        3,
        "\u3000\u3000경상적세외수입",
        1428303,
        1333637,
        -94666,
        -6.6,
        229642,
        17.2,
        "",
    ]
    assert display_text(table).iloc[2].tolist() == [
        "3",
        "\u3000\u3000경상적세외수입",
        "1,428,303",
        "1,333,637",
        "△94,666",
        "△6.6",
        "229,642",
        "17.2",
        "",
    ]
    assert budget.row_notes(reconciliations, "세출") == {}


def test_lines_table_unchanged_without_options(expenditure):
    table = budget.lines_table(expenditure, Unit.THOUSAND).frame
    assert table.columns[0] == "구분" and "수준" not in table.columns and "비고" not in table.columns
    assert table.iloc[1]["구분"] == "사업비"


def test_lines_table_in_each_unit_carries_the_unit_in_its_headers(expenditure):
    thousand = budget.lines_table(expenditure, Unit.THOUSAND).frame
    assert thousand["’25년 예산현액(B, 천원)"].dtype == "int64"
    assert thousand.iloc[3][["구분", "증감액(C=B-A, 천원)", "증감률(C/A, %)"]].tolist() == [
        "인사과",
        -381197,
        -4.3,
    ]
    eok = budget.lines_table(expenditure, Unit.HUNDRED_MILLION)
    assert eok.frame["’25년 예산현액(B, 억원)"].dtype == "float64"
    assert eok.frame.iloc[0]["’25년 예산현액(B, 억원)"] == 46728.31395
    shown = display_text(eok)
    assert shown.iloc[0]["’25년 예산현액(B, 억원)"] == "46,728"
    assert shown.iloc[3]["증감액(C=B-A, 억원)"] == "△3.8"
    assert shown.iloc[5]["집행액(D, 억원)"] == "0.23"  # 자치행정과 23,114천원: never 0.0


@pytest.mark.parametrize(
    ("rate", "pace"),
    [
        (565.9, Pace.OVER),
        (100.0, Pace.AHEAD),
        (35.5, Pace.AHEAD),
        (24.66, Pace.AHEAD),  # shown 24.7 = elapsed 24.7: on pace
        (24.6, Pace.BEHIND),
        (20.1, Pace.BEHIND),
        (12.4, Pace.BEHIND),  # half of 24.7 is 12.35 → 12.4 as shown
        (12.3, Pace.FAR_BEHIND),
        (0.0, Pace.FAR_BEHIND),
        (None, None),
    ],
)
def test_pace_of(rate, pace):
    assert budget.pace_of(rate, 24.657534) == pace


def test_against_pace_on_the_report(lines):
    paced = budget.against_pace(lines, AS_OF).set_index(["side", "item"])
    assert paced.loc[("세입", "계"), "gap"] == -4.6  # 20.1 − 24.7
    assert paced.loc[("세출", "계"), "gap"] == 10.8  # 35.5 − 24.7
    assert paced.loc[("세입", "계"), "pace"] == Pace.BEHIND
    assert paced.loc[("세출", "자치행정과"), "pace"] == Pace.FAR_BEHIND
    assert paced.loc[("세입", "불용품매각대금"), "pace"] == Pace.OVER
    assert paced.loc[("세출", "조정교부금"), "pace"] == Pace.AHEAD
    assert round(float(paced["elapsed"].iloc[0]), 1) == 24.7


def test_budget_tree_adds_up(revenue):
    tree = budget.budget_tree(revenue, Unit.THOUSAND).set_index("id")
    assert tree.loc["rev", "budget"] == 13_547_369
    assert tree.loc["rev", "parent"] == "" and tree.loc["rev", "label"] == "계"
    for node, row in tree.iterrows():
        kids = tree[tree["parent"] == node]
        if len(kids):
            assert kids["budget"].sum() == row["budget"], node


def test_budget_tree_without_adjustment_grants_in_eok(expenditure):
    tree = budget.budget_tree(expenditure, Unit.HUNDRED_MILLION, exclude=["exp.adjustment_grants"])
    tree = tree.set_index("id")
    assert "exp.adjustment_grants" not in tree.index
    assert tree.loc["exp", "label"] == "계(조정교부금 제외)"
    # 153,840,587 + 219,865,993 + 11,001,065 천원
    assert tree.loc["exp", "budget"] == pytest.approx(3847.07645)
    assert round(tree.loc["exp", "actual_rate"], 1) == 29.9
    assert tree.loc["exp.programs.personnel", "parent"] == "exp.programs"


def test_hierarchy_figure(expenditure):
    tree = budget.budget_tree(expenditure, Unit.THOUSAND, exclude=["exp.adjustment_grants"])
    figure = charts.budget_hierarchy(tree, Unit.THOUSAND, "’25년 세출총괄 구성")
    trace = figure.data[0]
    assert trace.type == "treemap" and trace.branchvalues == "total"
    assert "단위: 천원" in figure.layout.title.text
    assert (trace.text[0], tuple(trace.customdata[0])) == ("384,707,645천원", ("집행 29.9%", ""))
    boxes = dict(zip(trace.ids, zip(trace.labels, trace.parents, trace.texttemplate)))
    # the six departments under 3 % of the chart's 계 share one box that names them on hover
    assert boxes["exp.programs/small"][:2] == ("기타 6개", "exp.programs")
    assert boxes["exp.programs.peace_foundation"][1] == "exp.programs/small"
    hover = dict(zip(trace.ids, trace.customdata))["exp.programs/small"][1]
    assert hover == "<br>인사과, 자치행정과, 시민협력과, 대외협력과, 평화기반조성과, 공무원수련원"
    # 행정운영경비 (57.2 %) shows its amount; the small boxes only their name and share
    assert boxes["exp.admin_costs"][2] == charts.FULL_LABEL
    assert boxes["exp.programs/small"][2] == charts.SHORT_LABEL
    assert boxes["exp.financial"][2] == charts.NAME_LABEL  # 재무활동, 2.9 %: a strip, one line


def _tree(*nodes: tuple[str, str, int]) -> pd.DataFrame:
    """A budget tree of (id, parent, budget): labels are the ids, actual half the budget."""
    return pd.DataFrame(
        [
            {
                "id": node,
                "parent": parent,
                "label": node,
                "level": node.count("."),
                "budget": amount,
                "actual": amount / 2,
                "actual_rate": 50.0,
            }
            for node, parent, amount in nodes
        ]
    )


@pytest.mark.parametrize(
    ("nodes", "share", "expected"),
    [
        # two lines under 3 % of 계 under one parent: one box with both beneath it
        (
            [("r", "", 1000), ("r.a", "r", 960), ("r.b", "r", 25), ("r.c", "r", 15)],
            3.0,
            {"r.a": "r", "r.b": "r/small", "r.c": "r/small", "r/small": "r"},
        ),
        # one small line alone stays where it is: a box of one gains nothing
        ([("r", "", 1000), ("r.a", "r", 980), ("r.b", "r", 20)], 3.0, {"r.a": "r", "r.b": "r"}),
        # the share is of the root, not of the parent: 20 + 10 of 1,000 under a parent of 30
        (
            [
                ("r", "", 1000),
                ("r.a", "r", 970),
                ("r.b", "r", 30),
                ("r.b.x", "r.b", 20),
                ("r.b.y", "r.b", 10),
            ],
            3.0,
            {"r.a": "r", "r.b": "r", "r.b.x": "r.b/small", "r.b.y": "r.b/small", "r.b/small": "r.b"},
        ),
        # nothing under the share: nothing gathered
        ([("r", "", 100), ("r.a", "r", 60), ("r.b", "r", 40)], 3.0, {"r.a": "r", "r.b": "r"}),
        # a zero line is small too
        (
            [("r", "", 100), ("r.a", "r", 98), ("r.b", "r", 2), ("r.c", "r", 0)],
            3.0,
            {"r.a": "r", "r.b": "r/small", "r.c": "r/small", "r/small": "r"},
        ),
    ],
)
def test_gathered_small_lines(nodes, share, expected):
    tree = budget.gathered(_tree(*nodes), share)
    parents = dict(zip(tree["id"], tree["parent"]))
    assert {node: parent for node, parent in parents.items() if parent} == expected
    for box in tree[tree["members"] != ""].itertuples():  # a box adds up and names its lines
        inside = tree[tree["parent"] == box.id]
        assert box.budget == inside["budget"].sum() and box.actual == inside["actual"].sum()
        assert box.members == ", ".join(inside["label"]) and box.label == f"기타 {len(inside)}개"


def test_rate_figure_marks_behind_pace_not_by_colour_only(lines):
    programs = budget.chart_lines(budget.department_lines(lines), AS_OF)
    figure = charts.rate_against_pace(programs, "부서별 사업비 집행률과 연간 경과율", "집행률(%)")
    bar, text, _ = figure.data
    labels = dict(zip(text.y, text.text))
    assert labels["자치행정과"] == "0.4% ▼▼ 크게 미달"
    assert labels["인사과"] == "23.3% ▼ 미달"
    assert labels["인력개발과"] == "29.2%"
    patterns = dict(zip(bar.y, bar.marker.pattern.shape))
    assert patterns["인사과"] == "/" and patterns["인력개발과"] == ""
    assert figure.layout.shapes[0].x0 == pytest.approx(24.657534, abs=1e-6)
    assert figure.data[2].name == "연간 경과율 24.7%" and figure.data[2].showlegend  # the line's name


def test_change_figure_labels(revenue):
    figure = charts.change_by_item(budget.chart_lines(revenue, AS_OF), Unit.THOUSAND, "세입: ’24년 대비 증감")
    bars, labels = figure.data
    assert dict(zip(labels.y, labels.text))["보조금반환수입"] == "△33.0%"
    assert dict(zip(labels.y, labels.text))["세입 계"] == "23.1%"
    # a decrease is labelled right of zero, never over the names left of its bar
    at = dict(zip(labels.y, labels.x))
    assert (at["보조금반환수입"], at["지난년도수입"]) == (0, pytest.approx(173.4, abs=0.05))
    # the axis ends at the largest increase; the label beyond it has its own room on the right
    assert figure.layout.xaxis.range[1] == pytest.approx(max(bars.x) * 1.02)
    assert figure.layout.margin.r >= text_width("173.4%", theme.BASE_FONT_SIZE)
    # on a projector the labels grow, and so does their room
    bigger = theme.scaled(figure, 1.5)
    assert bigger.layout.margin.r == round(figure.layout.margin.r * 1.5)
    assert bigger.layout.margin.r >= text_width("173.4%", bigger.layout.font.size)
    hover = dict(zip(bars.y, bars.customdata))
    assert hover["보조금반환수입"] == (
        "’24 727,164천원 → ’25 487,260천원<br>증감액 △239,904천원<br>증감률 △33.0%"
    )


def test_kpis_both_sides(lines):
    figures = budget.kpis(lines, AS_OF, Unit.HUNDRED_MILLION)
    assert [(f.label, f.value, f.delta, f.delta_arrow) for f in figures] == [
        ("세입 예산현액(억원)", "135", "23.1% (’24 대비)", "up"),
        ("세입 징수율", "20.1%", "△4.6%p (경과율 대비)", "down"),
        ("세출 예산현액(억원)", "46,728", "0.6% (’24 대비)", "up"),
        ("세출 집행률", "35.5%", "10.8%p (경과율 대비)", "up"),
    ]
    assert figures[1].delta_color == "red" and figures[3].delta_color == "gray"


def test_kpis_one_department(con):
    figures = budget.kpis(queries.budget_lines(con, AS_OF, dept="인사과"), AS_OF, Unit.THOUSAND)
    assert [(f.label, f.value, f.delta) for f in figures] == [
        ("인사과 사업비 예산현액(천원)", "8,428,389", "△4.3% (’24 대비)"),
        ("인사과 사업비 집행률", "23.3%", "△1.4%p (경과율 대비)"),
        ("연간 경과율", "24.7%", None),
    ]


def test_elapsed_caption():
    assert budget.elapsed_caption(AS_OF).startswith("연간 경과율 24.7% (3. 31. 기준 90/365일)")


def test_highlights(lines, reconciliations):
    items = budget.budget_highlights(lines, AS_OF, Unit.THOUSAND, reconciliations)
    texts = [item.text for item in items]
    assert (
        "자치행정과 사업비 집행률 0.4%: 연간 경과율 24.7%에 크게 못 미침 (예산 5,319,757천원 중 23,114천원)"
        in texts
    )
    assert "세입 그 외 수입: ’24년 대비 2,460,016천원(39.9%), 세입 항목 중 증가액 최대" in texts
    assert "세출 행정운영경비: ’24년 대비 △5,795,942천원(△2.6%), 세출 항목 중 감소액 최대" in texts
    assert "세입 전체 징수율 20.1%: 연간 경과율 24.7%보다 4.6%p 낮음" in texts
    assert "세출 전체 집행률 35.5%: 연간 경과율 24.7%보다 10.8%p 높음" in texts
    discrepancy = next(item for item in items if item.kind == "discrepancy")
    assert discrepancy.text == (
        "세입 임시적세외수입 징수율(D/B): 보고서 표기 4.7 → 재계산 5.0 (화면은 재계산 값)"
    )
    assert discrepancy.figure == "4.7 → 5.0" and discrepancy.severity == "warning"
    assert discrepancy.topic == "budget" and discrepancy.page == "budget"
    # structured: most severe first, each with its figure
    order = {"warning": 0, "notice": 1, "info": 2}
    assert [order[item.severity] for item in items] == sorted(order[item.severity] for item in items)
    # the few that matter first: most severe, then the largest lines
    assert [item.text for item in items[:5]] == [
        "세입 임시적세외수입 징수율(D/B): 보고서 표기 4.7 → 재계산 5.0 (화면은 재계산 값)",
        "세입 그 외 수입 징수율 3.0%: 연간 경과율 24.7%에 크게 못 미침 (예산 8,618,582천원 중 261,368천원)",
        "자치행정과 사업비 집행률 0.4%: 연간 경과율 24.7%에 크게 못 미침 (예산 5,319,757천원 중 23,114천원)",
        "세입 공유재산임대료 징수율 4.7%: 연간 경과율 24.7%에 크게 못 미침 (예산 560,295천원 중 26,589천원)",
        "세입 전체 징수율 20.1%: 연간 경과율 24.7%보다 4.6%p 낮음",
    ]
    # lines too small to matter are never flagged: 보전수입 등 collected 0.0 % of 1,065천원,
    # 불용품매각대금 565.9 % of 5,500천원 (△82.9 % from 32,194천원)
    subjects = {item.subject for item in items}
    assert not subjects & {"세입 보전수입 등", "세입 불용품매각대금"}
    assert not [item for item in items if item.kind == "over_100"]
    behind = {item.subject for item in items if item.kind == "behind_pace"}
    assert behind == {"세입 공유재산임대료", "세입 그 외 수입", "자치행정과 사업비"}


def _lines(*rows: tuple[str, str, str | None, int, int]) -> pd.DataFrame:
    """Budget lines of one side from (item_id, item, parent_id, ’24 budget, ’25 budget)."""
    parents = {item_id: parent for item_id, _, parent, _, _ in rows}
    depth = {}
    for item_id in parents:
        parent = parents[item_id]
        level = 0 if parent is None else 1  # a parent outside ``rows`` is still a level up
        while parent in parents:
            level, parent = level + 1, parents[parent]
        depth[item_id] = level
    return pd.DataFrame(
        [
            {
                "side": "세출",
                "item_id": item_id,
                "item": item,
                "parent_id": parent,
                "prior_budget": prior,
                "budget": current,
                "level": depth[item_id],
                "is_leaf": item_id not in set(parents.values()),
            }
            for item_id, item, parent, prior, current in rows
        ]
    )


TABLE = ("t", "계", None, 1000, 1000)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # 0.5 % of 계 is the line: 5 of 1,000 counts, 4 does not
        (
            [
                TABLE,
                ("a", "가", "t", 600, 600),
                ("b", "나", "t", 391, 391),
                ("c", "다", "t", 5, 5),
                ("d", "라", "t", 4, 4),
            ],
            {"t": True, "a": True, "b": True, "c": True, "d": False},
        ),
        # the larger of ’24 and ’25: a line cut from 50 to 1 still counts
        (
            [TABLE, ("a", "가", "t", 500, 549), ("b", "나", "t", 450, 450), ("c", "다", "t", 50, 1)],
            {"t": True, "a": True, "b": True, "c": True},
        ),
        # zero both years: never
        (
            [TABLE, ("a", "가", "t", 500, 500), ("b", "나", "t", 500, 500), ("c", "다", "t", 0, 0)],
            {"t": True, "a": True, "b": True, "c": False},
        ),
        # a line of 90 % of 계 (passed on, like 조정교부금) is left out of the reference:
        # 6 of the other 100 is 6 %, where it would be 0.6 % of 1,000 — and 0.4 of 100 is 0.4 %
        (
            [TABLE, ("g", "교부금", "t", 900, 900), ("a", "가", "t", 94, 94), ("b", "나", "t", 6, 6)],
            {"t": True, "g": True, "a": True, "b": True},
        ),
        (
            [TABLE, ("g", "교부금", "t", 900, 900), ("a", "가", "t", 99.6, 99.6), ("b", "나", "t", 0.4, 0.4)],
            {"t": True, "g": True, "a": True, "b": False},
        ),
        # one department's own line, without its table's 계: counts unless zero
        ([("d", "인사과", "p", 0, 3)], {"d": True}),
        ([("d", "인사과", "p", 0, 0)], {"d": False}),
    ],
)
def test_material_lines(rows, expected):
    lines = _lines(*rows)
    assert dict(zip(lines["item_id"], budget.material(lines))) == expected


def test_highlights_in_another_unit_and_for_one_department(con, lines):
    items = budget.budget_highlights(lines, AS_OF, Unit.HUNDRED_MILLION)
    texts = [i.text for i in items]
    assert "세출 조정교부금: ’24년 대비 225억원(0.5%), 세출 항목 중 증가액 최대" in texts
    # small lines keep two significant figures, never "예산 0.0억원 중 0.0억원"
    assert (
        "자치행정과 사업비 집행률 0.4%: 연간 경과율 24.7%에 크게 못 미침 (예산 53.2억원 중 0.23억원)" in texts
    )
    assert not any("0.0억원" in text for text in texts)
    assert not [item for item in items if item.kind == "discrepancy"]  # none passed in
    one = budget.budget_highlights(queries.budget_lines(con, AS_OF, dept="자치행정과"), AS_OF)
    assert [item.kind for item in one] == ["behind_pace", "increase"]
    assert one[1].text == "자치행정과 사업비: ’24년 대비 3,779,015천원(245.3%)"
    personnel = budget.budget_highlights(queries.budget_lines(con, AS_OF, dept="인사과"), AS_OF)
    assert [item.text for item in personnel] == [
        "인사과 사업비 집행률 23.3%: 연간 경과율 24.7%보다 1.4%p 낮음",
        "인사과 사업비: ’24년 대비 △381,197천원(△4.3%)",
    ]


def test_dominant_line(revenue, expenditure):
    item_id, item, part = budget.dominant_line(expenditure)
    assert (item_id, item, round(part, 1)) == ("exp.adjustment_grants", "조정교부금", 91.8)
    # 세외수입 is 81.1 % of 세입 but its children share its box; no 세입 leaf is that large
    assert budget.dominant_line(revenue) is None
    assert budget.dominant_line(revenue, threshold=60)[1] == "그 외 수입"  # 63.6 %
    assert budget.dominant_line(expenditure, threshold=95) is None


def test_of_side_and_caption(lines):
    top = budget.of_side(lines, "세출", 2)["item"].tolist()
    assert top == ["계", "사업비", "조정교부금", "행정운영경비", "재무활동"]
    assert len(budget.of_side(lines, "세입")) == 16
    assert budget.table_caption(AS_OF, Unit.MILLION) == "’25. 3. 31. 기준 (단위 : 백만원, %)"


def test_rate_figure_cuts_565_percent_at_the_axis_end_and_says_so(revenue):
    figure = charts.rate_against_pace(budget.chart_lines(revenue, AS_OF), "세입", "징수율(%)")
    bar, text, _ = figure.data
    on_bar = dict(zip(bar.y, bar.text))
    assert on_bar["불용품매각대금"] == "565.9% ▲ 100% 초과"
    assert dict(zip(bar.y, bar.x))["불용품매각대금"] == charts.RATE_AXIS_CAP
    assert dict(zip(text.y, text.text))["불용품매각대금"] == ""
    assert dict(zip(text.y, text.text))["세입 계"] == "20.1% ▼ 미달"


def test_discrepancies_of_the_lines_shown(con, lines, reconciliations):
    found = budget.discrepancies(reconciliations, lines)
    assert found[["subject", "figure", "printed", "recomputed"]].values.tolist() == [
        ["세입 임시적세외수입", "징수율(D/B)", "4.7", "5.0"]
    ]
    assert budget.discrepancies(reconciliations, queries.budget_lines(con, AS_OF, dept="인사과")).empty


def test_rate_figure_fades_all_but_the_selected_department(lines):
    programs = budget.chart_lines(budget.department_lines(lines), AS_OF)
    bar = charts.rate_against_pace(programs, "부서별", "집행률(%)", selected="인사과").data[0]
    opacity = dict(zip(bar.y, bar.marker.opacity))
    assert opacity["인사과"] == 1.0 and opacity["총무과"] == 0.35


def test_downloads_keep_numbers_with_the_triangle_format(expenditure):
    table = budget.lines_table(expenditure, Unit.THOUSAND, levels=True, indent=False)
    sheet = load_workbook(io.BytesIO(xlsx_bytes({"세출총괄": (table, "(단위 : 천원, %)")})))["세출총괄"]
    assert sheet["A1"].value == "(단위 : 천원, %)"
    assert [cell.value for cell in sheet[2]][:3] == ["수준", "구분", "’24년 예산현액(A, 천원)"]
    personnel = list(sheet[6])  # header rows 1-2, then 계, 사업비, 총무과, 인사과
    assert personnel[1].value == "인사과"
    assert (personnel[4].value, personnel[4].number_format) == (-381197, INTEGER_FORMAT)
    assert (personnel[5].value, personnel[5].number_format) == (-4.3, DECIMAL_FORMAT)
    text = csv_bytes(table)
    assert text.startswith("\ufeff".encode())
    assert "3,인사과,8809586,8428389,-381197,-4.3,1962449,23.3" in text.decode("utf-8-sig")
    eok = budget.lines_table(expenditure, Unit.HUNDRED_MILLION, levels=True, indent=False)
    row = list(load_workbook(io.BytesIO(xlsx_bytes({"억원": (eok, "(단위 : 억원, %)")})))["억원"][8])
    assert row[1].value == "자치행정과" and row[6].value == 0.23114
    assert row[6].number_format == '#,##0.00;"△"#,##0.00'  # the column's digits as on screen
