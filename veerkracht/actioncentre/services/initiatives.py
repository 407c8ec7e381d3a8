"""Writes for initiatives (proeftuinen): creating, approving, phases, needs, news, followers.

Unsubscribe links in update e-mails
-----------------------------------
Every update e-mail carries a one-click link to stop those e-mails. We only store a hash of the link's
token (``Follow.unsubscribe_hash``), so the token cannot be read back when the next update goes out.
Instead the token is *derived*: ``signing.dumps({"f": follow.pk}, salt=UNSUBSCRIBE_SALT)`` is a
deterministic HMAC signature over the follow's id with the site's secret key, so the same token can be
rebuilt for every mail while nobody without the secret key can make one. ``follow()`` stores
``hash_token(token)``; the unsubscribe view looks the follow up by that hash and also checks the
signature. A follow that is deleted and made again gets a new id, so old links stop working. Rotating
SECRET_KEY also invalidates the links in mails already sent (the page then says the link is unknown).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from veerkracht.accounts.models import Organisation, Role
from veerkracht.core.audit import log_action
from veerkracht.core.mail import mail_enqueue
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.lib.images import PreparedPhoto, prepare_photo
from veerkracht.regions.models import Municipality, Region

from ..models import (
    Follow,
    FollowKind,
    Initiative,
    InitiativeUpdate,
    Need,
    Phase,
    PhaseChange,
    Request,
    Review,
)
from ..tokens import hash_token, new_token, unsubscribe_token
from ..vocab import HELP_TYPES
from . import moderation

# Path segments under /initiatieven/ that are pages, not initiatives.
RESERVED_SLUGS = frozenset({"nieuw", "goedkeuren", "afmelden"})

logger = logging.getLogger("veerkracht.jobs")


# --- Creating and editing ---------------------------------------------------------------------


def _unique_slug(title: str) -> str:
    base = slugify(title)[:130].strip("-") or "initiatief"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or Initiative.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _masks(themes: Iterable[str], dimensions: Iterable[str]) -> tuple[int, int]:
    message = _("Kies alleen thema's en kanten van gezondheid uit de lijst.")
    return THEMES.checked_mask(themes, message), DIMENSIONS.checked_mask(dimensions, message)


def _check_municipality(region: Region, municipality: Municipality) -> None:
    if municipality.region_id != region.pk:
        raise ValidationError(_("Kies een gemeente in deze regio."))


@transaction.atomic
def initiative_create(
    *,
    region: Region,
    owner=None,
    organisation: Organisation | None = None,
    title: str,
    summary: str,
    description: str,
    municipality: Municipality,
    who: str,
    themes: list[str],
    dimensions: list[str],
    created_by,
    from_request: Request | None = None,
    origin_label: str = "",
    origin_url: str = "",
) -> Initiative:
    """A new initiative in phase "inspire". Staff place it at once; anyone else's waits for approval.

    `origin_label` and `origin_url` (a path on this site) say where it came from, e.g. an event of the
    agenda; the detail page shows them as a link."""
    if origin_url and not (origin_url.startswith("/") and not origin_url.startswith("//")):
        raise ValidationError(_("De herkomst van het initiatief moet een pagina op deze website zijn."))
    initiative = Initiative(
        region=region,
        slug=_unique_slug(title),
        owner=owner,
        phase=Phase.INSPIRE,
        review=Review.PUBLIC if created_by.has_role(Role.STAFF) else Review.PENDING,
        origin_label=origin_label.strip(),
        origin_url=origin_url if origin_label.strip() else "",
    )
    _initiative_fill(
        initiative, title, summary, description, municipality, who, themes, dimensions, organisation
    )
    initiative.full_clean()
    initiative.save()
    PhaseChange.objects.create(
        initiative=initiative,
        from_phase="",
        to_phase=Phase.INSPIRE,
        changed_by=created_by,
        reason=_("Het initiatief is gestart."),
        changed_at=initiative.created_at,
    )
    log_action(
        "actioncentre.initiative.created",
        actor=created_by,
        subject=initiative,
        data={"review": initiative.review, "request": from_request.pk if from_request else None},
    )
    if from_request is not None:
        _link_request(from_request, initiative, created_by)
    return initiative


def _link_request(request: Request, initiative: Initiative, actor) -> None:
    """The idea this initiative was made from points to it (the board shows the link)."""
    request.initiative = initiative
    request.save(update_fields=["initiative"])
    log_action(
        "actioncentre.request.initiative_linked",
        actor=actor,
        subject=request,
        data={"initiative": initiative.pk},
    )


@transaction.atomic
def initiative_update_details(
    *,
    initiative: Initiative,
    actor,
    title: str,
    summary: str,
    description: str,
    municipality: Municipality,
    who: str,
    themes: list[str],
    dimensions: list[str],
    organisation: Organisation | None = None,
) -> Initiative:
    """Change what the initiative is about. The web address (slug) stays the same.

    On a public initiative, new texts from anyone but staff wait for approval (services/moderation.py):
    ``initiative.waiting_revision`` is then the revision that waits, and the page keeps its texts. The
    choices from a list (municipality, themes, dimensions, organisation) change at once.
    """
    moderated = initiative.is_public and not moderation.is_moderator(actor)
    before = moderation.live_texts(initiative)
    _initiative_fill(
        initiative, title, summary, description, municipality, who, themes, dimensions, organisation
    )
    initiative.full_clean()
    proposed = moderation.live_texts(initiative)
    if moderated:
        for name, value in before.items():
            setattr(initiative, name, value)
    initiative.save()
    log_action("actioncentre.initiative.updated", actor=actor, subject=initiative)
    initiative.waiting_revision = None
    if moderated:
        initiative.waiting_revision = moderation.revision_submit(
            initiative=initiative, author=actor, **proposed
        )
    elif initiative.is_public:
        moderation.revision_record_staff_edit(initiative=initiative, before=before, actor=actor)
    return initiative


def _initiative_fill(
    initiative: Initiative, title, summary, description, municipality, who, themes, dimensions, organisation
) -> None:
    """Check and set what the initiative form asks (region, owner and phase are set already)."""
    _check_municipality(initiative.region, municipality)
    initiative.themes, initiative.dimensions = _masks(themes, dimensions)
    initiative.title = title.strip()
    initiative.summary = summary.strip()
    initiative.description = description.strip()
    initiative.municipality = municipality
    initiative.subregion_id = municipality.subregion_id
    initiative.who = who.strip()
    initiative.organisation = organisation


@transaction.atomic
def initiative_review(*, initiative: Initiative, approve: bool, actor) -> Initiative:
    """Staff place an initiative on the site, or decide not to."""
    if not actor.has_role(Role.STAFF):
        raise PermissionDenied
    initiative = (
        Initiative.objects.select_for_update(of=("self",)).select_related("owner").get(pk=initiative.pk)
    )
    decision = Review.PUBLIC if approve else Review.REJECTED
    if initiative.review == decision:  # a second click changes nothing and mails nobody
        return initiative
    initiative.review = decision
    initiative.save(update_fields=["review", "updated_at"])
    log_action(
        "actioncentre.initiative.reviewed",
        actor=actor,
        subject=initiative,
        data={"review": initiative.review},
    )
    if initiative.owner_id and initiative.owner.email:
        _send_review_mail(initiative)
    return initiative


def _send_review_mail(initiative: Initiative) -> None:
    approved = initiative.review == Review.PUBLIC
    context = {
        "initiative": initiative,
        "name": initiative.owner.display_name,
        "url": settings.SITE_URL + reverse("initiatives:detail", args=[initiative.slug]),
        "movement_name": initiative.region.movement_name,
        "contact_email": initiative.region.contact_email,
    }
    template = "approved" if approved else "rejected"
    subject = (
        _("Je initiatief staat online: %(title)s")
        if approved
        else _("Je initiatief is niet geplaatst: %(title)s")
    ) % {"title": initiative.title}
    mail_enqueue(
        subject=f"{initiative.region.movement_name}: {subject}",
        body=render_to_string(f"actioncentre/initiatives/email/review_{template}.txt", context),
        to=[initiative.owner.email],
        key=f"actioncentre.initiative.reviewed:{initiative.pk}:{initiative.review}",
    )


@transaction.atomic
def initiative_change_phase(
    *, initiative: Initiative, to_phase: str, actor, reason: str, lesson: str = "", what_worked: str = ""
) -> Initiative:
    """Move to another phase and keep the history (date, who, why). Stopping needs a lesson learned;
    moving to "versnellen" keeps "what worked" when given (the form asks it; the library shows both)."""
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if to_phase not in Phase.values:
        raise ValidationError(_("Kies een fase uit de lijst."))
    if to_phase == initiative.phase:
        raise ValidationError(_("Het initiatief zit al in deze fase. Kies een andere fase."))
    reason, lesson = reason.strip(), lesson.strip()
    if not reason:
        raise ValidationError(_("Schrijf kort op waarom de fase verandert."))
    if to_phase == Phase.STOPPED:
        if not lesson:
            raise ValidationError(_("Schrijf op wat jullie hebben geleerd. Zo kunnen anderen daar iets mee."))
        initiative.lesson = lesson
    what_worked = what_worked.strip()
    if to_phase == Phase.ACCELERATE and what_worked:
        initiative.what_worked = what_worked
    from_phase = initiative.phase
    initiative.phase = to_phase
    initiative.full_clean()
    initiative.save()
    change = PhaseChange(
        initiative=initiative, from_phase=from_phase, to_phase=to_phase, changed_by=actor, reason=reason
    )
    change.full_clean()
    change.save()
    log_action(
        "actioncentre.initiative.phase_changed",
        actor=actor,
        subject=initiative,
        data={"from": from_phase, "to": to_phase},
    )
    return initiative


# --- Needs ------------------------------------------------------------------------------------


@transaction.atomic
def need_add(*, initiative: Initiative, help_type: str, description: str, actor) -> Need:
    if help_type not in HELP_TYPES.keys:
        raise ValidationError(_("Kies uit de lijst wat er nodig is."))
    need = Need(initiative=initiative, help_type=help_type, description=description.strip())
    need.full_clean()
    need.save()
    log_action("actioncentre.need.added", actor=actor, subject=need, data={"initiative": initiative.pk})
    return need


@transaction.atomic
def need_close(*, need: Need, actor) -> Need:
    if need.is_open:
        need.is_open = False
        need.save(update_fields=["is_open"])
        log_action(
            "actioncentre.need.closed", actor=actor, subject=need, data={"initiative": need.initiative_id}
        )
    return need


# --- News (updates) ---------------------------------------------------------------------------


@transaction.atomic
def initiative_update_post(
    *,
    initiative: Initiative,
    author,
    text: str,
    photo: PreparedPhoto | File | None = None,
    photo_alt: str = "",
) -> InitiativeUpdate:
    """Post news with an optional photo. Staff's news is on the page at once and followers who want
    e-mail get it after the commit; anyone else's waits for approval, its photo in the private storage
    (services/moderation.py).

    `photo` is a PreparedPhoto (the form already checked it) or an uploaded file, checked here.
    """
    photo_alt = photo_alt.strip()
    if photo is not None and not isinstance(photo, PreparedPhoto):
        photo = prepare_photo(photo)
    if photo is not None and not photo_alt:
        raise ValidationError(_("Vertel in een paar woorden wat er op de foto staat."))
    live = moderation.is_moderator(author)
    update = InitiativeUpdate(
        initiative=initiative,
        author=author,
        text=text.strip(),
        photo_alt=photo_alt if photo is not None else "",
        review=Review.PUBLIC if live else Review.PENDING,
    )
    update.full_clean(exclude=["photo", "pending_photo"])
    field = update.photo if live else update.pending_photo
    if photo is not None:
        update.photo_name = photo.name
        field.save(photo.name, ContentFile(photo.content), save=False)
    try:
        update.save()
        log_action(
            "actioncentre.initiative.update_posted",
            actor=author,
            subject=initiative,
            data={"update": update.pk, "photo": bool(field), "review": update.review},
        )
    except Exception:
        if field:  # do not leave a file behind for a row that was never saved
            field.delete(save=False)
        raise
    if live and initiative.is_public:
        initiative_update_mail_followers(update_pk=update.pk)
    return update


def initiative_update_mail_followers(*, update_pk: int) -> None:
    """After the commit, a job queues the update's e-mail to every follower (actioncentre/jobs.py)."""
    from ..jobs import update_mails_job

    transaction.on_commit(lambda: update_mails_job(update_pk), robust=True)


def initiative_update_send_mails(*, update_pk: int) -> int:
    """Queue one update's e-mail to every follower who wants e-mail, each with their own unsubscribe
    link. Safe to run twice or after it was killed half-way: a follower's mail for this update is
    queued once (its key). Returns how many mails were queued now."""
    update = (
        InitiativeUpdate.objects.select_related("initiative__region", "initiative__municipality")
        .filter(pk=update_pk, review=Review.PUBLIC)
        .first()
    )
    if update is None:
        return 0
    initiative = update.initiative
    follows = (
        Follow.objects.filter(initiative=initiative, email_updates=True, user__is_active=True)
        .select_related("user__profile")
        .order_by("pk")
    )
    page_url = settings.SITE_URL + reverse("initiatives:detail", args=[initiative.slug])
    subject = _("%(movement)s: nieuws van %(title)s") % {
        "movement": initiative.region.movement_name,
        "title": initiative.title,
    }
    queued, repaired = 0, []
    for number, follow in enumerate(follows.iterator(chunk_size=500), start=1):
        token = unsubscribe_token(follow)
        if follow.unsubscribe_hash != hash_token(token):
            # Made outside follow() (demo data, admin): give it the hash that matches its link.
            follow.unsubscribe_hash = hash_token(token)
            repaired.append(follow)
        link = settings.SITE_URL + reverse("initiatives:unsubscribe", args=[token])
        body = render_to_string(
            "actioncentre/initiatives/email/update.txt",
            {
                "name": follow.user.display_name,
                "initiative": initiative,
                "update": update,
                "url": page_url,
                "unsubscribe_url": link,
                "movement_name": initiative.region.movement_name,
            },
        )
        queued += len(
            mail_enqueue(
                subject=subject,
                body=body,
                to=[follow.user.email],
                key=f"actioncentre.update:{update.pk}:{follow.pk}",
                headers={
                    "List-Unsubscribe": f"<{link}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
        )
        if number % 500 == 0:
            logger.info("update %s: %s followers done, %s mails queued", update.pk, number, queued)
    if repaired:
        Follow.objects.bulk_update(repaired, ["unsubscribe_hash"])
    return queued


# --- Following and supporting -----------------------------------------------------------------


@transaction.atomic
def initiative_follow(*, initiative: Initiative, user, kind: str = FollowKind.FOLLOW) -> Follow:
    """Follow or support a public initiative (and get its news by e-mail). Again: change the kind and
    switch e-mail back on."""
    if kind not in FollowKind.values:
        raise ValidationError(_("Kies volgen of steunen."))
    if not initiative.is_public:
        raise ValidationError(_("Dit initiatief kun je nog niet volgen."))
    existing = Follow.objects.select_for_update().filter(initiative=initiative, user=user).first()
    if existing is not None:
        existing.kind = kind
        existing.email_updates = True
        existing.save(update_fields=["kind", "email_updates"])
        return existing
    # The real hash needs the id, which exists only after the insert; a random one holds the place.
    new = Follow(initiative=initiative, user=user, kind=kind, unsubscribe_hash=hash_token(new_token()))
    new.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():  # a savepoint: a second click at the same moment may have won
            new.save()
    except IntegrityError:
        return Follow.objects.get(initiative=initiative, user=user)
    new.unsubscribe_hash = hash_token(unsubscribe_token(new))
    new.save(update_fields=["unsubscribe_hash"])
    Initiative.objects.filter(pk=initiative.pk).update(followers_count=F("followers_count") + 1)
    log_action("actioncentre.initiative.followed", actor=user, subject=initiative, data={"kind": kind})
    return new


@transaction.atomic
def initiative_unfollow(*, initiative: Initiative, user) -> bool:
    deleted, _rows = Follow.objects.filter(initiative=initiative, user=user).delete()
    if deleted:
        Initiative.objects.filter(pk=initiative.pk, followers_count__gt=0).update(
            followers_count=F("followers_count") - 1
        )
        log_action("actioncentre.initiative.unfollowed", actor=user, subject=initiative)
    return bool(deleted)


@transaction.atomic
def follow_stop_emails(*, follow: Follow) -> Follow:
    """From the unsubscribe link: no more e-mails; the person still follows (or supports)."""
    if follow.email_updates:
        follow.email_updates = False
        follow.save(update_fields=["email_updates"])
        log_action("actioncentre.initiative.emails_stopped", subject=follow.initiative, person=follow.user)
    return follow
