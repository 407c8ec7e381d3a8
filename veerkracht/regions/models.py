from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from veerkracht.core.models import TimeStampedModel


class Region(TimeStampedModel):
    """The area a movement works in, usually a province (e.g. Limburg Positief Gezond)."""

    slug = models.SlugField(_("korte naam"), unique=True)
    name = models.CharField(_("naam"), max_length=100)
    province_code = models.CharField(_("CBS-provinciecode"), max_length=4, help_text="PVxx")
    movement_name = models.CharField(_("naam van de beweging"), max_length=150)
    contact_email = models.EmailField(_("e-mailadres actiecentrum"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer actiecentrum"), max_length=30, blank=True)
    contact_address = models.TextField(_("bezoekadres"), blank=True)

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Subregion(models.Model):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="subregions")
    slug = models.SlugField(_("korte naam"))
    name = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("deelregio")
        verbose_name_plural = _("deelregio's")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["region", "slug"], name="subregion_unique_slug")]

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    code = models.CharField(_("CBS-code"), max_length=6, unique=True, help_text="GMxxxx")
    name = models.CharField(_("naam"), max_length=100)
    province_code = models.CharField(_("CBS-provinciecode"), max_length=4)
    province_name = models.CharField(_("provincie"), max_length=50)
    region = models.ForeignKey(
        Region, verbose_name=_("regio"), on_delete=models.PROTECT, related_name="municipalities"
    )
    subregion = models.ForeignKey(
        Subregion,
        verbose_name=_("deelregio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="municipalities",
    )
    # Optional: loaded with `load_region --population` (CBS open data), for figures per 10,000 inhabitants.
    population = models.PositiveIntegerField(_("aantal inwoners"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("inwoners in het jaar"), null=True, blank=True)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
