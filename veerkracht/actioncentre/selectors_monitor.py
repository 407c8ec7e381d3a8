"""Reads for the monitor: plain tuples per item, region-scoped and time-bounded (DESIGN: the monitor
reads other apps only through their selectors). Codes are CBS municipality codes or None."""

from __future__ import annotations

from datetime import datetime

from django.db.models import F, Min, Q
from django.db.models.functions import Coalesce

from veerkracht.accounts.models import Role
from veerkracht.regions.models import Region

from .models import (
    AmbassadorProfile,
    Connection,
    ConnectionStatus,
    EventKind,
    Initiative,
    Phase,
    PhaseChange,
    Request,
    RequestEvent,
    Review,
)


def ambassadors_as_of(region: Region, moment: datetime) -> list[str | None]:
    """The municipality of every ambassador who had the role at `moment`."""
    return list(
        AmbassadorProfile.objects.filter(
            region=region,
            user__role_assignments__role=Role.AMBASSADOR,
            user__role_assignments__created_at__lt=moment,
        ).values_list("municipality__code", flat=True)
    )


def initiative_phases_as_of(region: Region, moment: datetime) -> list[tuple[str | None, str]]:
    """(municipality, phase at `moment`) of every public initiative that existed then.

    The phase at a moment is the last phase change before it (an initiative starts in "inspire").
    """
    initiatives = dict(
        Initiative.objects.filter(region=region, review=Review.PUBLIC, created_at__lt=moment).values_list(
            "pk", "municipality__code"
        )
    )
    phases = dict.fromkeys(initiatives, Phase.INSPIRE.value)
    changes = (
        PhaseChange.objects.filter(initiative_id__in=list(initiatives), changed_at__lt=moment)
        .order_by("initiative_id", "changed_at", "pk")
        .values_list("initiative_id", "to_phase")
    )
    for pk, phase in changes:
        phases[pk] = phase
    return [(initiatives[pk], phase) for pk, phase in phases.items()]


def phase_transitions_between(region: Region, start: datetime, end: datetime) -> list[tuple[str | None, str]]:
    """(municipality, new phase) of every move to another phase in [start, end); starts excluded."""
    return list(
        PhaseChange.objects.filter(
            initiative__region=region,
            initiative__review=Review.PUBLIC,
            changed_at__gte=start,
            changed_at__lt=end,
        )
        .exclude(from_phase="")
        .values_list("initiative__municipality__code", "to_phase")
    )


def connections_made_between(region: Region, start: datetime, end: datetime) -> list[str | None]:
    """The municipality of every introduction both sides accepted in [start, end)."""
    return list(
        Connection.objects.filter(
            region=region, status=ConnectionStatus.ACCEPTED, decided_at__gte=start, decided_at__lt=end
        ).values_list(
            Coalesce("need__initiative__municipality__code", "request__municipality__code"), flat=True
        )
    )


# What counts as a first response: a message to the sender, a status change or someone picking it up.
RESPONSE_KINDS = (EventKind.STAFF_MESSAGE, EventKind.STATUS, EventKind.ASSIGNED)


def requests_received_between(
    region: Region, start: datetime, end: datetime
) -> list[tuple[str | None, str, float | None]]:
    """(municipality, kind, days to first response or None) of every request received in [start, end)."""
    rows = (
        Request.objects.filter(region=region, created_at__gte=start, created_at__lt=end)
        .annotate(
            first_response=Min(
                "events__created_at",
                filter=Q(events__kind__in=RESPONSE_KINDS) & Q(events__created_at__gte=F("created_at")),
            )
        )
        .values_list("municipality__code", "kind", "created_at", "first_response")
    )
    return [
        (code, kind, None if first is None else (first - created).total_seconds() / 86400)
        for code, kind, created, first in rows
    ]


__all__ = [
    "RequestEvent",  # re-exported for tests that build timelines
    "ambassadors_as_of",
    "connections_made_between",
    "initiative_phases_as_of",
    "phase_transitions_between",
    "requests_received_between",
]


def first_activity(region: Region) -> datetime | None:
    """When the region's first request or initiative came in (None without any)."""
    firsts = [
        Request.objects.filter(region=region).aggregate(first=Min("created_at"))["first"],
        Initiative.objects.filter(region=region).aggregate(first=Min("created_at"))["first"],
    ]
    return min((f for f in firsts if f is not None), default=None)
