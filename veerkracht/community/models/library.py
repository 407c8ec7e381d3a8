"""The knowledge library (kennisbank): methods, tools, practice guides, presentations, videos and links,
written or uploaded by staff and partner organisations, tagged by level, interpretation, target group,
theme and dimension.

Items by partner organisations wait for staff approval (``review``): the library speaks for the movement,
and an uploaded file can carry anything (advertising, someone else's work, a wrong version). Staff's own
items are public at once. Lessons from initiatives are not stored here: the library reads them from the
action centre (selectors/library.py), so they never go out of sync.

Uploaded files live outside MEDIA_ROOT and are served by a view that checks the item is public, always
as a download with a fixed type (views/library.py), so a file never runs as a page of this site.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.accounts.models import Organisation
from veerkracht.core.models import TaggedModel
from veerkracht.core.vocabulary import INTERPRETATION_FLAGS, LEVEL_FLAGS
from veerkracht.lib.flags import Flags
from veerkracht.regions.models import Region

from ..storage import library_storage
from .moderation import Moderated

TARGET_GROUPS = Flags(
    [
        ("residents", _("Inwoners")),
        ("professionals", _("Professionals")),
        ("volunteers", _("Vrijwilligers")),
        ("ambassadors", _("Ambassadeurs")),
        ("policy", _("Gemeenten en beleidsmakers")),
        ("organisations", _("Organisaties")),
    ]
)


class LibraryKind(models.TextChoices):
    METHOD = "method", _("methode")
    TOOL = "tool", _("hulpmiddel")
    GUIDE = "guide", _("praktijkgids")
    PRESENTATION = "presentation", _("presentatie")
    VIDEO = "video", _("video")
    LINK = "link", _("link")


# Not stored: lessons come from the action centre and are listed with this kind.
LESSON_KIND = "lesson"
LESSON_LABEL = _("les uit een initiatief")


class LibraryReview(models.TextChoices):
    PENDING = "pending", _("wacht op goedkeuring")
    PUBLIC = "public", _("openbaar")
    REJECTED = "rejected", _("niet geplaatst")


def library_file_path(instance: LibraryItem, filename: str) -> str:
    return f"{timezone.now():%Y%m}/{filename}"


class LibraryItem(TaggedModel, Moderated):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("soort"), max_length=12, choices=LibraryKind.choices)
    title = models.CharField(_("titel"), max_length=150)
    summary = models.CharField(_("in een paar zinnen"), max_length=400)
    body = models.TextField(_("uitleg (mag)"), max_length=20000, blank=True)
    url = models.URLField(_("link (mag)"), max_length=500, blank=True)
    file = models.FileField(upload_to=library_file_path, storage=library_storage, blank=True, max_length=200)
    file_name = models.CharField(max_length=120, blank=True)  # the name shown and downloaded, made safe
    file_size = models.PositiveIntegerField(default=0)
    levels = models.PositiveSmallIntegerField(_("niveaus"), default=0)
    interpretations = models.PositiveSmallIntegerField(_("betekenissen"), default=0)
    target_groups = models.PositiveSmallIntegerField(_("voor wie"), default=0)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review = models.CharField(max_length=10, choices=LibraryReview.choices, default=LibraryReview.PENDING)
    review_reason = models.TextField(_("waarom niet?"), max_length=1000, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kennisbank-item")
        verbose_name_plural = _("kennisbank")
        ordering = ("-published_at", "-pk")
        indexes = [
            models.Index(fields=("region", "review", "published_at", "id"), name="library_list_order"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.review == LibraryReview.PUBLIC and not self.is_hidden

    @property
    def level_labels(self) -> list[str]:
        return LEVEL_FLAGS.labels_of(self.levels)

    @property
    def interpretation_labels(self) -> list[str]:
        return INTERPRETATION_FLAGS.labels_of(self.interpretations)

    @property
    def target_group_labels(self) -> list[str]:
        return TARGET_GROUPS.labels_of(self.target_groups)
