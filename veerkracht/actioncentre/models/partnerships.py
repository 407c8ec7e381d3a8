"""Partners of an initiative, with the organisation's consent.

Anyone who manages an initiative may ask an organisation to be named as a partner. The link shows on
the initiative's page and on the organisation's page only after an admin of that organisation (a
Membership with role admin) accepted. An organisation without admins cannot answer: the request stays
pending, and the people who asked are told so.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation

from .initiatives import Initiative

User = settings.AUTH_USER_MODEL


class PartnerStatus(models.TextChoices):
    PENDING = "pending", _("wacht op antwoord")
    ACCEPTED = "accepted", _("doet mee")
    DECLINED = "declined", _("doet niet mee")


class InitiativePartner(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="partner_links")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="initiative_links")
    status = models.CharField(max_length=10, choices=PartnerStatus.choices, default=PartnerStatus.PENDING)
    requested_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("partner van een initiatief")
        verbose_name_plural = _("partners van initiatieven")
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "organisation"], name="initiative_partner_once")
        ]
        indexes = [models.Index(fields=["organisation", "status"], name="partner_link_status")]

    def __str__(self) -> str:
        return f"{self.organisation_id} → {self.initiative_id} ({self.status})"

    @property
    def is_accepted(self) -> bool:
        return self.status == PartnerStatus.ACCEPTED
