"""Initiatives (proeftuinen): local initiatives that grow through inspire → connect → accelerate, with
their phase history, news, needs and followers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation
from veerkracht.core.models import TaggedModel
from veerkracht.regions.models import Municipality, Region, Subregion

from ..storage import private_storage
from ..vocab import HELP_TYPES

User = settings.AUTH_USER_MODEL


class Phase(models.TextChoices):
    INSPIRE = "inspire", _("inspireren")
    CONNECT = "connect", _("verbinden")
    ACCELERATE = "accelerate", _("versnellen")
    STOPPED = "stopped", _("gestopt")


class Review(models.TextChoices):
    PENDING = "pending", _("wacht op goedkeuring")
    PUBLIC = "public", _("openbaar")
    REJECTED = "rejected", _("niet geplaatst")


class Initiative(TaggedModel):
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
    # Shown only once one of the organisation's admins accepted (models/partnerships.py).
    partners = models.ManyToManyField(
        Organisation, through="InitiativePartner", blank=True, related_name="partner_in"
    )
    phase = models.CharField(_("fase"), max_length=10, choices=Phase.choices, default=Phase.INSPIRE)
    lesson = models.TextField(_("wat hebben jullie geleerd?"), max_length=3000, blank=True)
    # Asked when the initiative moves to "versnellen"; like the lesson, the knowledge library shows it.
    what_worked = models.TextField(_("wat werkte?"), max_length=3000, blank=True)
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.PENDING)
    followers_count = models.PositiveIntegerField(default=0)
    # Where it came from, set by the app it came from through initiative_create ("Ontstaan in de sessie
    # van 12 maart in Venlo" and a link to that page): the action centre itself knows no other app.
    origin_label = models.CharField(_("ontstaan in"), max_length=200, blank=True)
    origin_url = models.CharField(max_length=300, blank=True)
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
    """News on an initiative's page. On a public initiative, news by anyone but staff waits for approval
    (``review`` pending); its photo waits in the private storage until then (storage.py)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("wat is er nieuw?"), max_length=3000)
    photo = models.ImageField(_("foto (mag)"), upload_to=update_photo_path, blank=True)
    pending_photo = models.ImageField(upload_to=update_photo_path, storage=private_storage, blank=True)
    photo_name = models.CharField(max_length=80, blank=True)
    photo_alt = models.CharField(_("wat staat er op de foto?"), max_length=200, blank=True)
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.PUBLIC)
    reviewed_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("waarom niet?"), max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["review", "created_at"], name="update_review_queue")]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_public(self) -> bool:
        return self.review == Review.PUBLIC

    @property
    def has_photo(self) -> bool:
        return bool(self.photo or self.pending_photo)


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
