"""In a real browser: markup in data/ shows as text, and the server runs hardened."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from bureau.build import build
from tests.browser_support import chromium, page_url, running_app, wait_for_page
from tests.test_hardened_app import make_hostile_sources

pytestmark = pytest.mark.browser


def test_markup_in_data_renders_as_text_and_server_is_hardened(tmp_path: Path):
    sources = make_hostile_sources(tmp_path)
    database = tmp_path / "hostile.duckdb"
    build(sources, database)
    env = {"BUREAU_DATABASE": str(database), "BUREAU_SOURCES": str(sources)}
    with running_app(env) as base_url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1600, "height": 2400})
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(page_url(base_url, "overview"))
        wait_for_page(page)
        main = page.locator("[data-testid=stMainBlockContainer]")
        for summary in main.locator("summary").all():
            summary.click()  # open every expander so its text is rendered
        wait_for_page(page)
        text = main.inner_text().replace("\u2060", "")  # the invisible joiner in URLs

        assert "**인사과**" in text  # the department name, asterisks and all
        assert "<script>alert(1)</script>" in text
        assert "![x](http://example.com/x.png) <img src=x onerror=alert(1)>" in text
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
