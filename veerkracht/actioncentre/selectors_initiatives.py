"""Reads about initiatives, shared by the public pages and the monitor.

`filters` is a plain mapping with any of these keys (missing or empty: no filter):
``municipality`` (a Municipality or its CBS code), ``subregion`` (a Subregion or its slug), ``phase``
(a Phase value), ``theme`` (a THEMES key), ``dimension`` (a DIMENSIONS key), ``need`` (a HELP_TYPES
key: the initiative has an open need of that type) and ``q`` (words in the title, summary, description
or "who"). Only public initiatives (review PUBLIC) of the region are counted or listed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from veerkracht.regions.models import Municipality, Region, Subregion

from .models import Follow, Initiative, Need, PhaseChange, Review
from .vocab import DIMENSIONS, THEMES

Filters = Mapping[str, Any]


def _filtered(region: Region, filters: Filters | None, *, with_municipality: bool = True) -> QuerySet:
    filters = filters or {}
    qs = Initiative.objects.filter(region=region, review=Review.PUBLIC)
    municipality = filters.get("municipality")
    if with_municipality and municipality:
        if isinstance(municipality, Municipality):
            qs = qs.filter(municipality=municipality)
        else:
            qs = qs.filter(municipality__code=municipality)
    subregion = filters.get("subregion")
    if subregion:
        if isinstance(subregion, Subregion):
            qs = qs.filter(subregion=subregion)
        else:
            qs = qs.filter(subregion__slug=subregion, subregion__region=region)
    if filters.get("phase"):
        qs = qs.filter(phase=filters["phase"])
    if filters.get("theme"):
        qs = qs.filter(THEMES.any_of("themes", [filters["theme"]]))
    if filters.get("dimension"):
        qs = qs.filter(DIMENSIONS.any_of("dimensions", [filters["dimension"]]))
    if filters.get("need"):
        open_need = Need.objects.filter(initiative=OuterRef("pk"), is_open=True, help_type=filters["need"])
        qs = qs.filter(Exists(open_need))
    for word in str(filters.get("q") or "").split()[:8]:
        qs = qs.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(description__icontains=word)
            | Q(who__icontains=word)
        )
    return qs


def initiatives_for_list(region: Region, filters: Filters | None = None) -> QuerySet[Initiative]:
    """Public initiatives of the region matching `filters`, newest first, ready for cards."""
    return (
        _filtered(region, filters)
        .select_related("municipality")
        .defer("description", "lesson")  # cards show the summary only
        .order_by("-created_at", "-pk")
    )


def initiative_counts_by_municipality(region: Region, filters: Filters | None = None) -> dict[int, int]:
    """{municipality id: number of public initiatives}, one GROUP BY query.

    Every filter applies except ``municipality``: the map shows all municipalities side by side.
    Municipalities without initiatives are left out (count 0).
    """
    # A snapshot per filter combination (DESIGN: aggregates are not a full scan per request). Any
    # write to an initiative or need bumps the region's version, so a change shows at once.
    relevant = sorted((k, str(v)) for k, v in (filters or {}).items() if v and k != "municipality")
    digest = hashlib.sha256(repr(relevant).encode()).hexdigest()[:24]
    key = f"initiative-counts:{region.pk}:{_counts_version(region.pk)}:{digest}"
    counts = cache.get(key)
    if counts is None:
        rows = (
            _filtered(region, filters, with_municipality=False)
            .order_by()
            .values("municipality_id")
            .annotate(n=Count("pk"))
        )
        counts = {row["municipality_id"]: row["n"] for row in rows}
        cache.set(key, counts, COUNTS_SECONDS)
    return counts


COUNTS_SECONDS = 600


def _version_key(region_id: int) -> str:
    return f"initiative-counts-version:{region_id}"


def _counts_version(region_id: int) -> int:
    return cache.get_or_set(_version_key(region_id), 1, None)


def initiative_counts_changed(region_id: int) -> None:
    """Called on every write to an initiative or need (signals.py): cached counts are not used again."""
    try:
        cache.incr(_version_key(region_id))
    except ValueError:
        cache.set(_version_key(region_id), 2, None)


def phase_changes_between(region: Region, start: datetime, end: datetime) -> QuerySet[PhaseChange]:
    """Phase changes of the region's public initiatives with start <= changed_at < end.

    The first change of each initiative has an empty ``from_phase`` (the start in "inspire").
    """
    return (
        PhaseChange.objects.filter(
            initiative__region=region,
            initiative__review=Review.PUBLIC,
            changed_at__gte=start,
            changed_at__lt=end,
        )
        .select_related("initiative")
        .order_by("changed_at", "pk")
    )


def pending_initiatives(region: Region) -> QuerySet[Initiative]:
    """The staff's approval queue: oldest first."""
    return (
        Initiative.objects.filter(region=region, review=Review.PENDING)
        .select_related("municipality", "owner__profile", "organisation")
        .order_by("created_at", "pk")
    )


def follow_of(user, initiative: Initiative) -> Follow | None:
    if not user.is_authenticated:
        return None
    return Follow.objects.filter(initiative=initiative, user=user).first()
