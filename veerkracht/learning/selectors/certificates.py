"""Reads of certificates: a learner's own, one by its public number, the coordinator's list."""

from __future__ import annotations

import re
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet

from ..models import Certificate, Enrolment, EnrolmentStatus
from ..models.certificates import NUMBER_ALPHABET

_NUMBER = re.compile(rf"^VK-(\d{{4}})-([{NUMBER_ALPHABET}]{{4}})-([{NUMBER_ALPHABET}]{{4}})$")
_LOOSE = re.compile(rf"^VK(\d{{4}})([{NUMBER_ALPHABET}]{{4}})([{NUMBER_ALPHABET}]{{4}})$")


def normalise_number(text: str) -> str | None:
    """The number as we write it, from what someone typed (spaces, dashes, lower case); None when it
    cannot be a certificate number at all."""
    text = (text or "").strip().upper()[:60]
    if _NUMBER.match(text):
        return text
    loose = _LOOSE.match(re.sub(r"[\s\-.]", "", text))
    if loose is None:
        return None
    return "VK-{}-{}-{}".format(*loose.groups())


def certificate_by_number(number: str) -> Certificate | None:
    normal = normalise_number(number)
    if normal is None:
        return None
    return Certificate.objects.filter(number=normal).first()


def certificates_of(user) -> list[Certificate]:
    return list(Certificate.objects.filter(enrolment__user=user).order_by("-issued_at", "-pk"))


def _managed(region) -> QuerySet[Certificate]:
    return Certificate.objects.filter(enrolment__cohort__course__region=region)


def certificates_page(region, *, q: str = "", number=None, per_page: int = 50) -> Page:
    valid = Certificate.objects.filter(enrolment=OuterRef("enrolment"), revoked_at__isnull=True)
    certificates = _managed(region).annotate(replaced=Exists(valid))
    q = (q or "").strip()[:100]
    if q:
        normal = normalise_number(q)
        certificates = certificates.filter(
            Q(holder_name__icontains=q) | Q(course_title__icontains=q) | Q(number=normal or q.upper())
        )
    return Paginator(certificates.order_by("-issued_at", "-pk"), per_page).get_page(number)


def completed_without_certificate(region) -> QuerySet[Enrolment]:
    return Enrolment.objects.filter(
        cohort__course__region=region, status=EnrolmentStatus.COMPLETED, certificates__isnull=True
    ).select_related("cohort__course", "user__profile")


def issued_rows_between(region, start: datetime, end: datetime) -> list[tuple[str]]:
    """(target group of the course,) per certificate issued in [start, end) and not revoked since."""
    return list(
        _managed(region)
        .filter(issued_at__gte=start, issued_at__lt=end, revoked_at__isnull=True)
        .values_list("enrolment__cohort__course__target_group")
    )


def first_certificate_at(region) -> datetime | None:
    first = _managed(region).order_by("issued_at").values_list("issued_at", flat=True).first()
    return first
