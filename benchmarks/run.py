"""Performance benchmark of the dashboard; writes benchmarks/RESULTS.md.

    python benchmarks/run.py            # full run (about half an hour on 2 cores); RESULTS.md
    python benchmarks/run.py --quick    # fewer repetitions and sessions, for trying changes;
                                        # writes test-artifacts/benchmark-quick.md
    python benchmarks/run.py --freeze   # re-record benchmarks/frozen/ (the bare baseline's data)

Not part of the test suite: nothing here asserts a time. Every page in ui.nav.PAGES is
measured, so pages added later are included. Sections, all in one run and each against its
baseline measured in the same run: the database build (cold); each page's script run server
side (AppTest, cold and warm) against a hello-world page; server CPU per viewer session
against a bare Streamlit page with the same charts and tables; navigation → last chart
visible in Chromium against a bare one-chart page; 1 to 40 concurrent sessions against one
process and against two behind nginx, with the servers' memory across rounds; a synthetic
ten-year quarterly history against the real data.
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
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import serving  # noqa: E402
from benchmarks.synthetic import generate  # noqa: E402
from bureau import paths  # noqa: E402
from bureau.build import build  # noqa: E402
from bureau.units import DISPLAY_UNITS  # noqa: E402
from tests.browser_support import TIMEOUT_MS, chromium, page_url, running_app, wait_for_page  # noqa: E402
from ui.nav import PAGES  # noqa: E402

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
QUICK_RESULTS = ROOT / "test-artifacts" / "benchmark-quick.md"
NOTES = ROOT / "benchmarks" / "NOTES.md"
HELLO = ROOT / "benchmarks" / "baseline_title.py"
BASELINES = {"title": HELLO, "plotly": ROOT / "benchmarks" / "baseline_plotly.py"}
#: The pages measured against the bare same-charts baseline (the issue's two).
SAME_CHARTS_PAGES = ("budget", "overview")
PROXY_WORKERS = 2
#: The bare same-charts page with the app's .streamlit/config.toml (the target's baseline),
#: and with Streamlit's default garbage collection after every script run (for reference:
#: the app's config turns it off).
BARE_VARIANTS: dict[str, tuple[str, ...]] = {"bare": (), "bare-gc": ("--runner.postScriptGC", "true")}

# Targets from the issues.
BUILD_TARGET_S = 1.0
WARM_PAGE_TARGET_MS = 200.0
WARM_HELLO_RATIO = 3.0
SESSION_CPU_RATIO = 0.65
LAST_CHART_RATIO = 1.3
SERVER_SHARE_RATIO = 3.0
ONE_PROCESS_SESSIONS = 20
PROXY_SESSIONS = 40
SCALE_RATIO = 2.0
MEMORY_GROWTH = 0.05


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


def secs(seconds: float) -> str:
    return "–" if math.isnan(seconds) else f"{seconds:.2f} s"


def ratio(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.2f}×"


def verdict(met: bool | None) -> str:
    return {True: "**met**", False: "**missed**", None: "not measured"}[met]


def env_for(database: Path) -> dict[str, str]:
    return {"BUREAU_DATABASE": str(database), "BUREAU_SOURCES": str(paths.sources_dir())}


def switch_unit() -> str:
    """The unit every session switches to: the first one that is not the default."""
    return DISPLAY_UNITS[1].value


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    targets: list[tuple[str, str, str, str]] = field(default_factory=list)
    load: list[list[str]] = field(default_factory=list)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.add("| " + " | ".join(header) + " |", "|" + "---|" * len(header))
        self.add(*("| " + " | ".join(row) + " |" for row in rows))
        self.add("")

    def target(self, name: str, measured: str, met: bool | None, note: str = "") -> None:
        self.targets.append((name, measured, verdict(met), note))


def section(report: Report, title: str, run: Callable[[], None]) -> None:
    """Run one section; a failure is written into the results, and the run goes on."""
    print(f"== {title}", flush=True)
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    try:
        run()
    except Exception:
        report.add(f"**{title} failed:**", "", "```", traceback.format_exc()[-3000:], "```", "")
        print(traceback.format_exc(), file=sys.stderr)
    took = time.monotonic() - started
    report.load.append([title, f"{took:.0f} s", f"{load_before:.2f}", f"{os.getloadavg()[0]:.2f}"])
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


def apptest_worker(target: str, database: str, runs: int) -> None:
    """In a fresh process: the first run of a page (a slug) or of a script (a path), with
    cold caches, then ``runs`` warm runs, each in a new AppTest (a new session)."""
    os.environ["BUREAU_DATABASE"] = database
    import pandas  # noqa: F401  (the server has these loaded before any page runs)
    import plotly.graph_objects  # noqa: F401
    from streamlit.testing.v1 import AppTest

    times, cpu, charts, spec_bytes, tables = [], [], 0, 0, 0
    for _ in range(runs + 1):
        if target.endswith(".py"):
            app = AppTest.from_file(target, default_timeout=120)
        else:
            app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            if target != PAGES[0].slug:
                app.switch_page(f"pages/{target}.py")
        started, started_cpu = time.perf_counter(), time.process_time()
        app.run()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        if app.exception:
            raise RuntimeError([error.message for error in app.exception])
        figures = app.get("plotly_chart")
        charts, spec_bytes = len(figures), sum(len(figure.proto.spec) for figure in figures)
        tables = len(app.dataframe)
    result = {"cold": times[0], "warm": times[1:], "warm_cpu": cpu[1:], "charts": charts}
    print(json.dumps({**result, "spec_bytes": spec_bytes, "tables": tables}))


def time_pages(database: Path, processes: int, runs: int, hello: bool) -> dict[str, dict[str, Any]]:
    """Every page (and the hello-world page), ``processes`` fresh processes each."""
    targets = [page.slug for page in PAGES] + ([str(HELLO)] if hello else [])
    results: dict[str, dict[str, Any]] = {}
    for target in targets:
        name = "hello world" if target == str(HELLO) else target
        merged: dict[str, Any] = {"cold": [], "warm": [], "warm_cpu": []}
        for _ in range(processes):
            output = subprocess.run(
                [sys.executable, __file__, "--apptest-worker", target, str(database), str(runs)],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            if output.returncode:
                raise RuntimeError(f"{name}: {output.stderr[-2000:]}")
            data = json.loads(output.stdout.strip().splitlines()[-1])
            merged["cold"].append(data["cold"])
            merged["warm"] += data["warm"]
            merged["warm_cpu"] += data["warm_cpu"]
            merged.update({key: data[key] for key in ("charts", "spec_bytes", "tables")})
        results[name] = merged
        print(f"   {name}: cold {ms(median(merged['cold']))}, warm {ms(median(merged['warm']))}", flush=True)
    return results


# ----------------------------------------------------------------------------- browser


def browser_sample(browser: Any, url: str, charts: int) -> dict[str, Any]:
    """One visit in a fresh browser context (empty cache, like a first visit) of a page
    that shows ``charts`` charts."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script(serving.MARKS_JS)
        page = context.new_page()
        page.goto(url)
        wait_for_page(page)
        page.wait_for_function(serving.CHART_COUNT_JS, arg=charts, polling=200)
        wait_for_page(page)
        marks = page.evaluate("window.__marks")
        errors = page.locator(serving.ERROR_BOXES).count()
        return {"ready": serving.ready_time(marks), "charts": marks[-1]["charts"], "errors": errors}
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


def time_browser(
    browser: Any, database: Path, runs: int, with_baselines: bool, charts: dict[str, int]
) -> dict[str, dict[str, Any]]:
    """Navigation → last chart visible, every page (and the baselines), samples
    interleaved round-robin so that load from elsewhere affects all alike. ``charts``: how
    many each page shows (AppTest), waited for."""
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
                sample = browser_sample(browser, url, charts.get(name, 0))
                if run:
                    samples[name]["ready"].append(sample["ready"])
                samples[name]["charts"] = sample["charts"]
                samples[name]["errors"] += sample["errors"]
        for name, data in samples.items():
            print(f"   {name}: {ms(median(data['ready']))} ({data['charts']} charts)", flush=True)
        return samples


# ----------------------------------------------------------------------------- server CPU


def time_session_cpu(database: Path, runs: int, charts: dict[str, int]) -> dict[str, Any]:
    """Server CPU per session (open the page, switch the unit once): the app against the
    bare same-charts page of each of SAME_CHARTS_PAGES, every server its own process."""
    frozen = {slug: serving.frozen_counts(slug) for slug in SAME_CHARTS_PAGES}
    with contextlib.ExitStack() as stack:
        app = stack.enter_context(serving.one_process(env_for(database)))
        visits: dict[str, tuple[serving.Server, str, int]] = {}
        for slug in SAME_CHARTS_PAGES:
            visits[f"{slug}:app"] = (app, page_url(app.url, slug), charts.get(slug, 0))
            for name, args in BARE_VARIANTS.items():
                bare = stack.enter_context(
                    serving.one_process({"BASELINE_PAGE": slug}, serving.SAME_CHARTS, args)
                )
                visits[f"{slug}:{name}"] = (bare, bare.url, frozen[slug]["charts"])

        async def measure() -> dict[str, list[float]]:
            async with serving.browser() as browser:
                return await serving.session_cpu(browser, visits, runs, switch_unit())

        samples = asyncio.run(measure())
    for name, values in samples.items():
        print(f"   {name}: {secs(median(values))} per session", flush=True)
    return {"samples": samples, "frozen": frozen}


# ----------------------------------------------------------------------------- concurrency


def time_concurrency(
    database: Path, work: Path, sizes: list[int], repeat_top: int, charts: dict[str, int]
) -> dict[str, Any]:
    """Rounds of N simultaneous sessions (pages taken in turn) against one process and
    against PROXY_WORKERS processes behind nginx, the two taken in turn at every size; the
    top size is repeated ``repeat_top`` more times to see whether memory grows."""
    schedule = [1, *sizes, *[sizes[-1]] * repeat_top]
    rounds: dict[str, list[dict[str, Any]]] = {}
    unit = switch_unit()
    with contextlib.ExitStack() as stack:
        configs = {
            "1 process": stack.enter_context(serving.one_process(env_for(database))),
            f"{PROXY_WORKERS} processes + nginx": stack.enter_context(
                serving.behind_proxy(env_for(database), PROXY_WORKERS, work / "proxy")
            ),
        }

        async def measure() -> None:
            async with serving.browser() as browser:
                for server in configs.values():  # warm-up: one session per page
                    for page in PAGES:
                        await serving.session(
                            browser, page_url(server.url, page.slug), unit, charts.get(page.slug, 0)
                        )
                for size in schedule:
                    for name, server in configs.items():
                        slugs = [PAGES[i % len(PAGES)].slug for i in range(size)]
                        visits = [(page_url(server.url, slug), charts.get(slug, 0)) for slug in slugs]
                        result = await serving.concurrent_round(browser, server, visits, unit)
                        rounds.setdefault(name, []).append(result)
                        ok = [r for r in result["results"] if r["ok"]]
                        print(
                            f"   {name}, {size:>2} sessions: {len(ok)}/{len(result['results'])} ok, "
                            f"server share p95 {ms(percentile([r['server'] for r in ok], 95))}, first render "
                            f"p95 {ms(percentile([r['first'] for r in ok], 95))}, "
                            f"RSS {result['after']:.0f} MB",
                            flush=True,
                        )

        asyncio.run(measure())
    return {"rounds": rounds}


# ----------------------------------------------------------------------------- report


def write_build(body: Report, report: Report, data: dict[str, Any]) -> None:
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
            [name, ms(median(values)), ms(min(values)), ms(max(values)), str(len(values))]
            for name, values in (("build()", inside), ("python -m bureau build", command))
        ],
    )
    report.target(
        "Build under 1 s (cold, `build()`)",
        f"{ms(median(inside))} = {ratio(median(inside) / BUILD_TARGET_S)} of 1 s",
        median(inside) < BUILD_TARGET_S,
        f"whole command incl. Python start-up: {ms(median(command))}",
    )


def write_pages(body: Report, report: Report, data: dict[str, Any]) -> None:
    pages = data["pages"]
    hello = pages.get("hello world")
    hello_cpu = median(hello["warm_cpu"]) if hello else math.nan
    body.add("## Page scripts, server side (AppTest)", "")
    body.add(
        "`AppTest.from_file(app.py)` switched to the page, one `run()` timed, each in a new "
        "AppTest (a new session). *Cold*: the first run in a fresh process (empty Streamlit "
        "caches; pandas and Plotly already imported, as in a running server). *Warm*: later runs "
        "in the same process; *warm CPU*: the process's CPU time for the same runs, which other "
        "load on the machine inflates much less than wall time. The hello-world page is "
        f"`{HELLO.relative_to(ROOT)}` (one title); *÷ hello world* compares warm CPU medians. "
        "*Tables sent*: `st.dataframe`s in the default "
        "view (a chart's 표로 보기 table is sent only once opened).",
        "",
    )
    body.table(
        [
            "page",
            "cold median",
            "warm median",
            "warm p95",
            "warm CPU median",
            "CPU ÷ hello world",
            "charts",
            "chart JSON",
            "tables sent",
        ],
        [
            [
                name,
                ms(median(page["cold"])),
                ms(median(page["warm"])),
                ms(percentile(page["warm"], 95)),
                ms(median(page["warm_cpu"])),
                ratio(median(page["warm_cpu"]) / hello_cpu),
                str(page["charts"]),
                f"{page['spec_bytes'] / 1024:,.1f} KiB",
                str(page["tables"]),
            ]
            for name, page in pages.items()
        ],
    )
    app_pages = {name: page for name, page in pages.items() if name != "hello world"}
    worst = max(app_pages, key=lambda name: median(app_pages[name]["warm"]))
    worst_s = median(app_pages[worst]["warm"])
    report.target(
        "Every warm page script run under 200 ms (median)",
        f"slowest: {worst} {ms(worst_s)} = {ratio(worst_s * 1000 / WARM_PAGE_TARGET_MS)} of 200 ms",
        all(median(page["warm"]) * 1000 < WARM_PAGE_TARGET_MS for page in app_pages.values()),
        f"CPU time of the slowest: {ms(median(app_pages[worst]['warm_cpu']))}",
    )
    heaviest = max(app_pages, key=lambda name: median(app_pages[name]["warm_cpu"]))
    heaviest_cpu = median(app_pages[heaviest]["warm_cpu"])
    report.target(
        f"Warm page script ≤ {WARM_HELLO_RATIO:g}× a hello-world page (every page; CPU time)",
        f"heaviest: {heaviest} {ms(heaviest_cpu)} = {ratio(heaviest_cpu / hello_cpu)} of hello world "
        f"{ms(hello_cpu)}",
        None if math.isnan(hello_cpu) else heaviest_cpu <= WARM_HELLO_RATIO * hello_cpu,
        f"hello world is Streamlit's fixed cost of a run; {heaviest} adds the shared frame, its data "
        f"shaping, {app_pages[heaviest]['charts']} chart(s) and {app_pages[heaviest]['tables']} "
        "table(s) (see the notes)",
    )


def write_session_cpu(body: Report, report: Report, data: dict[str, Any]) -> None:
    samples, frozen = data["session_cpu"]["samples"], data["session_cpu"]["frozen"]
    pages = data.get("pages", {})
    body.add("## Server CPU per viewer session", "")
    body.add(
        "A session is a fresh browser context (empty cache: it downloads Streamlit's JavaScript "
        f"from the server) that opens the page, waits for every chart, and switches the unit to "
        f"{switch_unit()}. CPU is the server process's user+system time from /proc around the "
        "session; sessions one at a time, round-robin over the servers, after one discarded warm-up "
        "round. *Bare* is `benchmarks/baseline_same.py`: a plain Streamlit page with the same "
        "charts and tables, built on every run from the frozen data in `benchmarks/frozen/` "
        "(`go.Figure` from the page's Plotly JSON, `pd.DataFrame` from its rows, each chart's "
        "table in Streamlit's own expander), with the same unit control and the same "
        "`.streamlit/config.toml`; it runs none of the dashboard's code. *Bare, Streamlit's "
        "per-run GC*: the same page with Streamlit's default `runner.postScriptGC = true` (the "
        "app's config turns it off), for reference. Each page has its own bare server; the app "
        "serves both pages from one.",
        "",
    )
    rows = []
    for slug in SAME_CHARTS_PAGES:
        app, bare, bare_gc = (samples[f"{slug}:{name}"] for name in ("app", *BARE_VARIANTS))
        charts = pages.get(slug, {}).get("charts", "–")
        tables = pages.get(slug, {}).get("tables", "–")
        rows.append(
            [
                slug,
                secs(median(app)),
                secs(median(bare)),
                ratio(median(app) / median(bare)),
                secs(median(bare_gc)),
                ratio(median(app) / median(bare_gc)),
                f"{charts} / {tables} (+{charts} closed)" if pages.get(slug) else "–",
                f"{frozen[slug]['charts']} / {frozen[slug]['tables']}",
                str(len(app)),
            ]
        )
    body.table(
        [
            "page",
            "app CPU/session (median)",
            "bare same-charts page",
            "app ÷ bare",
            "bare, Streamlit's per-run GC",
            "app ÷ that",
            "app: charts / tables sent",
            "bare: charts / tables sent",
            "sessions each",
        ],
        rows,
    )
    ratios = {
        slug: median(samples[f"{slug}:app"]) / median(samples[f"{slug}:bare"]) for slug in SAME_CHARTS_PAGES
    }
    report.target(
        f"Server CPU per session ≤ {SESSION_CPU_RATIO:g}× the bare same-charts page ("
        + ", ".join(SAME_CHARTS_PAGES)
        + ")",
        "; ".join(
            f"{slug} {secs(median(samples[f'{slug}:app']))} = {ratio(value)} of "
            f"{secs(median(samples[f'{slug}:bare']))}"
            for slug, value in ratios.items()
        ),
        all(value <= SESSION_CPU_RATIO for value in ratios.values()),
        "built figures cached per (build, arguments), 표로 보기 tables sent only when opened, "
        "no garbage collection after every run; both serve Streamlit's static files themselves",
    )


def write_browser(body: Report, report: Report, data: dict[str, Any]) -> None:
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
    body.table(
        ["page", "median", "p95", "charts", "÷ plotly baseline", "runs"],
        [
            [
                name,
                ms(median(sample["ready"])),
                ms(percentile(sample["ready"], 95)),
                str(sample["charts"]),
                ratio(median(sample["ready"]) / plotly_base),
                str(len(sample["ready"])),
            ]
            for name, sample in samples.items()
        ],
    )
    body.add(
        f"Bare baselines: title-only page {ms(title_base)}, one small Plotly chart {ms(plotly_base)}; "
        f"Plotly's JavaScript accounts for the difference, {ms(plotly_base - title_base)}.",
        "",
    )
    app_pages = {page.slug: median(samples[page.slug]["ready"]) for page in PAGES}
    worst = max(app_pages, key=app_pages.get)
    report.target(
        f"Navigation → last chart ≤ {LAST_CHART_RATIO:g}× a bare page with one Plotly chart (every page)",
        f"slowest: {worst} {ms(app_pages[worst])} = {ratio(app_pages[worst] / plotly_base)} "
        f"(baseline {ms(plotly_base)})",
        all(value <= LAST_CHART_RATIO * plotly_base for value in app_pages.values()),
        f"{worst} shows {samples[worst]['charts']} chart(s) besides its KPIs, filters and tables, all "
        "loaded and drawn on the browser's one main thread; the baseline, one chart and a title",
    )


def _round_row(name: str, item: dict[str, Any]) -> list[str]:
    ok = [r for r in item["results"] if r["ok"]]
    opened = [r["opened"] for r in ok]
    spread = max(opened) - min(opened) if item["size"] > 1 and opened else math.nan
    cpu = sum(item["cpu"])
    return [
        name,
        str(item["size"]),
        str(len(item["results"]) - len(ok)),
        ms(median([r["server"] for r in ok])),
        ms(percentile([r["server"] for r in ok], 95)),
        ms(median([r["first"] for r in ok])),
        ms(percentile([r["first"] for r in ok], 95)),
        ms(percentile([r["rerun"] for r in ok], 95)),
        "–" if math.isnan(spread) else f"{spread:.1f} s",
        f"{cpu:.1f} s ({cpu / len(item['results']):.2f} s each"
        + (f"; {' + '.join(f'{value:.1f}' for value in item['cpu'])}" if len(item["cpu"]) > 1 else "")
        + ")",
        f"{item['before']:.0f} / {item['peak']:.0f} / {item['after']:.0f}",
        f"{item['elapsed']:.0f} s",
    ]


def _server_share(rounds: list[dict[str, Any]], size: int) -> tuple[int, float, float, float, float]:
    """(failed, p95 at ``size``, the single-session median, CPU per session, arrival spread)
    over the first round of that size."""
    single = [r["server"] for r in rounds[0]["results"] if r["ok"]]
    top = next(item for item in rounds if item["size"] == size)
    ok = [r for r in top["results"] if r["ok"]]
    failed = sum(not r["ok"] for item in rounds if item["size"] == size for r in item["results"])
    opened = [r["opened"] for r in ok]
    spread = max(opened) - min(opened) if len(opened) > 1 else math.nan
    per_session = sum(top["cpu"]) / len(top["results"])
    return failed, percentile([r["server"] for r in ok], 95), median(single), per_session, spread


def write_concurrency(body: Report, report: Report, data: dict[str, Any]) -> None:
    rounds = data["concurrency"]["rounds"]
    body.add("## Concurrent sessions: one process, and two behind nginx", "")
    body.add(
        "N sessions started at once, each a fresh browser context in one Chromium (pages taken "
        f"in turn; open the page, then switch the unit to {switch_unit()}), against one Streamlit "
        f"process as `make run` starts it, and against {PROXY_WORKERS} processes behind nginx as "
        "`make serve` starts them (nginx serves Streamlit's static files). The two servers are "
        "taken in turn at every size. The 1-session row is three sessions one after another (the "
        "single-session reference). *Server share*: the session's websocket opened → its first "
        "`script_finished` (the server's part of the first render); *first render*: navigation → "
        "last chart drawn (page clock), which includes Chromium's own work: Chromium runs on the "
        "same 2 cores as the server. *Rerun*: the unit click → `script_finished`. *Arrival "
        "spread*: first to last websocket opened. *Server CPU*: the Streamlit processes' "
        "user+system time during the round (per process after the semicolon). *RSS*: the "
        "processes' resident memory before / peak / after the round, after the closed sessions "
        f"expired (`server.disconnectedSessionTTL={serving.SESSION_TTL}`).",
        "",
    )
    rows = [_round_row(name, item) for name, items in rounds.items() for item in items]
    rows.sort(key=lambda row: (int(row[1]), row[0]))
    body.table(
        [
            "server",
            "sessions",
            "failed",
            "server share p50",
            "server share p95",
            "first render p50",
            "first render p95",
            "rerun p95",
            "arrival spread",
            "server CPU",
            "RSS MB",
            "round",
        ],
        rows,
    )
    failures = [
        f"{name}, {item['size']} sessions: {r['error']}"
        for name, items in rounds.items()
        for item in items
        for r in item["results"]
        if not r["ok"]
    ]
    if failures:
        body.add("Failed sessions:", "", *(f"- {error}" for error in failures[:20]), "")
    single_name, proxy_name = list(rounds)
    for name, size in ((single_name, ONE_PROCESS_SESSIONS), (proxy_name, PROXY_SESSIONS)):
        items = rounds[name]
        if not any(item["size"] == size for item in items):
            size = max(item["size"] for item in items)  # --quick: its largest round
        failed, p95, single, per_session, spread = _server_share(items, size)
        processes = len(items[0]["cpu"])
        report.target(
            f"{size} sessions, {name}: 0 failures, server share p95 ≤ {SERVER_SHARE_RATIO:g}× one session",
            f"{failed} failed; p95 {ms(p95)} = {ratio(p95 / single)} of one session's {ms(single)}",
            failed == 0 and p95 <= SERVER_SHARE_RATIO * single,
            f"{size} sessions × {per_session:.2f} s CPU ÷ {processes} "
            f"process{'es' if processes > 1 else ''} = "
            f"{size * per_session / processes:.1f} s of single-threaded server work, arriving within "
            f"{spread:.1f} s",
        )
    for name, items in rounds.items():
        top = max(item["size"] for item in items)
        afters = [item["after"] for item in items if item["size"] == top]
        growth = (afters[-1] - afters[0]) / afters[0] if len(afters) > 1 else math.nan
        report.target(
            f"No memory growth across rounds ({name}, ≤ {MEMORY_GROWTH:.0%})",
            f"RSS after each {top}-session round: "
            + " → ".join(f"{value:.0f}" for value in afters)
            + f" MB ({growth:+.1%})",
            None if math.isnan(growth) else growth <= MEMORY_GROWTH,
            "after the round's closed sessions expired",
        )


def write_scale(body: Report, report: Report, data: dict[str, Any]) -> None:
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
        [["build() median", ms(real_build), ms(synthetic_build), ratio(synthetic_build / real_build)]],
    )
    rows, ratios = [], []
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
        ["page", "warm script, real", "synthetic", "ratio", "last chart, real", "synthetic", "ratio"], rows
    )
    valid = [value for value in ratios if not math.isnan(value)]
    report.target(
        "Page times with the synthetic history within 2× of the real data",
        f"worst ratio {ratio(max(valid) if valid else math.nan)} (script and browser); "
        f"build {ratio(synthetic_build / real_build)}",
        bool(valid) and max(valid) <= SCALE_RATIO,
    )


WRITERS = (
    ("build", write_build),
    ("pages", write_pages),
    ("session_cpu", write_session_cpu),
    ("browser", write_browser),
    ("concurrency", write_concurrency),
    ("synthetic_pages", write_scale),
)


def machine() -> str:
    return f"{platform.node()} · {os.cpu_count()} CPUs · Python {platform.python_version()}"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def write(report: Report, data: dict[str, Any], meta: dict[str, str], output: Path) -> None:
    body = Report()
    for key, writer in WRITERS:
        if key in data:
            try:
                writer(body, report, data)
            except Exception:  # a section's data incomplete: say so, write the rest
                body.add(f"**Writing {key} failed:**", "", "```", traceback.format_exc()[-2000:], "```", "")
    head = [
        "# Performance benchmark results",
        "",
        f"Written by `python benchmarks/run.py{meta['flags']}` on {meta['started']} UTC in {meta['took']}. "
        f"{machine()}. Load average (1, 5, 15 min) at the start {meta['load_start']}, at the end "
        f"{meta['load_end']}. Pages: {', '.join(page.slug for page in PAGES)}. Every figure below comes "
        "from this one run; nothing in the test suite asserts a time.",
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
    body.table(["section", "took", "load at start", "load at end"], report.load)
    tail = ["", NOTES.read_text(encoding="utf-8")] if NOTES.exists() else []
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(head + body.lines + report.lines + tail) + "\n", encoding="utf-8")
    print(f"wrote {output}")


def run_all(quick: bool, output: Path) -> None:
    report = Report()
    started = time.monotonic()
    meta = {
        "flags": " --quick" if quick else "",
        "started": f"{datetime.now(UTC):%Y-%m-%d %H:%M}",
        "load_start": load(),
    }
    work = Path(tempfile.mkdtemp(prefix="bureau-bench-"))
    sources = paths.sources_dir()
    real_db = work / "real" / "bureau.duckdb"
    build(sources, real_db)
    synthetic_sources = work / "synthetic-sources"
    synthetic_db = work / "synthetic" / "bureau.duckdb"
    data: dict[str, Any] = {}

    def do_build() -> None:
        data["build"] = time_build(sources, work, 3 if quick else 5)

    def charts(pages: str) -> dict[str, int]:
        """Charts each page shows in AppTest (and the one-chart baseline), for the browser to wait for."""
        return {"baseline:plotly": 1, **{slug: page["charts"] for slug, page in data.get(pages, {}).items()}}

    def do_apptest() -> None:
        data["pages"] = time_pages(real_db, 1 if quick else 3, 3 if quick else 5, hello=True)

    def do_session_cpu() -> None:
        data["session_cpu"] = time_session_cpu(real_db, 2 if quick else 5, charts("pages"))

    def do_browser() -> None:
        with chromium() as browser:
            data["browser"] = time_browser(browser, real_db, 2 if quick else 5, True, charts("pages"))

    def do_concurrency() -> None:
        sizes = [3, 6] if quick else [10, ONE_PROCESS_SESSIONS, PROXY_SESSIONS]
        data["concurrency"] = time_concurrency(real_db, work, sizes, 1, charts("pages"))

    def do_scale() -> None:
        data["synthetic_rows"] = generate(sources, synthetic_sources, reports=40)
        data["synthetic_build"] = time_build(synthetic_sources, work, 3 if quick else 5)
        build(synthetic_sources, synthetic_db)
        data["synthetic_pages"] = time_pages(synthetic_db, 1 if quick else 2, 3 if quick else 5, hello=False)
        with chromium() as browser:
            data["synthetic_browser"] = time_browser(
                browser, synthetic_db, 2 if quick else 3, False, charts("synthetic_pages")
            )
            data["real_browser_again"] = time_browser(
                browser, real_db, 2 if quick else 3, False, charts("pages")
            )

    section(report, "Build", do_build)
    section(report, "Page scripts (AppTest)", do_apptest)
    section(report, "Server CPU per session", do_session_cpu)
    section(report, "Browser", do_browser)
    section(report, "Concurrency", do_concurrency)
    section(report, "Scale", do_scale)
    meta["took"] = f"{(time.monotonic() - started) / 60:.1f} min"
    meta["load_end"] = load()
    write(report, data, meta, output)


def freeze_all() -> None:
    """Re-record the bare baseline's frozen pages from the current app and data/sources."""
    database = Path(tempfile.mkdtemp(prefix="bureau-freeze-")) / "bureau.duckdb"
    build(paths.sources_dir(), database)
    for slug in SAME_CHARTS_PAGES:
        print(f"froze {slug}: {serving.freeze(slug, database)}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and sessions")
    parser.add_argument(
        "--output",
        type=Path,
        help="results file (default: RESULTS.md; --quick: test-artifacts/benchmark-quick.md)",
    )
    parser.add_argument("--freeze", action="store_true", help="re-record benchmarks/frozen/ and stop")
    parser.add_argument(
        "--apptest-worker", nargs=3, metavar=("TARGET", "DATABASE", "RUNS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.apptest_worker:
        target, database, runs = args.apptest_worker
        apptest_worker(target, database, int(runs))
    elif args.freeze:
        freeze_all()
    else:
        run_all(args.quick, args.output or (QUICK_RESULTS if args.quick else RESULTS))


if __name__ == "__main__":
    main()
