"""Start the app on a free localhost port and drive Debian's Chromium with Playwright."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHART = "div[data-testid=stPlotlyChart] .js-plotly-plot .main-svg"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_app(env: dict[str, str] | None = None) -> Iterator[str]:
    """``streamlit run app.py`` on a free port; yields its base URL and stops it afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("streamlit did not start") from None
                time.sleep(0.3)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def page_url(base_url: str, slug: str, query: str = "") -> str:
    path = "" if slug == "overview" else slug
    return f"{base_url}/{path}" + (f"?{query}" if query else "")


_SETTLED = """() => {
    const main = document.querySelector('[data-testid=stMainBlockContainer]');
    if (!main || document.querySelector('[data-testid=stStatusWidget]')) return false;
    const height = main.scrollHeight;
    const settled = window.__lastHeight === height && (window.__stableFor || 0) >= 3;
    window.__stableFor = window.__lastHeight === height ? (window.__stableFor || 0) + 1 : 0;
    window.__lastHeight = height;
    return settled;
}"""


def wait_for_page(page: Page) -> None:
    """Wait until Streamlit has finished running the script (the content height has
    stopped changing and no script is running) and every chart is drawn."""
    page.wait_for_selector("[data-testid=stMainBlockContainer]", timeout=60_000)
    page.wait_for_function(_SETTLED, timeout=60_000, polling=250)
    charts = page.locator("div[data-testid=stPlotlyChart]")
    for index in range(charts.count()):
        charts.nth(index).scroll_into_view_if_needed()
        charts.nth(index).locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)


def screenshot_page(
    base_url: str, slug: str, target: Path, width: int = 1920, height: int = 1080, query: str = ""
) -> None:
    """A full-length screenshot: the viewport is grown to the content's height first,
    because Streamlit scrolls inside its own container."""
    with chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(page_url(base_url, slug, query))
        wait_for_page(page)
        full = page.evaluate(
            "() => document.querySelector('[data-testid=stMainBlockContainer]').scrollHeight"
        )
        page.set_viewport_size({"width": width, "height": max(height, int(full))})
        wait_for_page(page)
        page.screenshot(path=str(target), full_page=True)
