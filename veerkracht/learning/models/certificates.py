"""Certificates: issued when an enrolment is completed, verifiable by anyone by their public number.

What a certificate says (name, course, accreditation) is copied at issue, so it keeps saying what it
said when the course or the profile changes later. The number is random (not a sequence): knowing one
number tells nothing about the others.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from veerkracht.core.models import TimeStampedModel

from .enrolments import Enrolment

# No 0/O, 1/I/L: a number read aloud or typed from paper comes out right.
NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REVOKE_REASON_MAX = 300


class Certificate(TimeStampedModel):
    # One valid certificate per enrolment; a revoked one may be followed by a new one (re-issued).
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="certificates")
    number = models.CharField(_("nummer"), max_length=24, unique=True)
    holder_name = models.CharField(_("naam"), max_length=150)
    course_title = models.CharField(_("cursus"), max_length=120)
    accreditation_register = models.CharField(_("accreditatie: register"), max_length=120, blank=True)
    accreditation_points = models.DecimalField(
        _("accreditatie: punten"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    issued_at = models.DateTimeField(_("uitgegeven op"))
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_reason = models.CharField(_("waarom ingetrokken?"), max_length=REVOKE_REASON_MAX, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("certificaat")
        verbose_name_plural = _("certificaten")
        ordering = ["-issued_at", "-pk"]
        indexes = [models.Index(fields=["issued_at"], name="learning_cert_issued")]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=models.Q(revoked_at__isnull=True),
                name="learning_certificate_one_valid",
            )
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
