"""Two workers behind nginx (deploy/serve.py), the way the dashboard serves an office.

Sessions opened through the proxy in Chromium must render (websocket upgraded through it,
the Content-Security-Policy allows everything the pages need), stay on one worker for all
their requests, survive a filter change, and keep working while the database is rebuilt;
afterwards every worker has the new file open. Skipped only where nginx is not installed
(``make browser-deps`` installs it, so CI runs it).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from bureau import paths
from bureau.build import build
from bureau.units import DISPLAY_UNITS
from deploy.serve import Deployment, free_port, nginx_binary, serving
from tests.browser_support import ROOT, TIMEOUT_MS, wait_for_page

T = TypeVar("T")
pytestmark = pytest.mark.skipif(nginx_binary() is None, reason="nginx is not installed")

ERROR_BOXES = "[data-testid=stException], [data-testid=stAlertContentError]"
#: Sessions opened until both workers have some (each new browser lands on either at random).
MAX_SESSIONS = 10
PROBE = re.compile(r"^/[^/]+/_stcore/(health|host-config)$")
LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) \d+ worker=(?P<worker>\S+) '
    r"session=(?P<session>\S+)$"
)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of data/sources that the test may touch."""
    copy = tmp_path_factory.mktemp("proxy-sources") / "sources"
    shutil.copytree(paths.sources_dir(), copy)
    return copy


@pytest.fixture(scope="module")
def database(sources: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = tmp_path_factory.mktemp("proxy-db") / "bureau.duckdb"
    build(sources, built)
    return built


@pytest.fixture(scope="module")
def deployment(
    sources: Path, database: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Deployment]:
    env = {"BUREAU_DATABASE": str(database), "BUREAU_SOURCES": str(sources)}
    runtime = tmp_path_factory.mktemp("proxy-runtime")
    with serving(2, f"127.0.0.1:{free_port()}", runtime, env) as running:
        yield running


def _headers(url: str) -> dict[str, str]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return {name.lower(): value for name, value in response.headers.items()}


def test_security_and_caching_headers(deployment: Deployment) -> None:
    page = _headers(f"{deployment.url}/budget")
    assert page["x-frame-options"] == "SAMEORIGIN"
    assert page["x-content-type-options"] == "nosniff"
    assert page["referrer-policy"] == "same-origin"
    policy = page["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'self'" in policy
    assert "'unsafe-eval'" not in policy
    assert page["set-cookie"].startswith("bureau_worker=")

    with urllib.request.urlopen(f"{deployment.url}/", timeout=30) as response:
        script = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', response.read().decode())
    assert script, "Streamlit's index.html names its entry bundle"
    asset = _headers(f"{deployment.url}/{script.group(1)}")
    assert "immutable" in asset["cache-control"]
    assert asset["content-encoding"] == "gzip"
    assert asset["x-content-type-options"] == "nosniff"


def _open(browser: Browser) -> tuple[BrowserContext, Page, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: problems.extend(_blocked_here(message.text)))
    return context, page, problems


def _blocked_here(console_text: str) -> list[str]:
    """A CSP violation of our own origin, inline code or eval: the policy would break the page.
    Blocked outside URLs are the policy working (the app makes no outside request; Streamlit's
    Material-icon favicon is one it tries)."""
    if "Content Security Policy" not in console_text:
        return []
    outside = re.search(r"'https?://(?!127\.0\.0\.1)[^']+'", console_text)
    return [] if outside else [console_text]


def _switch_unit(page: Page, unit: str) -> None:
    sidebar = page.locator("[data-testid=stSidebar]")
    sidebar.get_by_role("radiogroup", name="금액 단위").get_by_role("radio", name=unit).click()
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('unit') === '{unit}'")
    wait_for_page(page)


def _requests_by_session(log: Path) -> dict[str, list[re.Match[str]]]:
    by_session: dict[str, list[re.Match[str]]] = defaultdict(list)
    for line in log.read_text().splitlines():
        match = LOG_LINE.search(line)
        if match and match["path"] != "/_stcore/health":
            by_session[match["session"]].append(match)
    return by_session


def _database_files_open(pid: int, database: Path) -> set[str]:
    """What the process has open at ``database``'s path; a replaced file shows as "… (deleted)"."""
    targets = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(FileNotFoundError):  # closed while we look
            targets.add(os.readlink(fd))
    return {target for target in targets if target.startswith(str(database))}


def test_sessions_stick_to_a_worker_through_a_rebuild(
    deployment: Deployment, browser: Browser, sources: Path, database: Path
) -> None:
    sessions: list[tuple[BrowserContext, Page, list[str]]] = []
    cookies: list[str] = []
    workers_used: set[str] = set()
    try:
        while len(workers_used) < 2 and len(sessions) < MAX_SESSIONS:
            context, page, problems = _open(browser)
            sessions.append((context, page, problems))
            page.goto(f"{deployment.url}/budget")
            wait_for_page(page)
            cookies.append(next(c["value"] for c in context.cookies() if c["name"] == "bureau_worker"))
            workers_used |= {m["worker"] for m in _requests_by_session(deployment.access_log)[cookies[-1]]}
        assert len(workers_used) == 2, f"{len(sessions)} sessions all landed on {workers_used}"

        # Rebuild while the sessions change filters: a newer source, then the command staff run.
        os.utime(sources / sorted(os.listdir(sources))[0])
        env = {**os.environ, "BUREAU_SOURCES": str(sources), "BUREAU_DATABASE": str(database)}
        rebuild = subprocess.Popen(
            [sys.executable, "-m", "bureau", "build"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
        )
        for _, page, _ in sessions:
            _switch_unit(page, DISPLAY_UNITS[1].value)
        assert rebuild.wait(timeout=120) == 0, rebuild.stderr.read() if rebuild.stderr else ""
        for _, page, _ in sessions:
            _switch_unit(page, DISPLAY_UNITS[-1].value)

        for _, page, problems in sessions:
            assert page.locator("[data-testid=stPlotlyChart]").count() > 0
            assert page.locator(ERROR_BOXES).count() == 0
            assert problems == []
        # Each worker reopened the new file: none still holds the replaced (deleted) one.
        for worker in deployment.workers:
            assert _database_files_open(worker.pid, database) == {str(database)}
    finally:
        for context, _, _ in sessions:
            context.close()

    # nginx logs a websocket when it closes: wait for every session's line.
    def streams_logged() -> dict[str, list[re.Match[str]]] | None:
        by_session = _requests_by_session(deployment.access_log)
        closed = all(any(m["path"] == "/_stcore/stream" for m in by_session[c]) for c in cookies)
        return by_session if closed else None

    by_session = _poll(streams_logged)
    for cookie in cookies:
        requests = by_session[cookie]
        assert len({m["worker"] for m in requests}) == 1, f"session {cookie} moved between workers"
        assert any(m["path"] == "/_stcore/stream" and m["status"] == "101" for m in requests)
        # Streamlit's frontend first looks for its endpoints under the page's path (/budget/_stcore/…):
        # those probes' 404s are expected, any other error status is a failure.
        failed = [m.group(0) for m in requests if int(m["status"]) >= 400 and not PROBE.search(m["path"])]
        assert failed == []


def _poll(condition: Callable[[], T | None], timeout: float = 30) -> T:
    deadline = time.monotonic() + timeout
    while (result := condition()) is None:
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)  # polling a log file, not a synchronisation
    return result
