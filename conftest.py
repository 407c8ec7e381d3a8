"""Test set-up shared by the whole suite (unit, view and browser tests).

Settings come from the one env-driven module; tests run in production mode (DEBUG off) with the
test flag that allows plain HTTP and a development secret key.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ["VEERKRACHT_TESTING"] = "1"
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "veerkracht.settings")
# Playwright's sync API runs an event loop in the test thread; the ORM calls in browser tests are
# synchronous test code, not async views.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Uploads made by tests (and by the servers tests start) go to a folder of this test process, never to
# the checkout's media/ or var/, and are removed afterwards.
_UPLOADS = tempfile.mkdtemp(prefix="veerkracht-test-uploads-")
atexit.register(shutil.rmtree, _UPLOADS, ignore_errors=True)
os.environ["MEDIA_ROOT"] = os.path.join(_UPLOADS, "media")
os.environ["PRIVATE_MEDIA_ROOT"] = os.path.join(_UPLOADS, "private-media")

import django  # noqa: E402 - after the environment above

# The fixtures plugin below imports models, so the app registry must be ready first.
django.setup()

pytest_plugins = ["veerkracht.testing.fixtures"]

# The crawl of every page with axe over the whole demo is the longest file by far. Collected first, it
# is the first file a worker takes and runs beside the rest of the suite instead of after it. (With
# `-n 2 --dist loadfile` each worker is first given a batch of files in collection order; the other
# crawl, core/tests/test_crawl.py, stays where it is so that it lands on the other worker.)
LONGEST_FIRST = "e2e/test_crawl_axe.py"


def pytest_collection_modifyitems(session, config, items) -> None:
    items.sort(key=lambda item: item.nodeid.split("::", 1)[0] != LONGEST_FIRST)  # stable sort
