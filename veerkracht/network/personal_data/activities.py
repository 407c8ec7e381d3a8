"""An ambassador's activities are theirs: in "download my data"; deleting the account deletes them
(before the ambassador they belong to)."""

from __future__ import annotations

from django.utils.translation import ngettext

from veerkracht.core.personal_data import DELETED, Line

from . import Part


def _export(user) -> dict:
    from ..selectors.activities import activities_of_user

    return {
        "network_activities": [
            {
                "on": a.on.isoformat(),
                "kind": a.kind,
                "people": a.people,
                "municipality": a.municipality.name if a.municipality_id else None,
                "note": a.note,
                "source": a.source,
                "created_at": a.created_at.isoformat(),
            }
            for a in activities_of_user(user)
        ]
    }


def _erase(user) -> None:
    from ..services.activities import activities_erase

    activities_erase(user=user)


def _summary(user) -> list[Line]:
    from ..selectors.activities import activities_of_user

    count = activities_of_user(user).count()
    if not count:
        return []
    text = ngettext(
        "%(count)d activiteit die je als ambassadeur deed. De cijfers in de monitor van afgesloten periodes "
        "blijven staan, zonder jouw naam.",
        "%(count)d activiteiten die je als ambassadeur deed. De cijfers in de monitor van afgesloten "
        "periodes blijven staan, zonder jouw naam.",
        count,
    ) % {"count": count}
    return [Line(DELETED, text)]


# Erased before the ambassador (parts erase in reverse order of ``order``): an activity refers to one.
PART = Part(models=("network.Activity",), export=_export, erase=_erase, summary=_summary, order=60)
