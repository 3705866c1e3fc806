"""세입·세출 calculations: recomputed 증감 and rates, pace of the year, tables, highlights."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from enum import StrEnum

import pandas as pd

from bureau.format import (
    amount,
    korean_date,
    markdown_text,
    number,
    rate,
    short_date,
    short_year,
    unit_caption,
)
from bureau.format import money as money_text
from bureau.highlights import Highlight, by_severity
from bureau.kpi import Figure, Kpi
from bureau.metrics import change_rate, fiscal_year_elapsed, percent, round_half_up, share
from bureau.table import Column, Table, amounts, rates, unit_header
from bureau.units import Unit, convert

#: Amounts in budget.csv are in 천원.
SOURCE_UNIT = Unit.THOUSAND
ACTUAL_NAMES = {"세입": ("징수액", "징수율"), "세출": ("집행액", "집행률")}
#: One full-width space per level of the hierarchy in front of an item's name.
INDENT = "\u3000"
LEVEL_COLUMN = "수준"
NOTE_COLUMN = "비고"
PAGE = "budget"


def with_derived(lines: pd.DataFrame) -> pd.DataFrame:
    """Add ``change``, ``change_rate`` and ``actual_rate`` recomputed from the amounts."""
    derived = lines.copy()
    derived["change"] = derived["budget"] - derived["prior_budget"]
    derived["change_rate"] = [
        change_rate(prior, current) for prior, current in zip(lines["prior_budget"], lines["budget"])
    ]
    derived["actual_rate"] = [
        percent(actual, current) for actual, current in zip(lines["actual"], lines["budget"])
    ]
    return derived


def years(lines: pd.DataFrame) -> tuple[str, str]:
    """The prior and the current fiscal year of ``lines`` as the report abbreviates them
    (the budget's A and B columns), from their ``fiscal_year``."""
    year = int(lines["fiscal_year"].iloc[0]) if len(lines) else 0
    return short_year(year - 1), short_year(year)


def _column_names(lines: pd.DataFrame, unit: Unit) -> dict[str, str]:
    side = str(lines["side"].iloc[0]) if len(lines) else "세출"
    actual_name, actual_rate_name = ACTUAL_NAMES.get(side, ACTUAL_NAMES["세출"])
    previous, current = years(lines)
    money, percent_ = unit.value, "%"
    return {
        "prior_budget": unit_header(f"{previous}년 예산현액(A)", money),
        "budget": unit_header(f"{current}년 예산현액(B)", money),
        "change": unit_header("증감액(C=B-A)", money),
        "change_rate": unit_header("증감률(C/A)", percent_),
        "actual": unit_header(f"{actual_name}(D)", money),
        "actual_rate": unit_header(f"{actual_rate_name}(D/B)", percent_),
    }


def indented(item: str, level: int) -> str:
    """``indented("사업비", 1)`` → ``"　사업비"``: the name at its level, as the report sets it."""
    return INDENT * int(level) + item


def lines_table(
    lines: pd.DataFrame,
    unit: Unit,
    *,
    levels: bool = False,
    notes: Mapping[str, str] | None = None,
    indent: bool = True,
) -> Table:
    """The report's columns as numbers: amounts in ``unit``, rates (recomputed) to 0.1.

    ``levels`` adds a 수준 column (계 = 1) and, with ``indent``, indents each name by its
    level (needs the ``level`` column of :func:`bureau.topics.budget.queries.budget_lines`);
    ``notes`` maps an ``item_id`` to a 비고 text (e.g. where the report printed another figure).
    """
    derived = with_derived(lines)
    names = _column_names(lines, unit)
    frame = pd.DataFrame({"구분": derived["item"].tolist()})
    columns: dict[str, Column] = {}
    for key, name in names.items():
        if key.endswith("rate"):
            frame[name], columns[name] = rates(derived[key]), Column.rate()
        else:
            frame[name] = amounts(derived[key], SOURCE_UNIT, unit)
            columns[name] = Column.amount(SOURCE_UNIT, unit)
    if levels:
        if indent:
            frame["구분"] = [indented(item, level) for item, level in zip(derived["item"], derived["level"])]
        frame.insert(0, LEVEL_COLUMN, [int(level) + 1 for level in derived["level"]])
        columns[LEVEL_COLUMN] = Column.count()
    if notes is not None:
        frame[NOTE_COLUMN] = [notes.get(item_id, "") for item_id in derived["item_id"]]
    return Table(frame, columns)


def depth(lines: pd.DataFrame) -> int:
    """How many levels the lines have (세입 4: 계 › 세외수입 › 경상적세외수입 › 공유재산임대료)."""
    return int(lines["level"].max()) + 1 if len(lines) else 0


def within_depth(lines: pd.DataFrame, levels: int) -> pd.DataFrame:
    """The lines of the first ``levels`` levels (1 = only 계)."""
    return lines[lines["level"] < levels]


def of_side(lines: pd.DataFrame, side: str, levels: int | None = None) -> pd.DataFrame:
    """One table's lines (세입 or 세출), optionally only the first ``levels`` levels."""
    rows = lines[lines["side"] == side]
    return rows if levels is None else within_depth(rows, levels)


def table_caption(as_of: date, unit: Unit) -> str:
    """``"’YY. M. D. 기준 (단위 : 천원, %)"`` as the report heads its tables."""
    return f"{short_date(as_of)} 기준 {unit_caption(unit.value, '%')}"


#: A line holding at least this share (percent) of its table's 계 hides all the others in a chart.
DOMINANT_SHARE = 80.0


def dominant_line(lines: pd.DataFrame, threshold: float = DOMINANT_SHARE) -> tuple[str, str, float] | None:
    """``(item_id, item, share)`` of the lowest-level line (one with nothing beneath it) that
    holds ``threshold`` % or more of its table's budget (세출 조정교부금: 91.8 %), or None.
    A large subtotal (세외수입, 81 % of 세입) is no problem: its children share its box."""
    roots = lines[lines["level"] == 0]
    if roots.empty:
        return None
    total = float(roots["budget"].iloc[0])
    below = lines[(lines["level"] > 0) & lines["is_leaf"]]
    for row in below.itertuples():
        part = share(row.budget, total)
        if part is not None and part >= threshold:
            return row.item_id, row.item, part
    return None


def discrepancies(reconciliations: pd.DataFrame, lines: pd.DataFrame) -> pd.DataFrame:
    """The reconciliations of ``lines`` where the report's printed figure disagrees."""
    keys = set(lines["side"] + "|" + lines["item_id"])
    shown = reconciliations["row_key"].isin(keys) & ~reconciliations["matches"].astype(bool)
    return reconciliations[(reconciliations["table_name"] == "budget") & shown]


def row_notes(reconciliations: pd.DataFrame, side: str) -> dict[str, str]:
    """``item_id`` → "징수율(D/B) 보고서 표기 4.7" for each of ``side``'s lines where the
    report's printed figure disagrees with the recomputed one (the table shows ours)."""
    notes: dict[str, list[str]] = {}
    prefix = f"{side}|"
    for row in reconciliations.itertuples():
        if row.table_name != "budget" or row.matches or not str(row.row_key).startswith(prefix):
            continue
        item_id = str(row.row_key)[len(prefix) :]
        notes.setdefault(item_id, []).append(
            f"{row.figure} 보고서 표기 {row.printed} → 재계산 {row.recomputed}"
        )
    return {item_id: "; ".join(texts) for item_id, texts in notes.items()}


# ── the pace of the year ──────────────────────────────────────────────────────


class Pace(StrEnum):
    """Where a collection/execution rate stands against the share of the year elapsed."""

    OVER = "100% 초과"
    AHEAD = "경과율 이상"
    BEHIND = "경과율 미달"
    FAR_BEHIND = "경과율 크게 미달"


#: Below this share of the elapsed year a line is "far" behind (half the pace).
FAR_BEHIND_RATIO = 0.5


def pace_of(actual_rate: float | None, elapsed: float, far_ratio: float = FAR_BEHIND_RATIO) -> Pace | None:
    """Classify a rate (percent) against the elapsed share of the year, both as printed
    (one decimal): 24.7 % elapsed → 20.1 behind, 5.0 far behind, 35.5 ahead, 565.9 over."""
    if actual_rate is None:
        return None
    shown, pace = round_half_up(actual_rate, 1), round_half_up(elapsed, 1)
    if shown > 100:
        return Pace.OVER
    if shown >= pace:
        return Pace.AHEAD
    if shown < round_half_up(pace * far_ratio, 1):
        return Pace.FAR_BEHIND
    return Pace.BEHIND


def against_pace(lines: pd.DataFrame, as_of: date, far_ratio: float = FAR_BEHIND_RATIO) -> pd.DataFrame:
    """:func:`with_derived` plus ``elapsed`` (percent of the fiscal year at ``as_of``),
    ``gap`` (printed rate − printed elapsed, %p) and ``pace`` (:class:`Pace`)."""
    derived = with_derived(lines)
    elapsed = fiscal_year_elapsed(as_of)
    derived["elapsed"] = elapsed
    derived["gap"] = [
        None if value is None else round_half_up(round_half_up(value, 1) - round_half_up(elapsed, 1), 1)
        for value in derived["actual_rate"]
    ]
    derived["pace"] = [pace_of(value, elapsed, far_ratio) for value in derived["actual_rate"]]
    return derived


def is_behind(status: Pace | None) -> bool:
    return status in (Pace.BEHIND, Pace.FAR_BEHIND)


def chart_lines(lines: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """:func:`against_pace` with the ``label`` a chart shows: the department for 사업비 lines,
    otherwise the item ("계" becomes "세입 계")."""
    paced = against_pace(lines, as_of)
    paced["label"] = [
        dept if isinstance(dept, str) and dept else (f"{side} {item}" if level == 0 else item)
        for dept, side, item, level in zip(paced["dept"], paced["side"], paced["item"], paced["level"])
    ]
    return paced


def department_lines(lines: pd.DataFrame) -> pd.DataFrame:
    """The lines that belong to a department (세출 사업비 by 과·사업소)."""
    return lines[lines["dept"].notna() & (lines["dept"].astype(str) != "")]


# ── the hierarchy as a tree for the chart ─────────────────────────────────────


def budget_tree(lines: pd.DataFrame, unit: Unit, exclude: Collection[str] = ()) -> pd.DataFrame:
    """One side's lines as a tree: ``id``, ``parent`` ("" for 계), ``label``, ``level``,
    ``budget`` and ``actual`` in ``unit`` and ``actual_rate``.

    Every node's amounts are the sum of its leaves, so a treemap with
    ``branchvalues="total"`` adds up. ``exclude`` drops lines (and everything beneath
    them) by ``item_id`` — e.g. 조정교부금, which is 92 % of 세출 — and the root's label says so.
    """
    by_id = {row.item_id: row for row in lines.itertuples()}
    children: dict[str, list[str]] = {}
    for row in lines.itertuples():
        if isinstance(row.parent_id, str) and row.parent_id:
            children.setdefault(row.parent_id, []).append(row.item_id)
    excluded = set(exclude)

    def dropped(item_id: str) -> bool:
        while item_id:
            if item_id in excluded:
                return True
            parent = by_id[item_id].parent_id
            item_id = parent if isinstance(parent, str) else ""
        return False

    def totals(item_id: str) -> tuple[int, int]:
        kids = [kid for kid in children.get(item_id, []) if not dropped(kid)]
        if not children.get(item_id):
            return int(by_id[item_id].budget), int(by_id[item_id].actual)
        sums = [totals(kid) for kid in kids]
        return sum(s[0] for s in sums), sum(s[1] for s in sums)

    removed = [by_id[item_id].item for item_id in lines["item_id"] if item_id in excluded]
    rows = []
    for row in lines.itertuples():
        if dropped(row.item_id):
            continue
        budget_total, actual_total = totals(row.item_id)
        parent = row.parent_id if isinstance(row.parent_id, str) else ""
        label = row.item
        if not parent and removed:
            label = f"{row.item}({', '.join(removed)} 제외)"
        rows.append(
            {
                "id": row.item_id,
                "parent": parent,
                "label": label,
                "level": int(row.level),
                "budget": convert(budget_total, SOURCE_UNIT, unit),
                "actual": convert(actual_total, SOURCE_UNIT, unit),
                "actual_rate": percent(actual_total, budget_total),
            }
        )
    return pd.DataFrame(rows, columns=["id", "parent", "label", "level", "budget", "actual", "actual_rate"])


#: Lines under this share (percent) of the chart's 계 are too small a box for a legible label.
SMALL_SHARE = 3.0
#: Where a parent's small lines are gathered: an id no budget line can have (ids have no "/").
GATHERED = "{parent}/small"


def gathered(tree: pd.DataFrame, share: float = SMALL_SHARE) -> pd.DataFrame:
    """:func:`budget_tree` with, under each parent, its lines holding less than ``share`` % of
    the root gathered into one "기타 n개" box when there are two or more (one small line stays
    as it is: nothing is gained by renaming it). Gathered lines move beneath the box, so the
    chart still adds up and reaches them on a click; ``members`` lists their names for hover.

    A box of 평화기반조성과 (0.6 % of 세출) cannot hold its name at any legible size on a phone."""
    if tree.empty:
        return tree.assign(members="")
    total = float(tree.loc[tree["parent"] == "", "budget"].iloc[0])
    small = (tree["parent"] != "") & (tree["budget"] < total * share / 100)
    moved = tree.copy()
    moved["members"] = ""
    boxes = []
    for parent, rows in tree[small].groupby("parent", sort=False):
        if len(rows) < 2:
            continue
        box_id = GATHERED.format(parent=parent)
        budget_total, actual_total = rows["budget"].sum(), rows["actual"].sum()
        boxes.append(
            {
                "id": box_id,
                "parent": parent,
                "label": f"기타 {len(rows)}개",
                "level": int(rows["level"].min()),
                "budget": budget_total,
                "actual": actual_total,
                "actual_rate": percent(actual_total, budget_total),
                "members": ", ".join(rows["label"]),
            }
        )
        moved.loc[rows.index, "parent"] = box_id
    if not boxes:
        return moved
    return pd.concat([moved, pd.DataFrame(boxes, columns=moved.columns)], ignore_index=True)


# ── KPIs and highlights ───────────────────────────────────────────────────────


def _signed_delta(value: float | None, suffix: str) -> tuple[str | None, str]:
    """A delta in the report's convention (△ for negatives) and the arrow it needs."""
    if value is None:
        return None, "off"
    shown = round_half_up(value, 1)
    arrow = "up" if shown > 0 else "down" if shown < 0 else "off"
    return f"{rate(shown)}{suffix}", arrow


def subject(row: object) -> str:
    """How a sentence names a line: "자치행정과 사업비", "세입 그 외 수입"."""
    dept = getattr(row, "dept", None)
    if isinstance(dept, str) and dept:
        return f"{dept} 사업비"
    return f"{row.side} {row.item}"  # type: ignore[attr-defined]


def kpis(lines: pd.DataFrame, as_of: date, unit: Unit) -> list[Kpi]:
    """Per side shown: the year's budget (with 증감률) and the rate against the year's pace.
    With only one department's lines, that line's — plus the share of the year elapsed
    when a single side or line is shown (with both sides there are already four)."""
    roots = headline_lines(against_pace(lines, as_of))
    elapsed = fiscal_year_elapsed(as_of)
    figures: list[Kpi] = []
    previous, _ = years(lines)
    for row in roots.itertuples():
        actual_name, rate_name = ACTUAL_NAMES[row.side]
        name = markdown_text(subject(row) if row.level else row.side)
        change_delta, change_arrow = _signed_delta(row.change_rate, f"% ({previous} 대비)")
        gap_delta, gap_arrow = _signed_delta(row.gap, "%p (경과율 대비)")
        figures.append(
            Kpi(
                f"{name} 예산현액({unit.value})",
                amount(row.budget, SOURCE_UNIT, unit),
                change_delta,
                f"{previous}년 {money_text(row.prior_budget, SOURCE_UNIT, unit)} → "
                f"증감 {money_text(row.change, SOURCE_UNIT, unit)}",
                "off",
                change_arrow,
                Figure.money(row.budget, SOURCE_UNIT, unit),
            )
        )
        figures.append(
            Kpi(
                f"{name} {rate_name}",
                f"{rate(row.actual_rate)}%",
                gap_delta,
                f"{actual_name} {money_text(row.actual, SOURCE_UNIT, unit)} · 연간 경과율 {rate(elapsed)}%",
                "red" if is_behind(row.pace) else "gray",
                gap_arrow,
                Figure.rate(row.actual_rate),
            )
        )
    if len(roots) < 2:
        days = (as_of - date(as_of.year, 1, 1)).days + 1
        figures.append(
            Kpi(
                "연간 경과율",
                f"{rate(elapsed)}%",
                None,
                f"{as_of.year}. 1. 1.부터 {as_of.month}. {as_of.day}.까지 {days}일 경과 (회계연도 1~12월)",
                figure=Figure.rate(elapsed),
            )
        )
    return figures


def headline_lines(lines: pd.DataFrame) -> pd.DataFrame:
    """The lines a summary states: the top level of those given (세입 계 and 세출 계, or a
    department's own lines)."""
    return lines[lines["level"] == lines["level"].min()] if len(lines) else lines


def rates_by_report(
    lines_by_report: Mapping[date, pd.DataFrame], sides: Collection[str] = tuple(ACTUAL_NAMES)
) -> pd.DataFrame:
    """The 징수율/집행률 of the top lines (:func:`headline_lines`) of ``sides`` at each report,
    with the share of the fiscal year elapsed at its date, oldest first: ``as_of``, ``side``,
    ``label`` (세입 징수율), ``actual_rate`` and ``elapsed`` (numbers)."""
    rows = [
        (
            as_of,
            row.side,
            f"{subject(row) if row.level else row.side} {ACTUAL_NAMES[row.side][1]}",
            row.actual_rate,
            row.elapsed,
        )
        for as_of, lines in sorted(lines_by_report.items())
        for row in headline_lines(against_pace(lines[lines["side"].isin(sides)], as_of)).itertuples()
    ]
    return pd.DataFrame(rows, columns=["as_of", "side", "label", "actual_rate", "elapsed"])


#: The pace column of :func:`rates_by_report_table`.
ELAPSED_HEADER = unit_header("연간 경과율", "%")


def rates_by_report_table(rates_by: pd.DataFrame) -> Table:
    """:func:`rates_by_report` as the report would tabulate it: one row per 기준일, a column per
    rate, then the year's pace at that date."""
    wide = rates_by.pivot_table(index="as_of", columns="label", values="actual_rate", sort=False)
    elapsed = rates_by.groupby("as_of")["elapsed"].first()
    frame = pd.DataFrame({"기준일": [korean_date(day) for day in wide.index]})
    for label in rates_by["label"].drop_duplicates():
        frame[unit_header(label, "%")] = rates(wide[label]).to_numpy()
    frame[ELAPSED_HEADER] = rates(elapsed.loc[wide.index]).to_numpy()
    return Table(frame, {name: Column.rate() for name in frame.columns[1:]})


def elapsed_caption(as_of: date) -> str:
    """``"연간 경과율 24.7% (3. 31. 기준 90/365일): 징수율·집행률을 견주는 기준"``."""
    start = date(as_of.year, 1, 1)
    days = (as_of - start).days + 1
    total = (date(as_of.year + 1, 1, 1) - start).days
    share = rate(fiscal_year_elapsed(as_of))
    when = f"{as_of.month}. {as_of.day}. 기준 {days}/{total}일"
    return f"연간 경과율 {share}% ({when}): 징수율·집행률을 견주는 기준"


#: A line under this share (percent) of its table's 계 is too small to flag — 계 without a
#: line that alone holds most of it (:func:`dominant_line`: 조정교부금, 92 % of 세출, passed on
#: to the districts), which would make every department look tiny: 보전수입 등 (1,065천원)
#: and 불용품매각대금 (32,194천원) are 0.01 % and 0.2 % of 세입, 재무활동 is 2.9 % of 세출 without
#: 조정교부금 and 자치행정과 사업비 1.4 %.
MATERIAL_SHARE = 0.5


def line_size(lines: pd.DataFrame) -> pd.Series:
    """Each line's size for ranking and materiality: its larger 예산현액 of the two years (천원)."""
    return lines[["prior_budget", "budget"]].max(axis=1)


def material(lines: pd.DataFrame, share: float = MATERIAL_SHARE) -> pd.Series:
    """Per line (same index), whether it is large enough to flag: its :func:`line_size` is
    more than zero and, where its table's 계 is among ``lines``, at least ``share`` % of that
    계 without a dominant line. One department's own line (no 계 beside it) counts unless zero."""
    size = line_size(lines)
    reference: dict[str, float] = {}
    for side, rows in lines.groupby("side", sort=False):
        roots = rows[rows["level"] == 0]
        if roots.empty:
            continue
        dominant = dominant_line(rows)
        passed_on = line_size(rows[rows["item_id"] == dominant[0]]).sum() if dominant else 0
        reference[side] = float(line_size(roots).iloc[0] - passed_on)
    return pd.Series(
        [
            value > 0 and value >= reference.get(side, 0) * share / 100
            for value, side in zip(size, lines["side"])
        ],
        index=lines.index,
    )


def budget_highlights(
    lines: pd.DataFrame,
    as_of: date,
    unit: Unit = SOURCE_UNIT,
    reconciliations: pd.DataFrame | None = None,
    *,
    top: int = 1,
    big_change_rate: float = 50.0,
    far_ratio: float = FAR_BEHIND_RATIO,
) -> list[Highlight]:
    """What an executive should notice in the budget, most severe first and, within a
    severity, the largest lines first.

    - each side's overall rate against the pace of the year (계 lines);
    - lines far behind pace (under ``far_ratio`` of the elapsed share) and collection over 100 %;
    - per side, the ``top`` largest increases and decreases by amount, and changes of
      ``big_change_rate`` % or more, among the lowest lines (no double counting of subtotals);
    - every printed figure that disagrees with the recomputed one (both values).

    Lines too small to matter (:func:`material`: zero, or under 0.5 % of their table) are
    never flagged: a 0.0 % of 1,065천원 is no news.
    """
    lines = lines[material(lines)]
    paced = against_pace(lines, as_of, far_ratio)
    elapsed = rate(fiscal_year_elapsed(as_of))
    previous, _ = years(lines)
    found: list[tuple[float, Highlight]] = []

    def money(value: float) -> str:
        return money_text(value, SOURCE_UNIT, unit)

    def add(kind: str, severity: str, row: object, text: str, figure: str, value: float | None) -> None:
        size = max(row.prior_budget, row.budget)  # type: ignore[attr-defined]
        found.append((size, Highlight(PAGE, kind, severity, subject(row), text, figure, value, PAGE)))  # type: ignore[arg-type]

    roots = paced[paced["level"] == paced["level"].min()] if len(paced) else paced
    for row in roots.itertuples():
        if row.pace in (Pace.FAR_BEHIND, Pace.OVER, None) and row.is_leaf:
            continue  # said below, with the amounts
        actual_name, rate_name = ACTUAL_NAMES[row.side]
        behind = is_behind(row.pace)
        gap = abs(row.gap) if row.gap is not None else 0
        name = f"{row.side} 전체" if row.level == 0 else subject(row)
        add(
            "pace",
            "notice" if behind else "info",
            row,
            f"{name} {rate_name} {rate(row.actual_rate)}%: 연간 경과율 {elapsed}%보다 "
            f"{rate(gap)}%p {'낮음' if behind else '높음'}",
            f"{rate(row.actual_rate)}%",
            row.actual_rate,
        )

    leaves = paced[paced["is_leaf"]]
    for row in leaves.itertuples():
        actual_name, rate_name = ACTUAL_NAMES[row.side]
        if row.pace == Pace.FAR_BEHIND:
            add(
                "behind_pace",
                "warning",
                row,
                f"{subject(row)} {rate_name} {rate(row.actual_rate)}%: 연간 경과율 {elapsed}%에 크게 못 미침 "
                f"(예산 {money(row.budget)} 중 {money(row.actual)})",
                f"{rate(row.actual_rate)}%",
                row.actual_rate,
            )
        elif row.pace == Pace.OVER:
            add(
                "over_100",
                "notice",
                row,
                f"{subject(row)} {rate_name} {rate(row.actual_rate)}%: 예산 {money(row.budget)}을 넘어 "
                f"{money(row.actual)} {actual_name[:2]}",
                f"{rate(row.actual_rate)}%",
                row.actual_rate,
            )

    mentioned: set[tuple[str, str]] = set()
    for side, rows in leaves.groupby("side", sort=False):
        ranked = rows.sort_values("change", ascending=False)
        picks = [("increase", row) for row in ranked.head(top).itertuples() if row.change > 0]
        picks += [("decrease", row) for row in ranked.iloc[::-1].head(top).itertuples() if row.change < 0]
        for kind, row in picks:
            mentioned.add((side, row.item_id))
            word = "증가액" if kind == "increase" else "감소액"
            largest = f", {side} 항목 중 {word} 최대" if len(rows) > 1 else ""
            add(
                kind,
                "info",
                row,
                f"{subject(row)}: {previous}년 대비 {money(row.change)}({rate(row.change_rate)}%){largest}",
                money(row.change),
                float(row.change),
            )
        for row in rows.itertuples():
            if (side, row.item_id) in mentioned or row.change_rate is None:
                continue
            if abs(row.change_rate) >= big_change_rate:
                kind = "increase" if row.change > 0 else "decrease"
                add(
                    kind,
                    "info",
                    row,
                    f"{subject(row)}: {previous}년 대비 {rate(row.change_rate)}% "
                    f"({money(row.prior_budget)} → {money(row.budget)})",
                    f"{rate(row.change_rate)}%",
                    row.change_rate,
                )

    if reconciliations is not None and len(reconciliations):
        items = dict(zip(lines["side"] + "|" + lines["item_id"], lines.itertuples()))
        for rec in reconciliations.itertuples():
            if rec.table_name != "budget" or rec.matches or rec.row_key not in items:
                continue
            add(
                "discrepancy",
                "warning",
                items[rec.row_key],
                f"{rec.subject} {rec.figure}: 보고서 표기 {rec.printed} → 재계산 {rec.recomputed} "
                "(화면은 재계산 값)",
                f"{rec.printed} → {rec.recomputed}",
                None,
            )
    return by_severity(item for _, item in sorted(found, key=lambda pair: -pair[0]))


def describe_gap(gap: float | None) -> str:
    """``-4.6`` → ``"△4.6%p"``; ``None`` → ``"-"``."""
    return number(gap, 1) + ("%p" if gap is not None else "")
