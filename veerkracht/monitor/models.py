"""The monitor's own tables: frozen figures per period (the snapshots) and the policy register.

Figures are published values. A suppressed figure is stored without its value and without its number
of people (both NULL), so no page, download, API or report can leak it: there is nothing to leak.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from veerkracht.regions.models import Municipality, Region


class PeriodKind(models.TextChoices):
    MONTH = "month", _("maand")
    QUARTER = "quarter", _("kwartaal")
    YEAR = "year", _("jaar")


class AreaLevel(models.TextChoices):
    REGION = "region", _("regio")
    SUBREGION = "subregion", _("deelregio")
    MUNICIPALITY = "municipality", _("gemeente")


class Period(models.Model):
    """One snapshot: the figures of one region for one month, quarter or year.

    A period that had ended when it was computed is closed and never computed again, so trends keep
    their history when the underlying rows change later. An open period (the current month, quarter
    or year) is recomputed on every run, and only for movement figures: figures about residents are
    only published for closed periods (two versions of an open period could be subtracted).
    """

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="monitor_periods")
    kind = models.CharField(max_length=8, choices=PeriodKind.choices)
    start = models.DateField()
    end = models.DateField(help_text="first day after the period")
    is_closed = models.BooleanField(default=False)
    taken_at = models.DateTimeField()

    class Meta:
        verbose_name = _("momentopname")
        verbose_name_plural = _("momentopnames")
        ordering = ["region", "kind", "start"]
        constraints = [
            models.UniqueConstraint(fields=["region", "kind", "start"], name="monitor_period_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.kind} {self.start:%Y-%m-%d}"


class Figure(models.Model):
    """One published number: indicator × period × area × (breakdown, category)."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="figures")
    indicator = models.CharField(max_length=60)
    area_level = models.CharField(max_length=12, choices=AreaLevel.choices)
    area_code = models.CharField(max_length=60)
    breakdown = models.CharField(max_length=20, blank=True)  # "" = the total of the area
    category = models.CharField(max_length=40, blank=True)
    value = models.FloatField(null=True)  # NULL when suppressed or when nothing can be said
    n = models.IntegerField(null=True)  # people behind a figure about residents; NULL when suppressed
    suppressed = models.BooleanField(default=False)
    # Outcomes: per dimension mean, standard deviation and score bands; paired change: mean and CI.
    data = models.JSONField(null=True)

    class Meta:
        verbose_name = _("cijfer")
        verbose_name_plural = _("cijfers")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "indicator", "area_level", "area_code", "breakdown", "category"],
                name="monitor_figure_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(suppressed=False)
                | models.Q(value__isnull=True, n__isnull=True, data__isnull=True),
                name="monitor_suppressed_has_no_value",
            ),
        ]
        indexes = [models.Index(fields=["indicator", "area_level", "area_code", "breakdown"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.area_code} {self.breakdown}:{self.category}"


class PolicyLevel(models.TextChoices):
    NANO = "nano", _("nano: de persoon")
    MICRO = "micro", _("micro: het gesprek en het team")
    MESO = "meso", _("meso: organisaties en wijken")
    MACRO = "macro", _("macro: beleid")


class SocialTheme(models.TextChoices):
    DEBT = "debt", _("schulden")
    WORK = "work", _("werk en inkomen")
    DISTRICT_TEAMS = "district_teams", _("sociale wijkteams")
    POVERTY = "poverty", _("armoede")
    YOUTH = "youth", _("jeugd")
    ELDERLY = "elderly", _("ouderen")
    LONELINESS = "loneliness", _("eenzaamheid")
    HOUSING = "housing", _("wonen")
    SPORT = "sport", _("sport en bewegen")
    EDUCATION = "education", _("onderwijs")
    CARE = "care", _("zorg en ondersteuning")
    ENVIRONMENT = "environment", _("gezonde leefomgeving")


class MunicipalityPolicy(models.Model):
    """Whether and how a municipality has Positive Health in its local health policy."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="health_policy", verbose_name=_("gemeente")
    )
    in_policy = models.BooleanField(
        _("Positieve Gezondheid staat in het lokale gezondheidsbeleid"), null=True
    )
    since_year = models.PositiveSmallIntegerField(_("sinds welk jaar"), null=True, blank=True)
    document_title = models.CharField(_("naam van het beleidsstuk"), max_length=200, blank=True)
    document_url = models.URLField(_("link naar het beleidsstuk"), max_length=500, blank=True)
    levels = models.JSONField(_("niveaus"), default=list, blank=True)
    themes = models.JSONField(_("sociale thema's"), default=list, blank=True)
    notes = models.TextField(_("toelichting"), max_length=1000, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("gezondheidsbeleid van een gemeente")
        verbose_name_plural = _("gezondheidsbeleid van gemeenten")

    def __str__(self) -> str:
        return str(self.municipality)


class PolicyVersion(models.Model):
    """Every saved state of a municipality's policy entry: the register's history."""

    policy = models.ForeignKey(MunicipalityPolicy, on_delete=models.CASCADE, related_name="versions")
    data = models.JSONField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("versie beleid")
        verbose_name_plural = _("versies beleid")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.policy_id} @ {self.changed_at:%Y-%m-%d}"
