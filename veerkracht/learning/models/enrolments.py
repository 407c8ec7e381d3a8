"""An enrolment: one person in one cohort, from request to completion.

Status moves only through services/enrolments.py, which sends the signals of signals.py. The
organisation is the learner's employer when a coordinator enrolled them (or the learner named it): the
budget report counts per organisation.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation
from veerkracht.core.models import TimeStampedModel

from .catalogue import Cohort


class EnrolmentStatus(models.TextChoices):
    REQUESTED = "requested", _("wacht op goedkeuring")
    WAITING = "waiting", _("op de wachtlijst")
    ENROLLED = "enrolled", _("ingeschreven")
    COMPLETED = "completed", _("afgerond")
    CANCELLED = "cancelled", _("afgemeld")
    DECLINED = "declined", _("niet toegelaten")


# Statuses that hold (or wait for) a place; a person has at most one of these per cohort.
ACTIVE_STATUSES = (EnrolmentStatus.REQUESTED, EnrolmentStatus.WAITING, EnrolmentStatus.ENROLLED)


class Enrolment(TimeStampedModel):
    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="enrolments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisatie"),
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=EnrolmentStatus.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(_("waarom niet?"), max_length=300, blank=True)
    completed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="learning_enrolment_unique")]
        indexes = [
            models.Index(fields=["user", "status"], name="learning_enrol_user_status"),
            models.Index(fields=["cohort", "status", "created_at"], name="learning_enrol_cohort_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.cohort}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES
