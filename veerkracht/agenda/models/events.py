"""Events: inspiration sessions, workshops, lectures and meetings in the agenda, and the series they can
belong to ("every second Tuesday of the month in Roermond"). An event belongs to a region and, through
its municipality or chosen subregion, to Noord, Midden or Zuid; an online event has no place."""

from __future__ import annotations

from urllib.parse import quote_plus, urlsplit

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation
from veerkracht.core.models import TaggedModel, TimeStampedModel
from veerkracht.regions.models import Municipality, Region, Subregion

User = settings.AUTH_USER_MODEL


class EventKind(models.TextChoices):
    INSPIRATION = "inspiration", _("inspiratiesessie")
    WORKSHOP = "workshop", _("workshop")
    LECTURE = "lecture", _("lezing")
    AMBASSADORS = "ambassadors", _("ambassadeursbijeenkomst")
    TRAINING = "training", _("trainingsbijeenkomst")
    IN_HOUSE = "in_house", _("sessie op maat")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    PUBLISHED = "published", _("gepubliceerd")
    CANCELLED = "cancelled", _("gaat niet door")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("open voor iedereen")
    CLOSED = "closed", _("alleen op uitnodiging")


class Series(TimeStampedModel):
    """Dates made at once from one rule; each date is an Event that can be changed on its own."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("naam van de reeks"), max_length=120)
    rule = models.CharField(_("wanneer"), max_length=200, help_text=_("Bijvoorbeeld: elke tweede dinsdag"))
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("reeks")
        verbose_name_plural = _("reeksen")

    def __str__(self) -> str:
        return self.title


class Event(TaggedModel, TimeStampedModel):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    series = models.ForeignKey(
        Series, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    kind = models.CharField(_("soort bijeenkomst"), max_length=12, choices=EventKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.PUBLISHED
    )
    visibility = models.CharField(
        _("wie mag komen?"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    title = models.CharField(_("titel"), max_length=120)
    theme = models.CharField(_("thema"), max_length=120, blank=True)
    description = models.TextField(_("waar gaat het over?"), max_length=3000)
    programme = models.TextField(_("programma"), max_length=3000, blank=True)
    speakers = models.TextField(_("sprekers"), max_length=1000, blank=True)
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    # Place: a municipality (its subregion follows), or online with a subregion chosen by hand.
    online = models.BooleanField(_("online"), default=False)
    video_url = models.URLField(_("link naar de videoverbinding"), blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subregion = models.ForeignKey(
        Subregion,
        verbose_name=_("deel van de regio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    venue = models.CharField(_("naam van de plek"), max_length=120, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    step_free = models.BooleanField(_("zonder drempels of trappen"), default=False)
    hearing_loop = models.BooleanField(_("ringleiding"), default=False)
    parking = models.BooleanField(_("parkeren bij de deur"), default=False)
    public_transport = models.CharField(_("met bus of trein"), max_length=200, blank=True)
    accessibility_notes = models.CharField(_("meer over de toegankelijkheid"), max_length=300, blank=True)
    # Registration.
    capacity = models.PositiveIntegerField(_("aantal plaatsen"))
    max_places = models.PositiveSmallIntegerField(_("plaatsen per aanmelding (hoogstens)"), default=2)
    # Places of confirmed registrations and open waiting-list offers: changed only by a conditional
    # UPDATE (services), so two registrations at the same moment can never both take the last place.
    places_taken = models.PositiveIntegerField(default=0)
    offer_hours = models.PositiveSmallIntegerField(
        _("uren om een vrijgekomen plaats aan te nemen"), default=24
    )
    # Organisers: who made it, who may see the attendee list, and the name shown on the page.
    organisers = models.ManyToManyField(User, related_name="organised_events", blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organiser_name = models.CharField(_("georganiseerd door"), max_length=150)
    contact_email = models.EmailField(_("e-mailadres voor vragen"), blank=True)
    # A closed event's private registration link: an HMAC over the id and this number (tokens.py);
    # making a new link raises the number, which ends the old one.
    invite_version = models.PositiveIntegerField(default=1)
    # RFC 5545: the same UID for ever, SEQUENCE one higher on every change attendees are told about.
    sequence = models.PositiveIntegerField(default=0)
    reminders_sent_at = models.DateTimeField(null=True, blank=True)
    evaluation_sent_at = models.DateTimeField(null=True, blank=True)
    cancelled_reason = models.CharField(_("waarom gaat het niet door?"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["region", "status", "starts_at"]),
            models.Index(fields=["subregion", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(places_taken__lte=models.F("capacity")), name="event_never_overbooked"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("agenda:event", args=[self.pk])

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.places_taken, 0)

    @property
    def is_full(self) -> bool:
        return self.places_left == 0

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def is_closed(self) -> bool:
        return self.visibility == Visibility.CLOSED

    @property
    def is_open_for_registration(self) -> bool:
        return self.status == EventStatus.PUBLISHED and not self.has_started

    @property
    def map_url(self) -> str:
        """A link to the place on OpenStreetMap (no third-party script on our page)."""
        if self.online or not self.address:
            return ""
        place = f"{self.address}, {self.municipality.name}" if self.municipality_id else self.address
        return f"https://www.openstreetmap.org/search?query={quote_plus(place)}"

    @property
    def uid(self) -> str:
        # Stable for ever (RFC 5545): calendars match changes and cancellations to the entry by it.
        host = urlsplit(settings.SITE_URL).hostname or "veerkracht.localhost"
        return f"agenda-{self.pk}@{host}"
