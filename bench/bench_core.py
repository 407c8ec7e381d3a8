"""Core pages: server time of the home page and the account page, and their query counts; what the
home page weighs on the wire and how long a slow phone on slow 4G waits for it (bench/pageload.py);
background jobs: queuing a mail in a request and jobs per second of one worker (bench/jobs.py); load
on a production server: read-mix throughput against the 404 page, latency at 32 clients, concurrent
writes, slow clients (bench/core_load.py); kill -9 while people send forms (bench/core_kill9.py)."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench import core_kill9, core_load, jobs
from bench.pageload import home_page_figures
from bench.util import latency_results, load_limburg, result, time_calls


def run() -> list[dict]:
    from veerkracht.accounts.demo import load
    from veerkracht.accounts.models import User

    region = load_limburg()
    load(region)
    anonymous = Client()
    resident = Client()
    resident.force_login(
        User.objects.get(email="inwoner@demo.veerkracht.nl"),
        backend="veerkracht.accounts.backends.LoginBackend",
    )

    results = []
    for name, client, path in (
        ("core.home", anonymous, "/"),
        ("core.account_page", resident, "/mijn-account/"),
    ):
        assert client.get(path).status_code == 200
        results += latency_results(name, time_calls(lambda c=client, p=path: c.get(p), repeat=200), 50)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        results.append(result(f"{name}_queries", len(queries), "count", 10))
    page_weight_kb, dcl_ms = home_page_figures()
    results.append(result("core.page_weight_kb", page_weight_kb, "KB", 150))
    results.append(result("core.dcl_slow4g_ms", dcl_ms, "ms", 2500))
    return results + jobs.run() + core_load.run() + core_kill9.run()
