"""A small fixed-window rate limit in the cache (shared between servers once the cache is Redis)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache


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


def too_many(scope: str, key: str, *, limit: int, seconds: int) -> bool:
    """Count one attempt for (scope, key); True once more than `limit` happened in this window."""
    digest = hashlib.sha256(f"{scope}:{key}".lower().encode()).hexdigest()[:32]
    cache_key = f"rl:{scope}:{digest}"
    if cache.add(cache_key, 1, timeout=seconds):
        return False
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=seconds)
        return False
    return count > limit
