"""Requests: what a person brings to the action centre (a question, an idea, a request for support), and
its timeline. The sender follows it through a private link whose secret is stored only as a hash."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.models import TaggedModel
from veerkracht.regions.models import Municipality, Region

from ..vocab import HELP_TYPES

User = settings.AUTH_USER_MODEL


class RequestKind(models.TextChoices):
    QUESTION = "question", _("Een vraag")
    IDEA = "idea", _("Een idee")
    SUPPORT = "support", _("Hulp of steun bij iets wat ik al doe")


class RequestStatus(models.TextChoices):
    NEW = "new", _("nieuw")
    HANDLING = "handling", _("wordt opgepakt")
    CONNECTED = "connected", _("verbonden")
    CLOSED = "closed", _("afgesloten")


# Which status may follow which: the board offers only these.
REQUEST_TRANSITIONS = {
    RequestStatus.NEW: {RequestStatus.HANDLING, RequestStatus.CLOSED},
    RequestStatus.HANDLING: {RequestStatus.CONNECTED, RequestStatus.CLOSED, RequestStatus.NEW},
    RequestStatus.CONNECTED: {RequestStatus.CLOSED, RequestStatus.HANDLING},
    RequestStatus.CLOSED: {RequestStatus.HANDLING},
}


def allowed_transitions(status: str) -> list[str]:
    """The statuses a request with `status` may move to, in the order of RequestStatus."""
    allowed = REQUEST_TRANSITIONS.get(RequestStatus(status), set())
    return [s.value for s in RequestStatus if s in allowed]


def follow_path(token: str) -> str:
    """The sender's private page for the request with this secret (the token itself is never stored)."""
    return reverse("actioncentre:follow", args=[token])


class CloseReason(models.TextChoices):
    DONE = "done", _("geholpen of beantwoord")
    INITIATIVE = "initiative", _("er is een initiatief van gemaakt")
    REFERRED = "referred", _("doorverwezen naar een andere plek")
    NO_RESPONSE = "no_response", _("geen reactie meer gekregen")
    NOT_FITTING = "not_fitting", _("past niet bij het actiecentrum")
    DUPLICATE = "duplicate", _("dubbel ingestuurd")
    SPAM = "spam", _("geen echte vraag (spam)")


class Request(TaggedModel):
    """Something a person brought to the action centre; they follow it through a private link."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("wat is het?"), max_length=10, choices=RequestKind.choices)
    title = models.CharField(_("titel"), max_length=120)
    description = models.TextField(_("vertel er meer over"), max_length=3000)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    needs = models.PositiveIntegerField(_("wat is er nodig?"), default=0)  # HELP_TYPES bit set
    name = models.CharField(_("je naam"), max_length=100)
    email = models.EmailField(_("je e-mailadres"))
    contact_consent = models.BooleanField(_("het actiecentrum mag contact met mij opnemen"), default=False)
    sender = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.NEW
    )
    close_reason = models.CharField(_("reden"), max_length=12, choices=CloseReason.choices, blank=True)
    assignee = models.ForeignKey(
        User,
        verbose_name=_("opgepakt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_requests",
    )
    initiative = models.ForeignKey(
        "Initiative", null=True, blank=True, on_delete=models.SET_NULL, related_name="requests"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vraag of idee")
        verbose_name_plural = _("vragen en ideeën")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["region", "status", "-created_at"]),
            models.Index(fields=["assignee", "status"]),
            models.Index(fields=["email", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def need_labels(self) -> list[str]:
        return HELP_TYPES.labels_of(self.needs)

    @property
    def is_open(self) -> bool:
        return self.status != RequestStatus.CLOSED

    @property
    def waiting_days(self) -> int:
        return (timezone.now() - self.created_at).days


class EventKind(models.TextChoices):
    CREATED = "created", _("binnengekomen")
    STATUS = "status", _("status veranderd")
    ASSIGNED = "assigned", _("opgepakt door")
    NOTE = "note", _("interne notitie")
    SENDER_MESSAGE = "sender", _("aanvulling van de indiener")
    STAFF_MESSAGE = "reply", _("bericht aan de indiener")


class RequestEvent(models.Model):
    """The request's timeline. NOTE events are internal and never shown to the sender."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=EventKind.choices)
    actor = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    from_status = models.CharField(max_length=10, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=RequestStatus.choices, blank=True)
    text = models.TextField(max_length=3000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"

    @property
    def is_internal(self) -> bool:
        return self.kind == EventKind.NOTE
