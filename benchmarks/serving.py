"""What a viewer costs the server: servers to measure, and browser sessions against them.

- ``freeze`` records a page's charts and tables (every "표로 보기" opened) as frozen data in
  ``benchmarks/frozen/<page>.json``; ``benchmarks/baseline_same.py`` builds a bare Streamlit
  page from it (the same-charts baseline).
- ``one_process`` / ``behind_proxy`` start a server (one Streamlit process as ``make run``;
  N workers behind nginx as ``make serve``) and yield a :class:`Server`.
- ``session`` is one viewer in a fresh browser context (empty cache, like a first visit):
  open a page, wait until every chart is drawn, switch the amount unit once.
- ``session_cpu`` runs sessions one at a time, round-robin over servers, and reads each
  server's CPU time from /proc around every session; ``rounds`` starts N sessions at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import os
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deploy.processes import free_port
from deploy.serve import serving
from tests.browser_support import (
    APP_IDLE,
    CHARTS_DRAWN_JS,
    CHROMIUM,
    CHROMIUM_FLAGS,
    ROOT,
    SETTLED_JS,
    TIMEOUT_MS,
    running_app,
)

FROZEN = ROOT / "benchmarks" / "frozen"
SAME_CHARTS = ROOT / "benchmarks" / "baseline_same.py"
UNIT_LABEL = "금액 단위"
ERROR_BOXES = "[data-testid=stException], [data-testid=stAlertContentError]"
#: Seconds a closed session is kept (Streamlit's default is 120 s): short, so that memory
#: "after" a round is measured once its sessions are gone.
SESSION_TTL = 5
SESSION_ARGS = ["--server.disconnectedSessionTTL", str(SESSION_TTL)]

#: Records, in the page's own clock (ms since navigation), every change of the script-run
#: state, the number of charts and of drawn charts, and whether the title is shown.
MARKS_JS = """(() => {
  window.__marks = []; window.__runsDone = 0;
  let last = '', lastState = null;
  const check = () => {
    const app = document.querySelector('[data-testid=stApp]');
    const state = app ? app.getAttribute('data-test-script-state') : null;
    if (state !== lastState) {
      if (state === 'notRunning' && lastState === 'running') window.__runsDone++;
      lastState = state;
    }
    const charts = document.querySelectorAll('div[data-testid=stPlotlyChart]');
    let drawn = 0;
    for (const chart of charts) if (chart.querySelector('.js-plotly-plot .main-svg')) drawn++;
    const title = !!document.querySelector('[data-testid=stMainBlockContainer] h1');
    const key = state + '|' + charts.length + '|' + drawn + '|' + title;
    if (key !== last) {
      last = key;
      window.__marks.push({t: performance.now(), state, charts: charts.length, drawn, title});
    }
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true,
                                                 attributeFilter: ['data-test-script-state']});
})();"""


# ----------------------------------------------------------------------------- processes


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


@dataclass
class Server:
    """A running server: where browsers go, and the Python processes doing its work (nginx's
    own CPU is not counted: it is C, and small)."""

    url: str
    pids: list[int]

    def cpu(self) -> float:
        return sum(cpu_seconds(pid) for pid in self.pids)

    def cpu_each(self) -> list[float]:
        return [cpu_seconds(pid) for pid in self.pids]

    def rss(self) -> float:
        return sum(rss_mb(pid) for pid in self.pids)


@contextlib.contextmanager
def one_process(
    env: dict[str, str], script: Path | None = None, args: tuple[str, ...] = ()
) -> Iterator[Server]:
    """One Streamlit server as ``make run`` starts it (``script``, default app.py; extra
    ``streamlit run`` options ``args``)."""
    processes: list[Any] = []
    with running_app(env, script=script, process_out=processes, args=[*SESSION_ARGS, *args]) as url:
        yield Server(url, [processes[0].pid])


@contextlib.contextmanager
def behind_proxy(env: dict[str, str], workers: int, runtime: Path) -> Iterator[Server]:
    """``workers`` Streamlit processes behind nginx, as ``make serve`` starts them."""
    with serving(workers, f"127.0.0.1:{free_port()}", runtime, env, SESSION_ARGS) as deployment:
        yield Server(deployment.url, [worker.pid for worker in deployment.workers])


# ----------------------------------------------------------------------------- frozen baseline


def freeze(slug: str, database: Path) -> dict[str, int]:
    """Write ``benchmarks/frozen/<slug>.json``: the page's default view as data (every chart's
    Plotly JSON, each chart's 표로 보기 table, the page's other tables, the unit choices)."""
    from streamlit.testing.v1 import AppTest

    from bureau.units import DISPLAY_UNITS
    from tests.reading import open_chart_tables
    from ui.nav import PAGES

    os.environ["BUREAU_DATABASE"] = str(database)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if slug != PAGES[0].slug:
        app.switch_page(f"pages/{slug}.py")
    app.run()
    open_chart_tables(app)
    views = [expander.dataframe[0] for expander in app.expander if expander.label == "표로 보기"]
    in_views = {id(element) for element in views}

    def table(element: Any) -> dict[str, Any]:
        return json.loads(element.value.to_json(orient="split", index=False, date_format="iso"))

    content = {
        "units": [mode.value for mode in DISPLAY_UNITS],
        "charts": [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")],
        "chart_tables": [table(element) for element in views],
        "tables": [table(element) for element in app.dataframe if id(element) not in in_views],
    }
    FROZEN.mkdir(exist_ok=True)
    (FROZEN / f"{slug}.json").write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return {name: len(items) for name, items in content.items() if name != "units"}


def frozen_counts(slug: str) -> dict[str, int]:
    content = json.loads((FROZEN / f"{slug}.json").read_text(encoding="utf-8"))
    return {"charts": len(content["charts"]), "tables": len(content["chart_tables"]) + len(content["tables"])}


# ----------------------------------------------------------------------------- browser sessions


@contextlib.asynccontextmanager
async def browser() -> AsyncIterator[Any]:
    """Debian's Chromium under Playwright's asyncio API (sessions run side by side)."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS, timeout=TIMEOUT_MS
        )
        try:
            yield launched
        finally:
            await launched.close()


def ready_time(marks: list[dict[str, Any]]) -> float:
    """Seconds from navigation until the last chart was drawn (or, on a page without
    charts, until the title was shown): the first mark with the final chart count drawn."""
    if not marks:
        return math.nan
    final = marks[-1]
    for mark in marks:
        if (
            mark["title"]
            and mark["charts"] == final["charts"]
            and mark["drawn"] == final["drawn"] == final["charts"]
        ):
            return mark["t"] / 1000
    return math.nan


#: At least ``n`` chart elements on the page (a busy machine can report the script run
#: finished and the content settled while the rest of a page is still arriving).
CHART_COUNT_JS = "n => document.querySelectorAll('div[data-testid=stPlotlyChart]').length >= n"


async def settled(page: Any, charts: int = 0) -> None:
    """Streamlit has finished the script run, the page holds ``charts`` charts (as many as
    the page shows in AppTest), the content has stopped moving, every chart is drawn."""
    await page.wait_for_selector(APP_IDLE, timeout=TIMEOUT_MS, state="attached")
    await page.wait_for_function(CHART_COUNT_JS, arg=charts, timeout=TIMEOUT_MS, polling=200)
    await page.wait_for_function(SETTLED_JS, timeout=TIMEOUT_MS, polling=200)
    await page.wait_for_function(CHARTS_DRAWN_JS, timeout=TIMEOUT_MS, polling=200)


async def session(browser: Any, url: str, unit: str, charts: int = 0) -> dict[str, Any]:
    """One viewer: open ``url`` (a page of ``charts`` charts) in a fresh context, then switch
    the amount unit to ``unit``.

    Returns ``ok`` and, in seconds: ``first`` (navigation → last chart drawn, page clock),
    ``server`` (the websocket opened → the first ``script_finished`` received: the server's
    share of the first render), ``rerun`` (click → the next ``script_finished``, counted on
    the websocket: a positive signal even when the running state is never painted) and
    ``opened`` (when the websocket opened, monotonic clock). A failed session is a result."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    finished: list[float] = []
    opened: list[float] = []

    def on_frame(payload: bytes | str) -> None:
        if isinstance(payload, bytes | bytearray):
            message = ForwardMsg()
            message.ParseFromString(payload)
            if message.WhichOneof("type") == "script_finished":
                finished.append(time.monotonic())

    def on_socket(socket: Any) -> None:
        opened.append(time.monotonic())
        socket.on("framereceived", on_frame)

    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    stage = "open"
    try:
        context.set_default_timeout(TIMEOUT_MS)
        await context.add_init_script(MARKS_JS)
        page = await context.new_page()
        page.on("websocket", on_socket)
        await page.goto(url)
        await settled(page, charts)
        first = ready_time(await page.evaluate("window.__marks"))
        stage = "unit switch"
        runs_before = len(finished)
        sidebar = page.locator("[data-testid=stSidebar]")
        radio = sidebar.get_by_role("radiogroup", name=UNIT_LABEL).get_by_role("radio", name=unit)
        clicked = time.monotonic()
        await radio.click()
        while len(finished) <= runs_before:
            if time.monotonic() > clicked + TIMEOUT_MS / 1000:
                raise TimeoutError("no script_finished after the unit switch")
            await asyncio.sleep(0.02)  # polls a counter filled by the websocket handler
        rerun = finished[runs_before] - clicked
        await settled(page, charts)
        errors = await page.locator(ERROR_BOXES).count()
        if errors or math.isnan(first):
            return {"ok": False, "error": f"errors={errors} first={first}"}
        return {
            "ok": True,
            "first": first,
            "server": finished[0] - opened[0],
            "rerun": rerun,
            "opened": opened[0],
        }
    except Exception as error:
        return {"ok": False, "error": f"{stage}: {type(error).__name__}: {error}"[:300]}
    finally:
        await context.close()


async def session_cpu(
    browser: Any, visits: dict[str, tuple[Server, str, int]], runs: int, unit: str
) -> dict[str, list[float]]:
    """Server CPU seconds per session for each named (server, url, charts): ``runs`` sessions
    each, one at a time, round-robin over the names, after one discarded warm-up round."""
    samples: dict[str, list[float]] = {name: [] for name in visits}
    for run in range(runs + 1):
        for name, (server, url, charts) in visits.items():
            before = server.cpu()
            result = await session(browser, url, unit, charts)
            if not result["ok"]:
                raise RuntimeError(f"{name}: {result['error']}")
            if run:
                samples[name].append(server.cpu() - before)
    return samples


async def concurrent_round(
    browser: Any, server: Server, visits: list[tuple[str, int]], unit: str
) -> dict[str, Any]:
    """``len(visits)`` sessions (url, charts) started at once (one session: three, one after another, the
    single-session reference). The server's RSS before, peak during, and after the round
    once its closed sessions have expired; its CPU time during the round, per process."""
    before, cpu_before = server.rss(), server.cpu_each()
    peak = [before]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.2):
            peak.append(server.rss())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.monotonic()
    try:
        if len(visits) == 1:
            url, charts = visits[0]
            results = [await session(browser, url, unit, charts) for _ in range(3)]
        else:
            results = list(
                await asyncio.gather(*(session(browser, url, unit, charts) for url, charts in visits))
            )
    finally:
        stop.set()
        sampler.join()
    elapsed = time.monotonic() - started
    cpu = [after - earlier for after, earlier in zip(server.cpu_each(), cpu_before)]
    await asyncio.sleep(SESSION_TTL + 5)  # closed sessions expire before "after"
    return {
        "size": len(visits),
        "results": results,
        "before": before,
        "peak": max(peak),
        "after": server.rss(),
        "elapsed": elapsed,
        "cpu": cpu,
    }
