"""An ambassador's session shows up in their activities as soon as people are checked in at the door
(with the number inside so far); the hourly job (jobs/activities.py) adds sessions without check-ins
and the introductions made in the action centre."""

from __future__ import annotations

import logging

from django.db import transaction

from veerkracht.agenda.services.attendees import attendee_checked_in

from .services.activities import activities_from_agenda

log = logging.getLogger(__name__)


def _sync_event(event_id: int, region) -> None:
    try:
        activities_from_agenda(region=region, days=2, event_ids=[event_id])
    except Exception:  # the door must never fail on the activity log; the hourly job catches up
        log.exception("network: could not add the session of event %s to the activities", event_id)


def on_attendee_checked_in(sender, registration, **kwargs) -> None:
    event = registration.event
    transaction.on_commit(lambda: _sync_event(event.pk, event.region))


attendee_checked_in.connect(on_attendee_checked_in, dispatch_uid="network.activities.checked_in")
