"""What the worker loads: `manage.py run_huey` imports every app's `tasks` module; this one imports
every app's `jobs.py` (their tasks) and makes their scheduled jobs periodic tasks (core/schedule.py)."""

from __future__ import annotations

from huey.contrib.djhuey import HUEY

from .schedule import install

install(HUEY)
