"""Moderation after approval: new texts and news on a public initiative wait for staff.

Someone who manages a public initiative but is not staff changes its title and texts through a
revision (models/moderation.py): the page keeps the approved texts until staff approve. Staff's own
edits go live at once and are kept as an approved revision, so the revisions are the texts' history.
News by anyone but staff waits as well; its photo stays in the private storage (storage.py) until it
is approved, and is deleted when it is turned down or withdrawn. Every decision is in the audit log;
the author gets an e-mail after the commit.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.accounts.models import Role
from veerkracht.core.audit import log_action

from ..models import REVISED_FIELDS, Initiative, InitiativeRevision, InitiativeUpdate, Review, RevisionStatus
from ..storage import private_storage


def is_moderator(user) -> bool:
    """Action-centre staff: their texts and news go live at once, and they decide on everyone else's."""
    return bool(user is not None and user.is_authenticated and user.has_role(Role.STAFF))


def _require_staff(actor) -> None:
    if not is_moderator(actor):
        raise PermissionDenied


def live_texts(initiative: Initiative) -> dict[str, str]:
    return {name: getattr(initiative, name) for name in REVISED_FIELDS}


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Schrijf kort op waarom niet. De schrijver leest dit."))
    return reason


# --- Texts ------------------------------------------------------------------------------------


@transaction.atomic
def revision_submit(
    *, initiative: Initiative, author, title: str, summary: str, description: str, who: str
) -> InitiativeRevision | None:
    """New texts for a public initiative from someone who is not staff: they wait for approval.

    A waiting revision is replaced (the old one is kept as withdrawn). Texts equal to the ones on the
    website withdraw a waiting revision and make none: there is nothing to approve.
    """
    initiative = Initiative.objects.select_for_update(of=("self",)).get(pk=initiative.pk)
    texts = {"title": title, "summary": summary, "description": description, "who": who}
    texts = {name: (value or "").strip() for name, value in texts.items()}
    pending = initiative.revisions.filter(status=RevisionStatus.PENDING).first()
    if pending is not None and pending.texts() == texts:
        return pending
    if pending is not None:
        _close(pending, RevisionStatus.WITHDRAWN, actor=author, code="actioncentre.revision.replaced")
    if texts == live_texts(initiative):
        return None
    revision = InitiativeRevision(
        initiative=initiative, author=author, before=live_texts(initiative), **texts
    )
    revision.full_clean()
    revision.save()
    log_action(
        "actioncentre.revision.submitted",
        actor=author,
        subject=initiative,
        data={
            "revision": revision.pk,
            "fields": [n for n in REVISED_FIELDS if texts[n] != revision.before[n]],
        },
    )
    return revision


@transaction.atomic
def revision_record_staff_edit(
    *, initiative: Initiative, before: dict[str, str], actor
) -> InitiativeRevision | None:
    """Staff changed a public initiative's texts directly: keep them as an approved revision (history).

    Called inside initiative_update_details' transaction, after the initiative is saved.
    """
    after = live_texts(initiative)
    if after == before:
        return None
    now = timezone.now()
    revision = InitiativeRevision(
        initiative=initiative,
        author=actor,
        before=before,
        status=RevisionStatus.APPROVED,
        reviewed_by=actor,
        reviewed_at=now,
        created_at=now,
        **after,
    )
    revision.full_clean()
    revision.save()
    log_action(
        "actioncentre.revision.staff_edit", actor=actor, subject=initiative, data={"revision": revision.pk}
    )
    return revision


def _locked_pending(revision: InitiativeRevision) -> InitiativeRevision | None:
    locked = (
        InitiativeRevision.objects.select_for_update(of=("self",))
        .select_related("initiative__region", "author")
        .get(pk=revision.pk)
    )
    return locked if locked.is_pending else None


def _close(revision: InitiativeRevision, status: str, *, actor, code: str, reason: str = "") -> None:
    revision.status = status
    revision.reason = reason
    if status != RevisionStatus.WITHDRAWN:
        revision.reviewed_by, revision.reviewed_at = actor, timezone.now()
    revision.save(update_fields=["status", "reason", "reviewed_by", "reviewed_at"])
    log_action(
        code, actor=actor, subject=revision.initiative, data={"revision": revision.pk, "status": status}
    )


@transaction.atomic
def revision_approve(*, revision: InitiativeRevision, actor) -> InitiativeRevision:
    """Staff approve: the texts go on the website. A second click changes nothing and mails nobody."""
    _require_staff(actor)
    locked = _locked_pending(revision)
    if locked is None:
        return InitiativeRevision.objects.get(pk=revision.pk)
    initiative = Initiative.objects.select_for_update(of=("self",)).get(pk=locked.initiative_id)
    locked.before = live_texts(initiative)  # what the approval replaced, for the history
    for name, value in locked.texts().items():
        setattr(initiative, name, value)
    initiative.full_clean()
    initiative.save()
    locked.save(update_fields=["before"])
    locked.initiative = initiative
    _close(locked, RevisionStatus.APPROVED, actor=actor, code="actioncentre.revision.approved")
    _mail_author(locked.author, locked.initiative, kind="texts", approved=True)
    return locked


@transaction.atomic
def revision_reject(*, revision: InitiativeRevision, actor, reason: str) -> InitiativeRevision:
    """Staff turn new texts down with a reason the author reads; the page keeps its texts."""
    _require_staff(actor)
    reason = _clean_reason(reason)
    locked = _locked_pending(revision)
    if locked is None:
        return InitiativeRevision.objects.get(pk=revision.pk)
    _close(locked, RevisionStatus.REJECTED, actor=actor, code="actioncentre.revision.rejected", reason=reason)
    _mail_author(locked.author, locked.initiative, kind="texts", approved=False, reason=reason)
    return locked


@transaction.atomic
def revision_withdraw(*, revision: InitiativeRevision, actor) -> InitiativeRevision:
    """The author takes back their waiting texts."""
    if not actor.is_authenticated or revision.author_id != actor.pk:
        raise PermissionDenied
    locked = _locked_pending(revision)
    if locked is None:
        return InitiativeRevision.objects.get(pk=revision.pk)
    _close(locked, RevisionStatus.WITHDRAWN, actor=actor, code="actioncentre.revision.withdrawn")
    return locked


# --- News -------------------------------------------------------------------------------------


def _locked_pending_update(update: InitiativeUpdate) -> InitiativeUpdate | None:
    locked = (
        InitiativeUpdate.objects.select_for_update(of=("self",))
        .select_related("initiative__region", "author")
        .filter(pk=update.pk, review=Review.PENDING)
        .first()
    )
    return locked


def _delete_private_on_commit(name: str) -> None:
    if name:
        transaction.on_commit(lambda: private_storage.delete(name), robust=True)


@transaction.atomic
def update_approve(*, update: InitiativeUpdate, actor) -> InitiativeUpdate:
    """Staff approve news: it shows on the page, its photo moves to the public storage, followers get it."""
    from .initiatives import initiative_update_mail_followers

    _require_staff(actor)
    locked = _locked_pending_update(update)
    if locked is None:
        return InitiativeUpdate.objects.get(pk=update.pk)
    private_name = locked.pending_photo.name
    if private_name:
        with private_storage.open(private_name, "rb") as source:
            locked.photo.save(locked.photo_name, File(source), save=False)
        locked.pending_photo = ""
    locked.review, locked.reviewed_by, locked.reviewed_at = Review.PUBLIC, actor, timezone.now()
    try:
        locked.save()
    except Exception:
        if locked.photo:  # do not leave a public copy behind for a decision that was never saved
            locked.photo.delete(save=False)
        raise
    _delete_private_on_commit(private_name)
    log_action(
        "actioncentre.update.approved",
        actor=actor,
        subject=locked.initiative,
        data={"update": locked.pk, "photo": bool(locked.photo)},
    )
    if locked.initiative.is_public:
        initiative_update_mail_followers(update_pk=locked.pk)
    _mail_author(locked.author, locked.initiative, kind="news", approved=True)
    return locked


@transaction.atomic
def update_reject(*, update: InitiativeUpdate, actor, reason: str) -> InitiativeUpdate:
    """Staff turn news down with a reason; its photo is deleted."""
    _require_staff(actor)
    reason = _clean_reason(reason)
    locked = _locked_pending_update(update)
    if locked is None:
        return InitiativeUpdate.objects.get(pk=update.pk)
    _delete_private_on_commit(locked.pending_photo.name)
    locked.pending_photo = ""
    locked.review, locked.reason = Review.REJECTED, reason
    locked.reviewed_by, locked.reviewed_at = actor, timezone.now()
    locked.save()
    log_action(
        "actioncentre.update.rejected", actor=actor, subject=locked.initiative, data={"update": locked.pk}
    )
    _mail_author(locked.author, locked.initiative, kind="news", approved=False, reason=reason)
    return locked


@transaction.atomic
def update_withdraw(*, update: InitiativeUpdate, actor) -> None:
    """The author takes back waiting news: it is deleted, with its photo."""
    if not actor.is_authenticated or update.author_id != actor.pk:
        raise PermissionDenied
    locked = _locked_pending_update(update)
    if locked is None:
        raise ValidationError(_("Dit bericht wacht niet meer op goedkeuring."))
    _delete_private_on_commit(locked.pending_photo.name)
    log_action(
        "actioncentre.update.withdrawn", actor=actor, subject=locked.initiative, data={"update": locked.pk}
    )
    locked.delete()


# --- E-mail to the author ---------------------------------------------------------------------


def _mail_author(author, initiative: Initiative, *, kind: str, approved: bool, reason: str = "") -> None:
    if author is None or not author.email:
        return
    _send_decision_mail(author, initiative, kind=kind, approved=approved, reason=reason)


def _send_decision_mail(author, initiative: Initiative, *, kind: str, approved: bool, reason: str) -> None:
    from veerkracht.core.mail import mail_enqueue

    region = initiative.region
    context = {
        "name": author.display_name,
        "initiative": initiative,
        "kind": kind,
        "approved": approved,
        "reason": reason,
        "url": settings.SITE_URL + reverse("initiatives:detail", args=[initiative.slug]),
        "movement_name": region.movement_name,
    }
    subjects = {
        ("texts", True): _("Je wijziging staat online: %(title)s"),
        ("texts", False): _("Je wijziging is niet geplaatst: %(title)s"),
        ("news", True): _("Je bericht staat online: %(title)s"),
        ("news", False): _("Je bericht is niet geplaatst: %(title)s"),
    }
    subject = subjects[kind, approved]
    mail_enqueue(
        subject=f"{region.movement_name}: {subject % {'title': initiative.title}}",
        body=render_to_string("actioncentre/moderation/email/decided.txt", context),
        to=[author.email],
    )
