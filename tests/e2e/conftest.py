"""The app started once for the browser tests, against a database built in a temp dir.

Fixtures are package-scoped: started on the first browser test and stopped as soon as
the last one has run, so the server and Chromium do not linger while the rest of the
suite runs (and Playwright's event loop never overlaps AppTest). The server is stopped
in a ``finally`` even when a test or the startup fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from bureau import paths
from bureau.build import build
from tests.browser_support import TIMEOUT_MS, chromium, page_url, running_app, wait_for_page
from ui.nav import PAGES

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ROOT / "test-artifacts" / "screens"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def e2e_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/sources built into a temp folder: the tests never touch data/bureau.duckdb."""
    database = tmp_path_factory.mktemp("e2e-db") / "bureau.duckdb"
    build(paths.sources_dir(), database)
    return database


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="package")
def app_url(e2e_database: Path, browser: Browser) -> Iterator[str]:
    env = {"BUREAU_DATABASE": str(e2e_database), "BUREAU_SOURCES": str(paths.sources_dir())}
    with running_app(env) as base_url:
        # Warm up (imports, caches) so the first test's timings are not the cold start's.
        # A deep link as a fresh server's first request has its own test.
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(base_url, timeout=TIMEOUT_MS)
            wait_for_page(page)
        finally:
            context.close()
        yield base_url


class Visit:
    """An open page plus what the browser reported while it was open."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))


NewPage = Callable[..., Visit]


@pytest.fixture
def new_page(browser: Browser, app_url: str) -> Iterator[NewPage]:
    """``new_page(slug, query="", width=1920)`` → a Visit of the loaded, settled page."""
    contexts: list[BrowserContext] = []

    def open_(slug: str, query: str = "", width: int = 1920, height: int = 1080) -> Visit:
        context = browser.new_context(
            viewport={"width": width, "height": height}, accept_downloads=True, locale="ko-KR"
        )
        contexts.append(context)
        context.set_default_timeout(TIMEOUT_MS)
        visit = Visit(context.new_page())
        visit.page.goto(page_url(app_url, slug, query))
        wait_for_page(visit.page)
        return visit

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="package")
def rendered(browser: Browser, app_url: str) -> Iterator[Callable[[str], Visit]]:
    """Each page loaded once at 1920×1080 and kept open for the read-only checks."""
    visits: dict[str, tuple[BrowserContext, Visit]] = {}

    def get(slug: str) -> Visit:
        if slug not in visits:
            context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="ko-KR")
            context.set_default_timeout(TIMEOUT_MS)
            visit = Visit(context.new_page())
            visits[slug] = (context, visit)
            visit.page.goto(page_url(app_url, slug))
            wait_for_page(visit.page)
        return visits[slug][1]

    yield get
    for context, _ in visits.values():
        context.close()


@pytest.fixture(scope="package")
def filter_values(e2e_database: Path) -> dict[str, str]:
    """A department other than the default and a non-default unit, read from the data."""
    from bureau.units import DISPLAY_UNITS

    with duckdb.connect(str(e2e_database), read_only=True) as con:
        departments = [
            row[0]
            for row in con.execute(
                "SELECT dept FROM departments WHERE as_of = (SELECT max(as_of) FROM reports)"
                " ORDER BY sort_order"
            ).fetchall()
        ]
    dept = "인사과" if "인사과" in departments else departments[-1]
    return {"dept": dept, "unit": DISPLAY_UNITS[-1].value}


def page_ids() -> list[str]:
    return [page.slug for page in PAGES]
