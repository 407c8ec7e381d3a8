"""A small fixed-window rate limit that every web worker shares.

Where the cache is Redis (REDIS_URL), the count is an atomic INCR there. Otherwise it is a row of
``RateCounter`` in the database, counted with one atomic UPDATE: a per-process memory would give every
worker its own allowance (three workers, three times the limit) and forget it on a restart. Counting
inside a transaction that is rolled back does not count: a write that failed is not held against anyone.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone


def client_ip(request) -> str:
    """The visitor's address: behind a proxy (BEHIND_PROXY, TRUSTED_PROXY_COUNT) taken from
    X-Forwarded-For the way allauth's own login limits take it, so every limit counts the same client."""
    from allauth.account.adapter import get_adapter
    from django.core.exceptions import ImproperlyConfigured, PermissionDenied

    try:
        return get_adapter().get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):
        # A forwarded-for header with fewer addresses than trusted proxies did not pass our proxies.
        return request.META.get("REMOTE_ADDR", "") or "unknown"


def _in_process() -> bool:
    return settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


def _in_redis() -> bool:
    return settings.CACHES["default"]["BACKEND"].endswith("RedisCache")


def too_many(scope: str, key: str, *, limit: int, seconds: int) -> bool:
    """Count one attempt for (scope, key); True once more than `limit` happened in this window."""
    digest = hashlib.sha256(f"{scope}:{key}".lower().encode()).hexdigest()[:32]
    counter_key = f"rl:{scope[:40]}:{digest}"
    if _in_redis() or _in_process():
        return _cache_count(counter_key, seconds) > limit
    return _database_count(counter_key, seconds) > limit


def _cache_count(cache_key: str, seconds: int) -> int:
    if cache.add(cache_key, 1, timeout=seconds):
        return 1
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=seconds)
        return 1


def _database_count(key: str, seconds: int) -> int:
    from .models import RateCounter

    now = timezone.now()
    counters = RateCounter.objects.filter(key=key, expires_at__gt=now)
    with transaction.atomic():
        if counters.update(count=F("count") + 1):
            return counters.values_list("count", flat=True).first() or 1
        try:
            with transaction.atomic():
                RateCounter.objects.filter(key=key).delete()  # an expired window
                RateCounter.objects.create(key=key, count=1, expires_at=now + timedelta(seconds=seconds))
            return 1
        except IntegrityError:  # another worker opened the window at the same moment
            counters.update(count=F("count") + 1)
            return counters.values_list("count", flat=True).first() or 1


def counters_expired_delete(now) -> int:
    from .models import RateCounter

    return RateCounter.objects.filter(expires_at__lte=now).delete()[0]
