"""Reads for moderation after approval: waiting texts and news, the texts' history."""

from __future__ import annotations

from django.db.models import QuerySet

from veerkracht.regions.models import Region

from ..models import Initiative, InitiativeRevision, InitiativeUpdate, Review, RevisionStatus


def revision_notice(initiative: Initiative) -> InitiativeRevision | None:
    """For the people who manage the initiative: the waiting revision, or the last decision when it
    was "no" (they read why). None when there is nothing to tell (approved, or taken back)."""
    latest = initiative.revisions.select_related("author__profile").order_by("-created_at", "-pk").first()
    if latest is None or latest.status in (RevisionStatus.APPROVED, RevisionStatus.WITHDRAWN):
        return None
    return latest


def revisions_of(initiative: Initiative) -> list[InitiativeRevision]:
    """Every revision of the texts, newest first: the history."""
    return list(
        initiative.revisions.select_related("author__profile", "reviewed_by__profile").order_by(
            "-created_at", "-pk"
        )
    )


def pending_revisions(region: Region) -> QuerySet[InitiativeRevision]:
    """The staff's queue of new texts: oldest first."""
    return (
        InitiativeRevision.objects.filter(initiative__region=region, status=RevisionStatus.PENDING)
        .select_related("initiative", "author__profile")
        .order_by("created_at", "pk")
    )


def pending_updates(region: Region) -> QuerySet[InitiativeUpdate]:
    """The staff's queue of news: oldest first."""
    return (
        InitiativeUpdate.objects.filter(initiative__region=region, review=Review.PENDING)
        .select_related("initiative", "author__profile")
        .order_by("created_at", "pk")
    )
