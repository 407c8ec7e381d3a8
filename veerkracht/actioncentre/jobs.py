"""The action centre's background jobs."""

from __future__ import annotations

import logging

from huey.contrib.djhuey import db_task

from .services.initiatives import initiative_update_send_mails

logger = logging.getLogger("veerkracht.jobs")


@db_task(name="actioncentre.update_mails", retries=3, retry_delay=60, retry_backoff=2)
def update_mails_job(update_pk: int) -> int:
    """Queue one news item's mail to every follower; safe to run again (each mail is queued once)."""
    queued = initiative_update_send_mails(update_pk=update_pk)
    logger.info("update %s: %s mails queued", update_pk, queued)
    return queued
