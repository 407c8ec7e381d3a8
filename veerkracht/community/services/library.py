"""Writing the knowledge library: staff and partner organisations' admins. Partner items wait for staff
approval (models/library.py says why); every upload is checked here before it is stored."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.lib.files import CONTENT_TYPES, DOCUMENT_SIGNATURES, MAX_FILE_BYTES, PreparedFile
from veerkracht.lib.images import prepare_photo
from veerkracht.regions.models import Region

from ..models import LibraryItem, LibraryKind, LibraryReview
from ..models.library import INTERPRETATION_FLAGS, LEVEL_FLAGS, TARGET_GROUPS
from ..permissions.library import contributor_organisations, may_edit_item
from .moderation import is_moderator

# Photos are re-encoded to JPEG (no metadata), so only documents keep their own type.
FILE_SIGNATURES = DOCUMENT_SIGNATURES
IMAGE_EXTENSIONS = frozenset({"jpg", "jpeg", "png", "webp"})
ALLOWED_EXTENSIONS = frozenset(FILE_SIGNATURES) | IMAGE_EXTENSIONS


def _refuse() -> ValidationError:
    return ValidationError(
        _("Dit soort bestand kan niet. Kies een PDF, een Office- of OpenDocument-bestand, of een foto."),
        code="file_type",
    )


def prepare_library_file(upload) -> PreparedFile:
    """Check an upload: size, extension and the first bytes must agree. Photos are re-encoded (no
    metadata). The stored name is random; the shown name is made safe (no path, no odd characters)."""
    size = getattr(upload, "size", None) or 0
    if size > MAX_FILE_BYTES:
        raise ValidationError(_("Dit bestand is te groot. Het mag hoogstens 20 MB zijn."), code="too_big")
    original = PurePath(str(getattr(upload, "name", "") or "bestand")).name
    stem, _dot, extension = original.rpartition(".")
    extension = extension.lower()
    if not stem or extension not in ALLOWED_EXTENSIONS:
        raise _refuse()
    display_stem = (slugify(stem) or "bestand")[:80]
    if extension in IMAGE_EXTENSIONS:
        photo = prepare_photo(upload)
        return PreparedFile(photo.content, photo.name, f"{display_stem}.jpg", len(photo.content))
    upload.seek(0)
    content = upload.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        raise ValidationError(_("Dit bestand is te groot. Het mag hoogstens 20 MB zijn."), code="too_big")
    if not content.startswith(FILE_SIGNATURES[extension]):
        raise _refuse()
    name = f"{secrets.token_hex(16)}.{extension}"
    return PreparedFile(content, name, f"{display_stem}.{extension}", len(content))


def content_type_of(item: LibraryItem) -> str:
    extension = item.file_name.rpartition(".")[2].lower()
    return CONTENT_TYPES.get(extension, "application/octet-stream")


@dataclass(frozen=True)
class LibraryInput:
    """What the form gives: texts, the chosen keys of every tag list, and maybe a checked file."""

    kind: str
    title: str
    summary: str
    body: str = ""
    url: str = ""
    levels: tuple[str, ...] = ()
    interpretations: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    dimensions: tuple[str, ...] = ()
    organisation_id: int | None = None
    file: PreparedFile | None = None
    remove_file: bool = False


def _apply(item: LibraryItem, data: LibraryInput, actor) -> None:
    bad = _("Kies uit de lijst.")
    if data.kind not in LibraryKind.values:
        raise ValidationError({"kind": _("Kies een soort uit de lijst.")})
    item.kind = data.kind
    item.title, item.summary = data.title.strip(), data.summary.strip()
    item.body, item.url = data.body.strip(), data.url.strip()
    item.levels = LEVEL_FLAGS.checked_mask(data.levels, bad)
    item.interpretations = INTERPRETATION_FLAGS.checked_mask(data.interpretations, bad)
    item.target_groups = TARGET_GROUPS.checked_mask(data.target_groups, bad)
    item.themes = THEMES.checked_mask(data.themes, bad)
    item.dimensions = DIMENSIONS.checked_mask(data.dimensions, bad)
    if not is_moderator(actor):
        allowed = {o.pk: o for o in contributor_organisations(actor, item.region)}
        if data.organisation_id not in allowed:
            raise ValidationError({"organisation": _("Kies de organisatie waarvoor je dit plaatst.")})
        item.organisation = allowed[data.organisation_id]
    elif data.organisation_id is not None:
        item.organisation_id = data.organisation_id
    if data.remove_file and data.file is None and item.file:
        item.file.delete(save=False)
        item.file_name, item.file_size = "", 0


def _check_content(item: LibraryItem, has_file: bool) -> None:
    if item.kind in (LibraryKind.VIDEO, LibraryKind.LINK) and not item.url:
        raise ValidationError({"url": _("Een video of link heeft een webadres nodig.")})
    if not (item.body or item.url or has_file):
        raise ValidationError({"body": _("Schrijf een uitleg, geef een link of voeg een bestand toe.")})


def _store(item: LibraryItem, file: PreparedFile | None) -> None:
    if file is None:
        return
    if item.file:
        item.file.delete(save=False)
    item.file_name, item.file_size = file.display_name, file.size
    item.file.save(file.name, ContentFile(file.content), save=False)


def _publish_or_wait(item: LibraryItem, actor) -> None:
    if is_moderator(actor):
        item.review, item.review_reason = LibraryReview.PUBLIC, ""
        item.published_at = item.published_at or timezone.now()
    else:
        # A partner's change is checked again before it shows (it could change a good item into an ad).
        item.review, item.published_at = LibraryReview.PENDING, None


@transaction.atomic
def library_item_create(*, region: Region, actor, data: LibraryInput) -> LibraryItem:
    if not (is_moderator(actor) or contributor_organisations(actor, region)):
        raise PermissionDenied
    item = LibraryItem(region=region, author=actor)
    _apply(item, data, actor)
    _check_content(item, data.file is not None)
    _publish_or_wait(item, actor)
    item.full_clean(exclude=["file"])
    _store(item, data.file)
    item.save()
    log_action("community.libraryitem.created", actor=actor, subject=item, data={"review": item.review})
    return item


@transaction.atomic
def library_item_update(*, item: LibraryItem, actor, data: LibraryInput) -> LibraryItem:
    if not may_edit_item(actor, item):
        raise PermissionDenied
    item = LibraryItem.objects.select_for_update().select_related("region").get(pk=item.pk)
    _apply(item, data, actor)
    _check_content(item, data.file is not None or bool(item.file))
    _publish_or_wait(item, actor)
    item.full_clean(exclude=["file"])
    _store(item, data.file)
    item.save()
    log_action("community.libraryitem.changed", actor=actor, subject=item, data={"review": item.review})
    return item


@transaction.atomic
def library_item_review(*, item: LibraryItem, actor, approve: bool, reason: str = "") -> LibraryItem:
    """Staff approve a partner's item (it shows at once) or turn it down with a reason."""
    if not is_moderator(actor):
        raise PermissionDenied
    item = LibraryItem.objects.select_for_update().get(pk=item.pk)
    if item.review != LibraryReview.PENDING:
        raise ValidationError(_("Dit item is al beoordeeld."))
    reason = reason.strip()
    if approve:
        item.review, item.review_reason, item.published_at = LibraryReview.PUBLIC, "", timezone.now()
    else:
        if not reason:
            raise ValidationError(_("Schrijf kort op waarom dit niet geplaatst wordt."))
        item.review, item.review_reason = LibraryReview.REJECTED, reason[:1000]
    item.save(update_fields=["review", "review_reason", "published_at", "updated_at"])
    log_action("community.libraryitem.reviewed", actor=actor, subject=item, data={"review": item.review})
    return item
