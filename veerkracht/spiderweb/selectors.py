from __future__ import annotations

from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import (
    Assessment,
    ConversationNote,
    Instrument,
    ResearchConsent,
    Share,
    Status,
)


def active_instruments() -> QuerySet[Instrument]:
    return Instrument.objects.filter(is_active=True).order_by("audience", "slug")


def active_instrument(slug: str) -> Instrument | None:
    """The instrument with this slug that can be filled in now (None for an unknown or retired one)."""
    return Instrument.objects.filter(slug=slug, is_active=True).first()


def completed_webs(user) -> QuerySet[Assessment]:
    """A person's finished webs, newest first (without the answers, which lists do not need)."""
    return (
        Assessment.objects.filter(owner=user, status=Status.COMPLETED)
        .prefetch_related("instrument")  # one query for the few instrument versions, not one big join
        .defer("answers", "talk_about")
        .order_by("-completed_at", "-pk")
    )


def other_webs(user, web: Assessment) -> list[Assessment]:
    """The person's other finished webs (to compare with), newest first, with just what a link needs."""
    return list(completed_webs(user).exclude(pk=web.pk).only("pk", "completed_at", "instrument_id"))


def notes_on(web: Assessment, share: Share | None = None) -> QuerySet[ConversationNote]:
    """Professionals' notes on a web (for the owner), or only those written under one share."""
    notes = web.notes.all() if share is None else share.notes.filter(assessment=web)
    return notes.select_related("author__profile")


def research_consent_given(user) -> bool:
    return ResearchConsent.objects.filter(user=user, given=True).exists()


def research_consent_initial(user) -> dict:
    consent = ResearchConsent.objects.filter(user=user).first()
    if consent is None:
        return {"given": False, "education": ""}
    return {"given": consent.given, "education": consent.education}


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


# --- For the monitor: plain tuples, region-scoped; only municipality, age band and education ---------


def webs_completed_between(region, start, end) -> list[tuple[int, str, str]]:
    """(owner id, municipality code, age band) of every web completed in [start, end), oldest first.

    For reach: counts people who used the tool, not their scores, so research consent is not needed.
    Webs without a municipality in the region are not counted.
    """
    return list(
        Assessment.objects.filter(
            status=Status.COMPLETED,
            municipality__region=region,
            completed_at__gte=start,
            completed_at__lt=end,
        )
        .order_by("completed_at", "pk")
        .values_list("owner_id", "municipality__code", "age_band")
    )


def sharers_between(region, start, end) -> list[tuple[int, str]]:
    """(owner id, municipality code) for every share with a professional started in [start, end)."""
    return list(
        Share.objects.filter(
            owner__profile__municipality__region=region, created_at__gte=start, created_at__lt=end
        ).values_list("owner_id", "owner__profile__municipality__code")
    )


def consented_webs(region, until):
    """Completed webs with research consent before `until`, ordered by owner then time, streamed.

    Yields (owner id, completed_at, municipality code, age band, education, six scores).
    """
    from veerkracht.core.vocabulary import DIMENSION_KEYS

    score_fields = [f"score_{key}" for key in DIMENSION_KEYS]
    complete = {f"{name}__isnull": False for name in score_fields}
    return (
        Assessment.objects.filter(
            research_consent=True,
            status=Status.COMPLETED,
            municipality__region=region,
            completed_at__lt=until,
            **complete,
        )
        .order_by("owner_id", "completed_at", "pk")
        .values_list("owner_id", "completed_at", "municipality__code", "age_band", "education", *score_fields)
        .iterator(chunk_size=5000)
    )


def first_activity(region):
    """When the region's first web was completed (None without any)."""
    from django.db.models import Min

    return Assessment.objects.filter(status=Status.COMPLETED, municipality__region=region).aggregate(
        first=Min("completed_at")
    )["first"]
