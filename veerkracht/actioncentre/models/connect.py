"""Connecting: offers of help, ambassadors' and partners' public profiles, and introductions between
someone who asks and someone who can help (answered by both sides through private links)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation
from veerkracht.core.models import TaggedModel
from veerkracht.regions.models import Municipality, Region, Subregion

from ..tokens import hash_token
from ..vocab import HELP_TYPES
from .initiatives import Need
from .requests import Request

User = settings.AUTH_USER_MODEL


class Offer(TaggedModel):
    """What a person or organisation offers: time, a place, knowledge, contacts, money, publicity."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="offers")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="offers"
    )
    help_type = models.CharField(_("wat bied je aan?"), max_length=12, choices=HELP_TYPES.choices)
    title = models.CharField(_("titel"), max_length=120)
    description = models.TextField(_("omschrijving"), max_length=2000)
    # Empty municipality: anywhere in the region.
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subregion = models.ForeignKey(
        Subregion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_active = models.BooleanField(_("zichtbaar"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        ordering = ["-created_at"]
        # Covering index for ranking suggestions: the score is computed from the index alone,
        # without reading the 15,000+ candidate rows themselves (2× faster on 100,000 offers).
        indexes = [
            models.Index(
                fields=[
                    "region",
                    "is_active",
                    "help_type",
                    "themes",
                    "dimensions",
                    "municipality",
                    "subregion",
                    "created_at",
                    "owner",  # excluded when it is the asker's own offer
                    "id",  # PostgreSQL indexes do not hold the key by themselves (SQLite's do)
                ],
                name="offer_ranking",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Availability(models.TextChoices):
    AVAILABLE = "available", _("heeft tijd voor nieuwe contacten")
    LIMITED = "limited", _("heeft weinig tijd")
    UNAVAILABLE = "unavailable", _("even niet beschikbaar")


class AmbassadorProfile(TaggedModel):
    """The public face of an ambassador (role `ambassador`)."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="ambassador_profile")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    expertise = models.CharField(_("waar kun je mee helpen?"), max_length=300)
    bio = models.TextField(_("over jou"), max_length=2000, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="ambassadors"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subregion = models.ForeignKey(
        Subregion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    help_types = models.PositiveIntegerField(default=0)  # HELP_TYPES bit set
    availability = models.CharField(
        _("beschikbaarheid"), max_length=12, choices=Availability.choices, default=Availability.AVAILABLE
    )
    is_public = models.BooleanField(_("profiel openbaar"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ambassadeursprofiel")
        verbose_name_plural = _("ambassadeursprofielen")
        indexes = [models.Index(fields=["region", "is_public", "availability"])]

    def __str__(self) -> str:
        return self.expertise


class PartnerProfile(TaggedModel):
    """What a partner organisation works on, for its public page and for suggestions."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="partner_profile"
    )
    help_types = models.PositiveIntegerField(default=0)  # HELP_TYPES bit set
    subregion = models.ForeignKey(
        Subregion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_public = models.BooleanField(_("pagina openbaar"), default=True)

    class Meta:
        verbose_name = _("partnerpagina")
        verbose_name_plural = _("partnerpagina's")

    def __str__(self) -> str:
        return str(self.organisation)


class ConnectionStatus(models.TextChoices):
    PROPOSED = "proposed", _("voorgesteld")
    ACCEPTED = "accepted", _("verbonden")
    DECLINED = "declined", _("afgewezen")


class Connection(models.Model):
    """A proposed introduction between a need (or request) and someone who can help.

    Both sides answer through a private link in their introduction e-mail; when both accept, the
    connection counts (a key movement indicator).
    """

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    need = models.ForeignKey(
        Need, null=True, blank=True, on_delete=models.CASCADE, related_name="connections"
    )
    request = models.ForeignKey(
        Request, null=True, blank=True, on_delete=models.CASCADE, related_name="connections"
    )
    offer = models.ForeignKey(
        Offer, null=True, blank=True, on_delete=models.SET_NULL, related_name="connections"
    )
    ambassador = models.ForeignKey(
        AmbassadorProfile, null=True, blank=True, on_delete=models.SET_NULL, related_name="connections"
    )
    partner = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="connections"
    )
    # The two sides: who asked (initiative owner or request sender) and who helps.
    asker_name = models.CharField(max_length=150)
    asker_email = models.EmailField()
    helper_name = models.CharField(max_length=150)
    helper_email = models.EmailField()
    message = models.TextField(_("waarom deze twee?"), max_length=2000)
    proposed_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    asker_token_hash = models.CharField(max_length=64, unique=True)
    helper_token_hash = models.CharField(max_length=64, unique=True)
    asker_answer = models.BooleanField(null=True)
    helper_answer = models.BooleanField(null=True)
    status = models.CharField(
        max_length=10, choices=ConnectionStatus.choices, default=ConnectionStatus.PROPOSED
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["region", "status", "decided_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(need__isnull=False) | models.Q(request__isnull=False),
                name="connection_has_a_need_or_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.asker_name} ↔ {self.helper_name}"

    def side_for(self, token: str) -> str:
        """'asker' or 'helper': which side this private link belongs to."""
        return "asker" if self.asker_token_hash == hash_token(token) else "helper"

    @property
    def helps_with(self) -> str:
        """What the helper brings, in a few words (the offer's title, expertise or organisation)."""
        if self.offer is not None:
            return self.offer.title
        if self.ambassador is not None:
            return self.ambassador.expertise
        if self.partner is not None:
            return self.partner.description[:200] or self.partner.name
        return ""
