"""Presenter mode as a slideshow (ui.screens), in AppTest: a page's sections grouped into
screens, one screen drawn at a time, the URL naming it, previous/next across pages, and every
figure of the page still on one of its screens."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.reading import shown, table_text
from tests.test_budget_page import EXPENDITURE, EXPENDITURE_COLUMNS, REVENUE, REVENUE_COLUMNS, as_printed
from tests.test_relief_markets_pages import MARKET_FIGURES, RELIEF_FIGURES
from ui.nav import PAGES
from ui.screens import Section, screens_of

BUDGET_SCREENS = [
    "요약",
    "눈여겨볼 점",
    "세입총괄",
    "세출총괄",
    "예산 구성",
    "전년 대비 증감",
    "연간 경과율 대비 징수율·집행률",
    "부서별 사업비 집행",
]


def _nothing() -> None:
    pass


def test_sections_group_into_screens():
    """A section that joins stays on the screen of the one declared before it, only when that
    one is shown; hidden sections make no screen."""
    sections = (
        Section("요약", _nothing, headed=False),
        Section("추진방향", _nothing, joins=True),
        Section("물품지원", _nothing, shown=False),
        Section("긴급편성", _nothing, joins=True),
        Section("자원봉사", _nothing),
        Section("성금모금", _nothing, joins=True),
    )
    screens = screens_of(sections)
    assert [screen.name for screen in screens] == ["요약", "긴급편성", "자원봉사"]
    assert [screen.title for screen in screens] == ["요약 · 추진방향", "긴급편성", "자원봉사 · 성금모금"]


def headers(app) -> list[str]:
    return [shown(header.value) for header in app.main.header]


def indicator(app) -> str:
    """The bar at the bottom: "예산 현황 · 화면 2 / 8 (주제 2 / 6)" and the 기준일·출처 line
    (without the bold marks)."""
    return shown(next(element.value for element in app.main.markdown if "화면 " in element.value)).replace(
        "**", ""
    )


def screen_text(app) -> str:
    """What a screen shows as text: headings, markdown, captions, alerts, KPIs and tables."""
    parts = []
    for kind in ("header", "subheader", "markdown", "caption", "warning", "info"):
        parts.extend(str(element.value) for element in getattr(app.main, kind))
    parts.extend(f"{metric.label} {metric.value} {metric.delta or ''}" for metric in app.metric)
    parts.extend(table_text(table).to_csv(index=False) for table in app.table)
    return shown("\n".join(parts))


@pytest.mark.parametrize(
    ("screen", "number", "columns", "printed"),
    [("세입총괄", 3, REVENUE_COLUMNS, REVENUE), ("세출총괄", 4, EXPENDITURE_COLUMNS, EXPENDITURE)],
)
def test_a_deep_link_opens_its_screen_alone(open_page, screen, number, columns, printed):
    app = open_page("budget", present="1", screen=screen)
    assert headers(app) == [screen]
    assert not app.metric and not app.get("plotly_chart")  # the summary and the charts are elsewhere
    (table,) = app.table  # a static table in large type, every figure as the report prints it
    assert as_printed(table_text(table).map(shown), columns) == printed
    assert f"예산 현황 · 화면 {number} / 8 (주제 2 / 6)" in indicator(app)
    assert "기준일 2025. 3. 31." in indicator(app)
    assert app.query_params["screen"] == screen


@pytest.mark.parametrize("value", ["없는 화면", "<b>세입</b>", "**세출총괄**"])
def test_an_unknown_screen_falls_back_with_the_notice(open_page, value):
    app = open_page("budget", present="1", screen=value)
    assert [shown(toast.value) for toast in app.toast] == [
        f"주소의 화면 값(‘{value}’)을 알 수 없어 기본값으로 표시합니다."
    ]
    assert not any(markup in app.toast[0].value for markup in ("<b>", "**"))  # escaped
    assert headers(app) == ["요약"]
    assert len(app.metric) == 4
    assert app.query_params["screen"] == "요약"


def test_the_normal_page_shows_every_section(open_page):
    app = open_page("budget", screen="세출총괄")
    assert headers(app) == BUDGET_SCREENS[1:]  # the summary has no heading of its own
    assert len(app.metric) == 4 and len(app.get("plotly_chart")) == 8
    assert "screen" not in app.query_params
    assert not [button for button in app.button if "present" in button.proto.id]


@dataclass(frozen=True)
class Shown:
    title: str
    screen: str
    headers: list[str]
    indicator: str
    text: str


def walk(app) -> list[Shown]:
    """Press 다음 from the page's first screen until the deck leaves the page (or ends);
    every screen on the way, then the one after."""
    seen: list[Shown] = []
    while True:
        title, screen = app.title[0].value, app.query_params["screen"]
        seen.append(Shown(title, screen, headers(app), indicator(app), screen_text(app)))
        following = app.button(key="present-next")
        if following.disabled or (len(seen) > 1 and seen[-1].title != seen[0].title):
            return seen
        following.click().run()
        assert not app.exception, [error.message for error in app.exception]


@pytest.mark.parametrize("position", range(len(PAGES)))
def test_next_walks_every_screen_then_the_next_page(open_page, position):
    page = PAGES[position]
    seen = walk(open_page(page.slug, present="1"))
    last = position == len(PAGES) - 1
    screens = seen if last else seen[:-1]
    total = len(screens)
    assert total >= 4, [screen.screen for screen in screens]
    for number, screen in enumerate(screens, start=1):
        assert f"{page.title} · 화면 {number} / {total} (주제 {position + 1} / {len(PAGES)})" in (
            screen.indicator
        )
        assert screen.headers[0].startswith(screen.screen)  # the URL names the screen drawn
        assert screen.title == screens[0].title
    assert len({screen.screen for screen in screens}) == total
    if not last:
        following = seen[-1]
        assert following.title != screens[0].title
        assert f"{PAGES[position + 1].title} · 화면 1 / " in following.indicator


def test_every_figure_of_the_relief_and_markets_pages_is_on_a_screen(open_page):
    for slug, figures in (("relief", RELIEF_FIGURES), ("markets", MARKET_FIGURES)):
        text = "\n".join(screen.text for screen in walk(open_page(slug, present="1"))[:-1])
        assert [figure for figure in figures if figure not in text] == [], slug


def test_previous_from_a_first_screen_opens_the_previous_page_at_its_last(open_page):
    app = open_page("relief", present="1")
    assert shown(app.button(key="present-previous").label) == "이전: 예산 현황"
    app.button(key="present-previous").click().run()
    assert app.title[0].value == "예산 현황"
    assert app.query_params["screen"] == BUDGET_SCREENS[-1]
    assert "화면 8 / 8" in indicator(app)
    assert shown(app.button(key="present-next").label) == "다음: 산불 피해 구호"


def test_the_deck_has_two_ends(open_page):
    first = open_page("overview", present="1")
    assert first.button(key="present-previous").disabled and first.button(key="present-top-previous").disabled
    last = open_page("housing", present="1", screen="향후계획")
    assert last.button(key="present-next").disabled and last.button(key="present-top-next").disabled
