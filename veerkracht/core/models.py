from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .vocabulary import DIMENSIONS, THEMES


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        abstract = True


class TaggedModel(models.Model):
    """Themes and the six dimensions as bit sets (core.vocabulary), with readable lists for templates."""

    themes = models.PositiveBigIntegerField(_("thema's"), default=0)
    dimensions = models.PositiveIntegerField(_("kanten van gezondheid"), default=0)

    class Meta:
        abstract = True

    @property
    def theme_labels(self) -> list[str]:
        return THEMES.labels_of(self.themes)

    @property
    def dimension_labels(self) -> list[str]:
        return DIMENSIONS.labels_of(self.dimensions)


class AuditLogEntry(models.Model):
    """One thing that happened: who did what to which object.

    `code` is a dotted name ("accounts.role.granted"); `subject_type`/`subject_id` name the object
    without a foreign key, so entries survive the deletion of what they describe. `person` is the
    person the entry is about (e.g. whose data was read), so they can be shown their own log.
    """

    code = models.CharField(_("code"), max_length=100, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_actions",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("over persoon"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="audit_about",
    )
    subject_type = models.CharField(_("soort object"), max_length=100, blank=True)
    subject_id = models.CharField(_("object-id"), max_length=64, blank=True)
    data = models.JSONField(_("gegevens"), default=dict, blank=True)
    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("logregel")
        verbose_name_plural = _("audit- en inzagelog")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"]),
            models.Index(fields=["person", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.code}"
