"""Writes for closed groups: creating a group (staff, or the learning app for intervision groups),
members (invite by e-mail of an existing account or by the invitation link, remove, leave), posts,
files and the agenda meetings linked to a group.

For other apps: ``group_create(*, region, name, kind, admins)``, ``group_add_member(*, group, user,
is_admin=False, actor=None)`` and ``group_remove_member(*, group, user, actor=None)``; without an actor
the calling app answers for the check.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action
from veerkracht.core.mail import mail_enqueue
from veerkracht.core.ratelimit import too_many

from ..models import Group, GroupFile, GroupKind, GroupMeeting, GroupPost, Membership
from ..tokens import group_invite_token_matches
from .moderation import is_moderator

POST_LIMIT = (30, 3600)
UPLOAD_LIMIT = (20, 3600)
MAX_FILE_SIZE = 10 * 1024 * 1024
# Extension -> (content type, how the file must begin). Office files are zip containers.
SAFE_TYPES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".txt": ("text/plain; charset=utf-8", ()),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", (b"PK\x03\x04",)),
    ".odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", (b"PK\x03\x04",)),
    ".odp": ("application/vnd.oasis.opendocument.presentation", (b"PK\x03\x04",)),
}


def _forget_nav(user_id: int) -> None:
    from ..selectors.groups import in_group_cache_key

    transaction.on_commit(lambda: cache.delete(in_group_cache_key(user_id)))
    cache.delete(in_group_cache_key(user_id))


# --- groups and members -------------------------------------------------------------------------


def _check_manager(group: Group, actor) -> None:
    """`actor` may manage members: a group admin, or staff. None: the calling app checked."""
    if actor is None:
        return
    if is_moderator(actor):
        return
    if not Membership.objects.filter(group=group, user=actor, is_admin=True).exists():
        raise PermissionDenied


@transaction.atomic
def group_create(
    *, region, name: str, kind: str, admins: Iterable = (), description: str = "", actor=None
) -> Group:
    """A new group with its first admins. Staff create groups in the site; the learning app calls this
    without an actor for its intervision groups."""
    if actor is not None and not is_moderator(actor):
        raise PermissionDenied
    if kind not in GroupKind.values:
        raise ValidationError(_("Kies een soort groep."))
    group = Group(
        region=region, name=(name or "").strip(), kind=kind, description=(description or "").strip()
    )
    group.full_clean()
    group.save()
    for admin in admins:
        Membership.objects.create(group=group, user=admin, is_admin=True)
        _forget_nav(admin.pk)
    if actor is not None:
        log_action("community.group.created", actor=actor, subject=group)
    return group


@transaction.atomic
def group_add_member(*, group: Group, user, is_admin: bool = False, actor=None) -> Membership:
    """Add `user` (idempotent: an existing member stays, an admin flag is only ever added)."""
    _check_manager(group, actor)
    membership, created = Membership.objects.get_or_create(
        group=group, user=user, defaults={"is_admin": is_admin}
    )
    _forget_nav(user.pk)
    if not created and is_admin and not membership.is_admin:
        membership.is_admin = True
        membership.save(update_fields=["is_admin"])
    return membership


@transaction.atomic
def group_remove_member(*, group: Group, user, actor=None) -> None:
    """Remove a member (a group admin or staff does; anyone may remove themselves). The last admin cannot
    go while others stay: the group would have nobody to manage it."""
    if actor is not None and actor.pk != user.pk:
        _check_manager(group, actor)
    membership = Membership.objects.select_for_update().filter(group=group, user=user).first()
    if membership is None:
        return
    if membership.is_admin:
        admins = Membership.objects.filter(group=group, is_admin=True).exclude(pk=membership.pk).count()
        others = Membership.objects.filter(group=group).exclude(pk=membership.pk).count()
        if others and not admins:
            raise ValidationError(_("Maak eerst iemand anders beheerder van de groep."))
    membership.delete()
    _forget_nav(user.pk)


def group_leave(*, group: Group, user) -> None:
    group_remove_member(group=group, user=user, actor=user)


@transaction.atomic
def group_set_admin(*, group: Group, user, is_admin: bool, actor) -> Membership:
    _check_manager(group, actor)
    membership = Membership.objects.get(group=group, user=user)
    if (
        not is_admin
        and not Membership.objects.filter(group=group, is_admin=True).exclude(pk=membership.pk).exists()
    ):
        raise ValidationError(_("Een groep heeft minstens één beheerder nodig."))
    membership.is_admin = is_admin
    membership.save(update_fields=["is_admin"])
    return membership


@transaction.atomic
def group_invite_by_email(*, group: Group, email: str, actor) -> Membership:
    """A group admin adds someone who has an account, by their e-mail address; they get a mail."""
    _check_manager(group, actor)
    if too_many("community.group.invite", str(actor.pk), limit=50, seconds=3600):
        raise ValidationError(_("Je hebt net veel mensen uitgenodigd. Probeer het later opnieuw."))
    email = (email or "").strip().lower()
    user = get_user_model().objects.filter(email=email, is_active=True).first()
    if user is None:
        raise ValidationError(
            _("Er is geen account met dit e-mailadres. Stuur deze persoon de uitnodigingslink.")
        )
    if Membership.objects.filter(group=group, user=user).exists():
        raise ValidationError(_("Deze persoon is al lid van de groep."))
    membership = Membership.objects.create(group=group, user=user)
    _forget_nav(user.pk)
    context = {"group": group, "url": settings.SITE_URL + reverse("community:group", args=[group.pk])}
    mail_enqueue(
        subject=_("Je bent lid van de groep %(name)s") % {"name": group.name},
        body=render_to_string("community/groups/email/added.txt", context),
        to=[user.email],
        key=f"community.group.added:{membership.pk}",
    )
    return membership


@transaction.atomic
def group_join(*, group: Group, user, token: str) -> Membership:
    if user is None or not user.is_authenticated:
        raise PermissionDenied
    if not group_invite_token_matches(group, token):
        raise PermissionDenied
    return group_add_member(group=group, user=user)


@transaction.atomic
def group_renew_invite_link(*, group: Group, actor) -> Group:
    """A new invitation link; the old one stops working."""
    _check_manager(group, actor)
    group = Group.objects.select_for_update().get(pk=group.pk)
    group.invite_version += 1
    group.save(update_fields=["invite_version"])
    return group


# --- posts, files, meetings -----------------------------------------------------------------------


def _check_member(group: Group, user) -> Membership:
    membership = (
        Membership.objects.filter(group=group, user=user).first() if user and user.is_authenticated else None
    )
    if membership is None:
        raise PermissionDenied
    return membership


@transaction.atomic
def group_post_create(*, group: Group, author, text: str) -> GroupPost:
    _check_member(group, author)
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Schrijf je bericht."))
    if too_many("community.group.post", str(author.pk), limit=POST_LIMIT[0], seconds=POST_LIMIT[1]):
        raise ValidationError(_("Je hebt net veel berichten geplaatst. Probeer het later opnieuw."))
    post = GroupPost(group=group, author=author, text=text)
    post.full_clean()
    post.save()
    return post


@transaction.atomic
def group_post_delete(*, post: GroupPost, actor) -> None:
    """The author, a group admin or staff take a post away."""
    membership = _check_member(post.group, actor)
    if post.author_id != actor.pk and not membership.is_admin and not is_moderator(actor):
        raise PermissionDenied
    post.delete()


def _safe_filename(name: str) -> str:
    stem, ext = os.path.splitext(os.path.basename(name or ""))
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.")[:80] or "bestand"
    return f"{stem}{ext.lower()}"


def check_upload(upload) -> tuple[str, str]:
    """(safe file name, content type) of an upload, or a ValidationError in plain language."""
    if upload is None:
        raise ValidationError(_("Kies een bestand."))
    if upload.size > MAX_FILE_SIZE:
        raise ValidationError(_("Dit bestand is te groot: maximaal 10 MB."))
    filename = _safe_filename(upload.name)
    ext = os.path.splitext(filename)[1]
    if ext not in SAFE_TYPES:
        raise ValidationError(
            _(
                "Dit soort bestand kan niet. Het kan wel: PDF, Word, Excel, PowerPoint, OpenDocument, "
                "tekst, JPG of PNG."
            )
        )
    content_type, magics = SAFE_TYPES[ext]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if magics and not any(head.startswith(magic) for magic in magics):
        raise ValidationError(_("Dit bestand is niet wat de naam zegt. Kies een ander bestand."))
    if not magics and b"\x00" in head:
        raise ValidationError(_("Dit is geen tekstbestand. Kies een ander bestand."))
    return filename, content_type


@transaction.atomic
def group_file_upload(*, group: Group, uploader, title: str, upload) -> GroupFile:
    _check_member(group, uploader)
    filename, content_type = check_upload(upload)
    if too_many("community.group.file", str(uploader.pk), limit=UPLOAD_LIMIT[0], seconds=UPLOAD_LIMIT[1]):
        raise ValidationError(_("Je hebt net veel bestanden gedeeld. Probeer het later opnieuw."))
    shared = GroupFile(
        group=group,
        uploaded_by=uploader,
        title=(title or "").strip() or filename,
        filename=filename,
        content_type=content_type,
        size=upload.size,
    )
    shared.file.save(filename, upload, save=False)
    try:
        shared.full_clean()
        shared.save()
    except Exception:
        _delete_stored(shared.file.name)
        raise
    return shared


def _delete_stored(name: str) -> None:
    from ..storage import group_file_storage

    if name:
        group_file_storage.delete(name)


@transaction.atomic
def group_file_delete(*, shared: GroupFile, actor) -> None:
    membership = _check_member(shared.group, actor)
    if shared.uploaded_by_id != actor.pk and not membership.is_admin:
        raise PermissionDenied
    name = shared.file.name
    shared.delete()
    transaction.on_commit(lambda: _delete_stored(name))


@transaction.atomic
def group_meeting_add(*, group: Group, event_id: int, actor) -> GroupMeeting:
    _check_manager(group, actor)
    meeting, _created = GroupMeeting.objects.get_or_create(group=group, event_id=event_id)
    return meeting


@transaction.atomic
def group_meeting_remove(*, group: Group, event_id: int, actor) -> bool:
    """Unlink an agenda event; False when it was not linked."""
    _check_manager(group, actor)
    deleted, _rows = GroupMeeting.objects.filter(group=group, event_id=event_id).delete()
    return bool(deleted)


@transaction.atomic
def group_create_by_staff(
    *, region, actor, name: str, kind: str, description: str = "", admin_email: str = ""
) -> Group:
    """Staff create a group with its first admin (an existing account) or themselves as admin."""
    admin = actor
    if admin_email:
        admin = get_user_model().objects.filter(email=admin_email.strip().lower(), is_active=True).first()
        if admin is None:
            raise ValidationError(_("Er is geen account met dit e-mailadres."))
    return group_create(
        region=region, name=name, kind=kind, admins=[admin], description=description, actor=actor
    )
