"""Regional networks: partner organisations in a part of the region who work together towards goals with
a measurable target, a deadline and an owner (one of the member organisations).

A goal's progress is entered by hand (``GoalProgress``, with a note) or linked to one of the monitor's
count indicators, counted for the network's municipalities since the goal's start. Either way the goal
keeps its latest value (``value``, ``value_on``) and the day it reached its target (``reached_on``), so
the pages read only the goals' own rows; a linked goal's value is worked out again at most once a day
(services/networks.py, the nightly job and the network page).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation
from veerkracht.core.models import TimeStampedModel
from veerkracht.regions.models import Municipality, Region, Subregion

User = settings.AUTH_USER_MODEL

# Words other pages of the network app use right under /netwerk/: a network may not take them as its
# short name, or its page would hide theirs (or theirs would hide it).
RESERVED_SLUGS = frozenset(
    {
        "ambassadeur-worden",
        "ambassadeurs",
        "partner-worden",
        "partners",
        "dekking",
        "activiteit",
        "activiteiten",
        "beheer",
        "netwerken",
        "nieuw",
        "steun",
        "doelen",
        "kaart",
        "zoeken",
        "api",
    }
)
RESERVED_PREFIXES = ("mijn-", "beheer-")


def validate_network_slug(value: str) -> None:
    if value in RESERVED_SLUGS or value.startswith(RESERVED_PREFIXES):
        raise ValidationError(
            _("Deze korte naam is al in gebruik voor een andere pagina. Kies een andere."), code="reserved"
        )


class RegionalNetwork(TimeStampedModel):
    """A regional network ("Netwerk Positief Gezond Westelijke Mijnstreek"). Its area is a subregion, a set
    of municipalities, or both together; without any, it works for the whole region."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(
        _("korte naam in het webadres"), max_length=80, validators=[validate_network_slug]
    )
    description = models.TextField(_("over dit netwerk"), max_length=3000, blank=True)
    # The area: a subregion, some municipalities, or both (none: the whole region).
    subregion = models.ForeignKey(
        Subregion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    municipalities = models.ManyToManyField(Municipality, blank=True, related_name="+")
    starts_on = models.DateField(_("gestart op"))
    coordinator = models.ForeignKey(
        User,
        verbose_name=_("coördinator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coordinated_networks",
    )
    members = models.ManyToManyField(
        Organisation, verbose_name=_("deelnemende organisaties"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("regionaal netwerk")
        verbose_name_plural = _("regionale netwerken")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["region", "slug"], name="network_regionalnetwork_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name


class Goal(TimeStampedModel):
    """A goal of a network: from ``baseline`` to ``target`` (a number of ``unit``) by ``deadline``."""

    network = models.ForeignKey(RegionalNetwork, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("doel"), max_length=200)
    description = models.TextField(_("uitleg"), max_length=2000, blank=True)
    target = models.PositiveIntegerField(_("streefgetal"))
    unit = models.CharField(
        _("eenheid"), max_length=60, help_text=_("Bijvoorbeeld: ambassadeurs, bijeenkomsten")
    )
    baseline = models.PositiveIntegerField(_("beginstand"), default=0)
    starts_on = models.DateField(_("vanaf"))
    deadline = models.DateField(_("deadline"))
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("eigenaar"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De organisatie die ervoor zorgt dat het doel gehaald wordt."),
    )
    # "" for progress entered by hand; else a count indicator's key, optionally narrowed to one category
    # of one of its breakdowns: "initiatives:phase=accelerate".
    source = models.CharField(_("hoe meten we de voortgang?"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    # The latest value (the last entry by hand, or the indicator's count on `value_on`).
    value = models.PositiveIntegerField(null=True, blank=True)
    value_on = models.DateField(null=True, blank=True)
    # Since when the value has been at or over the target (empty: not reached now).
    reached_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("doel van een netwerk")
        verbose_name_plural = _("doelen van netwerken")
        ordering = ["order", "deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gt=models.F("starts_on")), name="network_goal_deadline_after_start"
            ),
            models.CheckConstraint(
                condition=Q(target__gt=models.F("baseline")), name="network_goal_target_over_baseline"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.target is not None and self.target <= (self.baseline or 0):
            errors["target"] = _("Het streefgetal moet hoger zijn dan de beginstand.")
        if self.deadline and self.starts_on and self.deadline <= self.starts_on:
            errors["deadline"] = _("De deadline moet na de startdatum liggen.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_linked(self) -> bool:
        return bool(self.source)

    def is_reached_with(self, value: int | None) -> bool:
        return value is not None and value >= self.target

    def progress_share(self) -> float:
        """How far from the baseline to the target, 0 to 1."""
        if self.value is None:
            return 0.0
        share = (self.value - self.baseline) / (self.target - self.baseline)
        return min(max(share, 0.0), 1.0)

    def elapsed_share(self, today: date) -> float:
        """How much of the time from the start to the deadline has passed, 0 to 1."""
        total = (self.deadline - self.starts_on).days
        return min(max((today - self.starts_on).days / total, 0.0), 1.0)


class GoalProgress(models.Model):
    """A value entered by hand, with a note on what it is based on."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="progress")
    value = models.PositiveIntegerField(_("stand"))
    note = models.CharField(_("toelichting"), max_length=500)
    on = models.DateField(_("datum"))
    entered_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("voortgang van een doel")
        verbose_name_plural = _("voortgang van doelen")
        ordering = ["-on", "-pk"]
        indexes = [models.Index(fields=["goal", "on"], name="network_goalprogress_day")]

    def __str__(self) -> str:
        return f"{self.goal} {self.on}: {self.value}"
