"""Partners: an organisation's application to join, and the history of its role in the movement
(supporter, driver, core partner), from which the monitor counts partners on a date."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation, OrganisationType
from veerkracht.core.models import TimeStampedModel
from veerkracht.regions.models import Municipality, Region

User = settings.AUTH_USER_MODEL


class PartnerApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("ingediend")
    ACCEPTED = "accepted", _("aangenomen")
    DECLINED = "declined", _("afgewezen")
    WITHDRAWN = "withdrawn", _("ingetrokken")


class PartnerApplication(TimeStampedModel):
    """An organisation asks to become a partner. The applicant is its contact person: on acceptance they
    become the organisation's admin. Contact details: the applicant and action-centre staff only."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="partner_applications")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    organisation_name = models.CharField(_("naam van de organisatie"), max_length=150)
    organisation_type = models.CharField(
        _("soort organisatie"), max_length=20, choices=OrganisationType.choices
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    organisation_email = models.EmailField(_("algemeen e-mailadres van de organisatie"), blank=True)
    intent = models.TextField(_("wat willen jullie doen?"), max_length=2000)
    contact_name = models.CharField(_("naam contactpersoon"), max_length=100)
    contact_email = models.EmailField(_("e-mailadres contactpersoon"))
    contact_phone = models.CharField(_("telefoonnummer contactpersoon"), max_length=30, blank=True)
    status = models.CharField(
        _("stand"),
        max_length=10,
        choices=PartnerApplicationStatus.choices,
        default=PartnerApplicationStatus.SUBMITTED,
    )
    # What staff write to the applicant: a welcome, or the reason of a decline. The applicant reads it.
    message = models.TextField(_("bericht aan de aanvrager"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("aanmelding als partner")
        verbose_name_plural = _("aanmeldingen als partner")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="submitted"),
                name="network_one_open_partner_application",
            )
        ]
        indexes = [models.Index(fields=["region", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.organisation_name} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == PartnerApplicationStatus.SUBMITTED


class PartnerKind(models.TextChoices):
    SUPPORTER = "supporter", _("supporter")
    DRIVER = "driver", _("aanjager")
    CORE = "core", _("kernpartner")


class PartnerRole(models.Model):
    """One period of an organisation's role. The periods of one organisation do not overlap; the last
    one has no end (``ends_on`` empty) while it lasts."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="partner_roles")
    kind = models.CharField(_("rol"), max_length=10, choices=PartnerKind.choices)
    starts_on = models.DateField(_("vanaf"))
    ends_on = models.DateField(_("tot en met"), null=True, blank=True)
    reason = models.CharField(_("waarom"), max_length=300)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("rol van een partner")
        verbose_name_plural = _("rollen van partners")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(ends_on__isnull=True),
                name="network_one_current_partner_role",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="network_partner_role_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "starts_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_on}"

    def clean(self) -> None:
        super().clean()
        if self.ends_on is not None and self.starts_on is not None and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("De einddatum ligt voor de begindatum.")})

    def overlaps(self, other: PartnerRole) -> bool:
        far = self.starts_on.max
        return self.starts_on <= (other.ends_on or far) and other.starts_on <= (self.ends_on or far)
