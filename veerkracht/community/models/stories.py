"""Stories (verhalen): residents, ambassadors, partners and staff tell what Positive Health brought.

A story by anyone but staff waits for a moderator (``waiting``) before it is public; its photos wait in
the private storage (storage.py) until then. Readers say "dit inspireert me" (one per account or per
browser) and members respond; responses are public at once and moderated after the fact.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.models import TaggedModel
from veerkracht.core.vocabulary import INTERPRETATION_FLAGS, LEVELS
from veerkracht.regions.models import Municipality, Region

from ..storage import waiting_storage
from .moderation import Moderated

MAX_PHOTOS = 3


class StoryStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    WAITING = "waiting", _("wacht op goedkeuring")
    PUBLISHED = "published", _("gepubliceerd")
    DECLINED = "declined", _("niet geplaatst")


class Story(TaggedModel, Moderated):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_stories"
    )
    title = models.CharField(_("titel"), max_length=150)
    text = models.TextField(_("je verhaal"), max_length=8000)
    video_url = models.URLField(_("link naar een video (mag)"), max_length=300, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    level = models.CharField(_("niveau"), max_length=5, choices=LEVELS, default="nano")
    interpretations = models.PositiveSmallIntegerField(
        _("hoe Positieve Gezondheid gebruikt wordt"), default=0
    )
    initiative = models.ForeignKey(
        "actioncentre.Initiative", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    event = models.ForeignKey(
        "agenda.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=StoryStatus.choices, default=StoryStatus.DRAFT)
    decline_reason = models.TextField(_("waarom niet geplaatst"), max_length=1000, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    inspiration_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")
        ordering = ("-published_at", "-pk")
        indexes = [
            # Covers the public list, its filters and its count without reading the long texts.
            models.Index(
                fields=(
                    "region",
                    "status",
                    "hidden_at",
                    "published_at",
                    "municipality",
                    "level",
                    "interpretations",
                    "themes",
                    "dimensions",
                ),
                name="story_public_list",
            ),
            models.Index(fields=("status", "created_at"), name="story_queue"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:story", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status == StoryStatus.PUBLISHED and not self.is_hidden

    @property
    def interpretation_labels(self) -> list[str]:
        return INTERPRETATION_FLAGS.labels_of(self.interpretations)

    @property
    def level_label(self) -> str:
        return str(dict(LEVELS).get(self.level, ""))

    @property
    def can_edit_text(self) -> bool:
        return self.status != StoryStatus.PUBLISHED


def story_photo_path(instance: StoryPhoto, filename: str) -> str:
    # Our own random name (images.prepare_photo), never the uploader's.
    return f"verhalen/{timezone.now():%Y%m}/{instance.photo_name}"


class StoryPhoto(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="photos")
    photo = models.ImageField(upload_to=story_photo_path, blank=True)
    pending_photo = models.ImageField(upload_to=story_photo_path, storage=waiting_storage, blank=True)
    photo_name = models.CharField(max_length=80)
    alt = models.CharField(_("wat staat er op de foto?"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("position", "pk")

    def __str__(self) -> str:
        return self.alt

    @property
    def is_waiting(self) -> bool:
        return bool(self.pending_photo)


class StoryResponse(Moderated):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="responses")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("je reactie"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reactie op een verhaal")
        verbose_name_plural = _("reacties op verhalen")
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        return f"{self.story.get_absolute_url()}#reactie-{self.pk}"

    @property
    def is_public(self) -> bool:
        return not self.is_hidden and self.story.is_public


class Inspiration(models.Model):
    """One "dit inspireert me": per account, or without an account per browser (a signed cookie)."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="inspirations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    browser = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=("story", "user"), condition=models.Q(user__isnull=False), name="inspiration_once_user"
            ),
            models.UniqueConstraint(
                fields=("story", "browser"), condition=~models.Q(browser=""), name="inspiration_once_browser"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.story_id}"
