"""Council deck slides: 영남 산불 피해 구호, from the same queries and calculations as the page."""

from __future__ import annotations

from datetime import date

import duckdb

from bureau.format import number, rate
from bureau.metrics import percent
from bureau.pack.spec import ChartSpec, SlideSpec
from bureau.topics.relief import calc as relief
from bureau.topics.relief import queries as relief_queries
from bureau.topics.report import queries as issue_queries


def relief_slides(con: duckdb.DuckDBPyConnection, as_of: date) -> list[SlideSpec]:
    supplies, funds = relief_queries.supplies(con, as_of), relief_queries.funds(con, as_of)
    if supplies.empty or funds.empty:
        return []
    totals = relief.supply_totals(supplies, issue_queries.printed_figures(con, as_of, "relief"))
    leaves = relief.fund_leaves(funds)
    volunteers = relief_queries.volunteers(con, as_of)
    donations = relief_queries.donations(con, as_of)
    execution = issue_queries.program_execution(con, as_of, "relief")
    bullets = [
        f"구호물품 {totals.printed_approx or number(totals.total)} ({totals.breakdown})",
        f"구호금 {number(funds[funds['parent_id'].isna()]['amount'].sum())}억 원 (지역교류협력기금)",
        *(
            f"성금 {number(row.amount)}{relief.DONATION_UNIT.value} → {row.recipient} ({row.delivered})"
            for row in donations.itertuples()
        ),
        *(
            f"{row.volunteer_group} {number(row.people)}명 ({row.activity})"
            for row in volunteers.itertuples()
        ),
        *(
            f"{row.program} 집행률 {rate(percent(row.spent, row.budget))}% "
            f"({row.measured_on.month}. {row.measured_on.day}. 기준)"
            for row in execution.itertuples()
        ),
    ]
    labels = [
        f"{row.region if isinstance(row.region, str) else row.stage} "
        f"({row.granted_on.month}.{row.granted_on.day}.)"
        for row in leaves.itertuples()
    ]
    return [
        SlideSpec(
            "영남 산불 피해지역 구호 지원",
            bullets,
            ChartSpec("column", labels, {"구호금": [float(v) for v in leaves["amount"]]}, "억원"),
        ),
        SlideSpec(
            "구호물품 지원 현황",
            [
                f"품목 {len(supplies)}종, 보고서 표기 총계 {totals.printed_total or number(totals.total)}"
                f" (본문 ‘{totals.printed_approx}’)",
                f"품목마다 단위가 달라 단위별로 나누면 {totals.breakdown}",
            ],
            table=relief.supplies_table(supplies).frame[["구분", "표기"]].rename(columns={"표기": "수량"}),
        ),
    ]
