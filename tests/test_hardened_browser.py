"""In a real browser: markup in data/ shows as text, the server runs hardened, and the app
fetches nothing from outside its own origin."""

from __future__ import annotations

import contextlib
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, Route

from bureau import paths
from bureau.build import build
from tests.browser_support import TIMEOUT_MS, chromium, page_url, running_app, wait_for_page
from tests.e2e.test_presenter import press
from tests.markup_support import PAYLOADS, hostile_sources
from tests.test_hardened_app import make_hostile_sources
from ui.nav import PAGES

pytestmark = pytest.mark.browser

#: Outside the app's origin but harmless: inline data and the page's own object URLs.
LOCAL_SCHEMES = ("data:", "blob:", "about:")
#: What rendered markup from a payload would leave in the DOM.
RENDERED_MARKUP = (
    "img[src*='evil.example']",
    "a[href*='evil.example']",
    ".katex, .katex-display, math",
    "[data-testid=stMarkdownContainer] b",
)


@contextlib.contextmanager
def outside_requests(context: BrowserContext, base_url: str) -> Iterator[list[str]]:
    """Every request (and websocket) the pages of ``context`` make outside ``base_url``,
    each refused before it leaves the machine."""
    outside: list[str] = []

    def route(route: Route) -> None:
        url = route.request.url
        if url.startswith(base_url + "/") or url == base_url or url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", route)
    socket_origin = base_url.replace("http://", "ws://", 1)
    context.on(
        "page",
        lambda page: page.on(
            "websocket",
            lambda socket: None if socket.url.startswith(socket_origin) else outside.append(socket.url),
        ),
    )
    yield outside


def _built(tmp_path: Path, sources: Path) -> dict[str, str]:
    database = tmp_path / "bureau.duckdb"
    build(sources, database)
    return {"BUREAU_DATABASE": str(database), "BUREAU_SOURCES": str(sources)}


def _hostile(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    hostile_sources(sources)
    return sources


def _open_expanders(page: Page) -> None:
    for summary in page.locator("[data-testid=stMainBlockContainer] summary").all():
        summary.click()  # so their text is rendered
    wait_for_page(page)


def _assert_no_markup(page: Page, slug: str) -> None:
    for selector in RENDERED_MARKUP:
        assert page.locator(selector).count() == 0, (slug, selector)
    assert page.get_by_text(re.compile(r"^b$")).count() == 0, slug  # **b** as bold


def _main_text(page: Page) -> str:
    text = page.locator("[data-testid=stMainBlockContainer]").inner_text()
    return text.replace("\u2060", "")  # the invisible joiner bureau.format puts in URLs


def test_markup_in_data_renders_as_text_and_server_is_hardened(tmp_path: Path):
    env = _built(tmp_path, make_hostile_sources(tmp_path))
    with running_app(env) as base_url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1600, "height": 2400})
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(page_url(base_url, "overview"))
        wait_for_page(page)
        _open_expanders(page)
        text = _main_text(page)

        assert "**인사과**" in text  # the department name, asterisks and all
        assert "<script>alert(1)</script>" in text
        assert "![x](http://example.com/x.png) <img src=x onerror=alert(1)>" in text
        main = page.locator("[data-testid=stMainBlockContainer]")
        assert main.locator("strong", has_text="인사과").count() == 0
        assert "<b>자치</b>행정과 & Co" in text  # in the duties list...
        ticks = page.locator("[data-testid=stPlotlyChart] .ytick text").all_text_contents()
        assert "<b>자치</b>행정과 & Co" in ticks  # ...and on the chart's axis, tags and all
        assert page.locator("img[src*='example.com'], img[src='x']").count() == 0
        assert page.locator("a[href*='example.com']").count() == 0  # nor a link
        assert page.locator("script", has_text="alert(1)").count() == 0
        assert dialogs == []

        # viewer toolbar: no developer options such as Deploy
        assert page.locator("[data-testid=stAppDeployButton]").count() == 0
        # XSRF protection on: the server hands the page its XSRF cookie
        assert any(cookie["name"] == "_streamlit_xsrf" for cookie in page.context.cookies())
        # CORS protection on: no other origin is allowed to read responses
        request = urllib.request.Request(
            f"{base_url}/_stcore/health", headers={"Origin": "http://evil.example"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers.get("Access-Control-Allow-Origin") in (None, base_url)


def test_markup_in_every_text_column_shows_literally_in_chromium(tmp_path: Path):
    """The browser half of tests/test_data_text.py: the payloads' characters are on screen,
    nothing they would render is in the DOM, and nothing is fetched from outside."""
    env = _built(tmp_path, _hostile(tmp_path))
    seen: set[str] = set()
    with running_app(env) as base_url, chromium() as browser:
        context = browser.new_context(viewport={"width": 1600, "height": 2400})
        context.set_default_timeout(TIMEOUT_MS)
        with outside_requests(context, base_url) as outside:
            page = context.new_page()
            for info in PAGES:
                page.goto(page_url(base_url, info.slug))
                wait_for_page(page)
                # each menu's open options first (e.g. the places' names): opening the
                # expanders below leaves the first menu unable to open
                menus = page.locator("[data-testid=stMainBlockContainer] [data-testid=stSelectbox]")
                for menu in menus.all():
                    menu.locator("input").click()
                    options = page.locator("[data-testid=stSelectboxVirtualDropdown]")
                    options.wait_for()
                    seen |= {payload for payload in PAYLOADS if payload in options.inner_text()}
                    _assert_no_markup(page, info.slug)
                    page.keyboard.press("Escape")
                _open_expanders(page)
                shown = {payload for payload in PAYLOADS if payload in _main_text(page)}
                assert shown, f"{info.slug}: no payload on screen"
                seen |= shown
                _assert_no_markup(page, info.slug)
        context.close()
    assert seen == set(PAYLOADS)
    assert outside == []


def test_a_walk_through_every_page_fetches_nothing_from_outside(tmp_path: Path):
    """All pages from the menu, a unit switch, then presenter mode from the first screen of the
    first topic to the last of the last: every request stays on the app's origin (the favicon
    included)."""
    env = _built(tmp_path, paths.sources_dir())
    with running_app(env) as base_url, chromium() as browser:
        context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="ko-KR")
        context.set_default_timeout(TIMEOUT_MS)
        with outside_requests(context, base_url) as outside:
            page = context.new_page()
            page.goto(base_url)
            wait_for_page(page)
            for info in PAGES[1:]:
                page.locator("[data-testid=stSidebarNavLink]").filter(
                    has=page.get_by_text(info.title, exact=True)
                ).click()
                page.wait_for_url(lambda url, slug=info.slug: url.split("?")[0].endswith("/" + slug))
                wait_for_page(page)
            units = page.locator("[data-testid=stSidebar]").get_by_role("radiogroup", name="금액 단위")
            units.get_by_role("radio").last.click()
            page.wait_for_url(re.compile(r"[?&]unit="))
            wait_for_page(page)
            page.locator("[data-testid=stSidebar]").get_by_text("발표 모드").click()
            page.wait_for_url(re.compile(r"[?&]present=1"))
            wait_for_page(page)
            page.goto(page_url(base_url, PAGES[0].slug, "present=1"))
            wait_for_page(page)
            following = page.locator(".st-key-present-next button")
            while following.is_enabled():  # every screen of every page, to the end of the deck
                press(page, "ArrowRight")
            assert page.url.split("?")[0].endswith("/" + PAGES[-1].slug)
            icon = page.evaluate("() => document.querySelector('link[rel~=icon]')?.href")
        context.close()
    assert outside == []
    # the icon the tab shows is the app's own file
    assert icon and icon.startswith(base_url + "/"), icon
