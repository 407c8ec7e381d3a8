"""Writes that take a person out of the agenda: after the retention period (retention.py) and when an
account is deleted (personal_data.py).

- *Anonymise* a registration of an event that is over: the row stays, so the event's counts stay
  right (registered, checked in, walk-in, places, no-show), but the name becomes "[verwijderd]", the
  address a unique placeholder that can never receive mail (the reserved ``.invalid`` domain; one
  address per active registration per event is a database rule), answers and the account link go, a
  new nonce ends every private link, and the evaluation keeps its scores but loses the words and the
  link to the registration. Reminder and evaluation mails count as sent, so no job mails the row.
- *Forget* a registration of an event still to come: deleted; the places it held go to the waiting
  list as after a cancellation (those people get their offer as usual). The person is not mailed:
  their account and address are being deleted.
- *Close the waiting list* of an event that is over: waiting and offered registrations become expired,
  without a mail (the event is past; an offer's places are given back).
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import CharField, F, QuerySet, Value
from django.db.models.functions import Cast, Coalesce, Concat

from veerkracht.core.personal_data import REMOVED

from ..models import Evaluation, Event, Registration, RegistrationStatus
from ..models.registrations import new_nonce
from .registrations import _lock, _release, offer_free_places

Status = RegistrationStatus
PLACEHOLDER_DOMAIN = "@verwijderd.invalid"


BATCH = 1000  # ids per statement: SQLite allows a limited number of parameters


@transaction.atomic
def registrations_anonymise(*, registrations: QuerySet[Registration], now: datetime) -> int:
    """Anonymise these registrations (see the module); returns how many. For events that are over."""
    pks = list(registrations.values_list("pk", flat=True))
    done = 0
    for start in range(0, len(pks), BATCH):
        rows = Registration.objects.filter(pk__in=pks[start : start + BATCH])
        Evaluation.objects.filter(registration__in=rows).update(next_step="", registration=None)
        done += rows.update(
            name=REMOVED,
            email=Concat(Value("verwijderd-"), Cast("pk", CharField()), Value(PLACEHOLDER_DOMAIN)),
            answers={},
            user=None,
            nonce=new_nonce(),
            reminded_at=Coalesce(F("reminded_at"), Value(now)),
            evaluation_sent_at=Coalesce(F("evaluation_sent_at"), Value(now)),
            erased_at=now,
            updated_at=now,
        )
    return done


@transaction.atomic
def registration_forget(*, registration: Registration) -> None:
    """Delete a registration of an event still to come; its places go to the waiting list."""
    event = _lock(registration.event)
    registration = Registration.objects.select_for_update().filter(pk=registration.pk).first()
    if registration is None:
        return
    held = registration.holds_places
    places = registration.places
    registration.delete()
    if held:
        _release(event, places)
        if not event.has_started:
            offer_free_places(event)


def waiting_lists_close(*, now: datetime) -> int:
    """Waiting and offered registrations of events that are over become expired; returns how many."""
    done = 0
    over = Registration.objects.filter(
        status__in=[Status.WAITING, Status.OFFERED], event__ends_at__lte=now
    ).values_list("event_id", flat=True)
    for event_pk in sorted(set(over)):
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=event_pk)
            offered = Registration.objects.filter(event=event, status=Status.OFFERED)
            places = sum(offered.values_list("places", flat=True))
            done += Registration.objects.filter(
                event=event, status__in=[Status.WAITING, Status.OFFERED]
            ).update(status=Status.EXPIRED, offer_expires_at=None, updated_at=now)
            if places:
                _release(event, places)
    return done
