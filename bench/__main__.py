"""`make bench [BENCH=<app>]`: run benchmarks and write bench/results.json.

Each app's benchmarks live in bench/bench_<app>.py with a function `run() -> list[Result]`.
They run against their own database (BENCH_DATABASE_URL, default a throw-away SQLite file next to
this module), never the demo database, which is removed afterwards.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.json"


def _postgres_database(url: str, *, create: bool) -> None:
    """(Re)create the benchmark's own PostgreSQL database, or drop it afterwards."""
    import psycopg
    from psycopg import sql

    name = urlsplit(url).path.lstrip("/")
    if not name or name in {"postgres", "template0", "template1"}:
        raise SystemExit("BENCH_DATABASE_URL must name a database of its own, e.g. .../veerkracht_bench")
    maintenance = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if create:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--only", help="run one app's benchmarks (e.g. core, spiderweb)")
    args = parser.parse_args(argv)

    db_file = HERE / "bench.sqlite3"
    database_url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{db_file}"
    os.environ["DATABASE_URL"] = database_url
    if database_url.startswith("postgres"):
        _postgres_database(database_url, create=True)
    os.environ["VEERKRACHT_TESTING"] = "1"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "veerkracht.settings")
    sys.path.insert(0, str(HERE.parent))

    import django

    django.setup()
    from django.core.management import call_command

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    call_command("migrate", verbosity=0, interactive=False)

    apps = sorted(
        m.name.removeprefix("bench_")
        for m in pkgutil.iter_modules([str(HERE)])
        if m.name.startswith("bench_")
    )
    if args.only:
        if args.only not in apps:
            print(f"No benchmarks for '{args.only}'. Known: {', '.join(apps) or 'none'}")
            return 2
        apps = [args.only]

    results: list[dict] = []
    try:
        for app in apps:
            started = time.monotonic()
            module = importlib.import_module(f"bench.bench_{app}")
            app_results = module.run()
            results += app_results
            print(f"{app}: {len(app_results)} results in {time.monotonic() - started:.1f}s")
    finally:
        from django.db import connections

        connections.close_all()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)
        if database_url.startswith("postgres"):
            _postgres_database(database_url, create=False)

    previous = json.loads(RESULTS.read_text()) if (args.only and RESULTS.exists()) else []
    merged = [r for r in previous if r["name"].split(".")[0] not in apps] + results
    RESULTS.write_text(json.dumps(merged, indent=2) + "\n")
    width = max((len(r["name"]) for r in results), default=10)
    for r in results:
        mark = "ok " if r["ok"] else "MISS"
        print(f"  {mark} {r['name']:<{width}}  {r['value']:>10.2f} {r['unit']:<6} goal {r['goal']}")
    print(f"Wrote {RESULTS.relative_to(HERE.parent)} ({len(merged)} results)")
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
