"""Newsletter: sending in batches through the queue, and resuming sends a killed worker left."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from veerkracht.core.schedule import Scheduled, register


@db_task(name="community.newsletter_batch", retries=3, retry_delay=60, priority=0)
def newsletter_batch(issue_id: int) -> int:
    """One batch of an issue's mails; the next batch is queued while some are still waiting. A retry
    or a second run queues nothing twice (services.newsletter.deliveries_send_batch)."""
    from ..services.newsletter import deliveries_send_batch

    pending = deliveries_send_batch(issue_id=issue_id)
    if pending:
        newsletter_batch(issue_id)
    return pending


def _newsletter_resume() -> int:
    from ..services.newsletter import issues_resume

    return issues_resume()


register(
    Scheduled(
        key="community.newsletter_resume",
        what="Newsletter: go on with issues still being sent (after a killed worker or a lost batch)",
        when="every 15 minutes",
        cron={"minute": "*/15"},
        run=_newsletter_resume,
        lock_ttl=900,
        order=60,
    )
)
