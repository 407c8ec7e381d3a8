"""Community benchmarks: the newsletter (run by bench/bench_community.py).

Newsletter: BENCH_NEWSLETTER_SUBSCRIBERS confirmed subscribers (default 50,000; a third choose one
subregion, some choose topics), bulk-inserted. `community.newsletter_queue_s` times what the editor's
"send" does: composing the draft from the digest sections and queueing the issue (one delivery row per
subscriber in bulk, the first batch job). `community.newsletter_batch_per_mail_ms` times one batch of the
queue's work per mail (filtering, rendering text and html, storing the mail), the mail jobs left out.
"""

from __future__ import annotations

import os
import secrets
import time
from datetime import date

from django.db import transaction

from bench.util import load_limburg, result

# --- newsletter ---------------------------------------------------------------------------------------


def _newsletter_subscribers(region, count: int) -> None:
    from veerkracht.community.models import Subscriber
    from veerkracht.core.vocabulary import THEMES

    subregions = list(region.subregions.all())
    rows = [
        Subscriber(
            region=region,
            email=f"bench{n}@example.org",
            nonce=secrets.token_hex(16),
            themes=THEMES.bits[THEMES.keys[n % len(THEMES.keys)]] if n % 4 == 0 else 0,
            confirmed_at="2026-01-01T00:00:00Z",
        )
        for n in range(count)
    ]
    with transaction.atomic():
        Subscriber.objects.bulk_create(rows, batch_size=5000)
    ids = list(Subscriber.objects.filter(region=region).order_by("pk").values_list("pk", flat=True))
    through = Subscriber.subregions.through
    links = [
        through(subscriber_id=pk, subregion_id=subregions[n % len(subregions)].pk)
        for n, pk in enumerate(ids)
        if n % 3 == 0
    ]
    with transaction.atomic():
        through.objects.bulk_create(links, batch_size=5000)


def _newsletter_section(region) -> None:
    """Twelve items across the subregions and topics, as the stories, sessions and questions give."""
    from veerkracht.community import digest
    from veerkracht.core.vocabulary import THEMES

    slugs = ["", *region.subregions.values_list("slug", flat=True)]
    items = [
        digest.DigestItem(
            "bench",
            f"Bericht {n}",
            f"/bench/{n}/",
            text="Samen wandelen, elke dinsdag om tien uur.",
            subregion=slugs[n % len(slugs)],
            themes=THEMES.bits[THEMES.keys[n % len(THEMES.keys)]] if n % 2 else 0,
        )
        for n in range(12)
    ]
    digest.register(digest.Section("bench", "Bench", lambda region, since, until: items, order=999))


def _newsletter() -> list[dict]:
    from veerkracht.accounts.models import Role
    from veerkracht.community.models import Delivery, Issue
    from veerkracht.community.services import newsletter as services

    region = load_limburg()
    _newsletter_section(region)
    count = int(os.environ.get("BENCH_NEWSLETTER_SUBSCRIBERS", "50000"))
    _newsletter_subscribers(region, count)
    editor = _editor(Role.STAFF)
    queued_batches = []
    services._enqueue_batch = queued_batches.append  # the batches are timed on their own below
    started = time.monotonic()
    issue = services.issue_create(region=region, month=date(2026, 12, 1), actor=editor)
    services.issue_send(issue=issue, actor=editor)
    queue_s = time.monotonic() - started
    deliveries = Delivery.objects.filter(issue=issue).count()
    print(f"  newsletter: {deliveries:,} deliveries queued in {queue_s:.1f}s")

    import veerkracht.core.mail as core_mail

    core_mail._enqueue_jobs = lambda ids, **_options: None  # time the batch, not the mail server
    size = 500
    started = time.monotonic()
    services.deliveries_send_batch(issue_id=issue.pk, size=size)
    per_mail_ms = (time.monotonic() - started) * 1000 / size
    Issue.objects.filter(pk=issue.pk).delete()
    return [
        result("community.newsletter_queue_s", queue_s, "s", 60),
        result("community.newsletter_deliveries", deliveries, "count", count, lower_is_better=False),
        result("community.newsletter_batch_per_mail_ms", per_mail_ms, "ms", 25),
    ]


def _editor(role):
    from veerkracht.accounts.tests.factories import UserFactory

    return UserFactory(email="redactie-bench@example.org", roles=[role])


def run() -> list[dict]:
    results: list[dict] = []
    # --- newsletter ---
    results += _newsletter()
    return results
