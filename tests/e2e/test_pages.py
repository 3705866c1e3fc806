"""Every page in ui.nav.PAGES, driven in headless Chromium (a page added there is covered).

Per page: it loads without a Streamlit exception or error box, every Plotly chart draws,
Korean renders in a CJK font, the sidebar menu reaches it, a URL with filters restores them,
its downloads produce files, and screenshots at 1920×1080 and 390 px are written to
test-artifacts/screens/ for review.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Page

from tests.browser_support import CHART, CHART_ELEMENT, content_height, page_url, wait_for_page
from tests.e2e.conftest import SCREENS, NewPage, Visit
from ui.nav import PAGES, PAGES_BY_SLUG

#: The fewest charts each page must show (unfiltered). Slugs not listed: any number, ≥ 0.
MIN_CHARTS: dict[str, int] = {"overview": 1, "budget": 1}

HANGUL = re.compile(r"[가-힣]")
#: Font families that carry Hangul glyphs (Debian's fonts-noto-cjk and common others).
CJK_FONT = re.compile(
    r"CJK|Noto Sans KR|Noto Serif KR|Nanum|Malgun|Apple SD Gothic|Source Han|Un(Dotum|Batang)"
)

SLUGS = [page.slug for page in PAGES]
ERROR_BOXES = "[data-testid=stException], [data-testid=stAlertContentError]"


def assert_no_errors(visit: Visit) -> None:
    page = visit.page
    boxes = page.locator(ERROR_BOXES)
    assert boxes.count() == 0, boxes.all_inner_texts()
    assert visit.errors == [], visit.errors


def heading(page: Page) -> str:
    title = page.locator("[data-testid=stMainBlockContainer] h1").first
    title.wait_for(state="visible")
    return title.inner_text().strip()


@pytest.mark.parametrize("slug", SLUGS)
def test_page_loads_without_errors(rendered: Callable[[str], Visit], slug: str) -> None:
    visit = rendered(slug)
    assert_no_errors(visit)
    assert HANGUL.search(heading(visit.page)), "the page heading should be Korean"
    assert visit.page.title(), "the browser tab should have a title"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_chart_renders(rendered: Callable[[str], Visit], slug: str) -> None:
    page = rendered(slug).page
    charts = page.locator(CHART_ELEMENT).count()
    assert charts >= MIN_CHARTS.get(slug, 0)
    drawn = page.evaluate(
        """() => [...document.querySelectorAll('div[data-testid=stPlotlyChart]')].map(chart => {
            const svg = chart.querySelector('.js-plotly-plot .main-svg');
            const visible = chart.checkVisibility();
            const box = svg ? svg.getBoundingClientRect() : null;
            return {svg: !!svg, visible, drawn: !!svg && (!visible || (box.width > 0 && box.height > 0))};
        })"""
    )
    assert [chart["drawn"] for chart in drawn] == [True] * charts, drawn
    # Plotly draws a layered SVG per chart: at least one .main-svg in every chart element.
    assert page.locator(CHART).count() >= charts


@pytest.mark.parametrize("slug", SLUGS)
def test_korean_renders_in_a_cjk_font(rendered: Callable[[str], Visit], slug: str) -> None:
    """The fonts Chromium actually used for the heading's glyphs (DevTools
    CSS.getPlatformFontsForNode): every Hangul glyph must come from a CJK font, which
    fails when fonts-noto-cjk is missing (the glyphs would be boxes from a Latin font)."""
    page = rendered(slug).page
    text = heading(page)
    hangul = len(HANGUL.findall(text))
    assert hangul > 0
    session = page.context.new_cdp_session(page)
    try:
        session.send("DOM.enable")
        session.send("CSS.enable")
        root = session.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        node = session.send(
            "DOM.querySelector", {"nodeId": root, "selector": "[data-testid=stMainBlockContainer] h1"}
        )["nodeId"]
        fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        session.detach()
    cjk_glyphs = sum(font["glyphCount"] for font in fonts if CJK_FONT.search(font["familyName"]))
    assert cjk_glyphs >= hangul, fonts


@pytest.mark.parametrize("slug", SLUGS)
def test_sidebar_navigation_reaches_the_page(new_page: NewPage, app_url: str, slug: str) -> None:
    if len(PAGES) < 2:
        pytest.skip("Streamlit shows the page menu only when there are two or more pages")
    target = PAGES_BY_SLUG[slug]
    start = next(page for page in PAGES if page.slug != slug)
    expected_heading = heading(new_page(slug).page)

    visit = new_page(start.slug)
    page = visit.page
    link = page.locator("[data-testid=stSidebarNavLink]").filter(
        has=page.get_by_text(target.title, exact=True)
    )
    assert link.count() == 1, page.locator("[data-testid=stSidebarNavLink]").all_inner_texts()
    link.click()
    expected_url = page_url(app_url, slug)
    page.wait_for_url(lambda url: url.split("?")[0] == expected_url)
    page.wait_for_function(
        "title => document.querySelector('[data-testid=stMainBlockContainer] h1')"
        "?.innerText.trim() === title",
        arg=expected_heading,
    )
    wait_for_page(page)
    assert_no_errors(visit)
    assert link.get_attribute("aria-current") == "page"


@pytest.mark.parametrize("slug", SLUGS)
def test_url_with_filters_restores_them(new_page: NewPage, filter_values: dict[str, str], slug: str) -> None:
    query = urllib.parse.urlencode(filter_values)
    visit = new_page(slug, query)
    page = visit.page
    assert_no_errors(visit)
    sidebar = page.locator("[data-testid=stSidebar]")
    assert sidebar.get_by_role("combobox", name="부서").input_value() == filter_values["dept"]
    unit = sidebar.get_by_role("radiogroup", name="금액 단위").get_by_role(
        "radio", name=filter_values["unit"]
    )
    assert unit.get_attribute("aria-checked") == "true"
    # The bound widgets keep their values in the URL, so the link can be shared as is.
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert params.get("dept") == [filter_values["dept"]]
    assert params.get("unit") == [filter_values["unit"]]


@pytest.mark.parametrize("slug", SLUGS)
def test_downloads_produce_files(new_page: NewPage, filter_values: dict[str, str], slug: str) -> None:
    """Every CSV/XLSX button on the page (unfiltered, then for one department; in every tab
    and expander) downloads a file: CSV starts with the UTF-8 BOM and a header row, XLSX is
    a zip (PK)."""
    downloaded: list[str] = []
    for query in ("", urllib.parse.urlencode({"dept": filter_values["dept"]})):
        visit = new_page(slug, query)
        page = visit.page
        done: set[str] = set()
        for _ in _views(page):
            for label, check in (("CSV 내려받기", _check_csv), ("XLSX 내려받기", _check_xlsx)):
                buttons = page.get_by_role("button", name=label)
                for index in range(buttons.count()):
                    button = buttons.nth(index)
                    identity = button.evaluate(_IDENTITY_JS)
                    if identity in done:
                        continue
                    done.add(identity)
                    # Chromium drops a download started right after the previous one from the
                    # same page (a person never clicks that fast): leave it a moment first.
                    page.wait_for_timeout(DOWNLOAD_SPACING_MS)
                    with page.expect_download() as download_info:
                        button.click()
                    download = download_info.value
                    assert download.failure() is None
                    path = download.path()
                    assert path is not None
                    check(download.suggested_filename, path.read_bytes())
                    downloaded.append(download.suggested_filename)
        assert_no_errors(visit)
    if not downloaded:
        pytest.skip(f"{slug} offers no download buttons")


DOWNLOAD_SPACING_MS = 1_200

#: A download button's identity: its widget key (Streamlit's st-key-… class), else its text.
_IDENTITY_JS = """button => {
    const container = button.closest('[data-testid=stElementContainer]');
    const key = container && [...container.classList].find(name => name.startsWith('st-key-'));
    return key || (container ? container.innerText : button.innerText);
}"""


def _views(page: Page) -> Iterator[None]:
    """The page as loaded, then with each tab selected in turn; in each view the collapsed
    expanders that can be seen are opened (Streamlit mounts their content only then)."""
    _open_expanders(page)
    yield
    tabs = page.locator("[data-testid=stTab]")
    for index in range(tabs.count()):
        tab = tabs.nth(index)
        if tab.is_visible():
            tab.click()
            _open_expanders(page)
            yield


def _open_expanders(page: Page) -> None:
    """Opens every visible closed expander, then waits for the reruns that send the content
    of those that render it only when open (the charts' 표로 보기)."""
    closed = page.locator("[data-testid=stExpander] details:not([open]) > summary")
    for _ in range(closed.count()):
        visible = [summary for summary in closed.all() if summary.is_visible()]
        if not visible:
            break
        before = closed.count()
        visible[0].click()
        page.wait_for_function(
            "count => document.querySelectorAll("
            "'[data-testid=stExpander] details:not([open]) > summary').length < count",
            arg=before,
        )
    wait_for_page(page)


@pytest.mark.parametrize("slug", SLUGS)
def test_chart_tables_are_sent_when_opened(new_page: NewPage, slug: str) -> None:
    """Every chart has a 표로 보기 beneath it, closed; opened, each shows its table (which
    the server sends only then: tests/test_budget_page.py checks that part)."""
    visit = new_page(slug)
    page = visit.page
    views = page.locator("[data-testid=stExpander]").filter(
        has=page.locator("summary", has_text="표로 보기")
    )
    charts = page.locator(CHART_ELEMENT).count()
    assert views.count() == charts
    assert views.locator("[data-testid=stDataFrame]").count() == 0
    _open_expanders(page)
    grids = [views.nth(index).locator("[data-testid=stDataFrame]").count() for index in range(charts)]
    assert grids == [1] * charts
    assert_no_errors(visit)


def _check_csv(name: str, data: bytes) -> None:
    assert name.endswith(".csv"), name
    assert data.startswith(b"\xef\xbb\xbf"), data[:20]
    lines = data[3:].decode("utf-8").splitlines()
    header = lines[0].split(",")
    assert len(lines) >= 2, lines
    assert all(column.strip() for column in header), header
    assert any(HANGUL.search(column) for column in header), header


def _check_xlsx(name: str, data: bytes) -> None:
    assert name.endswith(".xlsx"), name
    assert data[:2] == b"PK"


@pytest.mark.parametrize("width", [1920, 390])
@pytest.mark.parametrize("slug", SLUGS)
def test_screenshot(new_page: NewPage, slug: str, width: int) -> None:
    """Writes test-artifacts/screens/<slug>-<width>.png (the whole page) for review."""
    visit = new_page(slug, width=width)
    page = visit.page
    page.set_viewport_size({"width": width, "height": max(1080, content_height(page) + 200)})
    wait_for_page(page)
    target = SCREENS / f"{slug}-{width}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    png = page.screenshot(path=str(target), full_page=True)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert_no_errors(visit)
    # No horizontal overflow of the page itself at this width (tables scroll inside).
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than the {width}px viewport"
