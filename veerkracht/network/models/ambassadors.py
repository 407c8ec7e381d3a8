"""Ambassadors: the application, the ambassador with an onboarding checklist, and the history of their
start, pauses and stop (the monitor counts who was active on a date from that history)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veerkracht.core.models import TaggedModel, TimeStampedModel
from veerkracht.regions.models import Municipality, Region

User = settings.AUTH_USER_MODEL


class Background(models.TextChoices):
    RESIDENT = "resident", _("als inwoner")
    PROFESSIONAL = "professional", _("vanuit mijn werk")


class TimeAvailable(models.TextChoices):
    FEW_HOURS_MONTH = "month", _("een paar uur per maand")
    FEW_HOURS_WEEK = "week", _("een paar uur per week")
    MORE = "more", _("een dagdeel per week of meer")


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("ingediend")
    INVITED = "invited", _("uitgenodigd voor een kennismaking")
    ACCEPTED = "accepted", _("aangenomen")
    DECLINED = "declined", _("afgewezen")
    WITHDRAWN = "withdrawn", _("ingetrokken")


OPEN_APPLICATION = (ApplicationStatus.SUBMITTED, ApplicationStatus.INVITED)


class AmbassadorApplication(TaggedModel, TimeStampedModel):
    """Someone asks to become an ambassador. Motivation: the applicant and action-centre staff only."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="ambassador_applications")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    motivation = models.TextField(_("waarom wil je ambassadeur worden?"), max_length=2000)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    neighbourhood = models.CharField(_("wijk of dorp"), max_length=80, blank=True)
    background = models.CharField(_("je doet het"), max_length=12, choices=Background.choices)
    time_available = models.CharField(_("hoeveel tijd heb je?"), max_length=8, choices=TimeAvailable.choices)
    status = models.CharField(
        _("stand"), max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    # What staff write to the applicant: the invitation, or the reason of a decision. The applicant reads it.
    message = models.TextField(_("bericht aan de aanvrager"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding als ambassadeur")
        verbose_name_plural = _("aanmeldingen als ambassadeur")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status__in=["submitted", "invited"]),
                name="network_one_open_ambassador_application",
            )
        ]
        indexes = [models.Index(fields=["region", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_status_display()})"


class AmbassadorStatus(models.TextChoices):
    ONBOARDING = "onboarding", _("bezig met starten")
    ACTIVE = "active", _("actief")
    PAUSED = "paused", _("gepauzeerd")
    STOPPED = "stopped", _("gestopt")


class Ambassador(TaggedModel, TimeStampedModel):
    """An ambassador of the movement. `status` is the current state; AmbassadorEvent keeps the history."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="ambassador")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(
        AmbassadorApplication, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    neighbourhood = models.CharField(_("wijk of dorp"), max_length=80, blank=True)
    background = models.CharField(_("doet het"), max_length=12, choices=Background.choices)
    status = models.CharField(
        _("stand"), max_length=10, choices=AmbassadorStatus.choices, default=AmbassadorStatus.ONBOARDING
    )
    started_on = models.DateField(_("ambassadeur sinds"), null=True, blank=True)
    # The onboarding checklist, seen by the ambassador and by staff. A date means: done on that day.
    intro_held_on = models.DateField(_("kennismakingsgesprek gehouden"), null=True, blank=True)
    workshop_on = models.DateField(_("workshop gevolgd"), null=True, blank=True)
    workshop_from_training = models.BooleanField(default=False)  # filled in by the learning app
    group_joined_on = models.DateField(_("lid van de ambassadeursgroep"), null=True, blank=True)
    # When the onboarding ended (status ONBOARDING → ACTIVE): a resumed pause goes back to ACTIVE only then.
    onboarded_on = models.DateField(_("start afgerond"), null=True, blank=True)

    class Meta:
        verbose_name = _("ambassadeur")
        verbose_name_plural = _("ambassadeurs")
        indexes = [models.Index(fields=["region", "status", "municipality"])]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def is_current(self) -> bool:
        """Still an ambassador (onboarding, active or paused), not stopped."""
        return self.status != AmbassadorStatus.STOPPED


class EventKind(models.TextChoices):
    STARTED = "started", _("gestart")
    PAUSED = "paused", _("gepauzeerd")
    RESUMED = "resumed", _("weer actief")
    STOPPED = "stopped", _("gestopt")


class AmbassadorEvent(models.Model):
    """One step in an ambassador's history. A stop keeps its "why" as a lesson for the movement: when the
    account is erased, the other steps go and a stop's lesson stays, without the ambassador (and name)."""

    # Empty only for a stop's lesson kept after the ambassador's account was erased (without the name).
    ambassador = models.ForeignKey(
        Ambassador, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("wat"), max_length=8, choices=EventKind.choices)
    on = models.DateField(_("datum"))
    reason = models.TextField(_("waarom"), max_length=1000, blank=True)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stap van een ambassadeur")
        verbose_name_plural = _("stappen van ambassadeurs")
        ordering = ["on", "pk"]
        indexes = [models.Index(fields=["kind", "on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on}"
