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
