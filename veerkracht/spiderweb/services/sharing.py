"""Het andere gesprek: a resident shares webs with a professional, who reads them and adds notes.

Every look by someone else is written down for the resident (the access log on "Delen")."""

from __future__ import annotations

import hashlib
import logging
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action
from veerkracht.core.mail import mail_enqueue

from ..models import (
    Assessment,
    ConversationNote,
    Share,
)

logger = logging.getLogger(__name__)


CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud and typed
MAX_SHARE_DAYS = 366


def _new_code() -> str:
    import secrets

    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def hash_code(code: str) -> str:
    normalized = re.sub(r"[^A-Z0-9]", "", code.upper())
    return hashlib.sha256(f"veerkracht-share:{normalized}".encode()).hexdigest()


@transaction.atomic
def share_create(
    *,
    web: Assessment,
    scope: str,
    expires_at,
    invite_email: str = "",
    include_reflection: bool = False,
    base_url: str = "",
) -> tuple[Share, str]:
    """Share a web; returns the share and the one-time code (shown or mailed once, stored only hashed)."""
    from datetime import timedelta

    if not web.is_completed:
        raise ValidationError(_("Maak eerst het spinnenweb af."))
    now = timezone.now()
    if expires_at <= now:
        raise ValidationError(_("Kies een datum in de toekomst."))
    if expires_at > now + timedelta(days=MAX_SHARE_DAYS):
        raise ValidationError(_("Je kunt voor hoogstens een jaar delen."))
    code = _new_code()
    share = Share(
        owner=web.owner,
        assessment=web,
        scope=scope,
        invite_email=invite_email.strip().lower(),
        code_hash=hash_code(code),
        expires_at=expires_at,
        include_reflection=include_reflection,
    )
    share.full_clean()
    share.save()
    log_action("spiderweb.share.created", actor=web.owner, person=web.owner, subject=share)
    if share.invite_email:
        # Queued inside the transaction: the mail exists exactly when the share does, and it is sent by
        # a job with retries. If it cannot even be queued, nothing is saved and the resident is told.
        try:
            _send_invite(share, code, base_url)
        except Exception as exc:
            logger.exception("share invite mail could not be queued")
            raise ValidationError(
                _("We konden de e-mail nu niet versturen. Probeer het later nog eens, of kies voor een code.")
            ) from exc
    return share, code


def _send_invite(share: Share, code: str, base_url: str) -> None:
    from django.template.loader import render_to_string
    from django.urls import reverse

    from veerkracht.regions.selectors import current_region

    region = current_region()
    context = {
        "owner_name": share.owner.display_name,
        "code": code,
        "claim_url": f"{base_url}{reverse('spiderweb:shared_home')}",
        "expires_at": share.expires_at,
        "movement_name": region.movement_name if region else "Veerkracht",
    }
    subject = _("%(name)s wil een spinnenweb met je bespreken") % {"name": share.owner.display_name}
    mail_enqueue(
        subject=f"{context['movement_name']}: {subject}",
        body=render_to_string("spiderweb/email/share_invite.txt", context),
        to=[share.invite_email],
        key=f"spiderweb.share.invite:{share.pk}",
    )


@transaction.atomic
def share_claim(*, professional, code: str) -> Share:
    from veerkracht.accounts.models import Role

    if not professional.has_role(Role.PROFESSIONAL):
        raise ValidationError(_("Alleen professionals kunnen een gedeeld spinnenweb openen."))
    share = Share.objects.select_for_update().filter(code_hash=hash_code(code)).first()
    if share is None or not share.is_active or share.is_claimed:
        raise ValidationError(
            _("Deze code klopt niet, is al gebruikt of is verlopen. Vraag om een nieuwe code.")
        )
    if share.owner_id == professional.pk:
        raise ValidationError(_("Dit is je eigen spinnenweb."))
    if share.invite_email and share.invite_email != professional.email.lower():
        raise ValidationError(_("Deze code is voor iemand met een ander e-mailadres."))
    share.professional = professional
    share.claimed_at = timezone.now()
    share.save(update_fields=["professional", "claimed_at"])
    log_action("spiderweb.share.claimed", actor=professional, person=share.owner, subject=share)
    return share


def share_claim_failed(*, professional) -> None:
    """A wrong, used or expired code was tried: written down (with who tried, never the code)."""
    log_action("spiderweb.share.claim_failed", actor=professional)


@transaction.atomic
def share_revoke(*, share: Share) -> Share:
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
        log_action("spiderweb.share.revoked", actor=share.owner, person=share.owner, subject=share)
    return share


def share_log_view(*, viewer, web: Assessment, share: Share) -> None:
    """Every look at a resident's web or notes by someone else is written down for that resident."""
    log_action(
        "spiderweb.assessment.viewed",
        actor=viewer,
        person=web.owner,
        subject=web,
        data={"share": share.pk, "date": web.completed_at.date().isoformat() if web.completed_at else None},
    )


@transaction.atomic
def note_add(*, share: Share, web: Assessment, author, text: str) -> ConversationNote:
    if author.pk != share.professional_id or not share.is_active or not share.covers(web):
        raise ValidationError(_("Je kunt hier geen notitie meer bij zetten."))
    note = ConversationNote(share=share, assessment=web, author=author, text=text.strip())
    note.full_clean()
    note.save()
    log_action("spiderweb.note.added", actor=author, person=web.owner, subject=web, data={"share": share.pk})
    return note


@transaction.atomic
def share_from_session(
    *,
    owner,
    instrument,
    answers,
    talk_about,
    scope: str,
    expires_at,
    invite_email: str = "",
    include_reflection: bool = False,
    base_url: str = "",
) -> tuple[Share, str]:
    """Keep a web made without an account and share it, in one step and all or nothing: if sharing
    fails (e.g. the invitation cannot be mailed), the web is not kept either and can be tried again."""
    from .webs import assessment_create_from_answers

    web = assessment_create_from_answers(
        owner=owner, instrument=instrument, answers=answers, talk_about=talk_about
    )
    return share_create(
        web=web,
        scope=scope,
        expires_at=expires_at,
        invite_email=invite_email,
        include_reflection=include_reflection,
        base_url=base_url,
    )
