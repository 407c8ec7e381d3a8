"""Demo: a certificate for every completed enrolment that lacks one, dated on its completion, and one
revoked certificate (re-issued with a new number). When nothing was completed yet (the catalogue's
demo is not there), the members of the demo intervision group who attended enough meetings complete
the course first."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import F

from veerkracht.accounts.models import Role, User
from veerkracht.regions.models import Region

from ..models import Certificate, EnrolmentStatus
from ..selectors.certificates import completed_without_certificate
from ..selectors.intervision import attendance, meetings_of, members_of
from ..services.certificates import certificate_issue, certificate_reissue, certificate_revoke
from ..services.enrolments import enrolment_complete

ORDER = 40


def _complete_intervision_members(region: Region) -> None:
    from ..models import IntervisionGroup

    for group in IntervisionGroup.objects.filter(cohort__course__region=region).select_related(
        "cohort__course"
    ):
        members = members_of(group)
        rows = attendance(group, members, [e for e in meetings_of(group) if e.is_past])
        done = {
            row["member"].pk for row in rows if row["attended"] >= max(group.cohort.course.min_meetings, 1)
        }
        for enrolment in group.cohort.enrolments.filter(user_id__in=done, status=EnrolmentStatus.ENROLLED):
            enrolment_complete(enrolment=enrolment)


def _dated_on_completion(certificates) -> None:
    """The catalogue's demo completes enrolments through the service (which issues the certificate now)
    and then dates the completion back to 2020-2022: date its certificates back with it."""
    late = certificates.filter(
        revoked_at__isnull=True, issued_at__gt=F("enrolment__completed_at") + timedelta(days=1)
    ).select_related("enrolment")
    for certificate in late:
        certificate.issued_at = certificate.enrolment.completed_at
        certificate.save(update_fields=["issued_at"])


@transaction.atomic
def load(region: Region) -> list[str]:
    mine = Certificate.objects.filter(enrolment__cohort__course__region=region)
    if not mine.exists() and not completed_without_certificate(region).exists():
        _complete_intervision_members(region)
    issued = [certificate_issue(enrolment=enrolment) for enrolment in completed_without_certificate(region)]
    _dated_on_completion(mine)
    lines = [f"learning: {len(issued)} certificaten uitgegeven"] if issued else []
    if not mine.filter(revoked_at__isnull=False).exists():
        certificate = mine.order_by("issued_at", "pk").first()
        coordinator = User.objects.filter(role_assignments__role=Role.TRAINING_COORDINATOR).first()
        if certificate is not None:
            certificate = certificate_revoke(
                certificate=certificate, actor=coordinator, reason="De naam was verkeerd gespeld."
            )
            new = certificate_reissue(certificate=certificate, actor=coordinator)
            lines.append(f"learning: certificaat {certificate.number} ingetrokken, opnieuw als {new.number}")
    return lines
