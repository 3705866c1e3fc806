"""A second report for the tests: the end-of-June one (기준일 2025-06-30), made the way the
README says a new report is added — a row in reports.csv and that report's rows appended to
every source table — from the real 2025-03-31 rows with figures that moved:

- 세입 징수액 doubled and 세출 집행액 × 1.5 on every lowest line, the subtotals summed again and
  the printed 징수율·집행률 recomputed with bureau's own functions (so June prints no
  arithmetic difference where March printed 4.7 for 5.0);
- 총무과 and 인사과 two more people each, 인사과 one more team (369명, 32팀);
- AI 교육 이수 3,500명 (its printed share recomputed from the staff total the March report implies);
- a 하반기 housing round (120명 신청, 80명 선정 by group) and next year's first-half schedule;
- the current issues RENUMBERED (직거래장터 is issue 1, 산불 구호 issue 2), a 향후계획 bullet of
  each rewritten, a new relief 담당자;
- both execution tables measured at 6. 30. with more spent (rates recomputed).

Every other table and column is copied as it is, so a new table or column does not break it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bureau.metrics import percent, round_half_up
from bureau.topics import TABLES
from bureau.topics.ai_training.calc import implied_total
from bureau.topics.report.calc import year_end_spent
from tests.printed import AS_OF

#: The real report (data/sources) and the one this module adds.
MARCH = AS_OF
JUNE = date(2025, 6, 30)

Row = dict[str, str]
Edit = Callable[[list[Row]], list[Row]]

#: The issues swap places: the June report leads with 직거래장터.
RENUMBERED = {"1": "2", "2": "1"}

# What the June figures are, where a test states them (each one follows from the edits below).
HEADCOUNT = 369
TEAMS = 32
AI_TRAINED = 3_500
AI_BY_GROUP = {"4급 이상": 400, "5급 이하": 3_100}
#: 하반기 selections by group: people and 백만원 (within each group's cap).
SECOND_HALF = {
    "일반": (20, 1_800),
    "신혼부부": (15, 2_000),
    "다자녀": (8, 1_400),
    "신규직원": (18, 1_700),
    "1인가구": (19, 1_600),
}
SECOND_HALF_APPLIED = (120, 130)  # 명, 억원
RELIEF_PLAN = "피해지역 생활안정 지원 현황 점검 및 추가 수요 발굴"
MARKETS_PLAN = "상반기 직거래장터 운영 실적 점검"
RELIEF_OFFICER = ("담당", "박서연", "6654")
#: what March printed and June does not (a June page must not show them)
MARCH_ONLY = ("복구단계별 피해지역 맞춤형 자원봉사 실시", "이정은", "상반기 직거래장터 행사 운영")


def _rate(part: float, whole: float) -> str:
    """A printed rate as the report prints it: one decimal, half up."""
    return f"{round_half_up(percent(part, whole), 1):.1f}"


def _report(rows: list[Row]) -> list[Row]:
    return [
        dict(row, published="2025-07", source="서울특별시 행정국 「주요 업무보고」(2025. 7.)") for row in rows
    ]


def _departments(rows: list[Row]) -> list[Row]:
    more = {"총무과": (2, 0), "인사과": (2, 1)}
    for row in rows:
        people, teams = more.get(row["dept"], (0, 0))
        row["headcount"] = str(int(row["headcount"]) + people)
        if teams:
            row["teams"] = str(int(row["teams"]) + teams)
    return rows


def _bureau_summary(rows: list[Row]) -> list[Row]:
    return [dict(row, printed_headcount=str(HEADCOUNT)) for row in rows]


def _budget(rows: list[Row]) -> list[Row]:
    """Lowest lines' 징수액 × 2 and 집행액 × 1.5; every parent the sum of its children again; the
    printed 징수율·집행률 recomputed (증감 stays: the budgets do not move)."""
    growth = {"세입": 2.0, "세출": 1.5}
    parents = {row["parent_id"] for row in rows if row["parent_id"]}
    by_id = {row["item_id"]: row for row in rows}
    for row in rows:
        if row["item_id"] not in parents:
            row["actual"] = str(int(round_half_up(int(row["actual"]) * growth[row["side"]], 0)))

    def total(item_id: str) -> int:
        children = [row for row in rows if row["parent_id"] == item_id]
        if children:
            by_id[item_id]["actual"] = str(sum(total(child["item_id"]) for child in children))
        return int(by_id[item_id]["actual"])

    for row in rows:
        if not row["parent_id"]:
            total(row["item_id"])
    for row in rows:
        row["printed_actual_rate"] = _rate(int(row["actual"]), int(row["budget"]))
    return rows


def _ai_progress(rows: list[Row]) -> list[Row]:
    return [dict(row, trained=str(AI_BY_GROUP[row["grade_group"]])) for row in rows]


def _ai_goal(rows: list[Row]) -> list[Row]:
    for row in rows:
        staff = implied_total(int(row["printed_trained"]), float(row["printed_share_of_staff"])).point
        row["printed_trained"] = str(AI_TRAINED)
        row["printed_share_of_staff"] = _rate(AI_TRAINED, staff)
    return rows


def _housing_applications(rows: list[Row]) -> list[Row]:
    first = rows[0]
    selected = sum(people for people, _ in SECOND_HALF.values())
    amount = sum(money for _, money in SECOND_HALF.values()) // 100  # 백만원 → 억원
    people, applied = SECOND_HALF_APPLIED
    return [
        *rows,
        dict(first, half="하반기", stage="신청", people=str(people), amount=str(applied)),
        dict(first, half="하반기", stage="선정", people=str(selected), amount=str(amount)),
    ]


def _housing_selection(rows: list[Row]) -> list[Row]:
    """The latest year's rows again as its 하반기 (the year's allocation repeated, as the model
    has it), with the 하반기 selections and their printed 합계."""
    year = max(row["fiscal_year"] for row in rows)
    second = []
    for row in rows:
        if row["fiscal_year"] != year:
            continue
        if row["loan_group"] in SECOND_HALF:
            people, amount = SECOND_HALF[row["loan_group"]]
        else:  # the printed 합계
            people = sum(p for p, _ in SECOND_HALF.values())
            amount = sum(m for _, m in SECOND_HALF.values())
        second.append(dict(row, half="하반기", selected=str(people), amount=str(amount)))
    return [*rows, *second]


def _housing_schedule(rows: list[Row]) -> list[Row]:
    """The 하반기 round is done: the next plan is next year's first half."""
    year = str(int(rows[0]["fiscal_year"]) + 1)
    steps = (("신청 접수", 1, 1), ("선정", 2, 2), ("지원", 3, 6))
    return [
        dict(
            rows[0],
            fiscal_year=year,
            half="상반기",
            seq=str(seq),
            step=step,
            start_month=str(start),
            end_month=str(end),
        )
        for seq, (step, start, end) in enumerate(steps, start=1)
    ]


def _program_execution(rows: list[Row]) -> list[Row]:
    """Measured at the report's date with more spent: relief has used its whole budget."""
    for row in rows:
        budget = int(row["budget"])
        row["measured_on"] = JUNE.isoformat()
        if row["topic"] == "relief":
            row["spent"], row["expected"] = str(budget), "0"
        else:
            row["committed"], row["spent"] = str(budget // 2), str(budget * 2 // 5)
        if row["committed"]:
            row["printed_committed_rate"] = _rate(int(row["committed"]), budget)
        row["printed_spent_rate"] = _rate(int(row["spent"]), budget)
        year_end = year_end_spent(int(row["spent"]), int(row["expected"]), row["expected_basis"])
        row["printed_expected_rate"] = _rate(year_end, budget)
    return rows


def _issue_points(rows: list[Row]) -> list[Row]:
    """The first 향후계획 of 산불 구호 (March issue 1) and of 직거래장터 (2) rewritten."""
    plans = {"1": (RELIEF_PLAN, "’25. 7월~"), "2": (MARKETS_PLAN, "’25. 7월")}
    for row in rows:
        if row["kind"] == "향후계획" and row["seq"] == "1" and row["issue_no"] in plans:
            text, period = plans[row["issue_no"]]
            row.update(text=text, period_text=period)
    return rows


def _contacts(rows: list[Row]) -> list[Row]:
    position, name, phone = RELIEF_OFFICER
    for row in rows:
        if row["issue_no"] == "1" and row["dept"] == "대외협력과" and row["position"] == position:
            row.update(name=name, phone=phone)
    return rows


EDITS: dict[str, Edit] = {
    "reports": _report,
    "departments": _departments,
    "bureau_summary": _bureau_summary,
    "budget": _budget,
    "ai_training_progress": _ai_progress,
    "ai_training_goal": _ai_goal,
    "housing_applications": _housing_applications,
    "housing_selection": _housing_selection,
    "housing_schedule": _housing_schedule,
    "program_execution": _program_execution,
    "issue_points": _issue_points,
    "contacts": _contacts,
}


def _renumbered(rows: list[Row]) -> list[Row]:
    """Any table's ``issue_no`` in the June numbering."""
    return [
        dict(row, issue_no=RENUMBERED.get(row["issue_no"], row["issue_no"])) if "issue_no" in row else row
        for row in rows
    ]


def write_second_report(sources: Path) -> date:
    """Append the June report to the source CSVs in ``sources`` (a copy of data/sources);
    returns its 기준일. Edits see the March numbering of issues; the rows are renumbered last."""
    for table in TABLES:
        path = sources / table.file
        reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
        header = list(reader.fieldnames or [])
        march = [dict(row, as_of=JUNE.isoformat()) for row in reader if row["as_of"] == MARCH.isoformat()]
        june = _renumbered(EDITS.get(table.name, list)(march))
        out = io.StringIO()
        csv.DictWriter(out, fieldnames=header, lineterminator="\n").writerows(june)
        with path.open("a", encoding="utf-8") as file:
            file.write(out.getvalue())
    return JUNE
