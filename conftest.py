"""Test set-up shared by the whole suite (unit, view and browser tests).

Settings come from the one env-driven module; tests run in production mode (DEBUG off) with the
test flag that allows plain HTTP and a development secret key.
"""

from __future__ import annotations

import os

os.environ["VEERKRACHT_TESTING"] = "1"
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "veerkracht.settings")
# Playwright's sync API runs an event loop in the test thread; the ORM calls in browser tests are
# synchronous test code, not async views.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django

# The fixtures plugin below imports models, so the app registry must be ready first.
django.setup()

pytest_plugins = ["veerkracht.testing.fixtures"]

# The two crawls over the whole demo are the longest files by far. Collected first, each is the first
# file a worker takes, so they run beside the rest of the suite instead of after it (with `-n 2
# --dist loadfile` files go to the workers in collection order).
LONGEST_FIRST = ("e2e/test_crawl_axe.py", "veerkracht/core/tests/test_crawl.py")


def pytest_collection_modifyitems(session, config, items) -> None:
    def rank(item) -> int:
        path = item.nodeid.split("::", 1)[0]
        return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: the order within and after them stays as collected
