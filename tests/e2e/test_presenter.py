"""Presenter mode in a real browser at projector size (1920×1080), walked by keyboard.

For every page: from its first screen, ArrowRight / PageDown / Space in turn until the next
page opens at its first screen; back from there with ArrowLeft / PageUp to this page's last
screen, its first, and on to the previous page's last. On every screen: it fits the screen
without scrolling, no two text boxes overlap (page headings and controls, and inside each
chart its title, legend, notes and axis titles), KPI values and table cells are large, the
"화면 n / N" indicator and the URL's ``screen`` follow, the 기준일 is shown; a screenshot of
each is written to test-artifacts/screens/present-<page>-<n>.png for review.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page

from tests.browser_support import content_height, wait_for_page
from tests.e2e.conftest import SCREENS, NewPage
from tests.e2e.test_pages import assert_no_errors
from ui.nav import PAGES

SLUGS = [page.slug for page in PAGES]
FORWARD = ("ArrowRight", "PageDown", "Space")
BACK = ("ArrowLeft", "PageUp")
#: Smallest KPI value and table type legible from the back of a council room at 1920×1080.
MIN_KPI_PX = 40
MIN_TABLE_PX = 20
VIEWPORT = {"width": 1920, "height": 1080}
INDICATOR = re.compile(r"(.+) · 화면 (\d+) / (\d+) \(주제 (\d+) / (\d+)\)")

#: Every text box that must stand clear of the others: the page's headings and presenter
#: controls, and inside each Plotly chart its title, legend entries, notes (annotations,
#: subplot titles) and axis titles. Returns the overlapping pairs.
OVERLAPS_JS = """() => {
    const boxes = [];
    const add = (group, kind, element, text = false) => {
        // a heading is a full-width block: its text's own extent is what may collide
        let r = element.getBoundingClientRect();
        if (text) {
            const range = document.createRange();
            range.selectNodeContents(element);
            r = range.getBoundingClientRect();
        }
        if (r.width > 0.5 && r.height > 0.5) {
            boxes.push({group, kind, text: (element.textContent || '').trim().slice(0, 40),
                        left: r.left, top: r.top, right: r.right, bottom: r.bottom});
        }
    };
    const main = document.querySelector('[data-testid=stMain]');
    main.querySelectorAll('h1, h2, h3, h4').forEach(e => add('page', 'heading', e, true));
    document.querySelectorAll('.st-key-present-top button, .st-key-present-settings button')
        .forEach(e => add('page', 'control', e));
    document.querySelectorAll('div[data-testid=stPlotlyChart]').forEach((chart, index) => {
        chart.querySelectorAll('text.gtitle').forEach(e => add(index, 'title', e));
        chart.querySelectorAll('g.legend g.traces').forEach(e => add(index, 'legend', e));
        chart.querySelectorAll('g.annotation').forEach(e => add(index, 'annotation', e));
        chart.querySelectorAll('g.infolayer text[class$=title]:not(.gtitle)')
            .forEach(e => add(index, 'axis title', e));
    });
    const overlaps = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
        if (a.group === b.group && a.kind === 'legend' && b.kind === 'legend') return;
        const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (width > 1 && height > 1) overlaps.push([`${a.kind}: ${a.text}`, `${b.kind}: ${b.text}`]);
    }));
    return overlaps;
}"""

#: A key press has been followed: the URL names another screen, the heading drawn is that
#: screen's, and Streamlit has finished the run.
MOVED_JS = """before => {
    if (location.href === before) return false;
    const screen = new URL(location.href).searchParams.get('screen');
    const heading = document.querySelector('[data-testid=stMainBlockContainer] h2');
    const app = document.querySelector('[data-testid=stApp]');
    return !!screen && !!heading && heading.innerText.trim().startsWith(screen)
        && app.getAttribute('data-test-script-state') === 'notRunning';
}"""


@dataclass(frozen=True)
class Position:
    page: str
    screen: int
    screens: int
    topic: int
    url_screen: str
    heading: str


def position(page: Page) -> Position:
    text = page.locator(".st-key-present-indicator").inner_text()
    found = INDICATOR.search(text)
    assert found, text
    assert "기준일 2025. 3. 31." in text
    assert int(found[5]) == len(PAGES)
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    heading = page.locator("[data-testid=stMainBlockContainer] h2").first.inner_text().strip()
    return Position(found[1], int(found[2]), int(found[3]), int(found[4]), params["screen"][0], heading)


def press(page: Page, key: str) -> Position:
    before = page.url
    page.keyboard.press(key)
    page.wait_for_function(MOVED_JS, arg=before)
    wait_for_page(page)
    return position(page)


def check_screen(page: Page, slug: str, shown: Position) -> None:
    """The screen fits without scrolling, nothing overlaps, figures are large; screenshot."""
    assert shown.heading.startswith(shown.url_screen), (shown.heading, shown.url_screen)
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"present-{slug}-{shown.screen}.png"))
    height = content_height(page)
    assert height <= VIEWPORT["height"], f"{slug} {shown.url_screen}: {height}px tall"
    assert page.evaluate(OVERLAPS_JS) == [], (slug, shown.url_screen)
    sizes = page.evaluate(
        """() => [[...document.querySelectorAll('[data-testid=stMetricValue]')],
                  [...document.querySelectorAll('[data-testid=stTable] td')]]
            .map(cells => cells.map(e => parseFloat(getComputedStyle(e).fontSize)))"""
    )
    kpis, cells = sizes
    assert min(kpis, default=MIN_KPI_PX) >= MIN_KPI_PX, (slug, shown.url_screen, kpis)
    assert min(cells, default=MIN_TABLE_PX) >= MIN_TABLE_PX, (slug, shown.url_screen, min(cells))
    assert not page.locator("[data-testid=stSidebar]").is_visible()
    assert not page.locator("[data-testid=stToolbar]").is_visible()


@pytest.mark.parametrize("index", range(len(PAGES)))
def test_every_screen_by_keyboard(new_page: NewPage, index: int) -> None:
    info, slug = PAGES[index], SLUGS[index]
    visit = new_page(slug, "present=1", **VIEWPORT)
    page = visit.page
    shown = position(page)
    assert (shown.page, shown.screen, shown.topic) == (info.title, 1, index + 1)
    walked = [shown]
    keys = iter(FORWARD * 20)
    while True:
        check_screen(page, slug, shown)
        if shown.screen == shown.screens:
            break
        shown = press(page, next(keys))
        assert (shown.page, shown.screen) == (info.title, walked[-1].screen + 1)
        walked.append(shown)
    assert len({step.url_screen for step in walked}) == len(walked) == walked[0].screens

    if index < len(PAGES) - 1:  # past the last screen: the next page at its first
        shown = press(page, next(keys))
        assert (shown.page, shown.screen, shown.topic) == (PAGES[index + 1].title, 1, index + 2)
        back = iter(BACK * 20)
        shown = press(page, next(back))
    else:  # the end of the deck: the keys move nowhere
        back = iter(BACK * 20)
        assert page.locator(".st-key-present-next button").is_disabled()
    assert shown == walked[-1]

    page.reload()  # the deep link opens the same screen
    wait_for_page(page)
    assert position(page) == shown

    for expected in reversed(walked[:-1]):
        shown = press(page, next(back))
        assert shown == expected
    if index > 0:  # before the first screen: the previous page at its last
        shown = press(page, next(back))
        assert (shown.page, shown.topic) == (PAGES[index - 1].title, index)
        assert shown.screen == shown.screens
    else:
        assert page.locator(".st-key-present-previous button").is_disabled()
    assert_no_errors(visit)


def test_keys_do_nothing_while_typing(new_page: NewPage) -> None:
    """In the loan calculator's field the arrows, PageUp/PageDown and Space edit the text;
    the screen stays."""
    visit = new_page("housing", "present=1&screen=" + urllib.parse.quote("전세자금 융자 계산기"), **VIEWPORT)
    page = visit.page
    before = position(page)
    field = page.get_by_role("textbox", name="전세 보증금")
    field.click()
    field.press("Control+a")
    field.type("3억")
    for key in ("ArrowLeft", "ArrowRight", "PageDown", "PageUp", "End", "Space"):
        field.press(key)
    field.type("5천")
    field.press("Tab")  # commits the value: one run, of this screen
    page.get_by_text("보증금 3억 5,000만원").wait_for()
    wait_for_page(page)
    assert field.input_value() == "3억 5천"
    assert position(page) == before
    assert_no_errors(visit)
