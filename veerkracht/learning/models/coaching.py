"""Implementation coaching: coaches linked to the organisations they support, and per organisation an
implementation plan (goals, agreed steps) with a log of coaching contacts.

Who sees a plan: the organisation's active coaches, its admins (Membership role admin) and training
coordinators (permissions/coaching.py). The log belongs to the organisation: when a coach deletes their
account, their name comes off the contacts they wrote, the notes stay (personal_data/coaching.py).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation
from veerkracht.core.models import TimeStampedModel


class CoachLink(TimeStampedModel):
    """A coach supports an organisation from ``starts_on`` until ``ends_on`` (empty: still going)."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("coach")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisatie")
    )
    starts_on = models.DateField(_("vanaf"))
    ends_on = models.DateField(_("tot en met"), null=True, blank=True, help_text=_("Leeg: geen einddatum"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("koppeling coach en organisatie")
        verbose_name_plural = _("koppelingen coach en organisatie")
        ordering = ["organisation__name", "starts_on", "pk"]
        indexes = [
            models.Index(fields=["coach", "ends_on"], name="learning_coachlink_coach"),
            models.Index(fields=["organisation", "ends_on"], name="learning_coachlink_org"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="learning_coachlink_dates",
                violation_error_message=_("De einddatum ligt voor de begindatum."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.coach} – {self.organisation}"

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("De einddatum ligt voor de begindatum.")})

    @property
    def is_active(self) -> bool:
        today = timezone.localdate()
        return self.starts_on <= today and (self.ends_on is None or self.ends_on >= today)


def active_links_q(prefix: str = "", *, on=None) -> Q:
    """Links that run today (or on `on`), as a filter; `prefix` to reach the link from another model."""
    day = on or timezone.localdate()
    return Q(**{f"{prefix}starts_on__lte": day}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": day})
    )


class ImplementationPlan(TimeStampedModel):
    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisatie")
    )
    goals = models.TextField(
        _("doelen"),
        max_length=5000,
        blank=True,
        help_text=_("Wat wil de organisatie bereiken met Positieve Gezondheid?"),
    )

    class Meta:
        verbose_name = _("implementatieplan")
        verbose_name_plural = _("implementatieplannen")

    def __str__(self) -> str:
        return str(self.organisation)


class PlanStep(TimeStampedModel):
    plan = models.ForeignKey(ImplementationPlan, on_delete=models.CASCADE, related_name="steps")
    text = models.CharField(_("afgesproken stap"), max_length=300)
    due_on = models.DateField(_("klaar op"), null=True, blank=True)
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    # Who does it, as the organisation says it ("teamleider wijkteam"); text, not an account.
    owner = models.CharField(_("wie doet het?"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("stap in het plan")
        verbose_name_plural = _("stappen in het plan")
        ordering = ["done_on", "due_on", "pk"]

    def __str__(self) -> str:
        return self.text


class ContactKind(models.TextChoices):
    VISIT = "visit", _("bezoek")
    CALL = "call", _("gesprek (telefoon of online)")
    WORKSHOP = "workshop", _("workshop")
    OTHER = "other", _("anders")


class CoachingContact(TimeStampedModel):
    plan = models.ForeignKey(ImplementationPlan, on_delete=models.CASCADE, related_name="contacts")
    happened_on = models.DateField(_("datum"))
    kind = models.CharField(_("soort contact"), max_length=10, choices=ContactKind.choices)
    hours = models.DecimalField(_("uren"), max_digits=4, decimal_places=1)
    notes = models.TextField(_("wat is er gebeurd, hoe gaat het?"), max_length=5000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("coachingscontact")
        verbose_name_plural = _("coachingscontacten")
        ordering = ["-happened_on", "-pk"]
        indexes = [models.Index(fields=["plan", "happened_on"], name="learning_contact_plan_day")]

    def __str__(self) -> str:
        return f"{self.plan} {self.happened_on}"
