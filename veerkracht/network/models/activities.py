"""What ambassadors do: one row per activity, logged in a minute on a phone or added automatically
(sessions they organised in the agenda, introductions they made in the action centre)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from veerkracht.regions.models import Municipality, Region

from .ambassadors import Ambassador


class ActivityKind(models.TextChoices):
    CONVERSATION = "conversation", _("een gesprek")
    TALK = "talk", _("een praatje of presentatie")
    SESSION = "session", _("een bijeenkomst gegeven")
    INITIATIVE = "initiative", _("een initiatief geholpen")
    INTRODUCTION = "introduction", _("mensen met elkaar in contact gebracht")


class ActivitySource(models.TextChoices):
    LOGGED = "logged", _("zelf ingevuld")
    AGENDA = "agenda", _("uit de agenda")
    CONNECT = "connect", _("uit het actiecentrum")


class Activity(models.Model):
    """Visible to the ambassador and to action-centre staff only; the monitor publishes counts."""

    ambassador = models.ForeignKey(Ambassador, on_delete=models.CASCADE, related_name="activities")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    on = models.DateField(_("datum"))
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("wat deed je?"), max_length=12, choices=ActivityKind.choices)
    people = models.PositiveIntegerField(_("met ongeveer hoeveel mensen?"), default=1)
    note = models.CharField(_("korte notitie"), max_length=200, blank=True)
    source = models.CharField(max_length=8, choices=ActivitySource.choices, default=ActivitySource.LOGGED)
    # For automatic rows: what it came from ("agenda.event:12"), so it is added once.
    source_key = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("activiteit van een ambassadeur")
        verbose_name_plural = _("activiteiten van ambassadeurs")
        ordering = ["-on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ambassador", "source_key"],
                condition=~models.Q(source_key=""),
                name="network_activity_once_per_source",
            )
        ]
        indexes = [
            models.Index(fields=["ambassador", "on"]),
            models.Index(fields=["region", "on", "kind"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on}"
