"""Reads about registrations for the person who made them (their own page, "Mijn agenda")."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from ..models import ACTIVE, Event, Registration


def own_registration(user, event: Event) -> Registration | None:
    """The logged-in user's active registration for this event, if any."""
    if not (user and user.is_authenticated):
        return None
    return Registration.objects.filter(event=event, user=user, status__in=ACTIVE).order_by("-pk").first()


def _of_user(user) -> QuerySet[Registration]:
    return Registration.objects.filter(user=user).select_related(
        "event", "event__municipality", "event__subregion"
    )


def registrations_of_user(user) -> dict[str, list[Registration]]:
    """{"upcoming": active registrations of events still to come, "past": the rest, newest first}."""
    now = timezone.now()
    upcoming = list(
        _of_user(user).filter(status__in=ACTIVE, event__ends_at__gt=now).order_by("event__starts_at", "pk")
    )
    shown = {r.pk for r in upcoming}
    past = [r for r in _of_user(user).order_by("-event__starts_at", "-pk")[:50] if r.pk not in shown]
    return {"upcoming": upcoming, "past": past}


def registration_in_session(pk, *, event_pk: int) -> Registration | None:
    """The registration this browser just made (its id kept in the session), for the thanks page."""
    if not isinstance(pk, int):
        return None
    return (
        Registration.objects.select_related("event", "event__municipality")
        .filter(pk=pk, event_id=event_pk)
        .first()
    )


def checked_in_count(user, event_ids) -> int:
    """At how many of these events this account was checked in (the learning app's attendance)."""
    if user is None or not getattr(user, "pk", None):
        return 0
    return (
        Registration.objects.filter(user=user, event_id__in=list(event_ids), checked_in_at__isnull=False)
        .values("event_id")
        .distinct()
        .count()
    )


def active_registrations_of(user, event_ids) -> list[Registration]:
    """This account's active registrations for these events (to cancel them together)."""
    if user is None or not getattr(user, "pk", None):
        return []
    return list(
        Registration.objects.filter(
            user=user, event_id__in=list(event_ids), status__in=ACTIVE
        ).select_related("event")
    )
