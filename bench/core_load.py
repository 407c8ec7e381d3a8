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
from html.parser import HTMLParser
from threading import Thread
from urllib.parse import urlencode, urlsplit

from bench.pageload import production_server
from bench.util import percentile, result

WORKERS = ("--workers", "3", "--worker-class", "sync")
NOT_FOUND = "/deze-pagina-bestaat-niet/"
PROCESSES = 4
GOAL_RATIO = 0.6
GOAL_P95_MS = 300


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


def _get(host: str, port: int, path: str, headers: dict | None = None) -> tuple[int, bytes, dict]:
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        conn.close()


def _reader(base: str, paths: list[str], until: float, out: list) -> None:
    parts = urlsplit(base)
    for path in itertools.cycle(paths):
        if time.monotonic() >= until:
            return
        started = time.perf_counter()
        try:
            status, _body, _headers = _get(parts.hostname, parts.port, path)
        except OSError:
            status = 0
        out.append((status, (time.perf_counter() - started) * 1000))


def _client_process(job: tuple[str, list[str], int, float, str]) -> list[tuple[int, float]]:
    base, paths, threads, until, kind = job
    out: list[tuple[int, float]] = []
    target = _writer if kind == "write" else _reader
    pool = [Thread(target=target, args=(base, paths[i:] + paths[:i], until, out)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return out


def load(base: str, paths: list[str], clients: int, *, kind: str = "read") -> list[tuple[int, float]]:
    """(status, ms) of every request `clients` clients made in BENCH_LOAD_SECONDS."""
    processes = min(PROCESSES, clients)
    per_process = [clients // processes + (i < clients % processes) for i in range(processes)]
    until = time.monotonic() + _seconds()
    with ProcessPoolExecutor(processes) as executor:
        jobs = [(base, paths, n, until, kind) for n in per_process]
        return [row for rows in executor.map(_client_process, jobs) for row in rows]


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


def _post(host: str, port: int, path: str, fields: dict, cookie: str) -> int:
    body = urlencode(fields)
    headers = {
        "Cookie": cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": f"http://{host}:{port}{path}",
        "Origin": f"http://{host}:{port}",
    }
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request("POST", path, body=body, headers=headers)
        return conn.getresponse().status
    finally:
        conn.close()


def _writer(base: str, paths: list[str], until: float, out: list) -> None:
    parts = urlsplit(base)
    serial = itertools.count()
    for path in itertools.cycle(paths):
        if time.monotonic() >= until:
            return
        started = time.perf_counter()
        try:
            status, page, headers = _get(parts.hostname, parts.port, path)
            cookie = "; ".join(c.split(";")[0] for k, c in headers.items() if k.lower() == "set-cookie")
            form = _FormFields(path, f"{os.getpid()}-{id(out)}-{next(serial)}")
            form.feed(page.decode())
            status = _post(parts.hostname, parts.port, path, form.fields, cookie) if status == 200 else status
        except OSError:
            status = 0
        out.append((status, (time.perf_counter() - started) * 1000))


# --- Run -------------------------------------------------------------------------------------------


def _rps(rows: list[tuple[int, float]]) -> float:
    return sum(1 for status, _ms in rows if status == 200) / _seconds()


def run() -> list[dict]:
    paths, forms = prepare()
    clients = int(os.environ.get("BENCH_LOAD_CLIENTS", "8"))
    with production_server(WORKERS) as base:
        for path in paths:  # every page answers, and the first visit fills the caches
            status, _body, _headers = _get(urlsplit(base).hostname, urlsplit(base).port, path)
            assert status == 200, (path, status)
        not_found = load(base, [NOT_FOUND], clients)
        reads = load(base, paths, clients)
        many = load(base, paths, 32)
        writes, mixed_reads = _write_mix(base, paths, forms)
    ratio = _rps(reads) / max(_rps([(200 if s == 404 else s, ms) for s, ms in not_found]), 1e-9)
    errors = sum(1 for status, _ms in writes + mixed_reads if status >= 500 or status == 0)
    done = sum(1 for status, _ms in writes if status in (200, 302))
    print(
        f"  core load: read mix {_rps(reads):.0f}/s, 404 {len(not_found) / _seconds():.0f}/s "
        f"({clients} clients); 32 clients: median {statistics.median(ms for _s, ms in many):.0f} ms; "
        f"writes {len(writes)} ({done} accepted, {errors} errors)"
    )
    return [
        result("core.read_mix_vs_404_ratio", ratio, "x", GOAL_RATIO, lower_is_better=False),
        result("core.read_mix_rps", _rps(reads), "req/s", 0, lower_is_better=False),
        result("core.read_mix_p95_ms", percentile([ms for _s, ms in many], 95), "ms", GOAL_P95_MS),
        result("core.read_mix_errors", sum(1 for s, _ms in reads + many if s != 200), "count", 0),
        result("core.write_mix_errors", errors, "count", 0),
        result("core.write_mix_accepted", done, "count", 1, lower_is_better=False),
    ]


def _write_mix(base: str, paths: list[str], forms: list[str]) -> tuple[list, list]:
    with ProcessPoolExecutor(2) as executor:
        until = time.monotonic() + _seconds()
        writes = executor.submit(_client_process, (base, forms, 16, until, "write"))
        reads = executor.submit(_client_process, (base, paths, 16, until, "read"))
        return writes.result(), reads.result()
