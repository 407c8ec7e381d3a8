"""The monitor's scheduled jobs: its snapshots (see compute/snapshots.py; safe to run twice or after a
gap, and a killed run leaves the periods it had not finished for the next run)."""

from __future__ import annotations

import logging

from veerkracht.core.schedule import Scheduled, register
from veerkracht.regions.models import Region

from .compute.snapshots import snapshot_run

logger = logging.getLogger("veerkracht.jobs")


def snapshot_all_regions() -> str:
    lines = []
    regions = list(Region.objects.order_by("pk"))
    for number, region in enumerate(regions, start=1):
        result = snapshot_run(region=region)
        line = f"{region.slug}: {result.summary()}"
        logger.info("monitor snapshot %s/%s %s", number, len(regions), line)
        lines.append(line)
    return "; ".join(lines)


register(
    Scheduled(
        key="monitor.snapshot_month",
        what="Monitor snapshot: close and publish the month (quarter, year) that has just ended",
        when="monthly, on the 1st at 01:30",
        cron={"minute": "30", "hour": "1", "day": "1"},
        run=snapshot_all_regions,
        lock_ttl=6 * 3600,
        lock="monitor.snapshot",
        order=30,
    )
)
register(
    Scheduled(
        key="monitor.snapshot_open",
        what="Monitor snapshot: recompute the open periods (and fill any missing period)",
        when="nightly at 02:30",
        cron={"minute": "30", "hour": "2"},
        run=snapshot_all_regions,
        lock_ttl=6 * 3600,
        lock="monitor.snapshot",
        order=31,
    )
)
