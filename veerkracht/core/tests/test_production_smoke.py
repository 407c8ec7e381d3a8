"""Production smoke test: the site as it runs in production, end to end.

gunicorn with DJANGO_DEBUG=0 on PostgreSQL and Redis (cache and job queue), one job worker, and an
SMTP sink: an intake is submitted over HTTP and its confirmation mail must arrive at the sink, sent by
the worker. Needs PostgreSQL (127.0.0.1:5432, user postgres, trust) and Redis (127.0.0.1:6379), as in
CI; skipped with the reason when either is not there. Uses a database, a queue name and a cache prefix
of its own, and removes them afterwards.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from email import message_from_bytes
from pathlib import Path

import pytest

pytestmark = pytest.mark.production

ROOT = Path(__file__).resolve().parents[3]
PG_ADMIN = os.environ.get("SMOKE_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/0")


def _reachable() -> str:
    """Why the test cannot run here ("" when it can)."""
    try:
        import psycopg

        psycopg.connect(PG_ADMIN, connect_timeout=2).close()
    except Exception as exc:
        return f"PostgreSQL is not reachable at {PG_ADMIN} ({type(exc).__name__})"
    try:
        import redis

        redis.Redis.from_url(REDIS, socket_connect_timeout=2).ping()
    except Exception as exc:
        return f"Redis is not reachable at {REDIS} ({type(exc).__name__})"
    return ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sink:
    def __init__(self) -> None:
        self.messages: list = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:
        with self.lock:
            self.messages.append(message_from_bytes(envelope.original_content or envelope.content))
        return "250 OK"

    def to(self, address: str) -> list:
        with self.lock:
            return [m for m in self.messages if m["To"] == address]


class Browser:
    """Just enough of a browser over plain HTTP to a server that believes it is behind HTTPS (a proxy
    sends X-Forwarded-Proto): cookies are kept by hand, because they are Secure."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies: dict[str, str] = {}
        self.origin = base.replace("http://", "https://")

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        headers = {"X-Forwarded-Proto": "https", "Origin": self.origin, "Referer": self.origin + path}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers)  # noqa: S310
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.read().decode("utf-8", errors="replace")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _wait(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def _healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/gezondheid/", timeout=2) as response:  # noqa: S310
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


@pytest.fixture
def servers(tmp_path):
    reason = _reachable()
    if reason:
        pytest.skip(f"production smoke test needs PostgreSQL and Redis: {reason}")
    import psycopg
    import redis
    from aiosmtpd.controller import Controller

    name = f"veerkracht_smoke_{secrets.token_hex(4)}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    sink, smtp_port, web_port = Sink(), _free_port(), _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_", "VEERKRACHT_"))}
    env |= {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SETTINGS_MODULE": "veerkracht.settings",
        "ALLOWED_HOSTS": "127.0.0.1",
        "BEHIND_PROXY": "1",
        "DATABASE_URL": PG_ADMIN.rsplit("/", 1)[0] + f"/{name}",
        "REDIS_URL": REDIS,
        "JOBS_QUEUE_NAME": name,
        "CACHE_KEY_PREFIX": name,
        "JOBS_PERIODIC": "0",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_USE_TLS": "0",
        "SITE_URL": f"https://127.0.0.1:{web_port}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "LOG_LEVEL": "WARNING",
    }
    manage = [sys.executable, "manage.py"]
    log = (tmp_path / "servers.log").open("a")
    processes: list[subprocess.Popen] = []
    try:
        # The deploy steps, the slow two side by side.
        steps = [
            subprocess.Popen([*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env),  # noqa: S603
            subprocess.Popen([*manage, "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env),  # noqa: S603
        ]
        assert [step.wait(timeout=120) for step in steps] == [0, 0]
        load = ["load_region", "limburg", "--province", "PV31", "--movement-name", "Limburg Positief Gezond"]
        load += ["--subregions", str(ROOT / "veerkracht/regions/data/subregions_limburg.csv")]
        subprocess.run([*manage, *load], cwd=ROOT, env=env, check=True, timeout=120, stdout=log)  # noqa: S603
        gunicorn = [
            str(Path(sys.executable).parent / "gunicorn"),
            "veerkracht.wsgi",
            "-w",
            "2",
            "--no-control-socket",
        ]
        processes.append(
            subprocess.Popen(  # noqa: S603
                [*gunicorn, "-b", f"127.0.0.1:{web_port}"], cwd=ROOT, env=env, stdout=log, stderr=log
            )
        )
        processes.append(
            subprocess.Popen(  # noqa: S603
                [*manage, "run_huey", "--workers", "1"], cwd=ROOT, env=env, stdout=log, stderr=log
            )
        )
        base = f"http://127.0.0.1:{web_port}"
        _wait(lambda: _healthy(base), 30, "gunicorn to answer /gezondheid/")
        yield Browser(base), sink, tmp_path / "servers.log"
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM if process is processes[0] else signal.SIGINT)
        stopped = [process.wait(timeout=20) for process in processes]
        log.close()
        controller.stop()
        client = redis.Redis.from_url(REDIS)
        for key in client.scan_iter(match=f"*{name}*"):
            client.delete(key)
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert stopped == [0, 0], f"gunicorn and the worker did not stop cleanly: {stopped}"


def test_an_intake_over_http_is_confirmed_by_mail_sent_by_the_worker(servers):
    browser, sink, log = servers
    status, form = browser.request("/actiecentrum/insturen/")
    assert status == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    municipality = re.search(r'<option value="(\d+)"[^>]*>Maastricht</option>', form).group(1)
    address = f"smoke-{secrets.token_hex(3)}@example.org"
    status, _page = browser.request(
        "/actiecentrum/insturen/",
        {
            "csrfmiddlewaretoken": token,
            "kind": "question",
            "title": "Hoe begin ik een buurtmoestuin?",
            "description": "We hebben een stuk grond maar geen plan.",
            "municipality": municipality,
            "name": "Bram",
            "email": address,
            "contact_consent": "on",
        },
    )
    assert status == 302, _page[:2000]
    _wait(lambda: sink.to(address), 30, f"the confirmation mail; log: {log.read_text()[-3000:]}")
    (mail,) = sink.to(address)
    assert "we hebben je bericht ontvangen" in mail["Subject"]
    assert "/actiecentrum/volgen/" in mail.get_payload(decode=True).decode()
