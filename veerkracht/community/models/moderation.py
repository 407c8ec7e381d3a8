"""What every piece of community content shares: staff can hide it at once, and readers can report it.

``Moderated`` is the abstract base of everything people write here (stories, responses, questions,
answers, group posts). Hiding keeps the row (the author still sees it, with the reason) and takes it
off every public page, feed, search result and newsletter; the reason is also in the audit log.
``ContentReport`` is a reader's "melden" of any Moderated object; the moderation queue lists open ones.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Moderated(models.Model):
    hidden_at = models.DateTimeField(_("verborgen op"), null=True, blank=True)
    hidden_reason = models.TextField(_("waarom verborgen"), max_length=1000, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verborgen door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class ReportStatus(models.TextChoices):
    OPEN = "open", _("open")
    HIDDEN = "hidden", _("verborgen")
    DISMISSED = "dismissed", _("niets mis mee")


class ContentReport(models.Model):
    """A reader reports something they think does not belong here. Anyone may report (no account
    needed, rate-limited per address); the reporter's account is kept only to stop double reports."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content = GenericForeignKey("content_type", "object_id")
    reason = models.TextField(_("wat is er mis?"), max_length=1000)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ("created_at",)
        indexes = [models.Index(fields=("status", "created_at"))]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id}: {self.get_status_display()}"
