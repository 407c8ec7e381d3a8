"""Enrolments (and the catalogue's rows that name a person: who made a course, who leads a cohort).

Export: every enrolment with course, cohort, status and dates. Erase: running enrolments are cancelled
first through the service (a freed seat goes to the waiting list, the other features hear of it), then
every enrolment of the account goes; rows others made keep no trace of who decided or enrolled them.
Order 10: features that refer to enrolments (certificates, budget commitments) erase before this one.
"""

from __future__ import annotations

from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.core.personal_data import DELETED, KEPT, Line

from ..models import Cohort, Course, Enrolment
from ..models.enrolments import ACTIVE_STATUSES
from ..selectors.enrolments import has_enrolment_cache_key
from . import Part


def _export(user) -> dict:
    rows = Enrolment.objects.filter(user=user).select_related("cohort__course", "organisation").order_by("pk")
    return {
        "learning_enrolments": [
            {
                "course": row.cohort.course.title,
                "cohort": row.cohort.title,
                "starts_on": row.cohort.starts_on.isoformat(),
                "status": row.status,
                "organisation": row.organisation.name if row.organisation else None,
                "requested_at": row.created_at.isoformat(),
                "decline_reason": row.decline_reason,
                "completed_at": row.completed_at.isoformat() if row.completed_at else None,
            }
            for row in rows
        ]
    }


def _erase(user) -> None:
    from ..services.enrolments import enrolment_cancel

    for enrolment in Enrolment.objects.filter(user=user, status__in=ACTIVE_STATUSES):
        enrolment_cancel(enrolment=enrolment)
    Enrolment.objects.filter(user=user).delete()
    cache.delete(has_enrolment_cache_key(user.pk))
    Enrolment.objects.filter(enrolled_by=user).update(enrolled_by=None)
    Enrolment.objects.filter(decided_by=user).update(decided_by=None)
    Course.objects.filter(created_by=user).update(created_by=None)
    Cohort.objects.filter(facilitator=user).update(facilitator=None)


def _summary(user) -> list[Line]:
    count = Enrolment.objects.filter(user=user).count()
    lines = []
    if count:
        lines.append(
            Line(
                DELETED,
                ngettext(
                    "Je aanmelding voor %(count)s cursus (je plaats gaat naar de wachtlijst).",
                    "Je aanmeldingen voor %(count)s cursussen (je plaatsen gaan naar de wachtlijst).",
                    count,
                )
                % {"count": count},
            )
        )
    if Cohort.objects.filter(facilitator=user).exists() or Course.objects.filter(created_by=user).exists():
        lines.append(
            Line(KEPT, _("Cursussen en groepen die je maakte of begeleidde blijven, zonder je naam."))
        )
    return lines


PART = Part(
    models=("learning.Enrolment",),
    export=_export,
    erase=_erase,
    summary=_summary,
    not_personal={
        "learning.Course": "Only who made it (created_by), emptied when that account goes.",
        "learning.Cohort": "Only who leads it (facilitator), emptied when that account goes.",
    },
    order=10,
)
