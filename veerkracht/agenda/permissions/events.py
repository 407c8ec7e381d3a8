"""Who may see and organise which event (house style 4: lookup helpers that return the object or 404).

- Everyone sees published public events. A closed event (an in-house session) is seen only through its
  private invitation link, by people registered for it, and by its organisers.
- Organising needs the organiser right: action-centre staff and region admins have it; ambassadors and
  partner admins get it as the role "organisator". An event's attendee list is for its own organisers
  only (Event.organisers), not for every organiser in the region.
"""

from __future__ import annotations

import rules
from django.http import Http404
from django.shortcuts import get_object_or_404

from veerkracht.accounts.permissions import is_actioncentre_staff, is_organiser, is_region_admin

from ..models import ACTIVE, Event, EventStatus, Visibility
from ..tokens import invite_token_matches

can_organise = is_actioncentre_staff | is_organiser | is_region_admin
rules.add_perm("agenda.organise", can_organise)


def _events(region):
    return Event.objects.filter(region=region).select_related("municipality", "subregion", "organisation")


def is_organiser_of(user, event: Event) -> bool:
    if not (user and user.is_authenticated and can_organise(user)):
        return False
    return event.organisers.filter(pk=user.pk).exists()


def get_event_for_user(user, pk: int, region, *, invite: str = "") -> Event:
    """An event this visitor may see; 404 for a draft or a closed event that is not theirs."""
    event = get_object_or_404(_events(region), pk=pk)
    if is_organiser_of(user, event):
        return event
    if event.status == EventStatus.DRAFT:
        raise Http404
    if event.visibility == Visibility.PUBLIC or (invite and invite_token_matches(event, invite)):
        return event
    if user and user.is_authenticated and event.registrations.filter(user=user, status__in=ACTIVE).exists():
        return event
    raise Http404


def get_event_for_organiser(user, pk: int, region) -> Event:
    """An event the user organises (404 for any other, so ids reveal nothing)."""
    if not (user and user.is_authenticated and can_organise(user)):
        raise Http404
    return get_object_or_404(_events(region).filter(organisers=user), pk=pk)
