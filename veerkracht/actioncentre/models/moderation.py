"""Moderation after approval: a public initiative's texts change only when staff agree.

Once an initiative is on the website, new texts from anyone but staff become an InitiativeRevision that
waits; the page keeps the approved texts meanwhile. Staff approve (the texts are copied onto the
initiative) or turn it down with a reason the author reads. Staff's own edits go live at once and are
recorded as an approved revision, so every revision together is the history of the texts. News on a
public initiative waits in the same way (``InitiativeUpdate.review``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .initiatives import Initiative

User = settings.AUTH_USER_MODEL

# The public texts a revision carries; everything else on the form (municipality, themes, dimensions,
# organisation) is chosen from a list and changes at once.
REVISED_FIELDS = ("title", "summary", "description", "who")


class RevisionStatus(models.TextChoices):
    PENDING = "pending", _("wacht op goedkeuring")
    APPROVED = "approved", _("goedgekeurd")
    REJECTED = "rejected", _("niet goedgekeurd")
    WITHDRAWN = "withdrawn", _("ingetrokken")


class InitiativeRevision(models.Model):
    """New texts for a public initiative: waiting, approved, turned down, or withdrawn by its author."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(_("naam van het initiatief"), max_length=120)
    summary = models.CharField(_("in één zin"), max_length=200)
    description = models.TextField(_("wat doen jullie?"), max_length=5000)
    who = models.CharField(_("wie zitten erachter?"), max_length=300)
    # The texts on the website just before: when it was sent, and again when it was approved.
    before = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=RevisionStatus.choices, default=RevisionStatus.PENDING)
    author = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("waarom niet?"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("wijziging van een initiatief")
        verbose_name_plural = _("wijzigingen van initiatieven")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative"],
                condition=models.Q(status="pending"),
                name="one_pending_revision_per_initiative",
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="revision_review_queue")]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.title} ({self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status == RevisionStatus.PENDING

    def texts(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in REVISED_FIELDS}
