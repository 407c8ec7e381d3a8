"""Attendee data is for the organisers of that event only (Event.organisers): not for other organisers
in the region, not for staff who do not organise it. Everything else is a 404."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from ..models import Event, Registration
from ..tokens import CHECK_IN
from .events import get_event_for_organiser
from .registrations import get_registration_for_token


def get_attendee_for_organiser(user, event_pk: int, pk: int, region) -> tuple[Event, Registration]:
    """(event, one of its registrations) for an organiser of that event; 404 otherwise."""
    event = get_event_for_organiser(user, event_pk, region)
    return event, get_object_or_404(Registration.objects.filter(event=event), pk=pk)


def get_registration_for_check_in(token: str) -> Registration:
    """The registration a QR code names; 404 for a forged or ended code (before anything else)."""
    return get_registration_for_token(token, CHECK_IN)
