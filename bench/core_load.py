"""Load on a production server: the read mix against Django's own 404 page, latency at 32 clients, and
concurrent writes (issue 17).

The site runs as in production (bench/pageload.py: collectstatic, DEBUG off, the database cache)
under gunicorn with 3 sync workers, as in the issue's figures: the work is CPU-bound (SQLite or a local
PostgreSQL answers in well under a millisecond), so threads would only share the same two cores, and
sync workers keep the numbers comparable with the issue's. It uses the benchmark's own database
(SQLite by default, PostgreSQL with BENCH_DATABASE_URL) with the Limburg demo data and its snapshots.

Clients are separate processes (4 x 8 threads at most), each request on a new connection (sync
workers close it anyway), visitors without cookies, as a crawler or a first visit. Measured:
- ``core.read_mix_vs_404_ratio``: requests per second of the read mix (home, the initiatives list with
  its map, one initiative, the monitor's region and a municipality page, open-data figures) divided by
  that of a page that does not exist, both with BENCH_LOAD_CLIENTS clients (default 8) for
  BENCH_LOAD_SECONDS (default 15);
- ``core.read_mix_p95_ms``: the read mix's 95th percentile with 32 clients;
- ``core.write_mix_errors``: 5xx answers and dropped connections while 16 clients send the intake form
  and sign up at the same time as 16 read. A 429 (rate limit: every client has the same address) is a
  correct answer, not an error.
The client processes share the two cores with the server: absolute figures are low, the ratio is fair.
"""

from __future__ import annotations

import http.client
import itertools
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from threading import Thread
from urllib.parse import urlencode, urlsplit

from bench.pageload import production_server
from bench.util import percentile, result
from veerkracht.testing.proxy import address, nginx_in_front, slow_clients

WORKERS = ("--workers", "3", "--worker-class", "sync")
NOT_FOUND = "/deze-pagina-bestaat-niet/"
PROCESSES = 4
GOAL_RATIO = 0.6
GOAL_P95_MS = 300
PROXIED = {"BEHIND_PROXY": "1", "TRUSTED_PROXY_COUNT": "1"}  # client addresses from nginx's X-Forwarded-For
SLOW_CLIENTS = 50
READ_TIMEOUT = 5


def _seconds() -> float:
    return float(os.environ.get("BENCH_LOAD_SECONDS", "15"))


# --- Data ------------------------------------------------------------------------------------------


def prepare() -> tuple[list[str], list[str]]:
    """The Limburg demo (with its monitor snapshots); returns the read mix's paths and the forms'."""
    from django.urls import reverse

    from veerkracht.actioncentre.models import Initiative, Review
    from veerkracht.core.extensions import load_demo
    from veerkracht.core.indicators import get_indicator

    from .util import load_limburg

    region = load_limburg()
    load_demo(region)
    initiative = Initiative.objects.filter(region=region, review=Review.PUBLIC).order_by("pk").first()
    municipality = region.municipalities.order_by("code").first()
    indicator = next(k for k in ("reach", "score", "initiatives") if get_indicator(k) is not None)
    forms = [reverse("actioncentre:intake"), reverse("account_signup")]
    return [
        reverse("core:home"),
        reverse("initiatives:list"),
        reverse("initiatives:detail", args=[initiative.slug]),
        reverse("monitor:region"),
        reverse("monitor:municipality", args=[municipality.code]),
        f"/api/v1/indicators/{indicator}/figures",
    ], forms


# --- Clients ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    base: str
    paths: list[str]
    threads: int
    until: float
    kind: str = "read"
    first: int | None = None  # the first thread's own address (core_slow.address), None: 127.0.0.1
    timeout: float = 30


def _get(
    host: str, port: int, path: str, headers: dict | None = None, *, source: str | None = None, timeout=30
) -> tuple[int, bytes, dict]:
    conn = http.client.HTTPConnection(host, port, timeout=timeout, source_address=source and (source, 0))
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        conn.close()


def _reader(job: _Job, paths: list[str], source: str | None, out: list) -> None:
    parts = urlsplit(job.base)
    for path in itertools.cycle(paths):
        if time.monotonic() >= job.until:
            return
        started = time.perf_counter()
        try:
            status, _body, _headers = _get(
                parts.hostname, parts.port, path, source=source, timeout=job.timeout
            )
        except (OSError, http.client.HTTPException):  # refused, reset, cut off half-way
            status = 0
        out.append((status, (time.perf_counter() - started) * 1000))


def _client_process(job: _Job) -> list[list[tuple[int, float]]]:
    """(status, ms) of every request, per client (thread)."""
    target = _writer if job.kind == "write" else _reader
    outs: list[list[tuple[int, float]]] = [[] for _ in range(job.threads)]
    pool = [
        Thread(target=target, args=(job, job.paths[i:] + job.paths[:i], _source(job, i), outs[i]))
        for i in range(job.threads)
    ]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return outs


def _source(job: _Job, i: int) -> str | None:
    return None if job.first is None else address(job.first + i)


def load(
    base: str, paths: list[str], clients: int, *, first: int | None = None, timeout: float = 30
) -> list[tuple[int, float]]:
    """(status, ms) of every request `clients` readers made in BENCH_LOAD_SECONDS; with `first`, each
    from an address of its own."""
    processes = min(PROCESSES, clients)
    per_process = [clients // processes + (i < clients % processes) for i in range(processes)]
    until = time.monotonic() + _seconds()
    starts = [None if first is None else first + sum(per_process[:i]) for i in range(processes)]
    jobs = [
        _Job(base, paths, n, until, first=start, timeout=timeout)
        for n, start in zip(per_process, starts, strict=True)
    ]
    with ProcessPoolExecutor(processes) as executor:
        return [row for outs in executor.map(_client_process, jobs) for out in outs for row in out]


# --- Writes: fill in and send the intake form and the sign-up form ------------------------------------


class _FormFields(HTMLParser):
    """The fields of the page's form posting to `action` (or of its last POST form), filled in."""

    def __init__(self, action: str, serial: str) -> None:
        super().__init__()
        self.action, self.serial = action, serial
        self.inside, self.fields, self.select = False, {}, None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.inside = a.get("action") in (None, "", self.action)
            if self.inside:
                self.fields = {}
        if not self.inside:
            return
        if tag in ("input", "textarea"):
            self._input(a, a.get("type", "text" if tag == "input" else "textarea"))
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select and a.get("value") and self.select not in self.fields:
            self.fields[self.select] = a["value"]

    def _input(self, a: dict, kind: str) -> None:
        name = a.get("name")
        if not name or name == "website" or name in self.fields:  # "website": the honeypot stays empty
            return
        values = {
            "hidden": a.get("value", ""),
            "email": f"schrijver{self.serial}@bench.veerkracht.nl",
            "password": "Een lang wachtwoord 4 bench!",
            "radio": a.get("value", ""),
            "checkbox": "on" if "required" in a else None,
        }
        value = values.get(kind, f"Bench {self.serial}")
        if value is not None:
            self.fields[name] = value

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = self.inside and not self.fields


def _post(host: str, port: int, path: str, fields: dict, cookie: str, source: str | None) -> int:
    body = urlencode(fields)
    headers = {
        "Cookie": cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": f"http://{host}:{port}{path}",
        "Origin": f"http://{host}:{port}",
    }
    conn = http.client.HTTPConnection(host, port, timeout=30, source_address=source and (source, 0))
    try:
        conn.request("POST", path, body=body, headers=headers)
        return conn.getresponse().status
    finally:
        conn.close()


def _writer(job: _Job, paths: list[str], source: str | None, out: list) -> None:
    parts = urlsplit(job.base)
    serial = itertools.count()
    for path in itertools.cycle(paths):
        if time.monotonic() >= job.until:
            return
        started = time.perf_counter()
        try:
            status, page, headers = _get(parts.hostname, parts.port, path, source=source)
            cookie = "; ".join(c.split(";")[0] for k, c in headers.items() if k.lower() == "set-cookie")
            form = _FormFields(path, f"{os.getpid()}-{id(out)}-{next(serial)}")
            form.feed(page.decode())
            if status == 200:
                status = _post(parts.hostname, parts.port, path, form.fields, cookie, source)
        except (OSError, http.client.HTTPException):  # refused, reset, cut off half-way
            status = 0
        out.append((status, (time.perf_counter() - started) * 1000))


# --- Run -------------------------------------------------------------------------------------------


def _rps(rows: list[tuple[int, float]]) -> float:
    return sum(1 for status, _ms in rows if status == 200) / _seconds()


def run() -> list[dict]:
    paths, forms = prepare()
    clients = int(os.environ.get("BENCH_LOAD_CLIENTS", "8"))
    with production_server(WORKERS, settings=PROXIED) as base, nginx_in_front(base) as front:
        for path in paths:  # every page answers, and the first visit fills the caches
            status, _body, _headers = _get(urlsplit(base).hostname, urlsplit(base).port, path)
            assert status == 200, (path, status)
        not_found = load(base, [NOT_FOUND], clients)
        reads = load(base, paths, clients)
        many = load(base, paths, 32)
        writers, mixed_reads = _write_mix(front, paths, forms)
        slow = _beside_slow_clients(front, paths, clients)
        slow_direct = _beside_slow_clients(base, paths, clients)
    writes = [row for out in writers for row in out]
    ratio = _rps(reads) / max(_rps([(200 if s == 404 else s, ms) for s, ms in not_found]), 1e-9)
    errors = sum(1 for status, _ms in writes + mixed_reads if status >= 500 or status == 0)
    done = sum(1 for status, _ms in writes if status in (200, 302))
    served = sum(1 for out in writers if any(status in (200, 302) for status, _ms in out))
    print(
        f"  core load: read mix {_rps(reads):.0f}/s, 404 {len(not_found) / _seconds():.0f}/s "
        f"({clients} clients); 32 clients: median {statistics.median(ms for _s, ms in many):.0f} ms; "
        f"writes {len(writes)} ({done} accepted, {served} of {len(writers)} writers served, "
        f"{errors} errors); "
        f"beside {SLOW_CLIENTS} slow clients: {_failed(slow)} of {len(slow)} reads failed behind nginx, "
        f"{_failed(slow_direct)} of {len(slow_direct)} without it"
    )
    return [
        result("core.read_mix_vs_404_ratio", ratio, "x", GOAL_RATIO, lower_is_better=False),
        result("core.read_mix_rps", _rps(reads), "req/s", 0, lower_is_better=False),
        result("core.read_mix_p95_ms", percentile([ms for _s, ms in many], 95), "ms", GOAL_P95_MS),
        result("core.read_mix_errors", sum(1 for s, _ms in reads + many if s != 200), "count", 0),
        result("core.write_mix_errors", errors, "count", 0),
        result("core.write_mix_accepted", done, "count", 1, lower_is_better=False),
        result("core.write_mix_writers_served", served, "count", len(writers), lower_is_better=False),
        result("core.slow_clients_read_errors", _failed(slow), "count", 0),
        result("core.slow_clients_read_p95_ms", percentile([ms for _s, ms in slow], 95), "ms", GOAL_P95_MS),
        # Without nginx: what the shipped proxy prevents (no goal, the figure to compare with).
        result(
            "core.slow_clients_direct_read_errors", _failed(slow_direct), "count", 0, lower_is_better=False
        ),
    ]


def _failed(rows: list[tuple[int, float]]) -> int:
    return sum(1 for status, _ms in rows if status != 200)


def _write_mix(front: str, paths: list[str], forms: list[str]) -> tuple[list[list], list]:
    """16 people send the intake and sign-up forms while 16 others read, each from an address of their
    own, through nginx: the site's rate limits give each of them their own allowance."""
    with ProcessPoolExecutor(2) as executor:
        until = time.monotonic() + _seconds()
        writes = executor.submit(_client_process, _Job(front, forms, 16, until, "write", first=1000))
        reads = executor.submit(_client_process, _Job(front, paths, 16, until, first=1100))
        return writes.result(), [row for out in reads.result() for row in out]


def _beside_slow_clients(base: str, paths: list[str], clients: int) -> list[tuple[int, float]]:
    """The read mix from `clients` readers while SLOW_CLIENTS slow clients hold connections; a read
    that takes longer than READ_TIMEOUT seconds counts as failed."""
    until = time.monotonic() + _seconds() + 2
    with slow_clients(base, SLOW_CLIENTS, until, first=2000):
        return load(base, paths, clients, first=2100, timeout=READ_TIMEOUT)
