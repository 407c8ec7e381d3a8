"""The monitor's own tables: frozen figures per period (the snapshots).

Figures are published values. A suppressed figure is stored without its value and without its number
of people (both NULL), so no page, download, API or report can leak it: there is nothing to leak.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from veerkracht.regions.models import Region


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

    A period that had ended when it was computed is closed: it is published, and its figures never
    change again, not on a later run, not when someone withdraws consent or deletes
    their account (two versions of one period could be subtracted to find that person). Trends keep
    their history that way too. An indicator registered later is filled in for it, once (``indicators``
    records which were computed). An open period (the current month, quarter or year) is recomputed on
    every run, and only for movement figures: figures about residents are only published for closed
    periods.
    """

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="monitor_periods")
    kind = models.CharField(max_length=8, choices=PeriodKind.choices)
    start = models.DateField()
    end = models.DateField(help_text="first day after the period")
    is_closed = models.BooleanField(default=False)
    taken_at = models.DateTimeField()
    # The indicators computed for this period (also those without a figure): a closed period gets
    # only the indicators missing here, so nothing published is ever computed again.
    indicators = models.JSONField(default=list, blank=True)

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
