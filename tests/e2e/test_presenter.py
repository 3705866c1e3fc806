"""Presenter mode in a real browser at projector size: no chrome, large type, every screen
carries the as-of date and source, previous/next between topics. Screenshots for review."""

from __future__ import annotations

import pytest

from tests.browser_support import content_height, wait_for_page
from tests.e2e.conftest import SCREENS, NewPage
from tests.e2e.test_pages import assert_no_errors
from ui.nav import PAGES

SLUGS = [page.slug for page in PAGES]
#: Smallest KPI value type legible from the back of a council room at 1920×1080.
MIN_KPI_PX = 40


@pytest.mark.parametrize("slug", SLUGS)
def test_presenter_screen(new_page: NewPage, slug: str) -> None:
    visit = new_page(slug, "present=1")
    page = visit.page
    assert not page.locator("[data-testid=stSidebar]").is_visible()
    assert not page.locator("[data-testid=stToolbar]").is_visible()
    footer = page.locator(".st-key-present-footer")
    assert footer.is_visible()
    position = SLUGS.index(slug)
    assert "기준일 2025. 3. 31." in footer.inner_text()
    assert f"{position + 1} / {len(SLUGS)}" in footer.inner_text()
    if position < len(SLUGS) - 1:
        assert page.get_by_role("link", name=f"다음: {PAGES[position + 1].title}").is_visible()
    heading = page.locator("h1").first
    assert float(heading.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 48
    values = page.locator("[data-testid=stMetricValue]")
    for index in range(values.count()):
        size = values.nth(index).evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= MIN_KPI_PX, (slug, index, size)
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"{slug}-present-1920x1080.png"))  # what the room sees first
    page.set_viewport_size({"width": 1920, "height": max(1080, content_height(page) + 200)})
    wait_for_page(page)
    page.screenshot(path=str(SCREENS / f"{slug}-present-full.png"), full_page=True)
    assert_no_errors(visit)
