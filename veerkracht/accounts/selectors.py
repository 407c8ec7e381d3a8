"""Reads of the accounts app for other apps (the monitor)."""

from __future__ import annotations

from datetime import datetime

from veerkracht.regions.models import Region

from .models import Organisation


def organisations_as_of(region: Region, moment: datetime) -> list[tuple[str | None, str, bool]]:
    """(municipality, organisation type, core partner?) of the region's partner organisations then."""
    return list(
        Organisation.objects.filter(region=region, created_at__lt=moment).values_list(
            "municipality__code", "type", "is_core_partner"
        )
    )
