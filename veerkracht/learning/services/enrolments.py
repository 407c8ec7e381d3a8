"""Enrolments: every change of status goes through here, and sends the signals of signals.py inside the
same transaction (so what receivers write is saved together with the change, or not at all)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from veerkracht.core.audit import log_action

from ..completion import requirements_for
from ..models import Enrolment, EnrolmentStatus
from ..signals import enrolment_completed


def _locked(enrolment: Enrolment) -> Enrolment:
    return Enrolment.objects.select_for_update().select_related("cohort__course").get(pk=enrolment.pk)


@transaction.atomic
def enrolment_complete(*, enrolment: Enrolment, by=None) -> Enrolment:
    """Mark an enrolment completed (idempotent): by the completion check, or by a training coordinator
    for a course whose parts are checked outside the platform (a classroom training without check-in)."""
    enrolment = _locked(enrolment)
    if enrolment.status == EnrolmentStatus.COMPLETED:
        return enrolment
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise ValueError(f"enrolment {enrolment.pk} is {enrolment.status}, not enrolled")
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.completed_at = timezone.now()
    enrolment.full_clean()
    enrolment.save(update_fields=["status", "completed_at", "updated_at"])
    log_action("learning.enrolment.completed", actor=by, subject=enrolment, person=enrolment.user)
    enrolment_completed.send(sender=Enrolment, enrolment=enrolment)
    return enrolment


@transaction.atomic
def enrolment_check_completion(*, enrolment: Enrolment) -> Enrolment:
    """Complete the enrolment when every requirement of its course is done (completion.py). A course
    without any requirement is completed by a coordinator, never automatically."""
    enrolment = _locked(enrolment)
    if enrolment.status != EnrolmentStatus.ENROLLED:
        return enrolment
    requirements = requirements_for(enrolment)
    if requirements and all(requirement.done for requirement in requirements):
        return enrolment_complete(enrolment=enrolment)
    return enrolment
