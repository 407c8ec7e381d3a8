"""Reads for the calendar feeds: the public events of the region (or one subregion) around today."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Max, QuerySet

from veerkracht.regions.models import Region, Subregion

from ..models import Event, EventStatus, Visibility

FEED_PAST = timedelta(days=30)
FEED_FUTURE = timedelta(days=365)


def subregion_by_slug(region: Region, slug: str) -> Subregion | None:
    return Subregion.objects.filter(region=region, slug=slug).first()


def _feed_events(region: Region, subregion: Subregion | None, now: datetime) -> QuerySet[Event]:
    # Cancelled events stay in the feed (STATUS:CANCELLED), so a subscribed calendar removes its entry.
    events = Event.objects.filter(
        region=region,
        visibility=Visibility.PUBLIC,
        status__in=(EventStatus.PUBLISHED, EventStatus.CANCELLED),
        starts_at__gte=now - FEED_PAST,
        starts_at__lte=now + FEED_FUTURE,
    )
    return events.filter(subregion=subregion) if subregion is not None else events


def feed_events(region: Region, subregion: Subregion | None, now: datetime) -> list[Event]:
    return list(
        _feed_events(region, subregion, now).select_related("municipality").order_by("starts_at", "id")
    )


@dataclass(frozen=True)
class FeedVersion:
    etag: str
    last_modified: datetime | None


def feed_version(region: Region, subregion: Subregion | None, now: datetime) -> FeedVersion:
    """What changes whenever the feed would: the newest change, the number of events and the day (the
    window moves with it). One query, so an unchanged feed costs a calendar app's poll almost nothing."""
    stats = _feed_events(region, subregion, now).aggregate(changed=Max("updated_at"), n=Count("id"))
    changed = stats["changed"]
    key = f"{region.pk}:{subregion.pk if subregion else ''}:{stats['n']}:{changed and changed.isoformat()}"
    key += f":{now.date().isoformat()}"
    return FeedVersion(etag=hashlib.sha256(key.encode()).hexdigest()[:32], last_modified=changed)


FEED_ITEMS = 50  # an RSS reader shows the next few weeks; the rest is on the agenda page


def upcoming_feed_events(region: Region, now: datetime, *, limit: int = FEED_ITEMS) -> list[Event]:
    """The next public, published events of the region for the RSS/Atom feed, soonest first."""
    return list(
        Event.objects.filter(
            region=region, visibility=Visibility.PUBLIC, status=EventStatus.PUBLISHED, starts_at__gte=now
        )
        .select_related("municipality")
        .order_by("starts_at", "id")[:limit]
    )


def public_events_for_sitemap(region: Region) -> QuerySet:
    """(pk, updated_at) of the public events of the region in the feed window, for sitemap.xml."""
    return (
        Event.objects.filter(
            region=region,
            visibility=Visibility.PUBLIC,
            status__in=(EventStatus.PUBLISHED, EventStatus.CANCELLED),
        )
        .order_by("-starts_at", "-id")
        .values("pk", "updated_at")
    )
