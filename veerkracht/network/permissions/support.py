"""The support log is for action-centre staff and region admins only (404 for everyone else)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from ..models import SupportEntry
from . import require_network_staff


def get_support_entry_for_staff(user, pk: int, region) -> SupportEntry:
    require_network_staff(user)
    return get_object_or_404(SupportEntry.objects.filter(region=region), pk=pk)
