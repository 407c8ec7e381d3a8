"""The monthly newsletter: subscribers (no account needed, double opt-in), issues put together by an
editor from the digest sections, and one delivery row per (issue, subscriber) so sending is resumable
and never sends twice.

A subscriber chooses subregions (none: the whole region) and topics (a THEMES bit set; 0: everything).
Unsubscribing keeps the row without the e-mail address (``ended_at``), so the monitor can still count
how many subscribers there were at the end of a past period; nothing personal stays.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veerkracht.core.vocabulary import THEMES
from veerkracht.regions.models import Region, Subregion


class Subscriber(models.Model):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(_("e-mailadres"), blank=True)  # lower case; empty once unsubscribed
    subregions = models.ManyToManyField(
        Subregion, verbose_name=_("deelregio's"), blank=True, related_name="+"
    )
    themes = models.PositiveBigIntegerField(_("onderwerpen"), default=0)  # 0: everything
    nonce = models.CharField(max_length=32)  # a new value ends every private link
    created_at = models.DateTimeField(auto_now_add=True)
    confirm_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("abonnee nieuwsbrief")
        verbose_name_plural = _("abonnees nieuwsbrief")
        constraints = [
            models.UniqueConstraint(
                fields=("region", "email"), condition=~Q(email=""), name="newsletter_subscriber_once"
            )
        ]
        indexes = [models.Index(fields=("region", "confirmed_at", "ended_at"))]

    def __str__(self) -> str:
        return self.email or f"#{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.ended_at is None

    @property
    def theme_labels(self) -> list[str]:
        return THEMES.labels_of(self.themes)


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    SENDING = "sending", _("wordt verstuurd")
    SENT = "sent", _("verstuurd")


class Issue(models.Model):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("maand"))  # the first day of the month
    introduction = models.TextField(_("inleiding"), max_length=3000, blank=True)
    status = models.CharField(max_length=10, choices=IssueStatus.choices, default=IssueStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("nieuwsbrief")
        verbose_name_plural = _("nieuwsbrieven")
        ordering = ("-month",)
        constraints = [models.UniqueConstraint(fields=("region", "month"), name="newsletter_issue_month")]
        indexes = [models.Index(fields=("region", "status", "month"))]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"


class IssueItem(models.Model):
    """One item of an issue, copied from a digest section when the draft was made."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="items")
    section = models.CharField(max_length=40)
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    text = models.TextField(max_length=2000, blank=True)
    when = models.DateTimeField(null=True, blank=True)
    subregion = models.CharField(max_length=60, blank=True)  # a Subregion slug; empty: whole region
    themes = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ("position", "pk")

    def __str__(self) -> str:
        return self.title


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("wacht")
    QUEUED = "queued", _("klaargezet")
    SKIPPED = "skipped", _("overgeslagen")


class Delivery(models.Model):
    """That one subscriber gets one issue: made for everyone at once when the editor sends, then
    turned into a mail in batches by the queue (jobs.py). The mail's key is (issue, subscriber)."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("issue", "subscriber"), name="newsletter_delivery_once")
        ]
        indexes = [models.Index(fields=("issue", "status"))]

    def __str__(self) -> str:
        return f"{self.issue_id}:{self.subscriber_id}"
