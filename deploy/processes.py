"""Child servers on localhost: a free port, waiting for health, stopping a process group.

Shared by deploy/serve.py and the test and benchmark helpers (tests/browser_support.py)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(
    url: str, processes: Sequence[subprocess.Popen], logs: Sequence[Path], timeout: float
) -> None:
    """Poll ``url``/_stcore/health until it answers 200; quote the logs of whichever of
    ``processes`` exited (or all of ``logs`` on a timeout) if it never does."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            failed = [log for process, log in zip(processes, logs) if process.poll() is not None]
            if failed or time.monotonic() > deadline:
                tails = "\n".join(log.read_text(errors="replace")[-3000:] for log in failed or logs)
                raise RuntimeError(f"{url} did not start:\n{tails}") from None
            time.sleep(0.3)  # polling interval for the health endpoint, not a synchronisation


def stop(process: subprocess.Popen, signal_number: int = signal.SIGTERM) -> None:
    """Signal the process's group (it was started with ``start_new_session``), then kill it
    if it has not exited within 15 s."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal_number)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)
