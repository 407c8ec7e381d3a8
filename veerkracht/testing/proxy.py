"""Slow clients, with and without the shipped nginx configuration in front (used by the deploy tests
and the load benchmark, bench/core_load.py).

`nginx_in_front` runs nginx with `deploy/nginx/veerkracht.conf` as shipped, with three changes that a
loopback run needs: it listens on a free port of 127.0.0.1 without TLS, its upstream is this run's
gunicorn, and it passes the Host header with its port (production uses the default port, so `$host`
is the same there). The plain-HTTP server for load balancers is left out.

`slow_clients` opens connections that send a request's headers one byte a second and never finish
them, as a phone on a bad connection or someone doing it on purpose. Every client, slow or not, comes
from an address of its own (Linux routes all of 127.0.0.0/8 to the loopback), so nginx's limit per
address and the site's rate limits count each one separately, as they would for different people.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from threading import Event, Thread

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SHIPPED = ROOT / "deploy" / "nginx" / "veerkracht.conf"
SLOW_REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: traag\r\nAccept: text/html\r\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def address(n: int) -> str:
    """The n-th client's own loopback address (127.1.0.1, 127.1.0.2, ...)."""
    return f"127.1.{n // 250}.{n % 250 + 1}"


def nginx_config(upstream_port: int, port: int, prefix: Path) -> str:
    shipped = SHIPPED.read_text()
    changes = [
        (r"server 127\.0\.0\.1:8000;", f"server 127.0.0.1:{upstream_port};"),
        (r"listen 443 ssl http2;", f"listen 127.0.0.1:{port};"),
        (r"proxy_set_header Host \$host;", "proxy_set_header Host $http_host;"),
        (r"\nserver \{\n    listen 80;.*\Z", "\n"),
    ]
    for pattern, replacement in changes:
        shipped, found = re.subn(pattern, replacement, shipped, flags=re.S)
        if found != 1:
            raise RuntimeError(f"deploy/nginx/veerkracht.conf changed: {pattern!r} not found once")
    temp_paths = "\n".join(
        f"    {name}_temp_path {prefix / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'} warn;\n"
        f"events {{ worker_connections 2048; }}\nhttp {{\n    access_log off;\n{temp_paths}\n{shipped}\n}}\n"
    )


@contextlib.contextmanager
def nginx_in_front(base: str) -> Iterator[str]:
    """nginx, configured as shipped, in front of the gunicorn at `base`; yields its base URL."""
    with tempfile.TemporaryDirectory(prefix="veerkracht-nginx-") as folder:
        prefix, port = Path(folder), free_port()
        conf = prefix / "nginx.conf"
        conf.write_text(nginx_config(int(base.rsplit(":", 1)[1]), port, prefix))
        command = [NGINX, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)]
        with serving(command, port) as url:
            yield url


@contextlib.contextmanager
def serving(command: list[str], port: int) -> Iterator[str]:
    """Run a server `command` that listens on 127.0.0.1:`port`; yields its base URL, stops it after."""
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)  # noqa: S603 - our own commands
    try:
        wait_for_port(port, server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for_port(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 10
    while True:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        if server.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"nothing answers on port {port}")
        time.sleep(0.1)


def _slow_client(target: tuple[str, int], source: str, until: float, stop: Event) -> None:
    """Send the headers a byte a second, never the blank line that ends them; start again when dropped."""
    while time.monotonic() < until and not stop.is_set():
        try:
            with socket.create_connection(target, timeout=5, source_address=(source, 0)) as sock:
                for byte in SLOW_REQUEST:
                    if time.monotonic() >= until or stop.is_set():
                        return
                    sock.sendall(bytes([byte]))
                    stop.wait(1)
        except OSError:
            stop.wait(0.5)


@contextlib.contextmanager
def slow_clients(base: str, count: int, until: float, *, first: int, settle: float = 2) -> Iterator[None]:
    """`count` slow clients at `base` until `until` (monotonic) or the end of the block, from addresses
    `first`, `first` + 1, ...; they get `settle` seconds to take their connections first."""
    host, port = base.removeprefix("http://").rsplit(":", 1)
    stop = Event()
    threads = [
        Thread(target=_slow_client, args=((host, int(port)), address(first + n), until, stop), daemon=True)
        for n in range(count)
    ]
    for thread in threads:
        thread.start()
    time.sleep(settle)
    try:
        yield
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
