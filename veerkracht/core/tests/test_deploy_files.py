"""The shipped production set-up (deploy/) keeps what the README promises: systemd stops the whole
group, nginx buffers requests and answers and drops slow clients, and health is reachable over HTTP."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from veerkracht.testing.proxy import (
    NGINX,
    free_port,
    nginx_config,
    nginx_in_front,
    serving,
    slow_clients,
)

ROOT = Path(__file__).resolve().parents[3]


def test_both_units_stop_the_whole_process_group():
    for unit in ("veerkracht-web.service", "veerkracht-worker.service"):
        text = (ROOT / "deploy" / "systemd" / unit).read_text()
        assert "KillMode=control-group" in text and "EnvironmentFile=" in text


def test_nginx_buffers_and_drops_slow_clients():
    text = (ROOT / "deploy" / "nginx" / "veerkracht.conf").read_text()
    for line in (
        "proxy_request_buffering on;",
        "proxy_buffering on;",
        "client_header_timeout",
        "client_body_timeout",
        "location = /gezondheid/",
    ):
        assert line in text, line


# --- The shipped nginx configuration, run: a slow client never holds a gunicorn sync worker ---------

APP = """
def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
"""


@pytest.fixture
def one_sync_worker(tmp_path):
    """gunicorn with one sync worker (the shipped unit's worker class) serving a tiny app."""
    (tmp_path / "tiny.py").write_text(APP)
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "--chdir", str(tmp_path), "tiny:application"]
    options = ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--worker-class", "sync", "--timeout", "30"]
    with serving([*command, *options], port) as url:
        yield url


def _answers_within(base: str, seconds: float) -> bool:
    try:
        with urllib.request.urlopen(base + "/", timeout=seconds) as response:  # noqa: S310 - loopback
            return response.status == 200
    except OSError:
        return False


def test_the_shipped_nginx_configuration_is_valid():
    with tempfile.TemporaryDirectory() as folder:
        conf = Path(folder) / "nginx.conf"
        conf.write_text(nginx_config(8000, free_port(), Path(folder)))
        check = [NGINX, "-t", "-p", folder, "-e", f"{folder}/error.log", "-c", str(conf)]
        done = subprocess.run(check, capture_output=True, text=True, check=False)  # noqa: S603
    assert done.returncode == 0, done.stderr


def test_behind_the_shipped_nginx_slow_clients_do_not_hold_the_worker(one_sync_worker):
    until = time.monotonic() + 30
    # Without nginx, one client that sends its headers slowly holds the only worker: nobody else gets in.
    with slow_clients(one_sync_worker, 1, until, first=3000, settle=0.5):
        assert not _answers_within(one_sync_worker, 3)
    with nginx_in_front(one_sync_worker) as front:
        until = time.monotonic() + 30
        with slow_clients(front, 3, until, first=3100, settle=0.5):
            assert _answers_within(front, 3)
