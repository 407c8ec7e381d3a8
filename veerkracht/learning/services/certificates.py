"""Certificates: issued on completion (receivers.py listens to ``enrolment_completed``), revoked by the
training coordinator with a reason (audit-logged). A revoked certificate stays findable: its public page
says it was revoked, and when."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action

from ..models import Certificate, Enrolment, EnrolmentStatus
from ..models.certificates import NUMBER_ALPHABET, REVOKE_REASON_MAX
from ..signals import enrolment_completed


def new_number(year: int) -> str:
    """ "VK-2025-7KQM-X3PA": 8 random characters (40 bits) from an alphabet without look-alikes."""
    chars = "".join(secrets.choice(NUMBER_ALPHABET) for _i in range(8))
    return f"VK-{year}-{chars[:4]}-{chars[4:]}"


def _holder_name(user) -> str:
    return (user.display_name or user.email)[:150]


@transaction.atomic
def certificate_issue(*, enrolment: Enrolment) -> Certificate:
    """The certificate of a completed enrolment (idempotent: an existing one, even a revoked one, is
    returned as it is). Dated on the day of completion, so certificates issued later (the demo) carry
    the right date."""
    # The valid one first (NULL sorts first on SQLite but last on PostgreSQL: say it).
    existing = (
        Certificate.objects.filter(enrolment=enrolment)
        .order_by(F("revoked_at").asc(nulls_first=True), "-pk")
        .first()
    )
    if existing is not None:
        return existing
    if enrolment.status != EnrolmentStatus.COMPLETED or enrolment.completed_at is None:
        raise ValueError(f"enrolment {enrolment.pk} is not completed")
    certificate = _new_certificate(enrolment)
    try:
        with transaction.atomic():
            certificate.save()
    except IntegrityError:
        # Issued at the same moment by another request (a double completion): that one counts.
        return Certificate.objects.get(enrolment=enrolment, revoked_at__isnull=True)
    log_action("learning.certificate.issued", subject=certificate, person=enrolment.user)
    return certificate


def _new_certificate(enrolment: Enrolment) -> Certificate:
    course = enrolment.cohort.course
    for _attempt in range(5):
        certificate = Certificate(
            enrolment=enrolment,
            number=new_number(enrolment.completed_at.year),
            holder_name=_holder_name(enrolment.user),
            course_title=course.title,
            accreditation_register=course.accreditation_register,
            accreditation_points=course.accreditation_points,
            issued_at=enrolment.completed_at,
        )
        if not Certificate.objects.filter(number=certificate.number).exists():
            break
    certificate.full_clean(validate_constraints=False)
    return certificate


@transaction.atomic
def certificate_reissue(*, certificate: Certificate, actor) -> Certificate:
    """A new certificate (a new number, the name as it is now) for the enrolment of a revoked one, e.g.
    after a name was spelled wrong. The revoked one stays revoked."""
    certificate = (
        Certificate.objects.select_for_update(of=("self",)).select_related("enrolment").get(pk=certificate.pk)
    )
    enrolment = certificate.enrolment
    if not certificate.is_revoked:
        raise ValidationError(_("Trek het certificaat eerst in; daarna kun je een nieuw uitgeven."))
    if Certificate.objects.filter(enrolment=enrolment, revoked_at__isnull=True).exists():
        raise ValidationError(_("Voor deze cursus is al een nieuw certificaat uitgegeven."))
    if enrolment.status != EnrolmentStatus.COMPLETED or enrolment.completed_at is None:
        raise ValidationError(_("Deze deelnemer heeft de cursus niet (meer) afgerond."))
    new = _new_certificate(enrolment)
    new.save()
    log_action(
        "learning.certificate.reissued",
        actor=actor,
        subject=new,
        person=enrolment.user,
        data={"number": new.number, "replaces": certificate.number},
    )
    return new


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, actor, reason: str) -> Certificate:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": _("Schrijf waarom je het certificaat intrekt.")})
    if len(reason) > REVOKE_REASON_MAX:
        raise ValidationError(
            {"reason": _("Schrijf de reden in hoogstens %(max)s tekens.") % {"max": REVOKE_REASON_MAX}}
        )
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.is_revoked:
        raise ValidationError(_("Dit certificaat is al ingetrokken."))
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.revoked_by = actor
    certificate.full_clean()
    certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by", "updated_at"])
    log_action(
        "learning.certificate.revoked",
        actor=actor,
        subject=certificate,
        person=certificate.enrolment.user,
        data={"reason": reason, "number": certificate.number},
    )
    return certificate


@transaction.atomic
def certificates_erase(*, user) -> int:
    """Account deletion: the person's certificates go (their numbers then verify as unknown)."""
    deleted, _rows = Certificate.objects.filter(enrolment__user=user).delete()
    return deleted


@receiver(enrolment_completed, dispatch_uid="learning.certificates.issue")
def _on_completed(sender, enrolment, **kwargs) -> None:
    certificate_issue(enrolment=enrolment)
