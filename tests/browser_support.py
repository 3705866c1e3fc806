"""Start the app on a free localhost port and drive Debian's Chromium with Playwright.

Used by the browser tests (tests/e2e), scripts/screenshot.py and benchmarks/run.py.
Waits are on conditions the page exposes (Streamlit's script-run state, chart SVGs), never
on fixed sleeps, with timeouts generous enough for a busy 2-core machine.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from deploy.processes import free_port, stop, wait_healthy

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
    "--disable-dev-shm-usage",
]
CHART = "div[data-testid=stPlotlyChart] .js-plotly-plot .main-svg"
CHART_ELEMENT = "div[data-testid=stPlotlyChart]"
#: Streamlit marks its root with the script-run and connection state.
APP_IDLE = "[data-testid=stApp][data-test-script-state=notRunning][data-test-connection-state=CONNECTED]"
#: Milliseconds; a cold server on a loaded 2-core machine can take tens of seconds.
TIMEOUT_MS = 120_000


@contextlib.contextmanager
def running_app(
    env: dict[str, str] | None = None,
    script: Path | str | None = None,
    startup_timeout: float = 120,
    process_out: list[subprocess.Popen] | None = None,
    args: Sequence[str] = (),
    launcher: Sequence[str] = ("-m", "ui.serve"),
) -> Iterator[str]:
    """``app.py`` (or ``script``) on a free port, started as ``make run`` does; yields its base URL.

    The server runs in its own process group and is always stopped afterwards (terminate,
    then kill). Its output goes to a temporary log that is quoted if it fails to start.
    ``process_out``, when given, receives the Popen (for memory measurements); ``args``
    are extra ``streamlit run`` options; ``launcher`` ``("-m", "streamlit", "run")`` is bare
    Streamlit.
    """
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            *launcher,
            str(script or ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            *args,
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    if process_out is not None:
        process_out.append(process)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base_url, [process], [Path(log.name)], startup_timeout)
        yield base_url
    finally:
        stop(process)
        log.close()
        Path(log.name).unlink(missing_ok=True)


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS, timeout=TIMEOUT_MS
        )
        try:
            yield browser
        finally:
            browser.close()


def page_url(base_url: str, slug: str, query: str = "") -> str:
    """The page's URL: the first page in the menu is the app's root."""
    from ui.nav import PAGES

    path = "" if slug == PAGES[0].slug else slug
    return f"{base_url}/{path}" + (f"?{query}" if query else "")


SETTLED_JS = """() => {
    const main = document.querySelector('[data-testid=stMainBlockContainer]');
    const app = document.querySelector('[data-testid=stApp]');
    if (!main || !app || app.getAttribute('data-test-script-state') !== 'notRunning'
        || document.querySelector('[data-testid=stStatusWidget]')
        || document.querySelector('[data-stale=true]')
        || document.querySelector('[data-testid=stSkeleton]')) {
        window.__stableFor = 0;
        return false;
    }
    const height = main.scrollHeight;
    const settled = window.__lastHeight === height && (window.__stableFor || 0) >= 2;
    window.__stableFor = window.__lastHeight === height ? (window.__stableFor || 0) + 1 : 0;
    window.__lastHeight = height;
    return settled;
}"""

CHARTS_DRAWN_JS = """() => [...document.querySelectorAll('div[data-testid=stPlotlyChart]')]
    .every(chart => chart.querySelector('.js-plotly-plot .main-svg'))
    && !document.querySelector('[data-testid=stMain] [data-testid^=stSkeleton]')"""


def wait_for_page(page: Page, timeout: int = TIMEOUT_MS) -> None:
    """Wait until Streamlit has finished running the script (its root reports
    ``notRunning``, nothing is stale, no element is still a skeleton waiting for its lazily
    loaded component, such as a chart before Plotly's bundle arrives, and the content height
    has stopped changing) and every chart is drawn."""
    page.wait_for_selector(APP_IDLE, timeout=timeout, state="attached")
    page.wait_for_function(SETTLED_JS, timeout=timeout, polling=200)
    page.wait_for_function(CHARTS_DRAWN_JS, timeout=timeout, polling=200)


def content_height(page: Page) -> int:
    return int(
        page.evaluate("() => document.querySelector('[data-testid=stMainBlockContainer]').scrollHeight")
    )


def screenshot_page(
    base_url: str,
    slug: str,
    target: Path,
    width: int = 1920,
    height: int = 1080,
    query: str = "",
    browser: Browser | None = None,
) -> None:
    """A full-length screenshot: the viewport is grown to the content's height first,
    because Streamlit scrolls inside its own container. Launches Chromium unless a
    ``browser`` is given."""
    with contextlib.ExitStack() as stack:
        if browser is None:
            browser = stack.enter_context(chromium())
        context = browser.new_context(viewport={"width": width, "height": height})
        stack.callback(context.close)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(page_url(base_url, slug, query))
        wait_for_page(page)
        page.set_viewport_size({"width": width, "height": max(height, content_height(page) + 200)})
        wait_for_page(page)
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target), full_page=True)


#: Every text a Plotly chart draws (titles, axis and tick labels, bar and slice labels,
#: annotations, legend entries), each checked as a person sees it:
#: - ``small``: drawn smaller than ``minSize`` px (Plotly shrinks labels to fit a box);
#: - ``cut``: reaching past the chart's own SVG, or past the clip box of the layer it is in;
#: - ``overlap``: covering another text, or a tick label covering a bar.
#: Numbers drawn on their own markers (a map's numbered places) may touch each other.
CHART_TEXT_JS = """(minSize) => {
    const SLACK = 1;
    const visible = element => element.checkVisibility({opacityProperty: true, visibilityProperty: true});
    const box = rect => ({left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom});
    const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 * SLACK
        && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2 * SLACK;
    const beyond = (inner, outer) => Math.max(outer.left - inner.left, inner.right - outer.right,
        outer.top - inner.top, inner.bottom - outer.bottom);
    const clipBox = text => {
        for (let node = text.parentElement; node && node.tagName !== 'svg'; node = node.parentElement) {
            const reference = node.getAttribute('clip-path');
            const id = reference && reference.match(/#([^)'"]+)/);
            const rect = id && document.getElementById(id[1])?.querySelector('rect');
            if (!rect) continue;
            const ctm = node.getScreenCTM();
            const x = rect.x.baseVal.value, y = rect.y.baseVal.value;
            const corner = (px, py) => new DOMPoint(px, py).matrixTransform(ctm);
            const a = corner(x, y), b = corner(x + rect.width.baseVal.value, y + rect.height.baseVal.value);
            return {left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), right: Math.max(a.x, b.x),
                    bottom: Math.max(a.y, b.y)};
        }
        return null;
    };
    const charts = [...document.querySelectorAll('div[data-testid=stPlotlyChart] .js-plotly-plot')];
    return charts.filter(visible).map((plot, index) => {
        const frame = box(plot.querySelector('svg.main-svg').getBoundingClientRect());
        const name = plot.querySelector('.gtitle')?.textContent || `chart ${index + 1}`;
        const problems = [];
        const texts = [];
        for (const text of plot.querySelectorAll('text')) {
            const content = text.textContent.trim();
            const rect = text.getBoundingClientRect();
            if (!content || !visible(text) || rect.width === 0 || rect.height === 0) continue;
            const ctm = text.getScreenCTM();
            const size = parseFloat(getComputedStyle(text).fontSize)
                * Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c));
            const trace = text.closest('g.trace');
            const entry = {
                content, box: box(rect),
                tick: !!text.closest('g.xtick, g.ytick'),
                onMarker: !!trace && !!trace.querySelector('.points path.point'),
            };
            texts.push(entry);
            if (size < minSize - 0.01) problems.push(`small: "${content}" drawn at ${size.toFixed(1)}px`);
            const out = beyond(entry.box, frame);
            if (out > SLACK) problems.push(`cut: "${content}" reaches ${out.toFixed(0)}px past the chart`);
            const clip = clipBox(text);
            const clipped = clip ? beyond(entry.box, clip) : 0;
            if (clipped > SLACK) problems.push(`cut: "${content}" clipped by ${clipped.toFixed(0)}px`);
        }
        texts.forEach((a, i) => texts.slice(i + 1).forEach(b => {
            if (overlap(a.box, b.box) && !(a.onMarker && b.onMarker))
                problems.push(`overlap: "${a.content}" and "${b.content}"`);
        }));
        const bars = [...plot.querySelectorAll('g.trace.bars path')].filter(visible)
            .map(bar => box(bar.getBoundingClientRect())).filter(bar => bar.right > bar.left);
        texts.filter(text => text.tick).forEach(text => {
            if (bars.some(bar => overlap(text.box, bar)))
                problems.push(`overlap: tick "${text.content}" and a bar`);
        });
        return {name, texts: texts.length, problems};
    });
}"""


def chart_text_problems(page: Page, min_size: float) -> dict[str, list[str]]:
    """Per visible chart (by title), the texts drawn too small, cut or overlapping (see
    ``CHART_TEXT_JS``); every chart is listed, with no problems when it reads well."""
    found = page.evaluate(CHART_TEXT_JS, min_size)
    return {f"{index + 1}. {chart['name']}": chart["problems"] for index, chart in enumerate(found)}
