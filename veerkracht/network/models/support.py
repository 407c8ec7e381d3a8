"""Support on measure: what the action centre did for an organisation or a municipality (advice, a
workshop, a presentation, a session for their team), with the date, the hours and who gave it."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation
from veerkracht.regions.models import Municipality, Region

User = settings.AUTH_USER_MODEL

MAX_HOURS = Decimal("100")


class SupportKind(models.TextChoices):
    ADVICE = "advice", _("advies")
    WORKSHOP = "workshop", _("workshop")
    PRESENTATION = "presentation", _("presentatie")
    TEAM_SESSION = "team_session", _("sessie met hun team")
    OTHER = "other", _("anders")


class SupportEntry(models.Model):
    """One piece of support, for an organisation or (when none) a municipality."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    kind = models.CharField(_("soort ondersteuning"), max_length=12, choices=SupportKind.choices)
    on = models.DateField(_("datum"))
    hours = models.DecimalField(
        _("uren"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_HOURS)],
    )
    given_by = models.ForeignKey(
        User, verbose_name=_("gegeven door"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    note = models.CharField(_("korte notitie"), max_length=300, blank=True)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ondersteuning op maat")
        verbose_name_plural = _("ondersteuning op maat")
        ordering = ["-on", "-pk"]
        constraints = [
            # For an organisation, or a municipality: at least one of the two.
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(municipality__isnull=False),
                name="network_support_for_someone",
            ),
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=MAX_HOURS), name="network_support_hours_range"
            ),
        ]
        indexes = [models.Index(fields=["region", "on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on}"
