"""What implementation coaching holds about a person.

A coach's links to organisations are about them: in the download, and gone with the account. The
contact log belongs to the organisation it is about (what was agreed and how it goes): when the coach
who wrote a contact deletes their account, their name comes off the contact and the notes stay, so
the organisation and the next coach keep the history. Who linked a coach (a coordinator) is forgotten
the same way. Plans and steps name no account (a step's "who" is a role written by the organisation).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from veerkracht.core.personal_data import DELETED, KEPT, Line

from ..models import CoachingContact, CoachLink
from . import Part


def _export(user) -> dict:
    links = CoachLink.objects.filter(coach=user).select_related("organisation")
    contacts = CoachingContact.objects.filter(author=user).select_related("plan__organisation")
    return {
        "learning_coaching": {
            "organisations_coached": [
                {
                    "organisation": link.organisation.name,
                    "from": link.starts_on.isoformat(),
                    "until": link.ends_on.isoformat() if link.ends_on else None,
                }
                for link in links
            ],
            "contacts_written": [
                {
                    "organisation": contact.plan.organisation.name,
                    "date": contact.happened_on.isoformat(),
                    "kind": contact.kind,
                    "hours": str(contact.hours),
                    "notes": contact.notes,
                }
                for contact in contacts
            ],
        }
    }


def _erase(user) -> None:
    CoachingContact.objects.filter(author=user).update(author=None)
    CoachLink.objects.filter(assigned_by=user).update(assigned_by=None)
    CoachLink.objects.filter(coach=user).delete()


def _summary(user) -> list[Line]:
    lines = []
    if CoachLink.objects.filter(coach=user).exists():
        lines.append(Line(DELETED, _("Welke organisaties je als implementatiecoach begeleidt.")))
    if CoachingContact.objects.filter(author=user).exists():
        lines.append(
            Line(
                KEPT,
                _(
                    "Wat je in het logboek van een organisatie schreef, blijft bij die organisatie, "
                    "zonder je naam."
                ),
            )
        )
    return lines


PART = Part(
    models=("learning.CoachLink", "learning.CoachingContact"),
    export=_export,
    erase=_erase,
    summary=_summary,
    not_personal={
        "learning.ImplementationPlan": "the plan of an organisation: its goals, no person",
        "learning.PlanStep": "a step agreed with an organisation; 'owner' is a role as written",
    },
    order=60,
)
