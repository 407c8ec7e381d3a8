"""Registrations: who comes, with how many places, and the waiting list.

A registration is confirmed (its places count in Event.places_taken), waiting (on the list, in order of
`created_at`), offered (a place that came free is held for it until `offer_expires_at`; the places count
as taken), or cancelled / expired. No account is needed: the person manages it through a private link
(tokens.py). Personal data here is erased a set time after the event (retention.py); the counts stay.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .events import Event

User = settings.AUTH_USER_MODEL


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("aangemeld")
    WAITING = "waiting", _("op de wachtlijst")
    OFFERED = "offered", _("plaats aangeboden")
    CANCELLED = "cancelled", _("afgemeld")
    EXPIRED = "expired", _("aanbod verlopen")


# Statuses that hold places (or will): one of these per e-mail address per event.
ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.OFFERED)
HOLDS_PLACES = (RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED)


def new_nonce() -> str:
    return secrets.token_urlsafe(12)


class Question(models.Model):
    """An extra question the organiser adds to the registration form ("Heb je een dieetwens?")."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("vraag"), max_length=200)
    required = models.BooleanField(_("verplicht"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("vraag bij aanmelden")
        verbose_name_plural = _("vragen bij aanmelden")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.text


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mailadres"))
    places = models.PositiveSmallIntegerField(_("aantal plaatsen"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    # {question id (str): answer}: the organiser's extra questions.
    answers = models.JSONField(_("antwoorden"), default=dict, blank=True)
    consent_at = models.DateTimeField(_("toestemming gegeven op"))
    walk_in = models.BooleanField(_("zonder aanmelding binnengekomen"), default=False)
    checked_in_at = models.DateTimeField(_("binnen om"), null=True, blank=True)
    checked_in_places = models.PositiveSmallIntegerField(default=0)
    offer_expires_at = models.DateTimeField(_("aanbod geldt tot"), null=True, blank=True)
    # Secret behind the private link, the QR code and the evaluation link (tokens.py: HMAC over id and
    # this value). A new nonce ends every link of this registration.
    nonce = models.CharField(max_length=24, default=new_nonce)
    sequence_seen = models.PositiveIntegerField(default=0)  # the event's SEQUENCE in the last mail
    reminded_at = models.DateTimeField(null=True, blank=True)
    evaluation_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Set when the personal data was erased (retention.py, account deletion): the row stays, without
    # name, address, answers or account, so the counts of the event stay right.
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["event", "status", "created_at"]),
            models.Index(fields=["user", "status"]),
            models.Index(fields=["status", "offer_expires_at"]),
        ]
        constraints = [
            # One active registration per address per event: the second attempt is told so (and gets
            # its link again), also when both arrive at the same moment. Walk-ins added at the door
            # without an address (email "") are not held to it.
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=Q(status__in=ACTIVE) & ~Q(email=""),
                name="registration_one_per_email",
            ),
            models.CheckConstraint(condition=Q(places__gte=1), name="registration_at_least_one_place"),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.event}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    @property
    def holds_places(self) -> bool:
        return self.status in HOLDS_PLACES

    @property
    def checked_in(self) -> bool:
        return self.checked_in_at is not None
