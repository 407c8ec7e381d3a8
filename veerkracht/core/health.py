"""Health for load balancers and uptime checks: the database, the cache and the job queue answer.

The answer is 200 "ok", or 503 "niet gezond: database, cache" naming the parts that fail (the reason
itself goes to the log, never to the public).
It is answered by the first middleware, before host checks, HTTPS redirects, sessions and the region, so
a load balancer that asks by IP address over plain HTTP gets the real answer, and nothing in it can
raise a 500.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("veerkracht.health")

PATHS = frozenset({"/gezondheid/", "/healthz"})


def _database() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    from django.core.cache import cache

    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)


def _queue() -> None:
    from huey.contrib.djhuey import HUEY

    HUEY.pending_count()  # reads the queue's storage: the SQLite file or Redis


CHECKS: dict[str, Callable[[], None]] = {"database": _database, "cache": _cache, "queue": _queue}


def failing() -> list[str]:
    """The names of the checks that fail (logged with the reason)."""
    failed = []
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("health check %s failed", name)
            failed.append(name)
    return failed


class HealthCheckMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path not in PATHS:
            return self.get_response(request)
        try:
            failed = failing()
        except Exception:  # pragma: no cover - failing() already catches every check
            failed = ["onbekend"]
        response = HttpResponse(
            f"niet gezond: {', '.join(failed)}\n" if failed else "ok\n",
            status=503 if failed else 200,
            content_type="text/plain; charset=utf-8",
        )
        if failed:
            response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
