"""Demo figures for the monitor (`make run`): the snapshot of every period, so each page has figures.

Runs last (INSTALLED_APPS order), after every other app loaded its demo data; safe on every `make run`:
the snapshot only computes new periods and the open ones.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings

from veerkracht.regions.models import Region

from .compute.snapshots import snapshot_run


def load(region: Region) -> list[str]:
    year = settings.MONITOR_DEMO_FROM_YEAR
    result = snapshot_run(region=region, since=date(year, 1, 1) if year else None)
    return [
        f"  Monitor: {len(result.computed)} periods computed ({result.skipped} kept), "
        f"{result.figures:,} figures in {result.seconds:.1f}s"
    ]
