"""Helpers for benchmarks: timing of server-side request handling and result records."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def time_calls(call: Callable[[], object], *, repeat: int, warmup: int = 5) -> list[float]:
    for _ in range(warmup):
        call()
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def result(name: str, value: float, unit: str, goal: float, *, lower_is_better: bool = True) -> dict:
    ok = value <= goal if lower_is_better else value >= goal
    return {"name": name, "value": round(value, 3), "unit": unit, "goal": goal, "ok": ok}


def latency_results(prefix: str, timings: list[float], goal_p95_ms: float) -> list[dict]:
    return [
        result(f"{prefix}_median_ms", statistics.median(timings), "ms", goal_p95_ms),
        result(f"{prefix}_p95_ms", percentile(timings, 95), "ms", goal_p95_ms),
    ]


def load_limburg():
    """The region every benchmark runs in (the bundled CBS data, as `make run` loads it)."""
    from veerkracht.regions.services import DATA_DIR, region_load

    return region_load(
        slug="limburg",
        province="PV31",
        movement_name="Limburg Positief Gezond",
        subregions_path=DATA_DIR / "subregions_limburg.csv",
    ).region


def timed_gets(client, paths: list[str], rounds: int = 3) -> list[float]:
    """Milliseconds of each GET of `paths`, `rounds` times over; the first round only warms caches.
    Every answer must be a 200."""
    timings = []
    for round_ in range(rounds):
        for path in paths:
            started = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (path, response.status_code)
            if round_:
                timings.append(elapsed)
    return timings


def query_count(client, path: str) -> int:
    """How many database queries one GET of `path` makes (it must answer 200)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)
