"""Writing stories, deciding on them, "dit inspireert me" and responses.

A story by staff is published at once; anyone else's waits for a moderator, its photos in the private
storage (storage.py) until approval copies them to the public one. The author hears the decision by
e-mail after the commit (a declined story comes with the reason and can be changed and sent again).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.lib.images import PreparedPhoto, prepare_photo

from ..models import (
    INTERPRETATION_FLAGS,
    MAX_PHOTOS,
    Inspiration,
    Story,
    StoryPhoto,
    StoryResponse,
    StoryStatus,
)
from ..storage import waiting_storage
from .moderation import is_moderator

FIELDS = ("title", "text", "video_url", "municipality", "level", "initiative", "event")


def _apply(story: Story, data: Mapping[str, Any]) -> None:
    for name in FIELDS:
        if name in data:
            setattr(story, name, data[name] or ("" if name in ("title", "text", "video_url") else None))
    if "themes" in data:
        story.themes = THEMES.checked_mask(data["themes"], _("Kies thema's uit de lijst."))
    if "dimensions" in data:
        story.dimensions = DIMENSIONS.checked_mask(data["dimensions"], _("Kies kanten uit de lijst."))
    if "interpretations" in data:
        story.interpretations = INTERPRETATION_FLAGS.checked_mask(
            data["interpretations"], _("Kies uit de lijst hoe Positieve Gezondheid gebruikt wordt.")
        )
    if story.video_url and not story.video_url.lower().startswith("https://"):
        raise ValidationError({"video_url": _("Een link naar een video begint met https://")})


def _check_submit(story: Story) -> None:
    if not story.interpretations:
        raise ValidationError(
            {"interpretations": _("Kies minstens één manier waarop Positieve Gezondheid gebruikt wordt.")}
        )


def _add_photos(story: Story, photos: Iterable[tuple[Any, str]], *, public: bool) -> None:
    photos = list(photos)
    known = story.photos.count()
    if known + len(photos) > MAX_PHOTOS:
        raise ValidationError(_("Een verhaal heeft hoogstens %(n)d foto's.") % {"n": MAX_PHOTOS})
    for position, (upload, alt) in enumerate(photos, start=known):
        prepared = upload if isinstance(upload, PreparedPhoto) else prepare_photo(upload)
        alt = (alt or "").strip()
        if not alt:
            raise ValidationError(_("Vertel in een paar woorden wat er op de foto staat."))
        photo = StoryPhoto(story=story, photo_name=prepared.name, alt=alt[:200], position=position)
        field = photo.photo if public else photo.pending_photo
        field.save(prepared.name, ContentFile(prepared.content), save=False)
        photo.save()


def _delete_files_on_commit(photos: Iterable[StoryPhoto]) -> None:
    for photo in photos:
        for field in (photo.photo, photo.pending_photo):
            if field:
                storage, name = field.storage, field.name
                transaction.on_commit(lambda s=storage, n=name: s.delete(n), robust=True)


def _publish(story: Story, actor) -> None:
    """Make the story public: its waiting photos move to the public storage."""
    for photo in story.photos.exclude(pending_photo=""):
        private_name = photo.pending_photo.name
        with waiting_storage.open(private_name, "rb") as source:
            photo.photo.save(photo.photo_name, File(source), save=False)
        photo.pending_photo = ""
        photo.save(update_fields=["photo", "pending_photo"])
        transaction.on_commit(lambda n=private_name: waiting_storage.delete(n), robust=True)
    story.status = StoryStatus.PUBLISHED
    story.published_at = story.published_at or timezone.now()
    story.reviewed_by = actor
    story.decline_reason = ""


def _send_on(story: Story, submit: bool, actor) -> None:
    if not submit:
        story.status = StoryStatus.DRAFT
        return
    _check_submit(story)
    if is_moderator(actor):
        _publish(story, actor)
    else:
        story.status = StoryStatus.WAITING


@transaction.atomic
def story_create(
    *, region, author, data: Mapping[str, Any], photos: Iterable[tuple[Any, str]] = (), submit: bool = True
) -> Story:
    """A new story; `photos` are (PreparedPhoto or upload, alt text) pairs. Staff's goes online at once."""
    if not author.is_authenticated:
        raise PermissionDenied
    story = Story(region=region, author=author)
    _apply(story, data)
    if submit:
        _check_submit(story)
    story.full_clean()
    story.save()
    _add_photos(story, photos, public=is_moderator(author) and submit)
    _send_on(story, submit, author)
    story.save()
    log_action("community.story.created", actor=author, subject=story, data={"status": story.status})
    return story


@transaction.atomic
def story_update(
    *,
    story: Story,
    actor,
    data: Mapping[str, Any],
    photos: Iterable[tuple[Any, str]] = (),
    remove_photos: Iterable[int] = (),
    submit: bool = True,
) -> Story:
    """The author changes a story that is not yet public (or a moderator any story) and sends it again."""
    moderator = is_moderator(actor)
    if not (moderator or (story.author_id == actor.pk and story.status != StoryStatus.PUBLISHED)):
        raise PermissionDenied
    story = Story.objects.select_for_update().get(pk=story.pk)
    was_published = story.status == StoryStatus.PUBLISHED
    _apply(story, data)
    if submit:
        _check_submit(story)
    story.full_clean()
    removed = list(story.photos.filter(pk__in=list(remove_photos)))
    _delete_files_on_commit(removed)
    StoryPhoto.objects.filter(pk__in=[p.pk for p in removed]).delete()
    _add_photos(story, photos, public=moderator and (submit or was_published))
    if not (moderator and was_published):  # a moderator's fix to a public story keeps it public
        _send_on(story, submit, actor)
    story.save()
    log_action("community.story.changed", actor=actor, subject=story, data={"status": story.status})
    return story


def _mail_decision(story: Story, *, approved: bool, reason: str = "") -> None:
    from veerkracht.core.mail import mail_enqueue

    author = story.author
    if author is None or not author.email:
        return
    region = story.region
    context = {
        "name": author.display_name,
        "story": story,
        "approved": approved,
        "reason": reason,
        "url": settings.SITE_URL + reverse("community:story", args=[story.pk]),
        "movement_name": region.movement_name,
    }
    subject = (
        _("Je verhaal staat online: %(title)s") if approved else _("Je verhaal is niet geplaatst: %(title)s")
    ) % {"title": story.title}
    body = render_to_string("community/stories/email/decided.txt", context)
    key = f"community.story.decided:{story.pk}:{story.status}:{story.updated_at:%Y%m%d%H%M%S%f}"
    transaction.on_commit(
        lambda: mail_enqueue(
            subject=f"{region.movement_name}: {subject}", body=body, to=[author.email], key=key
        ),
        robust=True,
    )


def _locked_waiting(story: Story, actor) -> Story | None:
    if not is_moderator(actor):
        raise PermissionDenied
    return (
        Story.objects.select_for_update()
        .select_related("author", "region")
        .filter(pk=story.pk, status=StoryStatus.WAITING)
        .first()
    )


@transaction.atomic
def story_approve(*, story: Story, actor) -> Story:
    locked = _locked_waiting(story, actor)
    if locked is None:
        return Story.objects.get(pk=story.pk)
    _publish(locked, actor)
    locked.save()
    log_action("community.story.approved", actor=actor, subject=locked)
    _mail_decision(locked, approved=True)
    return locked


@transaction.atomic
def story_decline(*, story: Story, actor, reason: str) -> Story:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Schrijf kort op waarom dit verhaal niet geplaatst wordt."))
    locked = _locked_waiting(story, actor)
    if locked is None:
        return Story.objects.get(pk=story.pk)
    locked.status, locked.decline_reason, locked.reviewed_by = StoryStatus.DECLINED, reason[:1000], actor
    locked.save()
    log_action(
        "community.story.declined", actor=actor, subject=locked, data={"reason": locked.decline_reason}
    )
    _mail_decision(locked, approved=False, reason=locked.decline_reason)
    return locked


@transaction.atomic
def story_delete(*, story: Story, actor) -> None:
    """The author deletes their own story (or a moderator any), with its photos."""
    if not (is_moderator(actor) or story.author_id == actor.pk):
        raise PermissionDenied
    _delete_files_on_commit(list(story.photos.all()))
    log_action("community.story.deleted", actor=actor, subject=story)
    story.delete()


@transaction.atomic
def story_inspire(*, story: Story, user=None, browser: str = "") -> bool:
    """Count one "dit inspireert me" for this account or browser; again is nothing. True if new."""
    if not story.is_public:
        raise ValidationError(_("Dit verhaal staat niet (meer) online."))
    account = user if user is not None and user.is_authenticated else None
    if account is None and not browser:
        raise ValidationError(_("Dat lukte niet. Zet cookies aan en probeer het nog eens."))
    lookup = {"user": account} if account is not None else {"browser": browser[:64]}
    if Inspiration.objects.filter(story=story, **lookup).exists():
        return False
    try:
        with transaction.atomic():
            Inspiration.objects.create(story=story, **lookup)
    except IntegrityError:  # the same person at the same moment
        return False
    Story.objects.filter(pk=story.pk).update(inspiration_count=F("inspiration_count") + 1)
    return True


@transaction.atomic
def response_create(*, story: Story, author, text: str) -> StoryResponse:
    """A member responds; the response is public at once (moderated after the fact)."""
    if not author.is_authenticated:
        raise PermissionDenied
    if not story.is_public:
        raise ValidationError(_("Op dit verhaal kun je niet (meer) reageren."))
    response = StoryResponse(story=story, author=author, text=(text or "").strip())
    response.full_clean()
    response.save()
    log_action("community.storyresponse.created", actor=author, subject=story, data={"response": response.pk})
    return response


def story_delete_for_erasure(story: Story) -> None:
    """Deleting an account: the story and its photo files go (no audit entry about the person)."""
    _delete_files_on_commit(list(story.photos.all()))
    story.delete()
