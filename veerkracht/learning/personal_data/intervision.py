"""Intervision: the groups someone was in, and their reflections (which belong to them): in "download my
data", and deleted with the account."""

from __future__ import annotations

from django.utils.translation import ngettext

from veerkracht.core.personal_data import DELETED, Line

from . import Part


def _export(user) -> dict:
    from ..models import IntervisionMember, Reflection

    memberships = IntervisionMember.objects.filter(user=user).select_related("group").order_by("joined_at")
    reflections = Reflection.objects.filter(author=user).select_related("group").order_by("created_at")
    return {
        "learning_intervision_groups": [
            {"group": m.group.name, "joined_at": m.joined_at.isoformat()} for m in memberships
        ],
        "learning_reflections": [
            {
                "group": r.group.name,
                "meeting": r.event_id,
                "text": r.text,
                "written_at": r.created_at.isoformat(),
                "changed_at": r.updated_at.isoformat(),
            }
            for r in reflections
        ],
    }


def _erase(user) -> None:
    from ..services.intervision import intervision_erase

    intervision_erase(user=user)


def _summary(user) -> list[Line]:
    from ..models import Reflection

    count = Reflection.objects.filter(author=user).count()
    lines = (
        [
            Line(
                DELETED,
                ngettext(
                    "%(count)d reflectie die je schreef in een intervisiegroep.",
                    "%(count)d reflecties die je schreef in intervisiegroepen.",
                    count,
                )
                % {"count": count},
            )
        ]
        if count
        else []
    )
    return lines


PART = Part(
    models=("learning.IntervisionMember", "learning.Reflection"),
    export=_export,
    erase=_erase,
    summary=_summary,
    not_personal={
        "learning.IntervisionGroup": "a group name and cohort; created_by is the coordinator who made it",
        "learning.IntervisionMeeting": "links a group to an agenda event",
    },
    order=60,
)
