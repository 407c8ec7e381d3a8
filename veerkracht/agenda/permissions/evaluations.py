"""A series' evaluation results are for the people who organise its dates."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Series
from .events import can_organise


def get_series_for_organiser(user, pk: int, region) -> Series:
    """A series of which the user organises at least one date (404 for any other)."""
    if not (user and user.is_authenticated and can_organise(user)):
        raise Http404
    return get_object_or_404(Series.objects.filter(region=region, events__organisers=user).distinct(), pk=pk)
