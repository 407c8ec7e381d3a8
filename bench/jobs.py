"""Background jobs: how long a request spends queuing a mail, and how many trivial jobs one worker
processes per second, on the SQLite queue and (when REDIS_URL or a local Redis answers) on Redis."""

from __future__ import annotations

import gc
import logging
import os
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench.util import percentile, result

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def _redis_up() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:
        return False
    return True


def enqueue_ms(huey, repeat: int = 500) -> tuple[float, float, float]:
    """What queuing a mail adds to a request: the row, written in the request's own transaction (whose
    commit the request does anyway for its own data), plus pushing the job after that commit.
    Returns (median and p95 of that, p95 of the same with a commit of its own)."""
    from django.db import transaction

    from veerkracht.core import mail
    from veerkracht.core.models import OutgoingMail

    previous, push = huey.immediate, mail._enqueue_jobs
    huey.immediate = False  # the bench process runs jobs at once otherwise (test settings)
    pushes: list[float] = []

    def timed_push(ids: list[int], **options) -> None:
        started = time.perf_counter()
        push(ids, **options)
        pushes.append((time.perf_counter() - started) * 1000)

    mail._enqueue_jobs = timed_push
    rows, with_commit = [], []
    try:
        for i in range(repeat):
            started = time.perf_counter()
            with transaction.atomic():
                mail.mail_enqueue(subject="Bench", body="tekst", to=[f"b{i}@example.org"], key=f"bench:{i}")
                rows.append((time.perf_counter() - started) * 1000)
            with_commit.append((time.perf_counter() - started) * 1000)
        huey.flush()
    finally:
        mail._enqueue_jobs = push
        huey.immediate = previous
        OutgoingMail.objects.filter(key__startswith="bench:").delete()
    own = [row + pushed for row, pushed in zip(rows, pushes, strict=True)]
    return statistics.median(own[10:]), percentile(own[10:], 95), percentile(with_commit[10:], 95)


def jobs_per_second(huey, count: int) -> float:
    """Queue `count` trivial jobs, then let one worker (one thread) take them all."""
    done = threading.Event()
    seen = []

    @huey.task(name=f"bench.trivial.{uuid.uuid4().hex[:6]}")
    def trivial(n: int) -> None:
        seen.append(n)
        if len(seen) == count:
            done.set()

    for n in range(count):
        trivial(n)
    # Measure the queue, not the console: Huey logs two lines per job at INFO.
    logging.getLogger("huey").setLevel(logging.WARNING)
    consumer = huey.create_consumer(workers=1, worker_type="thread", periodic=False, initial_delay=0.01)
    started = time.perf_counter()
    consumer.start()
    try:
        done.wait(timeout=300)
        elapsed = time.perf_counter() - started
    finally:
        consumer.stop(graceful=True)
        huey.flush()
    return len(seen) / elapsed


def run() -> list[dict]:
    # The benchmarks before these leave the demo data of the page benchmarks in this process; a web
    # request or a worker does not carry that. Keep the garbage collector from walking it.
    gc.collect()
    gc.freeze()
    try:
        return _run()
    finally:
        gc.unfreeze()


def _run() -> list[dict]:
    from huey import PriorityRedisHuey
    from huey.contrib.djhuey import HUEY

    from veerkracht.core.queue import SqliteQueue

    median, own, with_commit = enqueue_ms(HUEY)
    results = [
        result("core.enqueue_median_ms", median, "ms", 5),
        result("core.enqueue_p95_ms", own, "ms", 5),
        result("core.enqueue_with_commit_p95_ms", with_commit, "ms", 10),
    ]
    with tempfile.TemporaryDirectory() as folder:
        # The queue as settings.py configures it without REDIS_URL.
        sqlite = SqliteQueue("bench", filename=str(Path(folder) / "jobs.sqlite3"), results=False)
        rate = jobs_per_second(sqlite, 2000)
        results.append(result("core.jobs_per_s", rate, "jobs/s", 100, lower_is_better=False))
    if _redis_up():
        redis_huey = PriorityRedisHuey(f"bench-{uuid.uuid4().hex[:8]}", url=REDIS_URL, results=False)
        rate = jobs_per_second(redis_huey, 5000)
        results.append(result("core.jobs_per_s_redis", rate, "jobs/s", 100, lower_is_better=False))
    return results
