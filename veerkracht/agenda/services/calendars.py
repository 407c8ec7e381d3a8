"""Reminders by e-mail the day before an event (a scheduled job, hourly).

Every confirmed registration of a published event gets one reminder, once the event starts within
REMIND_BEFORE. The window is open from then until the start, so a missed run (or a worker that was down
for hours) is made up by the next one; `Registration.reminded_at`, set under a row lock in the same
transaction that queues the mail, makes a second run (or two at once) send nothing again. Someone who
registered less than SKIP_IF_REGISTERED_WITHIN before the start just had the confirmation: no reminder.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models import EventStatus, Registration, RegistrationStatus
from . import notifications

REMIND_BEFORE = timedelta(hours=24)
SKIP_IF_REGISTERED_WITHIN = timedelta(hours=20)
BATCH = 2000


def reminders_due(now: datetime):
    return Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminded_at__isnull=True,
        event__status=EventStatus.PUBLISHED,
        event__starts_at__gt=now,
        event__starts_at__lte=now + REMIND_BEFORE,
        created_at__lt=F("event__starts_at") - SKIP_IF_REGISTERED_WITHIN,
    )


def reminders_send(*, now: datetime | None = None) -> int:
    """Queue the reminders that are due; returns how many. Safe to run twice or at the same time."""
    now = now or timezone.now()
    sent = 0
    for pk in reminders_due(now).order_by("event__starts_at", "pk").values_list("pk", flat=True)[:BATCH]:
        sent += _remind(pk, now)
    return sent


@transaction.atomic
def _remind(pk: int, now: datetime) -> int:
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event", "event__municipality")
        .get(pk=pk)
    )
    if registration.reminded_at is not None or registration.status != RegistrationStatus.CONFIRMED:
        return 0  # done by another run meanwhile, or cancelled
    registration.reminded_at = now
    registration.save(update_fields=["reminded_at", "updated_at"])
    notifications._send(registration, "reminder", "reminder")
    return 1
