"""The network app's background jobs (Huey tasks) and scheduled jobs (core/schedule.py), one module per
feature; every job is safe to run twice, late or at the same time."""

from __future__ import annotations

import importlib
import pkgutil

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")
