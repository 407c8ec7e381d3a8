"""A real worker (``manage.py run_huey``) on a SQLite queue, killed with SIGKILL in the middle of sending
a mail, then started again: every mail arrives, none is lost, and the one that was on the wire when the
worker died arrives again with the same Message-ID, so the receiving side shows it once.

Everything runs in subprocesses on a throw-away database and queue in a temporary folder; the mail
server is an aiosmtpd sink in this process that takes its time over every message."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from email import message_from_bytes
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[3]
MAILS = 12


class SlowSink:
    """Records every message it is given, then waits before saying "250 OK" (long for the `slow_one`-th
    message: the worker is killed while it waits for that answer)."""

    def __init__(self, delay: float, slow_one: int) -> None:
        self.delay, self.slow_one = delay, slow_one
        self.received: list[tuple[str, str]] = []  # (Message-ID, To)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:
        message = message_from_bytes(envelope.original_content or envelope.content)
        with self.lock:
            self.received.append((message["Message-ID"], message["To"]))
            number = len(self.received)
        await asyncio.sleep(5 if number == self.slow_one else self.delay)
        return "250 OK"

    def count(self) -> int:
        with self.lock:
            return len(self.received)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _env(tmp_path: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_", "VEERKRACHT_"))}
    env |= {
        "DJANGO_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "veerkracht.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "JOBS_SQLITE_PATH": str(tmp_path / "jobs.sqlite3"),
        "JOBS_IMMEDIATE": "0",
        "JOBS_PERIODIC": "0",
        "REDIS_URL": "",
        "CACHE_BACKEND": "locmem",  # `serve` here runs on a database that was never migrated
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "EMAIL_USE_TLS": "0",
        "MAIL_STALE_SECONDS": "1",
        "LOG_LEVEL": "WARNING",
    }
    return env


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=120)  # noqa: S603


def _worker(env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_huey", "--workers", "1", "--delay", "0.05", "--max-delay", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )


def _wait(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _statuses(tmp_path: Path) -> Counter:
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        return Counter(status for (status,) in db.execute("SELECT status FROM core_outgoingmail"))


def test_a_worker_killed_mid_send_loses_and_doubles_nothing(tmp_path):
    sink = SlowSink(delay=0.2, slow_one=4)
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    log = tmp_path / "worker.log"
    worker = None
    try:
        env = _env(tmp_path, port)
        _manage(env, "migrate", "--noinput", "-v", "0")
        enqueue = (
            "from veerkracht.core.mail import mail_enqueue\n"
            f"for i in range({MAILS}):\n"
            "    mail_enqueue(subject=f'Bericht {i}', body='tekst', to=[f'p{i}@example.org'],\n"
            "                 key=f'test:{i}')\n"
        )
        _manage(env, "shell", "-c", enqueue)
        worker = _worker(env, log)
        # Kill it the moment the mail server has the 4th message but has not yet said "250 OK".
        _wait(lambda: sink.count() >= 4, 60, "the first mails")
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        killed_at = sink.count()
        assert _statuses(tmp_path)["sending"] == 1, log.read_text()
        time.sleep(1.2)  # the half-sent mail is now older than MAIL_STALE_SECONDS
        worker = _worker(env, log)
        _wait(lambda: _statuses(tmp_path)["sent"] == MAILS, 60, f"all mails sent ({log.read_text()})")
    finally:
        if worker is not None and worker.poll() is None:
            worker.send_signal(signal.SIGINT)
            worker.wait(timeout=15)
        controller.stop()
    assert killed_at < MAILS
    ids = Counter(message_id for message_id, _to in sink.received)
    addresses = {to for _id, to in sink.received}
    assert len(ids) == MAILS and addresses == {f"p{i}@example.org" for i in range(MAILS)}  # nothing lost
    doubled = [message_id for message_id, n in ids.items() if n > 1]
    # Only the mail that was on the wire arrives twice, and then as the same message (one Message-ID).
    assert len(sink.received) == MAILS + 1 and len(doubled) == 1
    assert _statuses(tmp_path) == Counter({"sent": MAILS})


def test_serve_starts_the_web_server_and_a_worker_and_ctrl_c_stops_both(tmp_path):
    import urllib.request

    port = free_port()
    env = _env(tmp_path, free_port())
    log = tmp_path / "serve.log"
    serve = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "serve", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def healthy() -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/gezondheid/", timeout=1) as response:
                return response.status == 200
        except OSError:
            return False

    def processes(*args: str) -> list[str]:
        found = subprocess.run(["pgrep", *args], capture_output=True, text=True, check=False)  # noqa: S603, S607
        return found.stdout.split()

    try:
        _wait(healthy, 60, "the development server")
        _wait(lambda: "Huey consumer started" in log.read_text(), 30, "the worker")
        children = processes("-P", str(serve.pid))  # each leads a process group of its own
        assert len(children) == 2
    finally:
        os.killpg(serve.pid, signal.SIGINT)  # what Ctrl-C in the terminal does
        assert serve.wait(timeout=30) == 0, log.read_text()
    assert "Web server and job worker stopped." in log.read_text()
    assert not healthy()
    assert not any(processes("-g", child) for child in children), "a process of `serve` is still running"
