"""Ambassadors: a person's applications (with their motivation), their ambassadorship with its checklist,
and its steps. All in "download my data"; all go with the account, except the "why" of a stop: that
stays as a lesson for the movement, without the ambassador and with their name taken out of the text.
Rows staff decided keep no trace of who decided."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.accounts.selectors import identity_of
from veerkracht.core.personal_data import DELETED, KEPT, Line, scrub_rows

from ..models import Ambassador, AmbassadorApplication, AmbassadorEvent, EventKind
from . import Part


def _day(value) -> str | None:
    return value.isoformat() if value else None


def _application(row: AmbassadorApplication) -> dict:
    return {
        "submitted_at": row.created_at.isoformat(),
        "status": row.status,
        "motivation": row.motivation,
        "municipality": row.municipality.name if row.municipality else None,
        "neighbourhood": row.neighbourhood,
        "background": row.background,
        "time_available": row.time_available,
        "themes": row.theme_labels,
        "dimensions": row.dimension_labels,
        "message_from_staff": row.message,
        "decided_at": _day(row.decided_at),
    }


def _ambassador(row: Ambassador) -> dict:
    return {
        "status": row.status,
        "municipality": row.municipality.name if row.municipality else None,
        "neighbourhood": row.neighbourhood,
        "background": row.background,
        "themes": row.theme_labels,
        "dimensions": row.dimension_labels,
        "started_on": _day(row.started_on),
        "intro_held_on": _day(row.intro_held_on),
        "workshop_on": _day(row.workshop_on),
        "group_joined_on": _day(row.group_joined_on),
        "onboarded_on": _day(row.onboarded_on),
        "steps": [{"kind": e.kind, "on": e.on.isoformat(), "reason": e.reason} for e in row.events.all()],
    }


def _export(user) -> dict:
    applications = AmbassadorApplication.objects.filter(user=user).select_related("municipality")
    ambassador = Ambassador.objects.filter(user=user).select_related("municipality").first()
    return {
        "network_ambassador_applications": [_application(row) for row in applications.order_by("pk")],
        "network_ambassador": _ambassador(ambassador) if ambassador else None,
    }


def _lessons(user):
    return AmbassadorEvent.objects.filter(ambassador__user=user, kind=EventKind.STOPPED, reason__gt="")


def _erase(user) -> None:
    # Lessons first lose the name in their text; deleting the Ambassador keeps them (receivers_ambassadors).
    scrub_rows(_lessons(user), identity_of(user))
    Ambassador.objects.filter(user=user).delete()
    AmbassadorApplication.objects.filter(user=user).delete()
    AmbassadorApplication.objects.filter(decided_by=user).update(decided_by=None)
    AmbassadorEvent.objects.filter(created_by=user).update(created_by=None)


def _summary(user) -> list[Line]:
    lines = []
    count = AmbassadorApplication.objects.filter(user=user).count()
    if count:
        text = ngettext(
            "Je aanmelding als ambassadeur, met je motivatie.",
            "Je %(count)d aanmeldingen als ambassadeur, met je motivatie.",
            count,
        ) % {"count": count}
        lines.append(Line(DELETED, text))
    if Ambassador.objects.filter(user=user).exists():
        text = _("Je ambassadeurschap: je gemeente, je startlijstje en je geschiedenis.")
        lines.append(Line(DELETED, text))
    if _lessons(user).exists():
        text = _("Waarom je stopte als ambassadeur blijft, zonder je naam, als les voor de beweging.")
        lines.append(Line(KEPT, text))
    return lines


# Order 10: parts that refer to an ambassador (activities) have a higher order and erase before this one.
PART = Part(
    models=("network.AmbassadorApplication", "network.Ambassador", "network.AmbassadorEvent"),
    export=_export,
    erase=_erase,
    summary=_summary,
    order=10,
)
