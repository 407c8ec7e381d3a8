"""Writes for requests: intake, the status machine, assignment, notes and messages with the sender.

The sender follows a request through a private link. Only the SHA-256 hash of its secret is stored, so
the link cannot be rebuilt later: every e-mail that should contain a working link gets a fresh secret
(the hash is replaced, older links stop working). The confirmation e-mail and every message from staff
therefore carry the newest link.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.accounts.models import Role
from veerkracht.core.audit import log_action
from veerkracht.core.mail import mail_enqueue
from veerkracht.core.vocabulary import DIMENSIONS, THEMES

from ..models import (
    CloseReason,
    EventKind,
    Request,
    RequestEvent,
    RequestStatus,
    allowed_transitions,
    follow_path,
)
from ..tokens import hash_token, new_token
from ..vocab import HELP_TYPES

DESCRIPTION_MAX = 3000
MAX_BULK = 100  # one board page holds 25; more in one go is not a person clicking

logger = logging.getLogger(__name__)


# --- Intake -----------------------------------------------------------------------------------


def _mask(flags, keys: Iterable[str], what: str) -> int:
    return flags.checked_mask(keys, _("Er zat een keuze bij %(what)s die niet bestaat.") % {"what": what})


@transaction.atomic
def request_submit(
    *,
    region,
    kind: str,
    title: str,
    description: str,
    municipality,
    name: str,
    email: str,
    contact_consent: bool,
    themes: Iterable[str] = (),
    dimensions: Iterable[str] = (),
    needs: Iterable[str] = (),
    sender=None,
    base_url: str,
) -> tuple[Request, str]:
    """Store a question, idea or request for support; returns it and the secret of the private link."""
    if region is None:
        raise ValidationError(_("Het actiecentrum is nog niet ingesteld. Probeer het later opnieuw."))
    if not contact_consent:
        raise ValidationError(_("Zonder toestemming om contact op te nemen kunnen we je niet helpen."))
    if municipality is None or municipality.region_id != region.pk:
        raise ValidationError(_("Kies een gemeente in onze regio."))
    if sender is not None and not sender.is_authenticated:
        sender = None
    token = new_token()
    request = Request(
        region=region,
        kind=kind,
        title=title.strip(),
        # TextField's max_length is not checked by full_clean(): the helper does it.
        description=_clean_text(description, limit=DESCRIPTION_MAX),
        municipality=municipality,
        themes=_mask(THEMES, themes, _("de thema's")),
        dimensions=_mask(DIMENSIONS, dimensions, _("de kanten van gezondheid")),
        needs=_mask(HELP_TYPES, needs, _("wat je nodig hebt")),
        name=name.strip(),
        email=email.strip().lower(),
        contact_consent=True,
        sender=sender,
        token_hash=hash_token(token),
    )
    request.full_clean()
    request.save()
    _add_event(request, EventKind.CREATED, actor=sender)
    log_action(
        "actioncentre.request.submitted",
        actor=sender,
        subject=request,
        data={"kind": request.kind, "municipality": municipality.code},
    )
    # Queued in this transaction: the mail exists exactly when the request does (sent by a job).
    _send_confirmation(request, token, base_url)
    return request, token


def _movement_name(request: Request) -> str:
    return request.region.movement_name or "Veerkracht"


def _send_confirmation(request: Request, token: str, base_url: str) -> None:
    context = {
        "request": request,
        "follow_url": f"{base_url}{follow_path(token)}",
        "movement_name": _movement_name(request),
        "region": request.region,
    }
    mail_enqueue(
        subject=f"{context['movement_name']}: " + _("we hebben je bericht ontvangen"),
        body=render_to_string("actioncentre/requests/email/submitted.txt", context),
        to=[request.email],
        key=f"actioncentre.request.submitted:{request.pk}",
    )


# --- Timeline helpers -------------------------------------------------------------------------


def _add_event(request: Request, kind: str, *, actor=None, text: str = "", **fields) -> RequestEvent:
    event = RequestEvent(request=request, kind=kind, actor=actor, text=text, **fields)
    event.full_clean()
    event.save()
    return event


def _lock(request: Request) -> Request:
    # Lock only the request row: PostgreSQL refuses FOR UPDATE on the nullable side of an outer join.
    return Request.objects.select_for_update(of=("self",)).select_related("region").get(pk=request.pk)


def _clean_text(text: str, *, limit: int) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Schrijf eerst iets op."))
    if len(text) > limit:
        raise ValidationError(
            _("Je tekst is te lang: hoogstens %(limit)s tekens, het zijn er nu %(count)s.")
            % {"limit": limit, "count": len(text)}
        )
    return text


# --- Status machine ---------------------------------------------------------------------------


def _apply_status(request: Request, to_status: str, actor, reason: str) -> None:
    from_status = request.status
    if to_status not in RequestStatus.values:
        raise ValidationError(_("Deze status bestaat niet."))
    if to_status == from_status:
        raise ValidationError(_("Deze vraag heeft die status al."))
    if to_status not in allowed_transitions(from_status):
        raise ValidationError(
            _("Een vraag met de status ‘%(from)s’ kan niet naar ‘%(to)s’.")
            % {"from": RequestStatus(from_status).label, "to": RequestStatus(to_status).label}
        )
    if to_status == RequestStatus.CLOSED:
        if reason not in CloseReason.values:
            raise ValidationError(_("Kies waarom je de vraag afsluit."))
    elif reason:
        raise ValidationError(_("Een reden kies je alleen bij afsluiten."))
    request.status = to_status
    request.close_reason = reason if to_status == RequestStatus.CLOSED else ""
    request.status_changed_at = timezone.now()
    request.full_clean()
    request.save(update_fields=["status", "close_reason", "status_changed_at"])
    # The close reason is kept on the event too, so the history says why it was closed back then.
    _add_event(
        request, EventKind.STATUS, actor=actor, from_status=from_status, to_status=to_status, text=reason
    )
    log_action(
        "actioncentre.request.status_changed",
        actor=actor,
        subject=request,
        data={"from": from_status, "to": to_status, "reason": reason},
    )


@transaction.atomic
def request_change_status(*, request: Request, to_status: str, actor, reason: str = "") -> Request:
    """Move a request along REQUEST_TRANSITIONS; closing needs a CloseReason. Raises ValidationError."""
    locked = _lock(request)
    _apply_status(locked, to_status, actor, reason)
    return locked


# --- Assignment -------------------------------------------------------------------------------


def _check_assignee(assignee) -> None:
    if assignee is not None and not assignee.has_role(Role.STAFF):
        raise ValidationError(_("Je kunt een vraag alleen toewijzen aan iemand van het actiecentrum."))


def _apply_assign(request: Request, assignee, actor) -> bool:
    if request.assignee_id == (assignee.pk if assignee is not None else None):
        return False
    request.assignee = assignee
    request.full_clean()
    request.save(update_fields=["assignee"])
    # The name is kept for the staff timeline; the sender's page never shows it.
    _add_event(request, EventKind.ASSIGNED, actor=actor, text=assignee.display_name if assignee else "")
    log_action(
        "actioncentre.request.assigned",
        actor=actor,
        subject=request,
        data={"assignee": assignee.pk if assignee is not None else None},
    )
    # Someone picking up a new request *is* "wordt opgepakt": the board then no longer shows it as waiting.
    if assignee is not None and request.status == RequestStatus.NEW:
        _apply_status(request, RequestStatus.HANDLING, actor, "")
    return True


@transaction.atomic
def request_assign(*, request: Request, assignee, actor) -> Request:
    """Give a request to a staff member (or to nobody with assignee=None)."""
    _check_assignee(assignee)
    locked = _lock(request)
    _apply_assign(locked, assignee, actor)
    return locked


def _locked_for_bulk(region, pks: Iterable[int]) -> list[Request]:
    pks = list(dict.fromkeys(pks))
    if not pks:
        raise ValidationError(_("Kies eerst een of meer vragen."))
    if len(pks) > MAX_BULK:
        raise ValidationError(_("Kies hoogstens %(max)s vragen tegelijk.") % {"max": MAX_BULK})
    return list(
        Request.objects.select_for_update(of=("self",)).filter(region=region, pk__in=pks).order_by("pk")
    )


@transaction.atomic
def requests_bulk_assign(*, region, pks: Iterable[int], assignee, actor) -> int:
    """Assign several requests of the region at once; returns how many changed."""
    _check_assignee(assignee)
    return sum(_apply_assign(request, assignee, actor) for request in _locked_for_bulk(region, pks))


@transaction.atomic
def requests_bulk_close(*, region, pks: Iterable[int], reason: str, actor) -> int:
    """Close several requests with one reason; already closed ones are left as they are."""
    if reason not in CloseReason.values:
        raise ValidationError(_("Kies waarom je de vragen afsluit."))
    closed = 0
    for request in _locked_for_bulk(region, pks):
        if RequestStatus.CLOSED in allowed_transitions(request.status):
            _apply_status(request, RequestStatus.CLOSED, actor, reason)
            closed += 1
    return closed


# --- Notes and messages -----------------------------------------------------------------------


@transaction.atomic
def request_add_note(*, request: Request, author, text: str) -> RequestEvent:
    """An internal note: only staff see it, never the sender."""
    event = _add_event(request, EventKind.NOTE, actor=author, text=_clean_text(text, limit=3000))
    log_action("actioncentre.request.note_added", actor=author, subject=request)
    return event


@transaction.atomic
def request_message_sender(*, request: Request, author, text: str, base_url: str) -> RequestEvent:
    """A message to the sender: on their page, and by e-mail with a fresh private link.

    The old link stops working; the e-mail says so. That way every e-mail we send has a working link,
    and a link in an old, forwarded e-mail does not stay valid for ever.
    """
    text = _clean_text(text, limit=3000)
    locked = _lock(request)
    token = new_token()
    locked.token_hash = hash_token(token)
    locked.save(update_fields=["token_hash"])
    event = _add_event(locked, EventKind.STAFF_MESSAGE, actor=author, text=text)
    log_action("actioncentre.request.sender_messaged", actor=author, subject=locked)
    # Queued in this transaction: the new link exists only in this mail, which is kept until it is
    # sent (a mail that keeps failing is on the staff page of mails that could not be sent).
    _send_staff_message(locked, text, token, base_url, event_pk=event.pk)
    return event


def _send_staff_message(request: Request, text: str, token: str, base_url: str, *, event_pk: int) -> None:
    context = {
        "request": request,
        "text": text,
        "follow_url": f"{base_url}{follow_path(token)}",
        "movement_name": _movement_name(request),
        "region": request.region,
    }
    mail_enqueue(
        subject=f"{context['movement_name']}: " + _("een bericht over je vraag"),
        body=render_to_string("actioncentre/requests/email/staff_message.txt", context),
        to=[request.email],
        key=f"actioncentre.request.staff_message:{event_pk}",
    )


@transaction.atomic
def request_add_sender_info(*, request: Request, text: str, base_url: str = "") -> RequestEvent:
    """The sender adds information through the private link; the assigned staff member gets an e-mail."""
    text = _clean_text(text, limit=2000)
    locked = _lock(request)
    if locked.status == RequestStatus.CLOSED:
        raise ValidationError(
            _("Deze vraag is afgesloten. Heb je een nieuwe vraag of idee? Stuur het dan opnieuw in.")
        )
    event = _add_event(locked, EventKind.SENDER_MESSAGE, actor=locked.sender, text=text)
    log_action("actioncentre.request.sender_added", actor=locked.sender, subject=locked)
    if locked.assignee_id:
        _notify_assignee(locked, base_url, event_pk=event.pk)
    return event


def _notify_assignee(request: Request, base_url: str, *, event_pk: int) -> None:
    assignee = request.assignee
    if assignee is None or not assignee.is_active:
        return
    context = {
        "request": request,
        "board_url": f"{base_url}{reverse('actioncentre:request', args=[request.pk])}",
        "movement_name": _movement_name(request),
    }
    # No content in the e-mail: the addition may be personal; staff read it on the board.
    mail_enqueue(
        subject=f"{context['movement_name']}: " + _("aanvulling op een vraag die jij oppakt"),
        body=render_to_string("actioncentre/requests/email/sender_added.txt", context),
        to=[assignee.email],
        key=f"actioncentre.request.sender_added:{event_pk}",
    )
