"""Actiecentrum: requests (questions, ideas, support), initiatives (proeftuinen), offers and connections.

Themes, dimensions and help types are bit sets (see vocab.py). Secrets in links (a sender's private
follow link, a connection's answer links, an unsubscribe link) are stored only as SHA-256 hashes.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation
from veerkracht.regions.models import Municipality, Region, Subregion

from .vocab import DIMENSIONS, HELP_TYPES, THEMES

User = settings.AUTH_USER_MODEL


class FlagsMixin(models.Model):
    """Themes and dimensions as bit sets, with readable lists for templates."""

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


# --- Requests ---------------------------------------------------------------------------------


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


class CloseReason(models.TextChoices):
    DONE = "done", _("geholpen of beantwoord")
    INITIATIVE = "initiative", _("er is een initiatief van gemaakt")
    REFERRED = "referred", _("doorverwezen naar een andere plek")
    NO_RESPONSE = "no_response", _("geen reactie meer gekregen")
    NOT_FITTING = "not_fitting", _("past niet bij het actiecentrum")
    DUPLICATE = "duplicate", _("dubbel ingestuurd")
    SPAM = "spam", _("geen echte vraag (spam)")


class Request(FlagsMixin):
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


# --- Initiatives ------------------------------------------------------------------------------


class Phase(models.TextChoices):
    INSPIRE = "inspire", _("inspireren")
    CONNECT = "connect", _("verbinden")
    ACCELERATE = "accelerate", _("versnellen")
    STOPPED = "stopped", _("gestopt")


class Review(models.TextChoices):
    PENDING = "pending", _("wacht op goedkeuring")
    PUBLIC = "public", _("openbaar")
    REJECTED = "rejected", _("niet geplaatst")


class Initiative(FlagsMixin):
    """A proeftuin: a local initiative that grows through inspire → connect → accelerate."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    slug = models.SlugField(max_length=140, unique=True)
    title = models.CharField(_("naam van het initiatief"), max_length=120)
    summary = models.CharField(_("in één zin"), max_length=200)
    description = models.TextField(_("wat doen jullie?"), max_length=5000)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    # Denormalised from the municipality so lists and suggestions filter without a join.
    subregion = models.ForeignKey(
        Subregion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    who = models.CharField(_("wie zitten erachter?"), max_length=300)
    owner = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="initiatives"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="initiatives"
    )
    partners = models.ManyToManyField(Organisation, blank=True, related_name="partner_in")
    phase = models.CharField(_("fase"), max_length=10, choices=Phase.choices, default=Phase.INSPIRE)
    lesson = models.TextField(_("wat hebben jullie geleerd?"), max_length=3000, blank=True)
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.PENDING)
    followers_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")
        ordering = ["-created_at"]
        indexes = [
            # Ascending with the id: read backwards, it gives "newest first" in order, no sort step.
            models.Index(fields=["region", "review", "created_at", "id"], name="initiative_list_order"),
            # Covering index for the map's counts per municipality under any filter but a search.
            models.Index(
                fields=[
                    "region",
                    "review",
                    "municipality",
                    "phase",
                    "subregion",
                    "themes",
                    "dimensions",
                    "id",
                ],
                name="initiative_map_counts",
            ),
            models.Index(fields=["region", "review", "phase"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.review == Review.PUBLIC


class PhaseChange(models.Model):
    """History of phases (the monitor counts these): date, who, why."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="phase_changes")
    from_phase = models.CharField(max_length=10, choices=Phase.choices, blank=True)
    to_phase = models.CharField(max_length=10, choices=Phase.choices)
    changed_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(_("waarom?"), max_length=1000, blank=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]
        indexes = [models.Index(fields=["to_phase", "changed_at"])]

    def __str__(self) -> str:
        return f"{self.from_phase or '-'} → {self.to_phase}"


def update_photo_path(instance: InitiativeUpdate, filename: str) -> str:
    # The name is ours, not the uploader's (which may contain personal data).
    return f"initiatieven/{instance.initiative_id}/{timezone.now():%Y%m}/{instance.photo_name}"


class InitiativeUpdate(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("wat is er nieuw?"), max_length=3000)
    photo = models.ImageField(_("foto (mag)"), upload_to=update_photo_path, blank=True)
    photo_name = models.CharField(max_length=80, blank=True)
    photo_alt = models.CharField(_("wat staat er op de foto?"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Need(models.Model):
    """Something an initiative still needs; the action centre suggests offers that match it."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="needs")
    help_type = models.CharField(_("wat is er nodig?"), max_length=12, choices=HELP_TYPES.choices)
    description = models.CharField(_("omschrijving"), max_length=300)
    is_open = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-is_open", "created_at", "pk"]

    def __str__(self) -> str:
        return self.description


class FollowKind(models.TextChoices):
    FOLLOW = "follow", _("volgen")
    SUPPORT = "support", _("steunen")


class Follow(models.Model):
    """A resident follows or supports an initiative and gets its updates by e-mail."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="follows")
    kind = models.CharField(max_length=10, choices=FollowKind.choices, default=FollowKind.FOLLOW)
    email_updates = models.BooleanField(default=True)
    unsubscribe_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["initiative", "user"], name="follow_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.initiative_id}"


# --- Connecting needs and offers --------------------------------------------------------------


class Offer(FlagsMixin):
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


class AmbassadorProfile(FlagsMixin):
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


class PartnerProfile(FlagsMixin):
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
