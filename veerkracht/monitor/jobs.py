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
        made = reports_warm(region)
        logger.info("monitor: %s municipality reports made for %s", made, region.slug)
    return "; ".join(lines)


def reports_warm(region) -> int:
    """Make the public municipality reports (PDF) of the new snapshot in advance, in every language,
    so no visitor waits for one (presenters/reports.py)."""
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser
    from django.http import Http404
    from django.test import RequestFactory
    from django.utils import translation

    from veerkracht.lib.pdf import html_to_pdf

    from . import views  # the page's own way of making the report
    from .compute.areas import AreaTree
    from .presenters import reports

    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "localhost"
    made = 0
    for code, _name, _subregion in AreaTree.of(region).municipalities:
        for language, _label in settings.LANGUAGES:
            request = RequestFactory(SERVER_NAME=host).get(f"/monitor/gemeente/{code}/rapport.pdf")
            request.user, request.region = AnonymousUser(), region
            with translation.override(language):
                key = views.report_key(request, code)
                if reports.cached(key) is not None:
                    continue
                try:
                    reports.keep(key, html_to_pdf(views.report_html(request, code)))
                except Http404:
                    continue
            made += 1
    return made


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
