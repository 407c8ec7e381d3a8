"""Ambassadors and their activities for the activities tests (made directly: the ambassadors'
services are another feature's)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.network.models import Activity, ActivityKind, ActivitySource, Ambassador, AmbassadorStatus
from veerkracht.regions.models import Region


def make_ambassador(
    region: Region,
    *,
    user=None,
    status: str = AmbassadorStatus.ACTIVE,
    municipality: str = "GM0935",
    **fields,
) -> Ambassador:
    user = user or UserFactory()
    return Ambassador.objects.create(
        user=user,
        region=region,
        municipality=region.municipalities.get(code=municipality) if municipality else None,
        background="resident",
        status=status,
        started_on=fields.pop("started_on", date(2024, 1, 1)),
        **fields,
    )


def make_activity(
    ambassador: Ambassador,
    *,
    on: date | None = None,
    kind: str = ActivityKind.CONVERSATION,
    people: int = 1,
    municipality: str | None = "GM0935",
    source: str = ActivitySource.LOGGED,
    source_key: str = "",
    note: str = "",
) -> Activity:
    return Activity.objects.create(
        ambassador=ambassador,
        region=ambassador.region,
        on=on or timezone.localdate(),
        kind=kind,
        people=people,
        municipality=ambassador.region.municipalities.get(code=municipality) if municipality else None,
        source=source,
        source_key=source_key,
        note=note,
    )
