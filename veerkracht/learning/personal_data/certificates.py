"""Certificates are about their holder: in "download my data"; deleting the account deletes them, and
their numbers then verify as unknown."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.core.personal_data import DELETED, Line

from . import Part


def _export(user) -> dict:
    from ..selectors.certificates import certificates_of

    return {
        "learning_certificates": [
            {
                "number": c.number,
                "name": c.holder_name,
                "course": c.course_title,
                "issued_at": c.issued_at.isoformat(),
                "accreditation_register": c.accreditation_register,
                "accreditation_points": str(c.accreditation_points)
                if c.accreditation_points is not None
                else None,
                "revoked_at": c.revoked_at.isoformat() if c.revoked_at else None,
            }
            for c in certificates_of(user)
        ]
    }


def _erase(user) -> None:
    from ..services.certificates import certificates_erase

    certificates_erase(user=user)


def _summary(user) -> list[Line]:
    from ..selectors.certificates import certificates_of

    count = len(certificates_of(user))
    if not count:
        return []
    text = ngettext(
        "%(count)d certificaat. Wie het nummer daarna controleert, krijgt te zien dat we het niet kennen.",
        "%(count)d certificaten. Wie een nummer daarna controleert, krijgt te zien dat we het niet kennen.",
        count,
    ) % {"count": count}
    return [
        Line(DELETED, text),
        Line(DELETED, _("Bewaar je certificaten dus eerst als je ze nog nodig hebt.")),
    ]


# Before enrolments (order 10 in the catalogue part): a certificate refers to an enrolment.
PART = Part(models=("learning.Certificate",), export=_export, erase=_erase, summary=_summary, order=60)
