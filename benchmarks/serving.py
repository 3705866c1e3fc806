"""Server CPU per viewer against a bare page with the same charts, and servers behind nginx.

``snapshot`` records what a page sends (every chart's Plotly JSON and every table) through
AppTest; ``benchmarks/baseline_same.py`` replays it as a bare Streamlit page built from
those constants, with the same unit control in the sidebar. ``session_cpu`` then opens
sessions (a fresh browser context each: open the page, switch the unit once) round-robin
over the servers and reads each server's CPU time from /proc around every session.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bureau.units import DISPLAY_UNITS
from deploy.processes import free_port
from deploy.serve import serving
from tests.browser_support import ROOT, TIMEOUT_MS, running_app, wait_for_page

SAME_CHARTS = ROOT / "benchmarks" / "baseline_same.py"
UNIT_LABEL = "금액 단위"


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def snapshot(slug: str, database: Path, target: Path) -> dict[str, int]:
    """Write the charts' JSON and the tables a page's default view sends to ``target``."""
    from streamlit.testing.v1 import AppTest

    from ui.nav import PAGES

    os.environ["BUREAU_DATABASE"] = str(database)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if slug != PAGES[0].slug:
        app.switch_page(f"pages/{slug}.py")
    app.run()
    if app.exception:
        raise RuntimeError([error.message for error in app.exception])
    content = {
        "charts": [chart.proto.spec for chart in app.get("plotly_chart")],
        "tables": [frame.value for frame in app.dataframe],
    }
    target.write_bytes(pickle.dumps(content))
    return {name: len(items) for name, items in content.items()}


@contextlib.contextmanager
def one_process(
    env: dict[str, str], script: Path | None = None, args: tuple[str, ...] = ()
) -> Iterator[tuple[str, list[int]]]:
    """One Streamlit server (extra ``streamlit run`` ``args``); yields its URL and its pid."""
    processes: list[Any] = []
    with running_app(env, script=script, process_out=processes, args=[*SESSION_ARGS, *args]) as url:
        yield url, [processes[0].pid]


@contextlib.contextmanager
def behind_proxy(env: dict[str, str], workers: int, runtime: Path) -> Iterator[tuple[str, list[int]]]:
    """``workers`` Streamlit processes behind nginx (deploy/serve.py); yields the proxy's
    URL and the workers' pids (nginx's own CPU is not Python's, and not counted)."""
    with serving(workers, f"127.0.0.1:{free_port()}", runtime, env, SESSION_ARGS) as deployment:
        yield deployment.url, [worker.pid for worker in deployment.workers]


#: Closed sessions released after 5 s (default 120 s), so memory after a round is comparable.
SESSION_ARGS = ["--server.disconnectedSessionTTL", "5"]


def _one_session(browser: Any, url: str, unit: str) -> None:
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    finished: list[int] = []

    def on_frame(payload: bytes | str) -> None:
        if isinstance(payload, bytes | bytearray):
            message = ForwardMsg()
            message.ParseFromString(payload)
            if message.WhichOneof("type") == "script_finished":
                finished.append(1)

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        page.on("websocket", lambda socket: socket.on("framereceived", on_frame))
        page.goto(url)
        wait_for_page(page)
        before = len(finished)
        sidebar = page.locator("[data-testid=stSidebar]")
        sidebar.get_by_role("radiogroup", name=UNIT_LABEL).get_by_role("radio", name=unit).click()
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while len(finished) <= before:
            if time.monotonic() > deadline:
                raise TimeoutError("no script_finished after the unit switch")
            page.wait_for_timeout(20)  # lets Playwright deliver websocket frames
        wait_for_page(page)
    finally:
        context.close()


def session_cpu(browser: Any, servers: dict[str, tuple[str, list[int]]], runs: int) -> dict[str, list[float]]:
    """CPU seconds each server spent per session, ``runs`` sessions each, taken in turn
    (after one discarded warm-up round)."""
    unit = DISPLAY_UNITS[1].value
    samples: dict[str, list[float]] = {name: [] for name in servers}
    for run in range(runs + 1):
        for name, (url, pids) in servers.items():
            before = sum(process_cpu(pid) for pid in pids)
            _one_session(browser, url, unit)
            if run:
                samples[name].append(sum(process_cpu(pid) for pid in pids) - before)
    return samples
