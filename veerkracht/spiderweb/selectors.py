from __future__ import annotations

from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import Assessment, Instrument, Share, Status


def active_instruments() -> QuerySet[Instrument]:
    return Instrument.objects.filter(is_active=True).order_by("audience", "slug")


def completed_webs(user) -> QuerySet[Assessment]:
    """A person's finished webs, newest first (without the answers, which lists do not need)."""
    return (
        Assessment.objects.filter(owner=user, status=Status.COMPLETED)
        .prefetch_related("instrument")  # one query for the few instrument versions, not one big join
        .defer("answers", "talk_about")
        .order_by("-completed_at", "-pk")
    )


def open_drafts(user) -> QuerySet[Assessment]:
    return (
        Assessment.objects.filter(owner=user, status=Status.DRAFT)
        .select_related("instrument")
        .order_by("-started_at")
    )


def shares_of(user) -> QuerySet[Share]:
    return (
        Share.objects.filter(owner=user)
        .select_related("professional__profile", "assessment")
        .order_by("-created_at")
    )


def active_shares_for_professional(user) -> QuerySet[Share]:
    return (
        Share.objects.filter(professional=user, revoked_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("owner__profile", "assessment")
        .order_by("expires_at")
    )


def ended_shares_for_professional(user, *, days: int = 90) -> QuerySet[Share]:
    """Shares that ended (expired or stopped) in the last `days`: the professional sees why a web is gone."""
    now = timezone.now()
    since = now - timedelta(days=days)
    return (
        Share.objects.filter(professional=user)
        .filter(
            Q(revoked_at__gte=since) | Q(revoked_at__isnull=True, expires_at__lte=now, expires_at__gte=since)
        )
        .select_related("owner__profile")
        .order_by("-expires_at")
    )


def webs_per_share(shares: list[Share]) -> list[tuple[Share, list[Assessment]]]:
    """Each share with the webs it covers, newest first, in one query for all shares together."""
    owners = {share.owner_id for share in shares}
    webs = list(
        Assessment.objects.filter(owner_id__in=owners, status=Status.COMPLETED)
        .defer("answers", "talk_about")
        .order_by("-completed_at", "-pk")
    )
    return [(share, [web for web in webs if share.covers(web)]) for share in shares]


def access_log_for(user):
    from veerkracht.core.models import AuditLogEntry

    return (
        AuditLogEntry.objects.filter(person=user, code__startswith="spiderweb.")
        .exclude(actor=user)
        .select_related("actor__profile")
        .order_by("-created_at")
    )
