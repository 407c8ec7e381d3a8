"""Rate limits are shared by every web worker and survive a restart: kept in the database (or Redis),
never in one process's memory, and counted atomically."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone

from veerkracht.core.models import RateCounter
from veerkracht.core.ratelimit import counters_expired_delete, too_many

pytestmark = pytest.mark.django_db

DATABASE_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "veerkracht_cache"}
}


@pytest.fixture
def database_cache(settings):
    settings.CACHES = DATABASE_CACHE
    from veerkracht.core.apps import _cache_table

    _cache_table()  # as after every migrate
    yield
    caches["default"].clear()


def test_the_production_default_keeps_the_cache_in_the_database(monkeypatch):
    import importlib

    from veerkracht import settings as module

    monkeypatch.setenv("VEERKRACHT_TESTING", "0")
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    monkeypatch.setenv("ALLOWED_HOSTS", "example.org")
    monkeypatch.setenv("SITE_URL", "https://example.org")
    monkeypatch.setenv("EMAIL_HOST", "mail.example.org")
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("CACHE_BACKEND", raising=False)
    try:
        fresh = importlib.reload(module)
        assert fresh.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    finally:
        monkeypatch.undo()
        importlib.reload(module)


def test_counts_are_kept_in_the_database_and_one_worker_restart_forgets_nothing(database_cache):
    for _ in range(3):
        assert not too_many("test.write", "203.0.113.7", limit=3, seconds=60)
    caches.close_all()  # what a restarted worker starts with: nothing in memory
    assert too_many("test.write", "203.0.113.7", limit=3, seconds=60)
    assert not too_many("test.write", "203.0.113.8", limit=3, seconds=60)  # someone else
    (counter,) = RateCounter.objects.filter(count=4)
    assert "203.0.113.7" not in counter.key  # only a hash of what is counted


def test_a_new_window_starts_when_the_old_one_is_over_and_old_windows_are_cleaned_up(database_cache):
    for _ in range(4):
        too_many("test.write", "a", limit=3, seconds=60)
    RateCounter.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert not too_many("test.write", "a", limit=3, seconds=60)
    assert RateCounter.objects.get().count == 1
    assert counters_expired_delete(timezone.now() + timedelta(seconds=61)) == 1


def test_the_database_cache_table_exists_after_migrate_and_is_shared(database_cache):
    caches["default"].set("shared", 42)
    caches.close_all()
    assert caches["default"].get("shared") == 42
