"""kill -9 while people send forms (issue 17): no acknowledged write is lost and none is stored twice.

The site runs as in production under gunicorn with 3 sync workers, on the benchmark's database (SQLite
by default, PostgreSQL with BENCH_DATABASE_URL). CLIENTS people each send the intake form SENDS times,
every send from an address of its own (so the intake's limit per address stays out of the way).
Meanwhile a web worker is killed with SIGKILL every KILL_EVERY seconds, WORKER_KILLS times (gunicorn's
master starts a new one), and twice the whole server, master and workers together (as `kill -9` on the
process group or the OOM killer would); it is then started again on the same port, as systemd does.
A sender whose request fails (the connection drops, no answer, a 5xx) sends the same form again, with
the same one-time submission key, as a person pressing the button again, until it is acknowledged (the
redirect to the thanks page). Measured from the database afterwards:

- ``core.kill9_lost_writes``: acknowledged intakes that are not stored (goal 0);
- ``core.kill9_duplicates``: intakes stored more than once (goal 0);
- ``core.kill9_unanswered``: sends never acknowledged within a minute of retrying (goal 0).

BENCH_KILL9_WITHOUT_KEY=1 sends the forms without their submission key: the control, which shows what
the key prevents (a send repeated after the first was stored makes a second intake).
"""

from __future__ import annotations

import http.client
import os
import random
import signal
import time
from collections import Counter
from pathlib import Path
from threading import Event, Thread
from urllib.parse import urlsplit

from bench.core_load import WORKERS, _FormFields, _get, _post
from bench.pageload import production_settings, start_gunicorn
from bench.util import result
from veerkracht.testing.proxy import address, free_port

SUBMISSION_KEY = "submission_key"  # core.submissions.FIELD
CLIENTS = 8
SENDS = 40
KILL_EVERY = 0.7
WORKER_KILLS = 30  # then the server is left alone: a new worker needs a second or two to start
WHOLE_SERVER_KILLS = 2
FIRST_ADDRESS = 5000
PATIENCE = 60  # seconds a sender keeps trying


def _workers(master: int) -> list[int]:
    """The pids whose parent is gunicorn's master."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, http.client.HTTPException):  # refused, reset, cut off half-way
            continue
        if int(fields[1]) == master:
            found.append(int(stat.parent.name))
    return found


def _send(base: str, path: str, serial: str, source: str, resends: list) -> int:
    """Fill in the form and send it until it is acknowledged; the last answer's status (0: none). Every
    send after the first is noted in `resends`."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    deadline = time.monotonic() + PATIENCE
    form, cookie = None, ""
    while form is None and time.monotonic() < deadline:
        try:
            status, page, headers = _get(host, port, path, source=source, timeout=10)
        except (OSError, http.client.HTTPException):  # refused, reset, cut off half-way
            status = 0
        if status != 200:
            time.sleep(0.2)
            continue
        cookie = "; ".join(c.split(";")[0] for k, c in headers.items() if k.lower() == "set-cookie")
        form = _FormFields(path, serial)
        form.feed(page.decode())
        if os.environ.get("BENCH_KILL9_WITHOUT_KEY") == "1":
            form.fields.pop(SUBMISSION_KEY, None)
    status, first = 0, True
    while form is not None and time.monotonic() < deadline:
        if not first:
            resends.append(serial)
        first = False
        try:
            status = _post(host, port, path, form.fields, cookie, source)
        except (OSError, http.client.HTTPException):  # refused, reset, cut off half-way
            status = 0
        if status not in (0, 500, 502, 503):
            return status  # acknowledged (a redirect), or a real answer that is not one
        time.sleep(0.2)
    return status


def _sender(base: str, path: str, n: int, acknowledged: list, unanswered: list, resends: list) -> None:
    for i in range(SENDS):
        serial = f"kill{n}x{i}"
        status = _send(base, path, serial, address(FIRST_ADDRESS + n * SENDS + i), resends)
        if status in (301, 302, 303):
            acknowledged.append(serial)
        else:
            unanswered.append((serial, status))


class _Server:
    """gunicorn on a fixed port, with kills of one worker and of the whole server."""

    def __init__(self, env: dict) -> None:
        self.env, self.port = env, free_port()
        self.process = start_gunicorn(env, self.port, WORKERS)
        self.worker_kills = self.server_kills = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill_a_worker(self, rng: random.Random) -> None:
        workers = _workers(self.process.pid)
        if workers:
            os.kill(rng.choice(workers), signal.SIGKILL)
            self.worker_kills += 1

    def kill_everything_and_restart(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.server_kills += 1
        self.process = start_gunicorn(self.env, self.port, WORKERS)

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=20)


def _kill_while(server: _Server, done: Event) -> None:
    rng = random.Random(9)
    started = time.monotonic()
    while not done.wait(KILL_EVERY):
        elapsed = time.monotonic() - started
        if server.server_kills < WHOLE_SERVER_KILLS and elapsed > 2 + 3 * server.server_kills:
            server.kill_everything_and_restart()
        elif server.worker_kills < WORKER_KILLS:
            server.kill_a_worker(rng)


def _stored() -> Counter:
    from veerkracht.actioncentre.models import Request

    emails = Request.objects.filter(email__startswith="schrijverkill").values_list("email", flat=True)
    return Counter(email.split("@")[0].removeprefix("schrijver") for email in emails)


def run() -> list[dict]:
    from django.urls import reverse

    path = reverse("actioncentre:intake")
    acknowledged: list[str] = []
    unanswered: list[tuple[str, int]] = []
    resends: list[str] = []
    with production_settings() as env:
        server = _Server(env)
        done = Event()
        killer = Thread(target=_kill_while, args=(server, done))
        killer.start()
        senders = [
            Thread(target=_sender, args=(server.base, path, n, acknowledged, unanswered, resends))
            for n in range(CLIENTS)
        ]
        try:
            for thread in senders:
                thread.start()
            for thread in senders:
                thread.join()
        finally:
            done.set()
            killer.join()
            server.stop()
    stored = _stored()
    lost = sum(1 for serial in acknowledged if not stored[serial])
    duplicates = sum(n - 1 for n in stored.values() if n > 1)
    print(
        f"  core kill -9: {len(acknowledged)} of {CLIENTS * SENDS} intakes acknowledged while "
        f"{server.worker_kills} workers and {server.server_kills} times the whole server were killed; "
        f"{len(resends)} sends repeated after an error; {lost} lost, {duplicates} stored twice, "
        f"{len(unanswered)} unanswered "
        f"{Counter(status for _serial, status in unanswered)}"
    )
    return [
        result("core.kill9_lost_writes", lost, "count", 0),
        result("core.kill9_duplicates", duplicates, "count", 0),
        result("core.kill9_unanswered", len(unanswered), "count", 0),
        # That the kills hit: workers killed, and sends that had to be repeated (no goals).
        result("core.kill9_worker_kills", server.worker_kills, "count", 5, lower_is_better=False),
        result("core.kill9_resends", len(resends), "count", 1, lower_is_better=False),
    ]
