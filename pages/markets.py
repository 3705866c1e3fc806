"""서울에서 만나는 팔도 농산물 직거래장터: KPIs, the year's schedule with period and place
filters, the places on an offline map, 희망장터 and the budget execution."""

from datetime import date
from functools import cache

import streamlit as st

from bureau.format import markdown_text, unit_caption
from bureau.topics.markets import calc as markets
from bureau.topics.markets import charts, queries
from bureau.topics.markets.geo import seoul_outline
from bureau.topics.report import queries as issue_queries
from bureau.topics.report.calc import difference_captions, execution_caption, execution_table
from ui.cache import cached_figure
from ui.data import run
from ui.frame import page, unit_view
from ui.issues import (
    bullet_section,
    current_issue,
    issue_contacts,
    issue_intro,
    issue_points,
    table,
    tile_source,
)
from ui.markets import period_filter, place_filter
from ui.screens import Section, show
from ui.widgets import chart, discrepancy_notes, report_kpis

TOPIC = "markets"

filters = page("서울에서 만나는 팔도 농산물 직거래장터")
as_of = filters.as_of

changes = markets.kpi_changes(run(queries.kpis, as_of=as_of))
issue = current_issue(filters, TOPIC)
# the schedule is the issue's attachment (붙임) where the report has one
schedule_title = markets.schedule_title(None if issue is None else issue["attachment"])
points = issue_points(filters, TOPIC)
checked = run(issue_queries.topic_reconciliations, as_of=as_of, topic=TOPIC)
all_markets = markets.markets(run(queries.schedule, as_of=as_of))
places = run(queries.places, as_of=as_of)


@cache
def chosen() -> tuple[tuple[date, date] | None, str | None]:
    """The period and place the schedule, its list and the map show: drawn once a run, where
    first needed (each of those screens has them in presenter mode)."""
    left, right = st.columns([3, 2])
    with left:
        period = period_filter(markets.month_choices(all_markets, as_of.year))
    with right:
        place_id = place_filter(places)
    return period, place_id


def summary() -> None:
    issue_intro(filters, TOPIC)
    report_kpis("markets", filters)
    discrepancy_notes(checked[~checked["matches"]], with_notes=True)


def plan() -> None:
    chart(cached_figure(charts.kpi_comparison, changes), markets.kpi_table(changes), key="kpis")
    table(markets.kpi_table(changes), "직거래장터_운영계획", "(단위 : 개소, 회, 개, %)", "kpis")
    for note in difference_captions(checked, "market_kpis"):
        st.caption(note)


def schedule() -> None:
    period, place_id = chosen()
    at_place = markets.filtered(all_markets, None, place_id)
    chart(
        cached_figure(charts.schedule_gantt, at_place, period, schedule_title),
        markets.schedule_table(at_place),
        key="gantt",
    )
    for note in markets.weekday_notes(all_markets):
        st.caption(markdown_text(f"※ {note}"))


def running() -> None:
    period, place_id = chosen()
    shown = markets.filtered(all_markets, period, place_id)
    st.subheader(markdown_text(f"{markets.period_label(period)} 운영 장터: {len(shown)}개"))
    if shown.empty:
        st.info("이 기간·장소에 운영하는 장터가 없습니다.")
    else:
        table(
            markets.schedule_table(shown),
            "서로장터_운영일정_선택",
            "(선택한 기간·장소)",
            "schedule-shown",
            wide=("개최장소", "요일 확인"),
        )
    with st.expander("전체 운영일정(추진방식별 장터 수)"):
        table(
            markets.schedule_table(all_markets), "서로장터_운영일정", f"({schedule_title} 전체)", "schedule"
        )
        for note in difference_captions(checked, "market_schedule"):
            st.caption(note)
        st.dataframe(markets.type_counts(all_markets), hide_index=True)


def venues() -> None:
    shown = markets.filtered(all_markets, *chosen())
    selected = {pid for ids in shown["place_ids"] for pid in ids}
    tiles = tile_source()
    figure = (
        cached_figure(charts.places_tile_map, places, tiles, selected)
        if tiles
        else cached_figure(charts.places_map, places, seoul_outline(), selected)
    )
    chart(figure, markets.places_table(places), key="map")
    if not tiles:
        st.caption(
            "지도는 외부 연결 없이 그린 개략도입니다(서울 경계·한강은 근사선, 좌표는 약 100m 오차). "
            "번호는 아래 표의 번호, 주황색은 선택한 기간·장소의 장터가 열리는 곳, 원 크기는 장터 수."
        )


def hope() -> None:
    regions = run(queries.hope_regions, as_of=as_of)
    st.markdown(markets.hope_regions_summary(regions))
    table(markets.hope_regions_frame(regions), "희망장터_시군", "(단위 : 개 시·군)", "hope")


def budget() -> None:
    execution = run(issue_queries.program_execution, as_of=as_of, topic=TOPIC)
    st.caption(execution_caption(execution))
    execution_unit = unit_view(filters).of("program_execution")
    table(
        execution_table(execution, execution_unit),
        "직거래장터_예산집행",
        unit_caption(execution_unit.value, "%"),
        "budget",
    )
    for note in difference_captions(checked, "program_execution"):
        st.caption(note)
    issue_contacts(filters, TOPIC)


show(
    Section("요약", summary, headed=False),
    bullet_section(points, "추진방향", joins=True),
    bullet_section(points, "추진내용", joins=True),
    Section("직거래장터 운영 계획", plan),
    Section(schedule_title, schedule),
    Section("운영 장터", running, headed=False),
    Section("개최장소", venues),
    Section(
        "개최장소 목록",
        lambda: table(markets.places_table(places), "직거래장터_개최장소", "(좌표: WGS84, 근사)", "places"),
        headed=False,
    ),
    Section("산불피해지역 희망장터", hope),
    bullet_section(points, "향후계획"),
    Section("예산집행 현황", budget, joins=True),
)
