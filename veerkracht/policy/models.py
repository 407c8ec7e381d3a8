"""The policy register: whether and how each municipality has Positive Health in its local health policy.

The tables were created by the monitor app (where the register started) and keep their names.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from veerkracht.regions.models import Municipality

# The register's facts of an entry; a version in the history holds exactly these.
FIELDS = ("in_policy", "since_year", "document_title", "document_url", "levels", "themes", "notes")
EMPTY_STATE: dict[str, Any] = {
    "in_policy": None,
    "since_year": None,
    "document_title": "",
    "document_url": "",
    "levels": [],
    "themes": [],
    "notes": "",
}


class Status(models.TextChoices):
    """The three answers, as they appear in URLs (?status=ja) and in the CSV."""

    YES = "ja", _("ja")
    NO = "nee", _("nee")
    UNKNOWN = "onbekend", _("onbekend")

    @classmethod
    def of(cls, in_policy: bool | None) -> str:
        return cls.UNKNOWN if in_policy is None else cls.YES if in_policy else cls.NO


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
        db_table = "monitor_municipalitypolicy"
        verbose_name = _("gezondheidsbeleid van een gemeente")
        verbose_name_plural = _("gezondheidsbeleid van gemeenten")

    def __str__(self) -> str:
        return str(self.municipality)

    def state(self) -> dict[str, Any]:
        """The register's facts of this entry as plain data (an unsaved entry: everything unknown)."""
        if self.pk is None:
            return dict(EMPTY_STATE, levels=[], themes=[])
        return {field: getattr(self, field) for field in FIELDS}


class PolicyVersion(models.Model):
    """Every saved state of a municipality's policy entry: the register's history."""

    policy = models.ForeignKey(MunicipalityPolicy, on_delete=models.CASCADE, related_name="versions")
    data = models.JSONField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        db_table = "monitor_policyversion"
        verbose_name = _("versie beleid")
        verbose_name_plural = _("versies beleid")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.policy_id} @ {self.changed_at:%Y-%m-%d}"
