"""How long the spider web keeps what: shares that ended, with the professionals' notes."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from veerkracht.core.retention import Rule, register

from .models import ConversationNote, Share

ENDED_SHARE_KEEP = timedelta(days=182)


def _ended_shares(now: datetime) -> int:
    """A share that was stopped or ran out, with the notes the professional wrote on it, half a year
    later. Returns how many notes went (the shares themselves go too)."""
    before = now - ENDED_SHARE_KEEP
    ended = Share.objects.filter(Q(revoked_at__lt=before) | Q(expires_at__lt=before))
    notes = ConversationNote.objects.filter(share__in=ended).count()
    ended.delete()
    return notes


register(
    Rule(
        key="spiderweb.ended_shares",
        what=_(
            "Een spinnenweb dat je deelde met een professional, en de notities die die erbij schreef, "
            "als het delen is gestopt"
        ),
        period=_("een half jaar na het stoppen"),
        keep=ENDED_SHARE_KEEP,
        apply=_ended_shares,
        order=20,
    )
)
