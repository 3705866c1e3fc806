"""Performance benchmark of the dashboard; writes benchmarks/RESULTS.md.

    python benchmarks/run.py            # full run (about 10–15 minutes on 2 cores)
    python benchmarks/run.py --quick    # fewer repetitions, for trying changes

Not part of the test suite: nothing here asserts a time. Every page in ui.nav.PAGES is
measured, so pages added later are included. Sections: the database build (cold), each
page's script run server side (AppTest, cold and warm), navigation → last chart visible in
Chromium against bare Streamlit baselines, concurrent sessions with the server's memory,
and a synthetic ten-year quarterly history against the real data.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import generate  # noqa: E402
from bureau import paths  # noqa: E402
from bureau.build import build  # noqa: E402
from bureau.units import DISPLAY_UNITS  # noqa: E402
from tests.browser_support import (  # noqa: E402
    APP_IDLE,
    CHARTS_DRAWN_JS,
    SETTLED_JS,
    TIMEOUT_MS,
    chromium,
    page_url,
    running_app,
    wait_for_page,
)
from ui.nav import PAGES  # noqa: E402

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
BASELINES = {
    "title": ROOT / "benchmarks" / "baseline_title.py",
    "plotly": ROOT / "benchmarks" / "baseline_plotly.py",
}
ERROR_BOXES = "[data-testid=stException], [data-testid=stAlertContentError]"
#: Seconds a disconnected session is kept by the benchmark server (Streamlit's default is
#: 120 s); short so that "after" memory is measured once closed sessions are gone.
SESSION_TTL = 5

# Targets from the issue.
BUILD_TARGET_S = 1.0
WARM_PAGE_TARGET_MS = 200.0
LAST_CHART_RATIO = 1.3
CONCURRENCY_RATIO = 3.0
SCALE_RATIO = 2.0
MEMORY_GROWTH = 0.05

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


# ----------------------------------------------------------------------------- helpers


def median(values: list[float]) -> float:
    return statistics.median(values) if values else math.nan


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0–100)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    return "–" if math.isnan(seconds) else f"{seconds * 1000:,.0f} ms"


def ratio(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.2f}×"


def verdict(met: bool | None) -> str:
    return {True: "**met**", False: "**missed**", None: "not measured"}[met]


def rss_mb(pid: int) -> float:
    """Resident memory of one process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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


def env_for(database: Path) -> dict[str, str]:
    return {"BUREAU_DATABASE": str(database), "BUREAU_SOURCES": str(paths.sources_dir())}


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    targets: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.add("| " + " | ".join(header) + " |", "|" + "---|" * len(header))
        self.add(*("| " + " | ".join(row) + " |" for row in rows))
        self.add("")

    def target(self, name: str, measured: str, met: bool | None, note: str = "") -> None:
        self.targets.append((name, measured, verdict(met), note))


LOAD: list[list[str]] = []


def section(report: Report, title: str, run: Callable[[], None]) -> None:
    print(f"== {title}", flush=True)
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    try:
        run()
    except Exception:
        report.add(f"**{title} failed:**", "", "```", traceback.format_exc()[-3000:], "```", "")
        print(traceback.format_exc(), file=sys.stderr)
    took = time.monotonic() - started
    LOAD.append([title, f"{took:.0f} s", f"{load_before:.2f}", f"{os.getloadavg()[0]:.2f}"])
    print(f"   {took:.0f} s", flush=True)


# ----------------------------------------------------------------------------- build


_BUILD_CODE = """
import sys, time
from pathlib import Path
from bureau.build import build  # noqa: E402
started = time.perf_counter()
build(Path(sys.argv[1]), Path(sys.argv[2]))
print(time.perf_counter() - started)
"""


def time_build(sources: Path, work: Path, runs: int) -> dict[str, list[float]]:
    """Each run in a fresh process into a new file: ``build()`` alone and the whole
    ``python -m bureau build`` command (interpreter start and imports included)."""
    inside, command = [], []
    for run in range(runs):
        database = work / f"build-{run}.duckdb"
        output = subprocess.run(
            [sys.executable, "-c", _BUILD_CODE, str(sources), str(database)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        inside.append(float(output.stdout.strip().splitlines()[-1]))
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bureau", "build", "--sources", str(sources), "--database", str(database)],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        command.append(time.perf_counter() - started)
    return {"build": inside, "command": command}


# ----------------------------------------------------------------------------- AppTest


def apptest_worker(slug: str, database: str, runs: int) -> None:
    """In a fresh process: the page's first run (cold caches) and ``runs`` warm runs."""
    os.environ["BUREAU_DATABASE"] = database
    import pandas  # noqa: F401  (the server has these loaded before any page runs)
    import plotly.graph_objects  # noqa: F401
    from streamlit.testing.v1 import AppTest

    times, cpu, charts, spec_bytes = [], [], 0, 0
    for _ in range(runs + 1):
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        if slug != PAGES[0].slug:
            app.switch_page(f"pages/{slug}.py")
        started, started_cpu = time.perf_counter(), time.process_time()
        app.run()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        if app.exception:
            raise RuntimeError([error.message for error in app.exception])
        figures = app.get("plotly_chart")
        charts, spec_bytes = len(figures), sum(len(figure.proto.spec) for figure in figures)
    print(
        json.dumps(
            {
                "cold": times[0],
                "warm": times[1:],
                "warm_cpu": cpu[1:],
                "charts": charts,
                "spec_bytes": spec_bytes,
            }
        )
    )


def time_pages(database: Path, processes: int, runs: int) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    for page in PAGES:
        cold, warm, warm_cpu, charts, spec = [], [], [], 0, 0
        for _ in range(processes):
            output = subprocess.run(
                [sys.executable, __file__, "--apptest-worker", page.slug, str(database), str(runs)],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            if output.returncode:
                raise RuntimeError(f"{page.slug}: {output.stderr[-2000:]}")
            data = json.loads(output.stdout.strip().splitlines()[-1])
            cold.append(data["cold"])
            warm.extend(data["warm"])
            warm_cpu.extend(data["warm_cpu"])
            charts, spec = data["charts"], data["spec_bytes"]
        results[page.slug] = {
            "cold": cold,
            "warm": warm,
            "warm_cpu": warm_cpu,
            "charts": charts,
            "spec_bytes": spec,
        }
        print(f"   {page.slug}: cold {ms(median(cold))}, warm {ms(median(warm))}", flush=True)
    return results


# ----------------------------------------------------------------------------- browser


def browser_sample(browser: Any, url: str) -> dict[str, Any]:
    """One visit in a fresh browser context (empty cache, like a first visit)."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script(MARKS_JS)
        page = context.new_page()
        page.goto(url)
        wait_for_page(page)
        marks = page.evaluate("window.__marks")
        errors = page.locator(ERROR_BOXES).count()
        return {"ready": ready_time(marks), "charts": marks[-1]["charts"], "errors": errors}
    finally:
        context.close()


@contextlib.contextmanager
def servers(targets: dict[str, tuple[Path | None, dict[str, str]]]) -> Iterator[dict[str, str]]:
    """Start one server per target (script, env) at once; yields their base URLs."""
    with contextlib.ExitStack() as stack:
        yield {
            name: stack.enter_context(running_app(env, script=script))
            for name, (script, env) in targets.items()
        }


def time_browser(browser: Any, database: Path, runs: int, with_baselines: bool) -> dict[str, dict[str, Any]]:
    """Navigation → last chart visible, every page (and the baselines), samples
    interleaved round-robin so that load from elsewhere affects all alike."""
    targets: dict[str, tuple[Path | None, dict[str, str]]] = {"app": (None, env_for(database))}
    if with_baselines:
        targets.update({f"baseline:{name}": (script, {}) for name, script in BASELINES.items()})
    with servers(targets) as urls:
        visits = {f"baseline:{name}": urls[f"baseline:{name}"] for name in BASELINES if with_baselines}
        visits.update({page.slug: page_url(urls["app"], page.slug) for page in PAGES})
        samples: dict[str, dict[str, Any]] = {
            name: {"ready": [], "charts": 0, "errors": 0} for name in visits
        }
        for run in range(runs + 1):  # the first round warms servers and imports: discarded
            for name, url in visits.items():
                sample = browser_sample(browser, url)
                if run:
                    samples[name]["ready"].append(sample["ready"])
                samples[name]["charts"] = sample["charts"]
                samples[name]["errors"] += sample["errors"]
        for name, data in samples.items():
            print(f"   {name}: {ms(median(data['ready']))} ({data['charts']} charts)", flush=True)
        return samples


# ----------------------------------------------------------------------------- concurrency


async def _wait_async(page: Any) -> None:
    await page.wait_for_selector(APP_IDLE, timeout=TIMEOUT_MS, state="attached")
    await page.wait_for_function(SETTLED_JS, timeout=TIMEOUT_MS, polling=200)
    await page.wait_for_function(CHARTS_DRAWN_JS, timeout=TIMEOUT_MS, polling=200)


async def _session(browser: Any, url: str, unit: str) -> dict[str, Any]:
    """Open a page, then change the unit filter. First render in the page's clock; the
    rerun from the click until the server's ``script_finished`` message arrives (counted
    on the websocket: a positive signal even when the running state is never painted)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    finished: list[float] = []
    opened: list[float] = []

    def on_frame(payload: bytes | str) -> None:
        if isinstance(payload, bytes | bytearray):
            message = ForwardMsg()
            message.ParseFromString(payload)
            if message.WhichOneof("type") == "script_finished":
                finished.append(time.monotonic())

    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    stage = "open"
    try:
        context.set_default_timeout(TIMEOUT_MS)
        await context.add_init_script(MARKS_JS)
        page = await context.new_page()

        def on_socket(socket: Any) -> None:
            opened.append(time.monotonic())
            socket.on("framereceived", on_frame)

        page.on("websocket", on_socket)
        await page.goto(url)
        await _wait_async(page)
        first = ready_time(await page.evaluate("window.__marks"))
        stage = "filter"
        runs_before = len(finished)
        sidebar = page.locator("[data-testid=stSidebar]")
        radio = sidebar.get_by_role("radiogroup", name="금액 단위").get_by_role("radio", name=unit)
        clicked = time.monotonic()
        await radio.click()
        deadline = clicked + TIMEOUT_MS / 1000
        while len(finished) <= runs_before:
            if time.monotonic() > deadline:
                raise TimeoutError("no script_finished after the filter change")
            await asyncio.sleep(0.02)  # polls a counter filled by the websocket handler
        rerun = finished[runs_before] - clicked
        await _wait_async(page)
        errors = await page.locator(ERROR_BOXES).count()
        if errors or math.isnan(first):
            return {"ok": False, "error": f"errors={errors} first={first}"}
        server = finished[0] - opened[0]
        return {"ok": True, "first": first, "rerun": rerun, "server": server}
    except Exception as error:  # a failed session is a result, not a crash
        return {"ok": False, "error": f"{stage}: {type(error).__name__}: {error}"[:300]}
    finally:
        await context.close()


async def _round(browser: Any, urls: list[str], unit: str) -> list[dict[str, Any]]:
    return await asyncio.gather(*(_session(browser, url, unit) for url in urls))


def time_concurrency(database: Path, levels: list[int], repeat_top: int) -> dict[str, Any]:
    """Rounds of N simultaneous sessions (browser contexts in one Chromium), the server's
    RSS before, peak during and after each round (after closed sessions have expired)."""
    from playwright.async_api import async_playwright

    from tests.browser_support import CHROMIUM, CHROMIUM_FLAGS

    unit = DISPLAY_UNITS[1].value
    processes: list[subprocess.Popen] = []
    rounds: list[dict[str, Any]] = []
    with running_app(
        env_for(database),
        process_out=processes,
        args=["--server.disconnectedSessionTTL", str(SESSION_TTL)],
    ) as base_url:
        pid = processes[0].pid
        pages = [page_url(base_url, page.slug) for page in PAGES]

        async def main() -> None:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(
                    executable_path=CHROMIUM, args=CHROMIUM_FLAGS, timeout=TIMEOUT_MS
                )
                # A context per session (own renderer, empty cache). Tried: all sessions as tabs
                # of one context sharing a warm cache; p95 was worse (43 s against 28 s at 20
                # sessions), the tabs' renderers contend with each other.
                try:
                    # warm-up: one session per page, then a single-session reference (3 in a row)
                    for url in pages:
                        await _session(browser, url, unit)
                    schedule = [1, *levels, *[levels[-1]] * repeat_top]
                    for size in schedule:
                        before = rss_mb(pid)
                        cpu_before = cpu_seconds(pid)
                        peak = [before]
                        stop = threading.Event()

                        def sample(peak: list[float] = peak, stop: threading.Event = stop) -> None:
                            while not stop.wait(0.2):
                                peak.append(rss_mb(pid))

                        sampler = threading.Thread(target=sample, daemon=True)
                        sampler.start()
                        started = time.monotonic()
                        if size == 1:
                            results = []
                            for index in range(3):
                                results += await _round(browser, [pages[index % len(pages)]], unit)
                        else:
                            results = await _round(
                                browser, [pages[i % len(pages)] for i in range(size)], unit
                            )
                        elapsed = time.monotonic() - started
                        cpu = cpu_seconds(pid) - cpu_before
                        stop.set()
                        sampler.join()
                        await asyncio.sleep(SESSION_TTL + 5)  # let closed sessions expire before "after"
                        after = rss_mb(pid)
                        rounds.append(
                            {
                                "size": size,
                                "results": results,
                                "before": before,
                                "peak": max(peak),
                                "after": after,
                                "elapsed": elapsed,
                                "cpu": cpu,
                            }
                        )
                        ok = [r for r in results if r["ok"]]
                        print(
                            f"   {size:>2} sessions: {len(ok)}/{len(results)} ok, first p95 "
                            f"{ms(percentile([r['first'] for r in ok], 95))}, RSS {before:.0f}→"
                            f"{max(peak):.0f}→{after:.0f} MB",
                            flush=True,
                        )
                finally:
                    await browser.close()

        asyncio.run(main())
    return {"rounds": rounds}


# ----------------------------------------------------------------------------- report


def machine() -> str:
    load = os.getloadavg()
    return (
        f"{platform.node()} · {os.cpu_count()} CPUs · Python {platform.python_version()} · "
        f"load average (1, 5, 15 min) at the start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )


def run_all(args: argparse.Namespace) -> None:
    quick = args.quick
    report = Report()
    started = time.monotonic()
    start_time = datetime.now(UTC)
    host = machine()
    work = Path(tempfile.mkdtemp(prefix="bureau-bench-"))
    sources = paths.sources_dir()
    real_db = work / "real" / "bureau.duckdb"
    build(sources, real_db)
    synthetic_sources = work / "synthetic-sources"
    synthetic_db = work / "synthetic" / "bureau.duckdb"
    data: dict[str, Any] = {}

    def do_build() -> None:
        data["build"] = time_build(sources, work, 3 if quick else 5)

    def do_apptest() -> None:
        data["pages"] = time_pages(real_db, 1 if quick else 3, 3 if quick else 5)

    def do_browser() -> None:
        with chromium() as browser:
            data["browser"] = time_browser(browser, real_db, 2 if quick else 5, with_baselines=True)

    def do_concurrency() -> None:
        levels = [5, 10] if quick else [5, 10, 20]
        data["concurrency"] = time_concurrency(real_db, levels, 1 if quick else 2)

    def do_scale() -> None:
        rows = generate(sources, synthetic_sources, reports=40)
        data["synthetic_rows"] = rows
        data["synthetic_build"] = time_build(synthetic_sources, work, 3 if quick else 5)
        build(synthetic_sources, synthetic_db)
        data["synthetic_pages"] = time_pages(synthetic_db, 1 if quick else 2, 3 if quick else 5)
        with chromium() as browser:
            data["synthetic_browser"] = time_browser(browser, synthetic_db, 2 if quick else 3, False)
            data["real_browser_again"] = time_browser(browser, real_db, 2 if quick else 3, False)

    section(report, "Build", do_build)
    section(report, "Page scripts (AppTest)", do_apptest)
    section(report, "Browser", do_browser)
    section(report, "Concurrency", do_concurrency)
    section(report, "Scale", do_scale)
    write(report, data, start_time, time.monotonic() - started, quick, host)


def write(
    report: Report, data: dict[str, Any], start_time: datetime, elapsed: float, quick: bool, host: str
) -> None:
    body = Report()
    # Build
    if "build" in data:
        inside, command = data["build"]["build"], data["build"]["command"]
        body.add("## Database build (cold)", "")
        body.add(
            "Each run in a fresh Python process building data/sources into a new file: `build()` "
            "alone (validate, load, checks, write, swap) and the whole `python -m bureau build` "
            "command including interpreter start-up and imports.",
            "",
        )
        body.table(
            ["", "median", "min", "max", "runs"],
            [
                ["build()", ms(median(inside)), ms(min(inside)), ms(max(inside)), str(len(inside))],
                [
                    "python -m bureau build",
                    ms(median(command)),
                    ms(min(command)),
                    ms(max(command)),
                    str(len(command)),
                ],
            ],
        )
        report.target(
            "Build under 1 s (cold, `build()`)",
            f"{ms(median(inside))} = {ratio(median(inside) / BUILD_TARGET_S)} of 1 s",
            median(inside) < BUILD_TARGET_S,
            f"whole command incl. Python start-up: {ms(median(command))}",
        )
    # AppTest
    if "pages" in data:
        pages = data["pages"]
        body.add("## Page scripts, server side (AppTest)", "")
        body.add(
            "`AppTest.from_file(app.py)` switched to the page, one `run()` timed. *Cold*: the first run "
            "in a fresh process (empty Streamlit caches; pandas and Plotly already imported, as in "
            "a running server). *Warm*: later runs in the same process; *warm CPU*: the process's CPU time "
            "for the same runs (all threads), which other load on the machine inflates much less than "
            "wall time. Charts and the size of their "
            "Plotly JSON are what the browser has to draw.",
            "",
        )
        body.table(
            ["page", "cold median", "warm median", "warm p95", "warm CPU median", "charts", "chart JSON"],
            [
                [
                    slug,
                    ms(median(page["cold"])),
                    ms(median(page["warm"])),
                    ms(percentile(page["warm"], 95)),
                    ms(median(page["warm_cpu"])),
                    str(page["charts"]),
                    f"{page['spec_bytes'] / 1024:,.1f} KiB",
                ]
                for slug, page in pages.items()
            ],
        )
        worst = max(pages, key=lambda slug: median(pages[slug]["warm"]))
        worst_ms = median(pages[worst]["warm"])
        report.target(
            "Every warm page script run under 200 ms (median)",
            f"slowest: {worst} {ms(worst_ms)} = {ratio(worst_ms * 1000 / WARM_PAGE_TARGET_MS)} of 200 ms",
            all(median(page["warm"]) * 1000 < WARM_PAGE_TARGET_MS for page in pages.values()),
            f"CPU time of the slowest: {ms(median(pages[worst]['warm_cpu']))} (wall time counts "
            "waiting for a CPU when the machine is busy; see Machine load)",
        )
    # Browser
    if "browser" in data:
        samples = data["browser"]
        plotly_base = median(samples["baseline:plotly"]["ready"])
        title_base = median(samples["baseline:title"]["ready"])
        body.add("## Browser: navigation → last chart visible", "")
        body.add(
            "Headless Chromium, 1920×1080, a fresh browser context per visit (empty cache, like a "
            "first visit). Time in the page's own clock from navigation start until the last chart's "
            "SVG is drawn (title shown, for a page without charts). Samples interleaved round-robin "
            "over the pages and the two bare baselines (`benchmarks/baseline_*.py`, each its own "
            "server); first round discarded.",
            "",
        )
        rows = []
        for name, sample in samples.items():
            value = median(sample["ready"])
            rows.append(
                [
                    name,
                    ms(value),
                    ms(percentile(sample["ready"], 95)),
                    str(sample["charts"]),
                    ratio(value / plotly_base),
                    str(len(sample["ready"])),
                ]
            )
        body.table(["page", "median", "p95", "charts", "÷ plotly baseline", "runs"], rows)
        body.add(
            f"Bare baselines: title-only page {ms(title_base)}, one small Plotly chart {ms(plotly_base)}; "
            f"Plotly's JavaScript accounts for the difference, {ms(plotly_base - title_base)}.",
            "",
        )
        app_pages = {slug: median(samples[slug]["ready"]) for slug in (page.slug for page in PAGES)}
        worst = max(app_pages, key=app_pages.get)
        report.target(
            "Last chart visible within 1.3× of a bare page with one Plotly chart",
            f"slowest: {worst} {ms(app_pages[worst])} = {ratio(app_pages[worst] / plotly_base)} "
            f"(baseline {ms(plotly_base)})",
            all(value <= LAST_CHART_RATIO * plotly_base for value in app_pages.values()),
        )
    # Concurrency
    if "concurrency" in data:
        rounds = data["concurrency"]["rounds"]
        body.add("## Concurrency", "")
        body.add(
            "N sessions started at once, each a browser context (empty cache) in one Chromium process: "
            "open a page "
            f"(pages taken in turn), then switch the unit filter to {DISPLAY_UNITS[1].value}. *First "
            "render*: navigation → last chart drawn (page clock); *rerun*: click → the server's "
            "`script_finished` message received by the browser; *server first run*: the session's "
            "websocket opened → its first `script_finished` (the server's share of the first render). "
            "The 1-session row is three sessions one after another (the single-session reference). "
            f"Server RSS (from /proc) before the round, peak during it, and after it once the closed "
            f"sessions have expired (server started with `server.disconnectedSessionTTL={SESSION_TTL}`; "
            "the default 120 s only delays the release). *Server CPU*: user+system time the server "
            "process used during the round (from /proc); the rest of the round's 2 × wall-clock "
            "CPU went to Chromium, which runs on the same 2 cores.",
            "",
        )
        rows = []
        for item in rounds:
            ok = [r for r in item["results"] if r["ok"]]
            first = [r["first"] for r in ok]
            rerun = [r["rerun"] for r in ok]
            server = [r["server"] for r in ok]
            rows.append(
                [
                    str(item["size"]),
                    f"{len(item['results']) - len(ok)}",
                    ms(median(first)),
                    ms(percentile(first, 95)),
                    ms(median(server)),
                    ms(percentile(server, 95)),
                    ms(median(rerun)),
                    ms(percentile(rerun, 95)),
                    f"{item['before']:.0f}",
                    f"{item['peak']:.0f}",
                    f"{item['after']:.0f}",
                    f"{item['elapsed']:.1f} s",
                    f"{item['cpu']:.1f} s ({item['cpu'] / len(item['results']):.2f} s each)",
                ]
            )
        body.table(
            [
                "sessions",
                "failed",
                "first render p50",
                "first render p95",
                "server first run p50",
                "server first run p95",
                "rerun p50",
                "rerun p95",
                "RSS before (MB)",
                "peak",
                "after",
                "round",
                "server CPU",
            ],
            rows,
        )
        failures = [r["error"] for item in rounds for r in item["results"] if not r["ok"]]
        if failures:
            body.add("Failed sessions:", "", *(f"- {error}" for error in failures[:20]), "")
        single = median([r["first"] for r in rounds[0]["results"] if r["ok"]])
        top = max(item["size"] for item in rounds)
        top_rounds = [item for item in rounds if item["size"] == top]
        first_top = top_rounds[0]
        top_ok = [r["first"] for r in first_top["results"] if r["ok"]]
        top_failed = sum(not r["ok"] for item in top_rounds for r in item["results"])
        p95 = percentile(top_ok, 95)
        single_server = median([r["server"] for r in rounds[0]["results"] if r["ok"]])
        server_p95 = percentile([r["server"] for r in first_top["results"] if r["ok"]], 95)
        report.target(
            f"{top} concurrent sessions: none failed, p95 first render within 3× of one session",
            f"{top_failed} failed; p95 {ms(p95)} = {ratio(p95 / single)} of single {ms(single)}",
            top_failed == 0 and p95 <= CONCURRENCY_RATIO * single,
            f"server's share (websocket → first run finished): p95 {ms(server_p95)} = "
            f"{ratio(server_p95 / single_server)} of single {ms(single_server)}",
        )
        afters = [item["after"] for item in top_rounds]
        growth = (afters[-1] - afters[0]) / afters[0] if len(afters) > 1 else math.nan
        report.target(
            "No memory growth across session rounds",
            f"RSS after each {top}-session round: "
            + " → ".join(f"{value:.0f}" for value in afters)
            + f" MB ({growth:+.1%})",
            None if math.isnan(growth) else growth <= MEMORY_GROWTH,
            f"met = growth from the first to the last {top}-session round ≤ {MEMORY_GROWTH:.0%}",
        )
    # Scale
    if "synthetic_pages" in data:
        rows_total = sum(data["synthetic_rows"].values())
        body.add("## Scale: ten years of quarterly reports", "")
        body.add(
            f"`benchmarks/synthetic.py` writes 40 quarterly reports made from data/sources ({rows_total:,} "
            "rows over every table of `bureau.schema.TABLES`): dates moved back a quarter at a time, "
            "integer figures multiplied by 1–3 (exactly, so every check still passes). The default view "
            "is the latest report, as with the real data; the period selector then offers 40 dates.",
            "",
        )
        real_build = median(data["build"]["build"]) if "build" in data else math.nan
        synthetic_build = median(data["synthetic_build"]["build"])
        body.table(
            ["", "real", "synthetic", "ratio"],
            [
                ["build() median", ms(real_build), ms(synthetic_build), ratio(synthetic_build / real_build)],
            ],
        )
        rows = []
        ratios = []
        for page in PAGES:
            real = median(data["pages"][page.slug]["warm"]) if "pages" in data else math.nan
            synthetic = median(data["synthetic_pages"][page.slug]["warm"])
            real_browser = median(data.get("real_browser_again", {}).get(page.slug, {}).get("ready", []))
            synthetic_browser = median(data.get("synthetic_browser", {}).get(page.slug, {}).get("ready", []))
            ratios += [synthetic / real, synthetic_browser / real_browser]
            rows.append(
                [
                    page.slug,
                    ms(real),
                    ms(synthetic),
                    ratio(synthetic / real),
                    ms(real_browser),
                    ms(synthetic_browser),
                    ratio(synthetic_browser / real_browser),
                ]
            )
        body.table(
            [
                "page",
                "warm script, real",
                "synthetic",
                "ratio",
                "last chart, real",
                "synthetic",
                "ratio",
            ],
            rows,
        )
        valid = [value for value in ratios if not math.isnan(value)]
        report.target(
            "Page times with the synthetic history within 2× of the real data",
            f"worst ratio {ratio(max(valid) if valid else math.nan)} (script and browser); "
            f"build {ratio(synthetic_build / real_build)}",
            bool(valid) and max(valid) <= SCALE_RATIO,
        )

    head = [
        "# Performance benchmark results",
        "",
        f"Written by `python benchmarks/run.py{' --quick' if quick else ''}` on "
        f"{start_time:%Y-%m-%d %H:%M} UTC in {elapsed / 60:.1f} min. {host}. "
        f"Pages: {', '.join(page.slug for page in PAGES)}. Nothing in the test suite asserts a time.",
        "",
        "## Targets",
        "",
        "Each ratio is measured in this run against its baseline in this run.",
        "",
        "| target | measured | result | note |",
        "|---|---|---|---|",
        *(f"| {name} | {measured} | {met} | {note} |" for name, measured, met, note in report.targets),
        "",
    ]
    body.add("## Machine load", "")
    body.add(
        "The machine is shared: the 1-minute load average at the start and end of each section "
        "(2 CPUs; above 2 means work was queueing, which inflates every time above).",
        "",
    )
    body.table(["section", "took", "load at start", "load at end"], LOAD)
    notes = ROOT / "benchmarks" / "NOTES.md"
    tail = ["", notes.read_text(encoding="utf-8")] if notes.exists() else []
    RESULTS.write_text("\n".join(head + body.lines + report.lines + tail) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument(
        "--apptest-worker", nargs=3, metavar=("SLUG", "DATABASE", "RUNS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.apptest_worker:
        slug, database, runs = args.apptest_worker
        apptest_worker(slug, database, int(runs))
        return
    run_all(args)


if __name__ == "__main__":
    main()
