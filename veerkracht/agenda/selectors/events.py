"""Reads for the public agenda: upcoming events with filters, and what one event's page needs.

`filters` is a plain mapping with any of these keys (missing or empty: no filter): ``subregion`` (a
Subregion slug), ``municipality`` (a CBS code), ``theme`` (a THEMES key), ``dimension`` (a DIMENSIONS
key) and ``kind`` (an EventKind value). Only published (or cancelled) public events of the region that
have not ended are listed; a cancelled one stays in the list, marked "gaat niet door".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils import timezone

from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Region

from ..models import Event, EventKind, EventStatus, Question, Visibility

Filters = Mapping[str, Any]
LONGEST_EVENT = timedelta(days=7)


def upcoming_events(region: Region, filters: Filters | None = None) -> QuerySet[Event]:
    """Public events of the region that have not ended yet, soonest first, ready for cards."""
    filters = filters or {}
    now = timezone.now()
    qs = Event.objects.filter(
        region=region,
        status__in=(EventStatus.PUBLISHED, EventStatus.CANCELLED),
        visibility=Visibility.PUBLIC,
        # The bound on the start lets the (region, status, starts_at) index skip the past years; no
        # session lasts longer than that.
        starts_at__gt=now - LONGEST_EVENT,
        ends_at__gt=now,
    )
    if filters.get("subregion"):
        qs = qs.filter(subregion__slug=filters["subregion"])
    if filters.get("municipality"):
        qs = qs.filter(municipality__code=filters["municipality"])
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("theme"):
        qs = qs.filter(THEMES.any_of("themes", [filters["theme"]]))
    if filters.get("dimension"):
        qs = qs.filter(DIMENSIONS.any_of("dimensions", [filters["dimension"]]))
    return (
        qs.select_related("municipality", "subregion")
        # Cards show the title, date, place and places left: not the long texts.
        .defer("description", "programme", "speakers", "accessibility_notes", "cancelled_reason")
        .order_by("starts_at", "pk")
    )


def events_page(region: Region, filters: Filters | None, number, *, per_page: int) -> Page:
    return Paginator(upcoming_events(region, filters), per_page).get_page(number)


def questions_of(event: Event) -> list[Question]:
    return list(event.questions.all())


def upcoming_events_by_ids(ids) -> list[Event]:
    """Events among `ids` that are published and have not ended, soonest first (for other apps that
    keep event ids, like a community group's meetings)."""
    ids = [i for i in ids if i]
    if not ids:
        return []
    return list(
        Event.objects.filter(pk__in=ids, status=EventStatus.PUBLISHED, ends_at__gt=timezone.now())
        .select_related("municipality")
        .defer("description", "programme", "speakers", "accessibility_notes", "cancelled_reason")
        .order_by("starts_at", "pk")
    )


def upcoming_events_to_link(region: Region, *, limit: int = 100) -> list[Event]:
    """Published events of the region that have not ended (public and closed), soonest first."""
    return list(
        Event.objects.filter(region=region, status=EventStatus.PUBLISHED, ends_at__gt=timezone.now())
        .only("pk", "title", "starts_at")
        .order_by("starts_at", "pk")[:limit]
    )


def events_starting_between(region: Region, start, end, *, limit: int = 30) -> list[Event]:
    """Public, published events of the region that start in [start, end), soonest first (the
    community newsletter's "coming up" section)."""
    return list(
        Event.objects.filter(
            region=region,
            status=EventStatus.PUBLISHED,
            visibility=Visibility.PUBLIC,
            starts_at__gte=start,
            starts_at__lt=end,
        )
        .select_related("municipality", "subregion")
        .order_by("starts_at", "pk")[:limit]
    )


def events_by_ids(ids) -> list[Event]:
    """Events among `ids`, past and future, in order of time (for other apps that keep event ids, like
    the learning app's intervision meetings)."""
    ids = [i for i in ids if i]
    if not ids:
        return []
    return list(
        Event.objects.filter(pk__in=ids)
        .only("pk", "title", "starts_at", "ends_at", "status", "online", "venue")
        .order_by("starts_at", "pk")
    )


def training_events(region: Region, *, since=None) -> QuerySet[Event]:
    """Training meetings of the region (kind "training", not cancelled), oldest first: the dates a
    course's cohort can be given (the learning app). `since`: only those starting after it."""
    rows = Event.objects.filter(region=region, kind=EventKind.TRAINING).exclude(status=EventStatus.CANCELLED)
    if since is not None:
        rows = rows.filter(starts_at__gte=since)
    return rows.order_by("starts_at", "pk")
