"""Who may see or change a certificate. A learner reads their own (PDF, badge); the training
coordinator (and a region admin) lists and revokes. Anything else is a 404, not a 403."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Certificate
from . import require_coordinator


def get_certificate_for_user(user, number: str, *, write: bool = False) -> Certificate:
    """The learner's own certificate by its number; with `write`, any certificate for a coordinator."""
    if user is None or not user.is_authenticated:
        raise Http404
    certificates = Certificate.objects.select_related("enrolment__cohort__course__region", "enrolment__user")
    if write:
        require_coordinator(user)
        return get_object_or_404(certificates, number=str(number)[:24])
    return get_object_or_404(certificates, number=str(number)[:24], enrolment__user=user)
