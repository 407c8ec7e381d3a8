"""What a phone downloads and how long it waits: the home page in production mode, in Chromium.

The site runs as in production: `collectstatic` into a temporary STATIC_ROOT (hashed, compressed
files), DEBUG off, served by gunicorn with whitenoise. Chromium (Debian's, as in the browser tests)
loads the page in a fresh profile each time, so nothing comes from its cache.

Throttling is Chrome DevTools' "Slow 4G" preset (DevTools 126 and later; the former "Fast 3G"):
150 ms x 3.75 = 562.5 ms latency, 1.6 Mbit/s x 0.9 = 1.44 Mbit/s down, 750 kbit/s x 0.9 = 675 kbit/s
up, with the CPU slowed down 4 times (a slow phone).

Chromium treats 127.0.0.1 as a secure origin and asks for brotli, as it does from a site on HTTPS.
The HTML goes out compressed (GZipMiddleware) to a browser that asks, as Chromium does.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"

SLOW_4G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1_440_000 / 8,
    "uploadThroughput": 675_000 / 8,
}
CPU_SLOWDOWN = 4


def _production_env(static_root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"VEERKRACHT_TESTING", "DJANGO_DEBUG"}}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(static_root),
        # Plain HTTP on the loopback: no redirect to HTTPS (everything else stays as in production).
        SECURE_SSL_REDIRECT="0",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
    )
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def production_settings(settings: dict | None = None) -> Iterator[dict[str, str]]:
    """collectstatic into a temporary folder; yields the production environment (plus `settings`)."""
    with tempfile.TemporaryDirectory(prefix="veerkracht-static-") as static_root:
        env = {**_production_env(Path(static_root)), **(settings or {})}
        collect = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"]
        subprocess.run(collect, cwd=ROOT, env=env, check=True)  # noqa: S603 - our interpreter, our args
        # The production cache is a table (settings.py); `migrate` under test settings did not make it.
        cache_table = [sys.executable, "manage.py", "createcachetable"]
        subprocess.run(cache_table, cwd=ROOT, env=env, check=True)  # noqa: S603
        yield env


def start_gunicorn(env: dict[str, str], port: int, options: tuple[str, ...]) -> subprocess.Popen:
    """gunicorn on 127.0.0.1:`port` in a process group of its own (so that the whole server can be
    killed at once, as systemd's KillMode=control-group does); returns when it answers."""
    gunicorn = [sys.executable, "-m", "gunicorn", "veerkracht.wsgi", "--bind", f"127.0.0.1:{port}"]
    command = [*gunicorn, *options, "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)  # noqa: S603
    try:
        _wait_until_up(f"http://127.0.0.1:{port}")
    except OSError:
        server.kill()
        raise
    return server


@contextlib.contextmanager
def production_server(
    options: tuple[str, ...] = ("--workers", "1", "--threads", "6"), settings: dict | None = None
) -> Iterator[str]:
    """Serve the site as in production with gunicorn (worker `options`, extra environment `settings`);
    yields its base URL."""
    with production_settings(settings) as env:
        port = _free_port()
        server = start_gunicorn(env, port, options)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            server.wait(timeout=10)


def _wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url + "/", timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def _encoding(event: dict) -> str:
    headers = {k.lower(): v for k, v in event["response"]["headers"].items()}
    return headers.get("content-encoding", "")


def _load(browser, url: str, *, throttle: bool) -> dict:
    """Load `url` once in a fresh profile; transferred bytes (body and headers) and DOMContentLoaded."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if throttle:
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    transferred: dict[str, int] = {}
    urls: dict[str, str] = {}
    encodings: dict[str, str] = {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.responseReceived", lambda e: encodings.__setitem__(e["requestId"], _encoding(e)))
    cdp.on(
        "Network.loadingFinished", lambda e: transferred.__setitem__(e["requestId"], e["encodedDataLength"])
    )
    page.goto(url + "/", wait_until="load")
    page.wait_for_load_state("networkidle")
    dcl = page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return n.domContentLoadedEventStart - n.startTime; }"
    )
    context.close()
    return {
        "bytes": sum(transferred.values()),
        "dcl_ms": dcl,
        "files": {urls.get(k, k): (v, encodings.get(k, "")) for k, v in transferred.items()},
    }


def home_page_figures(*, runs: int = 5, verbose: bool = True) -> tuple[float, float]:
    """(transferred KB of the home page and all it loads, median DOMContentLoaded in ms on slow 4G)."""
    from playwright.sync_api import sync_playwright

    with production_server() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-quic"]
        )
        try:
            plain = _load(browser, url, throttle=False)
            slow = [_load(browser, url, throttle=True)["dcl_ms"] for _ in range(runs)]
        finally:
            browser.close()
    if verbose:
        for file, (size, encoding) in sorted(plain["files"].items()):
            print(f"    {size:>8} B  {encoding or '-':<5} {file.removeprefix(url)}")
        print(f"    DOMContentLoaded on slow 4G, {runs} runs (ms): {', '.join(f'{v:.0f}' for v in slow)}")
    return plain["bytes"] / 1000, statistics.median(slow)
