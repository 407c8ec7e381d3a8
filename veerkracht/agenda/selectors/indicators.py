"""Reads for the monitor's figures (indicators.py): plain rows per event, registration, person or idea.

An event belongs to the period in which it starts; it counts once it has ended (a period still running
holds only what already took place). A person is known by their e-mail address, in lower case;
registrations whose personal data was erased (retention.py, account deletion) count as visits but no
longer as a person.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Min, Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone

from ..models import Evaluation, Event, EventStatus, Idea, Registration, RegistrationStatus


def _held(region, start: datetime, end: datetime, as_of: datetime, prefix: str = "") -> Q:
    """Events of the region that took place in [start, end): published, started in it, ended by `as_of`."""
    where = {
        "region": region,
        "status": EventStatus.PUBLISHED,
        "starts_at__gte": start,
        "starts_at__lt": end,
        "ends_at__lte": as_of,
    }
    return Q(**{f"{prefix}{key}": value for key, value in where.items()})


def events_held_between(region, start: datetime, end: datetime, as_of: datetime) -> list[tuple]:
    """(municipality code or None, kind) of every event held in the period; online ones have no place."""
    rows = Event.objects.filter(_held(region, start, end, as_of)).values_list(
        "municipality__code", "online", "kind"
    )
    return [(None if online else code, kind) for code, online, kind in rows]


def _registrations_held(region, start: datetime, end: datetime, as_of: datetime) -> QuerySet:
    return Registration.objects.filter(_held(region, start, end, as_of, "event__"))


def registrations_for_events_between(region, start: datetime, end: datetime, as_of: datetime) -> list[tuple]:
    """(code, kind) of every registration that still stood when its event (held in the period) began:
    confirmed, not a walk-in."""
    rows = (
        _registrations_held(region, start, end, as_of)
        .filter(status=RegistrationStatus.CONFIRMED, walk_in=False)
        .values_list("event__municipality__code", "event__online", "event__kind")
    )
    return [(None if online else code, kind) for code, online, kind in rows]


def attendance_between(region, start: datetime, end: datetime, as_of: datetime) -> list[tuple]:
    """(code, kind, places) of every check-in at an event held in the period, walk-ins included."""
    rows = (
        _registrations_held(region, start, end, as_of)
        .filter(checked_in_at__isnull=False, checked_in_places__gt=0)
        .values_list("event__municipality__code", "event__online", "event__kind", "checked_in_places")
    )
    return [(None if online else code, kind, places) for code, online, kind, places in rows]


def _people(queryset: QuerySet) -> QuerySet:
    return queryset.filter(checked_in_at__isnull=False, erased_at__isnull=True).exclude(email="")


def people_reached_between(region, start: datetime, end: datetime, as_of: datetime) -> dict[str, str | None]:
    """{person (lower-case e-mail): municipality code of their last event in the period (None: online)}
    for everyone who was checked in at an event held in the period."""
    rows = (
        _people(_registrations_held(region, start, end, as_of))
        .annotate(person=Lower("email"))
        .order_by("event__starts_at", "pk")
        .values_list("person", "event__municipality__code", "event__online")
    )
    return {person: (None if online else code) for person, code, online in rows}  # the last one wins


def first_visits_between(region, start: datetime, end: datetime) -> set[str]:
    """People (lower-case e-mail) whose first check-in in the region ever was at an event in the period."""
    return set(
        _people(Registration.objects.filter(event__region=region, event__status=EventStatus.PUBLISHED))
        .annotate(person=Lower("email"))
        .values("person")
        .annotate(first=Min("event__starts_at"))
        .filter(first__gte=start, first__lt=end)
        .values_list("person", flat=True)
    )


def evaluation_means_between(region, start: datetime, end: datetime, as_of: datetime) -> list[tuple]:
    """(code, mean of the four scores) of every evaluation of an event held in the period."""
    rows = Evaluation.objects.filter(_held(region, start, end, as_of, "event__")).values_list(
        "event__municipality__code", "event__online", "score_1", "score_2", "score_3", "score_4"
    )
    return [(None if online else code, sum(scores) / 4) for code, online, *scores in rows]


def ideas_between(region, start: datetime, end: datetime) -> list[tuple]:
    """(code, outcome) of every idea from an event that became a request or an initiative in the period."""
    rows = Idea.objects.filter(event__region=region, created_at__gte=start, created_at__lt=end).values_list(
        "event__municipality__code", "event__online", "outcome"
    )
    return [(None if online else code, outcome) for code, online, outcome in rows]


def first_event_at(region) -> datetime | None:
    """When the region's first event took place (the monitor's periods start no later)."""
    held = Event.objects.filter(region=region, status=EventStatus.PUBLISHED, starts_at__lte=timezone.now())
    return held.aggregate(first=Min("starts_at"))["first"]
