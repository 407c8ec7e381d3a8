"""Writing news: staff only. A photo goes through the photo-safety pipeline (lib/images.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action
from veerkracht.lib.images import PreparedPhoto, prepare_photo
from veerkracht.regions.models import Region

from ..models import NewsItem
from .moderation import is_moderator


def _check_dates(published_at: datetime, expires_at: datetime | None) -> None:
    if expires_at is not None and expires_at <= published_at:
        raise ValidationError({"expires_at": _("Het bericht moet verlopen na de dag dat het verschijnt.")})


def _set_photo(item: NewsItem, photo: PreparedPhoto | File | None, photo_alt: str) -> None:
    if photo is None:
        return
    if not isinstance(photo, PreparedPhoto):
        photo = prepare_photo(photo)
    if not photo_alt:
        raise ValidationError({"photo_alt": _("Vertel in een paar woorden wat er op de foto staat.")})
    item.photo_name = photo.name
    item.photo.save(photo.name, ContentFile(photo.content), save=False)


@transaction.atomic
def news_create(
    *,
    region: Region,
    actor,
    title: str,
    text: str,
    published_at: datetime,
    expires_at: datetime | None = None,
    photo: PreparedPhoto | File | None = None,
    photo_alt: str = "",
) -> NewsItem:
    """A news item; dated in the future it is scheduled and shows from that moment."""
    if not is_moderator(actor):
        raise PermissionDenied
    _check_dates(published_at, expires_at)
    item = NewsItem(
        region=region,
        title=title.strip(),
        text=text.strip(),
        published_at=published_at,
        expires_at=expires_at,
        photo_alt=photo_alt.strip() if photo is not None else "",
        author=actor,
    )
    item.full_clean(exclude=["photo"])
    _set_photo(item, photo, item.photo_alt)
    item.save()
    log_action("community.newsitem.created", actor=actor, subject=item)
    return item


@transaction.atomic
def news_update(
    *,
    item: NewsItem,
    actor,
    title: str,
    text: str,
    published_at: datetime,
    expires_at: datetime | None = None,
    photo: PreparedPhoto | File | None = None,
    photo_alt: str = "",
    remove_photo: bool = False,
) -> NewsItem:
    if not is_moderator(actor):
        raise PermissionDenied
    _check_dates(published_at, expires_at)
    item = NewsItem.objects.select_for_update().get(pk=item.pk)
    item.title, item.text = title.strip(), text.strip()
    item.published_at, item.expires_at = published_at, expires_at
    if remove_photo and photo is None:
        item.photo.delete(save=False)
        item.photo_name = ""
    item.photo_alt = photo_alt.strip() if (photo is not None or item.photo) else ""
    item.full_clean(exclude=["photo"])
    _set_photo(item, photo, item.photo_alt)
    item.save()
    log_action("community.newsitem.changed", actor=actor, subject=item)
    return item


DUE_WINDOW = timedelta(minutes=30)  # the job runs every 10 minutes; a late run still catches up


def news_touch_due(*, now: datetime | None = None) -> int:
    """Save again the news items that appeared or expired in the last half hour, so everything that
    follows saves (the search index) sees the change. Idempotent: a second save changes nothing else."""
    now = now or timezone.now()
    since = now - DUE_WINDOW
    due = NewsItem.objects.filter(
        Q(published_at__gt=since, published_at__lte=now) | Q(expires_at__gt=since, expires_at__lte=now)
    )
    count = 0
    for item in due:
        item.save(update_fields=["updated_at"])
        count += 1
    return count
