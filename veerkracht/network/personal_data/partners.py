"""What partners hold about a person.

An application is the applicant's: the organisation they named, what they wanted and their contact
details. It is in "download my data" and goes with the account (an accepted organisation stays: it is
the organisation's, not the person's). Staff who decided on an application, or changed a role, are
taken off it; the decision and the history stay with the organisation.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from veerkracht.core.personal_data import DELETED, KEPT, Line

from ..models import PartnerApplication, PartnerRole
from . import Part


def _export(user) -> dict:
    applications = PartnerApplication.objects.filter(user=user).select_related("municipality")
    return {
        "network_partner_applications": [
            {
                "organisation": a.organisation_name,
                "type": a.organisation_type,
                "municipality": a.municipality.name if a.municipality else None,
                "organisation_email": a.organisation_email,
                "intent": a.intent,
                "contact_name": a.contact_name,
                "contact_email": a.contact_email,
                "contact_phone": a.contact_phone,
                "status": a.status,
                "message": a.message,
                "sent": a.created_at.isoformat(),
                "decided": a.decided_at.isoformat() if a.decided_at else None,
            }
            for a in applications
        ]
    }


def _erase(user) -> None:
    PartnerApplication.objects.filter(decided_by=user).update(decided_by=None)
    PartnerRole.objects.filter(created_by=user).update(created_by=None)
    PartnerApplication.objects.filter(user=user).delete()


def _summary(user) -> list[Line]:
    lines = []
    if PartnerApplication.objects.filter(user=user).exists():
        lines.append(Line(DELETED, _("Je aanmeldingen als partner, met je contactgegevens.")))
    decided = PartnerApplication.objects.filter(decided_by=user).exclude(user=user).exists()
    if decided or PartnerRole.objects.filter(created_by=user).exists():
        lines.append(
            Line(
                KEPT,
                _(
                    "Besluiten over aanmeldingen van partners en rollen van partners die je vastlegde, "
                    "blijven bij de organisatie, zonder je naam."
                ),
            )
        )
    return lines


PART = Part(
    models=("network.PartnerApplication", "network.PartnerRole"),
    export=_export,
    erase=_erase,
    summary=_summary,
    order=70,
)
