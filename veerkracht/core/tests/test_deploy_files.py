"""The shipped production set-up (deploy/) keeps what the README promises: systemd stops the whole
group, nginx buffers requests and answers and drops slow clients, and health is reachable over HTTP."""

from __future__ import annotations

from pathlib import Path

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
