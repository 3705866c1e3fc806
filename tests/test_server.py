"""The server keeps to itself: it listens on localhost, accepts websockets only for known Host
names, and never asks an outside service for its address (at start or on a rejected Origin).

Every outbound HTTP(S) request of the server process is routed (``HTTP(S)_PROXY``) to a local
listener that counts connections, so a lookup shows up as a count instead of leaving the machine.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from urllib.parse import urlparse

from tests.browser_support import running_app

BARE_STREAMLIT = ("-m", "streamlit", "run")


@contextlib.contextmanager
def outbound_recorder() -> Iterator[tuple[dict[str, str], list[bytes]]]:
    """A proxy that accepts, records the first bytes of each request, and hangs up; yields
    the environment that sends a process's requests to it, and what it has seen."""
    seen: list[bytes] = []
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                with contextlib.suppress(OSError):
                    seen.append(conn.recv(200))

    stop = threading.Event()
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    proxy = f"http://127.0.0.1:{listener.getsockname()[1]}"
    env = {"HTTP_PROXY": proxy, "HTTPS_PROXY": proxy, "NO_PROXY": "", "no_proxy": ""}
    try:
        yield env, seen
    finally:
        stop.set()
        thread.join()
        listener.close()


def websocket_status(base_url: str, host: str, origin: str) -> int:
    """The HTTP status of a websocket handshake with the given Host and Origin headers."""
    address = urlparse(base_url)
    with socket.create_connection((address.hostname, address.port), timeout=30) as conn:
        conn.sendall(
            (
                "GET /_stcore/stream HTTP/1.1\r\n"
                f"Host: {host}\r\nOrigin: {origin}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                "Sec-WebSocket-Protocol: streamlit\r\n\r\n"
            ).encode()
        )
        return int(conn.recv(200).split()[1])


def _probe(base_url: str) -> dict[str, int]:
    port = urlparse(base_url).port
    return {
        "same origin": websocket_status(base_url, f"127.0.0.1:{port}", base_url),
        "foreign origin": websocket_status(base_url, f"127.0.0.1:{port}", "http://evil.example"),
        "rebinding host": websocket_status(
            base_url, f"rebind.evil.example:{port}", f"http://rebind.evil.example:{port}"
        ),
    }


def test_no_outside_lookup_at_start_or_on_rejected_origins():
    with outbound_recorder() as (env, seen), running_app(env) as url:
        statuses = _probe(url)
    assert statuses == {"same origin": 101, "foreign origin": 403, "rebinding host": 403}
    assert seen == []


def test_the_recorder_sees_bare_streamlits_lookup():
    """The same probe against bare ``streamlit run``: its lookup reaches the recorder, so the
    test above would see one."""
    with outbound_recorder() as (env, seen), running_app(env, launcher=BARE_STREAMLIT) as url:
        statuses = _probe(url)
    assert statuses["foreign origin"] == 403
    assert any(b"checkip.amazonaws.com" in request for request in seen), seen
