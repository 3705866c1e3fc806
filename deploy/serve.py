"""Serve the dashboard to an office: N Streamlit workers on one database behind nginx.

``python -m deploy.serve [--workers N] [--listen HOST:PORT]`` builds the database once if
it is missing or older than the sources, starts N workers (default: one per core) on
127.0.0.1, renders ``deploy/nginx.conf.template`` for them and runs nginx in front, until
Ctrl-C or SIGTERM stops everything (nginx first, gracefully, then the workers).

A Streamlit process runs every session's script on one core (the GIL), so more processes
serve more viewers at once. They share nothing but the read-only database file: a rebuild
(``python -m bureau build``) swaps the file atomically and each worker reopens it on its
next query, because its connection is keyed by the file's identity (bureau.connection).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import streamlit

from bureau import paths
from bureau.build import build, is_stale
from deploy.processes import free_port, stop, wait_healthy

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).with_name("nginx.conf.template")
STREAMLIT_STATIC = Path(streamlit.__file__).parent / "static"
#: Seconds; a cold worker on a busy 2-core machine takes a while to import everything.
STARTUP_TIMEOUT = 120


def nginx_binary() -> str | None:
    """Debian installs nginx in /usr/sbin, which is not on an ordinary user's PATH."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def content_security_policy(index_html: Path = STREAMLIT_STATIC / "index.html") -> str:
    """Only this origin; Streamlit's inline scripts allowed by their hashes, read from the
    installed index.html so an upgrade of Streamlit keeps the policy right."""
    inline = re.findall(r"<script>(.*?)</script>", index_html.read_text(), flags=re.S)
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'" for script in inline
    )
    return (
        f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
    )


def render_config(listen: str, ports: list[int], runtime: Path, template: Path = TEMPLATE) -> str:
    """The nginx configuration for workers on 127.0.0.1:``ports``, listening on ``listen``."""
    values = {
        # Started as root, nginx's workers would run as nobody; otherwise as the caller.
        "user": "user nobody nogroup;" if os.geteuid() == 0 else "",
        "runtime": str(runtime),
        "servers": "\n".join(f"        server 127.0.0.1:{port} max_fails=0;" for port in ports),
        "listen": listen,
        "csp": content_security_policy(),
        "static": str(STREAMLIT_STATIC / "static"),
    }
    text = template.read_text()
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    unfilled = re.findall(r"{{\w+}}", text)
    if unfilled:
        raise ValueError(f"unfilled placeholders in {template}: {unfilled}")
    return text


@dataclass
class Deployment:
    """A running proxy and its workers (``url`` is where the proxy listens)."""

    url: str
    runtime: Path
    workers: list[subprocess.Popen] = field(default_factory=list)
    worker_ports: list[int] = field(default_factory=list)
    proxy: subprocess.Popen | None = None

    @property
    def access_log(self) -> Path:
        return self.runtime / "access.log"


def _start_worker(port: int, env: dict[str, str], log: Path, args: list[str]) -> subprocess.Popen:
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true", *args]
    with log.open("ab") as output:
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )


@contextlib.contextmanager
def serving(
    workers: int, listen: str, runtime: Path, env: dict[str, str] | None = None, worker_args: list[str] = ()
) -> Iterator[Deployment]:
    """Start ``workers`` Streamlit processes and nginx on ``listen`` (HOST:PORT); stop them all
    afterwards, even when the start fails. ``runtime`` holds the rendered configuration,
    nginx's pid, temp files and logs, and each worker's log."""
    nginx = nginx_binary()
    if nginx is None:
        raise RuntimeError("nginx is not installed: sudo apt-get install nginx (or make browser-deps)")
    runtime.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o755)  # nginx's own workers (nobody, under root) write their temp files here
    # One cookie secret for all workers, so a browser's XSRF cookie stays valid on any of them.
    worker_env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32), **(env or {})}
    host, port = listen.rsplit(":", 1)
    deployment = Deployment(f"http://{'127.0.0.1' if host in ('0.0.0.0', '*') else host}:{port}", runtime)
    try:
        logs = [runtime / f"worker-{index}.log" for index in range(workers)]
        for log in logs:
            port_number = free_port()
            deployment.worker_ports.append(port_number)
            deployment.workers.append(_start_worker(port_number, worker_env, log, list(worker_args)))
        for port_number in deployment.worker_ports:
            wait_healthy(f"http://127.0.0.1:{port_number}", deployment.workers, logs, STARTUP_TIMEOUT)
        config = runtime / "nginx.conf"
        config.write_text(render_config(listen, deployment.worker_ports, runtime))
        command = [nginx, "-p", str(runtime), "-e", str(runtime / "error.log"), "-c", str(config)]
        subprocess.run([*command, "-t", "-q"], check=True)
        deployment.proxy = subprocess.Popen(
            [*command, "-g", "daemon off;"], start_new_session=True, stderr=subprocess.STDOUT
        )
        wait_healthy(deployment.url, [deployment.proxy], [runtime / "error.log"], STARTUP_TIMEOUT)
        yield deployment
    finally:
        if deployment.proxy is not None:
            stop(deployment.proxy, signal.SIGQUIT)  # graceful: finishes the requests in flight
        for worker in deployment.workers:
            stop(worker)


def _wait_for_signal() -> None:
    stop = []
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signal_number, lambda number, frame: stop.append(number))
    while not stop:
        signal.pause()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="default: one per core")
    parser.add_argument("--listen", default="0.0.0.0:8080", help="HOST:PORT for nginx (default %(default)s)")
    parser.add_argument("--runtime", type=Path, help="folder for config, logs and pid (default: a temp dir)")
    args = parser.parse_args(argv)
    sources, database = paths.sources_dir(), paths.database_path()
    if is_stale(sources, database):
        result = build(sources, database)
        print(f"built {database} (build {result.build_id[:8]})")
    runtime = args.runtime or Path(tempfile.mkdtemp(prefix="bureau-serve-"))
    user = pwd.getpwuid(os.geteuid()).pw_name
    with serving(args.workers, args.listen, runtime) as deployment:
        print(
            f"serving {deployment.url} ({args.workers} workers on ports {deployment.worker_ports}, "
            f"nginx as {'nobody' if user == 'root' else user}); logs in {runtime}; Ctrl-C stops",
            flush=True,
        )
        _wait_for_signal()
    print("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
