"""Organising: only people with the organiser right (permissions/events.can_organise) see these pages;
everyone else gets a 404, as on the action centre's board, which says nothing about what exists.
Events and series are reached only through the organisers of those events."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Series
from .events import can_organise, get_event_for_organiser

__all__ = ["get_event_for_organiser", "get_series_for_organiser", "require_organiser"]


def require_organiser(user) -> None:
    if not (user and user.is_authenticated and can_organise(user)):
        raise Http404


def get_series_for_organiser(user, pk: int, region) -> Series:
    """A series with at least one date this person organises; 404 for any other."""
    require_organiser(user)
    series = Series.objects.filter(region=region, events__organisers=user).distinct()
    return get_object_or_404(series, pk=pk)
