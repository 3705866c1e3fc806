"""AI 교육: progress toward every employee trained once a year, and when the goal is reached.

The report prints the people trained (1,995명) and their share of all staff (18.9%) but not
the staff total, so the total is recovered from the printed share (with the range of totals
that round to the same share), and the pace so far is projected linearly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from bureau.format import markdown_text
from bureau.kpi import Figure, Kpi
from bureau.metrics import percent, round_half_up
from bureau.table import Column, Table


@dataclass(frozen=True)
class ImpliedTotal:
    """The staff total implied by ``trained`` being ``share`` % of it (rounded to ``digits``)."""

    point: int
    low: int
    high: int

    def contains(self, total: int) -> bool:
        return self.low <= total <= self.high


def share_rounds_to(trained: int, total: int, share: float, digits: int = 1) -> bool:
    """True when trained ÷ total, in percent and rounded as the report rounds, prints as ``share``."""
    rate = percent(trained, total)
    return rate is not None and round_half_up(rate, digits) == share


def implied_total(trained: int, share: float, digits: int = 1) -> ImpliedTotal:
    """1,995명 = 18.9% → about 10,556 staff; any total from 10,528 to 10,583 prints as 18.9%.

    ``ValueError`` when the share is not positive (no total can be implied).
    """
    if share <= 0 or trained <= 0:
        raise ValueError("이수 인원과 비율이 0보다 커야 전직원 수를 역산할 수 있습니다")
    half_step = 0.5 * 10**-digits
    point = int(round_half_up(trained / share * 100, 0))
    low = math.floor(trained * 100 / (share + half_step)) - 1
    high = math.ceil(trained * 100 / max(share - half_step, 1e-9)) + 1
    fitting = [
        total
        for total in range(max(low, trained), high + 1)
        if share_rounds_to(trained, total, share, digits)
    ]
    if not fitting:
        raise ValueError(f"{trained:,}명이 {share}%가 되는 전직원 수가 없습니다")
    return ImpliedTotal(point, fitting[0], fitting[-1])


#: The projection's assumption, in its line's name on the chart: ``추세(직선 가정)``.
TREND_ASSUMPTION = "직선 가정"


@dataclass(frozen=True)
class Projection:
    """A linear projection of the pace from ``start`` to ``as_of`` (both days included), or,
    where an earlier report of the same cycle exists, from that report's date to ``as_of``."""

    start: date
    as_of: date
    trained: int
    total: int
    target: int
    days_elapsed: int
    per_day: float
    remaining: int
    completion: date | None
    year_end: date
    year_end_trained: int
    required_per_day: float | None
    #: the earlier report the pace is measured from (its 기준일 and trained), or None: from ``start``
    previous: tuple[date, int] | None = None

    @property
    def trend_name(self) -> str:
        """The projected line's name: ``추세(직선 가정)``, naming the two reports it follows
        where it follows two (``추세(직선 가정, 3.31.·6.30. 보고)``)."""
        if self.previous is None:
            return f"추세({TREND_ASSUMPTION})"
        return f"추세({TREND_ASSUMPTION}, {_month_day(self.previous[0])}·{_month_day(self.as_of)} 보고)"

    @property
    def pace_span(self) -> str:
        """What the pace is measured over: ``1.1.~3.31.``, or ``3.31.~6.30. 보고 사이``."""
        if self.previous is None:
            return f"{_month_day(self.start)}~{_month_day(self.as_of)}"
        return f"{_month_day(self.previous[0])}~{_month_day(self.as_of)} 보고 사이"

    @property
    def progress(self) -> float:
        """Trained as a share of the target (%)."""
        return self.trained / self.target * 100 if self.target else 100.0

    @property
    def year_end_share(self) -> float:
        return self.year_end_trained / self.target * 100 if self.target else 100.0

    @property
    def on_track(self) -> bool:
        return self.completion is not None and self.completion <= self.year_end

    @property
    def per_month(self) -> float:
        """The pace per average month (365.25 / 12 days)."""
        return self.per_day * 365.25 / 12

    @property
    def pace_ratio(self) -> float | None:
        """How many times the current pace the rest of the year needs."""
        if self.required_per_day is None or self.per_day == 0:
            return None
        return self.required_per_day / self.per_day


def project(
    trained: int,
    total: int,
    start: date,
    as_of: date,
    goal_share: float = 100.0,
    previous: tuple[date, int] | None = None,
) -> Projection:
    """When ``goal_share`` % of ``total`` is trained if the pace from ``start`` to ``as_of`` holds
    — or, with ``previous`` (an earlier report's 기준일 and trained, of the same cycle), the
    pace between that report and this one.

    The cycle ends on 31 December of ``start``'s year (training once a year).
    """
    if as_of < start:
        raise ValueError("기준일이 집계 시작일보다 앞섭니다")
    if total <= 0:
        raise ValueError("전직원 수는 0보다 커야 합니다")
    if previous is not None and not start <= previous[0] < as_of:
        raise ValueError("직전 보고의 기준일이 집계 기간 안에서 기준일보다 앞서야 합니다")
    # the pace is measured from the day before the count began (nobody trained yet) or from
    # the previous report
    since, since_trained = previous or (start - timedelta(days=1), 0)
    days = (as_of - since).days
    per_day = (trained - since_trained) / days
    target = math.ceil(total * goal_share / 100)
    remaining = max(target - trained, 0)
    if remaining == 0:
        completion: date | None = as_of
    elif per_day == 0:
        completion = None
    else:
        completion = as_of + timedelta(days=math.ceil(remaining / per_day))
    year_end = date(start.year, 12, 31)
    days_left = (year_end - as_of).days
    year_end_trained = min(target, round(trained + per_day * max(days_left, 0)))
    required = None if days_left <= 0 else remaining / days_left
    return Projection(
        start,
        as_of,
        trained,
        total,
        target,
        days,
        per_day,
        remaining,
        completion,
        year_end,
        year_end_trained,
        required,
        previous,
    )


def projection_path(projection: Projection) -> pd.DataFrame:
    """Cumulative trained by date: the actual figures (start, the previous report where the
    pace is measured from it, as_of) and the projected ones (as_of → goal or year end,
    whichever is later, named :attr:`Projection.trend_name`), for a line chart."""
    end = max(filter(None, (projection.completion, projection.year_end)))
    trend = projection.trend_name
    rows = [
        (projection.start - timedelta(days=1), 0, "실적"),
        *([(*projection.previous, "실적")] if projection.previous else []),
        (projection.as_of, projection.trained, "실적"),
        (projection.as_of, projection.trained, trend),
    ]
    month = date(projection.as_of.year, projection.as_of.month, 1)
    while True:
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        day = month - timedelta(days=1)
        if day > end:
            break
        if day > projection.as_of:
            value = projection.trained + projection.per_day * (day - projection.as_of).days
            rows.append((day, min(projection.target, round(value)), trend))
    if projection.completion and projection.completion > projection.as_of:
        rows.append((projection.completion, projection.target, trend))
    path = pd.DataFrame(rows, columns=["date", "trained", "series"])
    return path.drop_duplicates().sort_values(["series", "date"], kind="stable").reset_index(drop=True)


def tier_table(tiers: pd.DataFrame, progress: pd.DataFrame) -> Table:
    """The mandatory course's tiers with the progress group each is counted in and its trained."""
    merged = tiers.merge(progress[["grade_group", "trained"]], on="grade_group", how="left")
    counted = merged.groupby("grade_group", sort=False)["tier"].transform(lambda t: "·".join(t))
    frame = pd.DataFrame(
        {
            "의무교육 과정(직급별)": merged["tier"].tolist(),
            "이수 실적 집계 그룹": merged["grade_group"].tolist(),
            "그룹 이수 인원(명)": merged["trained"].astype("Int64"),
            "그룹에 포함된 과정": counted.tolist(),
        }
    )
    return Table(frame, {"그룹 이수 인원(명)": Column.count("명")})


def roles_matrix(roles: pd.DataFrame, stages: pd.DataFrame) -> pd.DataFrame:
    """Agency × stage: each cell lists that agency's role lines (▶) in that stage, blank if none."""
    agencies = roles.sort_values(["agency_order"]).drop_duplicates("agency")["agency"].tolist()
    matrix = {"추진기관": agencies}
    for stage in stages.itertuples():
        label = f"{stage.stage}단계"
        cells = []
        for agency in agencies:
            lines = roles[(roles["stage"] == stage.stage) & (roles["agency"] == agency)].sort_values("seq")
            cells.append("\n".join(f"▶ {line}" for line in lines["role"]))
        matrix[label] = cells
    return pd.DataFrame(matrix)


def programme_summary(programmes: pd.DataFrame) -> pd.DataFrame:
    """Programmes with their size in words: 47개 과정, or 6개월 · 연2회 · 기수별 20명 (연 40명)."""

    def size(row: pd.Series) -> str | None:
        if pd.notna(row["courses"]):
            return f"{int(row['courses'])}개 과정"
        parts = []
        if pd.notna(row["duration_months"]):
            parts.append(f"{int(row['duration_months'])}개월")
        if pd.notna(row["cohorts_per_year"]):
            parts.append(f"연{int(row['cohorts_per_year'])}회")
        if pd.notna(row["per_cohort"]):
            parts.append(f"기수별 {int(row['per_cohort'])}명")
        if pd.notna(row["cohorts_per_year"]) and pd.notna(row["per_cohort"]):
            parts.append(f"연 {int(row['cohorts_per_year'] * row['per_cohort'])}명")
        return " · ".join(parts) or None

    return pd.DataFrame(
        {
            "단계": [f"{stage}단계" for stage in programmes["stage"]],
            "운영기관": programmes["agency"],
            "프로그램": programmes["name"],
            "대상": programmes["audience"],
            "규모": [size(row) for _, row in programmes.iterrows()],
        }
    )


@dataclass(frozen=True)
class Summary:
    """Everything the AI page states about progress, computed once from the goal and progress rows."""

    course: str
    plan: str
    trained: int
    printed_trained: int
    printed_share: float
    times_per_year: int
    total: ImpliedTotal
    projection: Projection

    @property
    def gap(self) -> int:
        return self.projection.remaining


def summarise(
    goal: pd.DataFrame, progress: pd.DataFrame, as_of: date, previous: tuple[date, int] | None = None
) -> Summary:
    """The trained people are the grade groups' sum (the report's 1,995 is reconciled with it);
    the projection follows the pace since ``previous`` (an earlier report of the same cycle,
    ``bureau.topics.ai_training.queries.previous_trained``) where there is one."""
    row = goal.iloc[0]
    trained = int(progress["trained"].sum())
    share = float(row["printed_share_of_staff"])
    total = implied_total(trained, share)
    start = row["period_start"]
    start = start.date() if hasattr(start, "date") else start
    projection = project(trained, total.point, start, as_of, float(row["goal_share"]), previous)
    return Summary(
        str(row["course"]),
        str(row["plan"]),
        trained,
        int(row["printed_trained"]),
        share,
        int(row["times_per_year"]),
        total,
        projection,
    )


def _day(day: date) -> str:
    return f"{day.year}. {day.month}. {day.day}."


def headline(summary: Summary, progress: pd.DataFrame) -> list[Kpi]:
    """The page's KPI row: only figures the report prints (its estimates are in
    :func:`estimate_line`)."""
    p = summary.projection
    return [
        Kpi(
            "이수 인원",
            f"{summary.printed_trained:,}명",
            help=markdown_text(f"{summary.course}, {_day(p.start)}~{_day(p.as_of)}"),
            figure=Figure.count(summary.printed_trained, "명"),
        ),
        Kpi(
            "전직원 대비",
            f"{summary.printed_share}%",
            help="보고서 표기(전직원 수는 보고서에 없음)",
            figure=Figure.rate(summary.printed_share),
        ),
        *(
            Kpi(f"{row.grade_group} 이수", f"{row.trained:,}명", figure=Figure.count(row.trained, "명"))
            for row in progress.itertuples()
        ),
        Kpi("목표", f"전직원 연 {summary.times_per_year}회", help=markdown_text(summary.plan)),
    ]


def _month_day(day: date) -> str:
    return f"{day.month}.{day.day}."


def estimate_line(summary: Summary) -> str:
    """The projection in one line, saying that it is ours, from which figures and on which
    assumption: ``대시보드 추정: 1.1.~3.31. 이수 속도(하루 22.2명)가 이어진다고 가정하면 …``."""
    p = summary.projection
    basis = (
        f"대시보드 추정: {p.pace_span} 이수 속도(하루 {p.per_day:,.1f}명)가 "
        f"이어진다고 가정하면 전직원(보고서의 {summary.printed_trained:,}명 = {summary.printed_share}%에서 "
        f"역산한 약 {summary.total.point:,}명) 이수는 "
    )
    if p.completion:
        return basis + f"{_day(p.completion)}경"
    return basis + (
        "이수 실적이 없어 알 수 없음" if p.previous is None else "직전 보고 이후 이수가 늘지 않아 알 수 없음"
    )


def district_staff(indicators: pd.DataFrame) -> float | None:
    """자치구 정원 (staff_district_offices) from the district indicators, if the report has it."""
    rows = indicators[indicators["indicator_id"] == "staff_district_offices"].sort_values("reference")
    return float(rows["value"].iloc[-1]) if len(rows) else None


def assumptions(summary: Summary, district_staff: float | None = None) -> list[str]:
    """The projection's assumptions and what it says, in plain Korean. ``district_staff``
    (자치구 정원, from the overview's district figures) shows whom the printed share counts."""
    p = summary.projection
    if p.previous is None:
        pace = (
            f"이수 실적 {summary.trained:,}명은 {_day(p.start)}부터 기준일 {_day(p.as_of)}까지 "
            f"{p.days_elapsed}일 동안의 누적 인원으로 보고, 같은 속도"
        )
    else:
        day, earlier = p.previous
        pace = (
            f"이수 실적은 직전 보고({_day(day)}) {earlier:,}명에서 기준일 {_day(p.as_of)} "
            f"{summary.trained:,}명으로 {p.days_elapsed}일 동안 {summary.trained - earlier:,}명 늘었습니다. "
            f"{_day(p.start)}부터의 평균 대신 이 두 보고 사이의 속도"
        )
    lines = [
        f"{pace}(하루 {p.per_day:,.1f}명)가 이어진다고 가정했습니다.",
        f"전직원 수는 보고서에 없어 ‘{summary.trained:,}명 = 전직원의 {summary.printed_share}%’에서 "
        f"{summary.total.point:,}명으로 역산했습니다(같은 비율로 표기되는 범위 {summary.total.low:,}~"
        f"{summary.total.high:,}명). 1인 1회 이수, 인원 변동 없음으로 가정합니다.",
        f"이 속도면 {_day(p.year_end)}까지 약 {p.year_end_trained:,}명"
        f"({round_half_up(p.year_end_share, 1):.1f}%)이 이수하고, 전직원 이수는 "
        + (f"{_day(p.completion)}경입니다." if p.completion else "도달하지 못합니다."),
    ]
    if district_staff:
        point = summary.total.point
        if point < district_staff:
            lines.append(
                f"1단계 대상은 ‘서울시 전직원(자치구 포함)’이지만, 역산한 전직원 {point:,}명은 "
                f"자치구 정원 {district_staff:,.0f}명보다 훨씬 적어 {summary.printed_share}%는 "
                "자치구를 뺀 서울시 직원 기준으로 보입니다."
            )
        else:
            lines.append(
                f"역산한 전직원 {point:,}명은 자치구 정원 {district_staff:,.0f}명을 포함할 수 있는 규모입니다"
            )
    if p.required_per_day is not None and not p.on_track:
        # no ratio to a pace of zero
        ratio = "" if p.pace_ratio is None else f"(현재 속도의 {p.pace_ratio:.1f}배)"
        lines.append(
            f"연내 전직원 이수에는 남은 {(p.year_end - p.as_of).days}일 동안 하루 {p.required_per_day:,.1f}명"
            f"{ratio}이 필요합니다."
        )
    return lines


def achievements(summary: Summary, tiers: pd.DataFrame, progress: pd.DataFrame) -> list[str]:
    """추진 실적 in the report's words, from the data."""
    tier_names = "/".join(tiers["tier"])
    groups = "/ ".join(f"{row.grade_group} {row.trained:,}명" for row in progress.itertuples())
    return [
        f"{summary.projection.start.year}년 전 직원 AI 교육 이수 연 {summary.times_per_year}회 의무화 "
        f"({summary.plan})",
        f"AI 상설교육장 신설 및 전직원 직급별 맞춤형 AI 교육 ({tier_names})",
        f"{summary.course} {summary.trained:,}명 이수(전직원의 {summary.printed_share}%, {groups})",
    ]
