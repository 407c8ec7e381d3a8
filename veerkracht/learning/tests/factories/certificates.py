"""Certificates for tests: a completed enrolment with its certificate (made by the service)."""

from __future__ import annotations

from django.utils import timezone

from veerkracht.learning.models import EnrolmentStatus
from veerkracht.learning.services.certificates import certificate_issue

from .catalogue import EnrolmentFactory


def make_certificate(user=None, **course):
    kwargs = {"status": EnrolmentStatus.COMPLETED, "completed_at": timezone.now()}
    if user is not None:
        kwargs["user"] = user
    for key, value in course.items():
        kwargs[f"cohort__course__{key}"] = value
    return certificate_issue(enrolment=EnrolmentFactory(**kwargs))
