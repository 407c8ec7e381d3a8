"""The core's background jobs: sending e-mail, and the scheduled clean-up (core/schedule.py)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils import timezone
from huey.contrib.djhuey import close_db, db_task, on_startup

from .mail import mail_recover, mail_send
from .schedule import Scheduled, register

logger = logging.getLogger("veerkracht.jobs")


@db_task(
    name="core.send_mail",
    retries=settings.MAIL_RETRIES,
    retry_delay=settings.MAIL_RETRY_DELAY,
    retry_backoff=2,
    priority=10,
    context=True,
)
def send_mail_job(mail_id: int, task=None) -> str:
    """Send one stored mail; Huey retries a failure after 1, 2, 4 … minutes (MAIL_RETRIES times)."""
    return mail_send(mail_id=mail_id, final=task is None or task.retries == 0)


@on_startup()
@close_db
def recover_mail_on_start() -> None:
    """A worker that starts (again) first puts back what a killed worker left half-sent (only mails
    stuck for longer than MAIL_STALE_SECONDS, so workers that are still busy elsewhere are left alone)."""
    if mail_recover():
        logger.info("mails recovered at start")


def _retention() -> dict:
    from .retention import apply_all

    outcomes = apply_all(timezone.now())
    failed = [o.key for o in outcomes if o.error]
    for outcome in outcomes:
        logger.info("retention %s: %s", outcome.key, outcome.error or f"{outcome.removed} removed")
    if failed:  # logged above; the job fails so the worker's log and `manage.py jobs` show it
        raise RuntimeError(f"retention rules failed: {', '.join(failed)}")
    return {o.key: o.removed for o in outcomes}


def _backup() -> str:
    from .backup import backup_create

    return str(backup_create().path)


register(
    Scheduled(
        key="core.backup",
        what="Back up the database and the uploaded files; keep the newest BACKUP_KEEP",
        when="every night at 02:10",
        cron={"minute": "10", "hour": "2"},
        run=_backup,
        lock_ttl=6 * 3600,
        order=5,
    )
)


register(
    Scheduled(
        key="core.retention",
        what="Delete what has been kept long enough (every app's retention rules, privacy statement)",
        when="daily at 03:15",
        cron={"minute": "15", "hour": "3"},
        run=_retention,
        order=10,
    )
)
register(
    Scheduled(
        key="core.mail_recover",
        what="Put mails back on the queue that a killed worker left half-sent or that lost their job",
        when="every 5 minutes",
        cron={"minute": "*/5"},
        run=mail_recover,
        lock_ttl=300,
        order=20,
    )
)
