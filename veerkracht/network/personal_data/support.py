"""What the support log holds about a person: only which staff member gave the support (and who wrote
it down). The log is about organisations and municipalities; when a staff member's account goes, their
name comes off the entries and the entries stay (the action centre's work does not disappear)."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from veerkracht.core.personal_data import KEPT, Line

from ..models import SupportEntry
from . import Part


def _export(user) -> dict:
    entries = SupportEntry.objects.filter(given_by=user).select_related("organisation", "municipality")
    return {
        "network_support_given": [
            {
                "for": e.organisation.name if e.organisation else e.municipality.name,
                "kind": e.kind,
                "date": e.on.isoformat(),
                "hours": str(e.hours),
                "note": e.note,
            }
            for e in entries
        ]
    }


def _erase(user) -> None:
    SupportEntry.objects.filter(given_by=user).update(given_by=None)
    SupportEntry.objects.filter(created_by=user).update(created_by=None)


def _summary(user) -> list[Line]:
    if not SupportEntry.objects.filter(Q(given_by=user) | Q(created_by=user)).exists():
        return []
    return [
        Line(
            KEPT,
            _(
                "De ondersteuning die je gaf of opschreef blijft in het logboek van het actiecentrum, "
                "zonder je naam."
            ),
        )
    ]


PART = Part(
    models=("network.SupportEntry",),
    export=_export,
    erase=_erase,
    summary=_summary,
    order=80,
)
