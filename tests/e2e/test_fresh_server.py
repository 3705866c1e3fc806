"""A deep link as the very first request of a freshly started server."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from bureau import paths
from tests.browser_support import TIMEOUT_MS, page_url, running_app, wait_for_page
from ui.nav import PAGES


def test_deep_link_first_goes_through_app_navigation(e2e_database: Path, browser: Browser) -> None:
    """Streamlit starts in its legacy ``pages/`` folder mode; without ui.frame's guard the
    page script ran without app.py (file names in the menu, no wide layout)."""
    if len(PAGES) < 2:
        pytest.skip("needs a page other than the root page")
    target = PAGES[-1]
    env = {"BUREAU_DATABASE": str(e2e_database), "BUREAU_SOURCES": str(paths.sources_dir())}
    with running_app(env) as base_url:
        context = browser.new_context(viewport={"width": 1920, "height": 1080})
        try:
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(page_url(base_url, target.slug))
            wait_for_page(page)
            links = page.locator("[data-testid=stSidebarNavLink]")
            labels = [text.split("\n")[-1].strip() for text in links.all_inner_texts()]
            assert labels == [page_info.title for page_info in PAGES]
            current = page.locator("[data-testid=stSidebarNavLink][aria-current=page]")
            assert current.inner_text().split("\n")[-1].strip() == target.title
        finally:
            context.close()
