"""Reads about initiatives, shared by the public pages and the monitor.

`filters` is a plain mapping with any of these keys (missing or empty: no filter):
``municipality`` (a Municipality or its CBS code), ``subregion`` (a Subregion or its slug), ``phase``
(a Phase value), ``theme`` (a THEMES key), ``dimension`` (a DIMENSIONS key), ``need`` (a HELP_TYPES
key: the initiative has an open need of that type) and ``q`` (words in the title, summary, description
or "who", found through the site's full-text index: Dutch stems, accents folded). Only public
initiatives (review PUBLIC) of the region are counted or listed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet, Value, When

from veerkracht.accounts.models import Organisation
from veerkracht.core import pagecache, search
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Municipality, Region, Subregion

from ..models import (
    Follow,
    Initiative,
    InitiativeUpdate,
    Need,
    PartnerStatus,
    Phase,
    PhaseChange,
    Review,
)
from ..tokens import hash_token, unsubscribe_token_follow_pk

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
    return _with_words(qs, region, str(filters.get("q") or ""))


def _with_words(qs: QuerySet, region: Region, words: str) -> QuerySet:
    """Only initiatives with these words, found in the site's full-text index (Dutch stems, accents
    folded) instead of a scan of every text."""
    found = search.matching_ids("initiative", region, words) if words else None
    return qs if found is None else qs.filter(pk__in=found)


class KnownCountPaginator(Paginator):
    """A paginator told its count up front (computed together with the map's counts)."""

    def __init__(self, object_list, per_page, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # fills the cached_property


def initiatives_page(region: Region, filters: Filters | None, number, *, total: int, per_page: int) -> Page:
    """One page of the list; `total` comes from the map's counts, so there is no second COUNT."""
    return KnownCountPaginator(initiatives_for_list(region, filters), per_page, count=total).get_page(number)


def initiatives_for_list(region: Region, filters: Filters | None = None) -> QuerySet[Initiative]:
    """Public initiatives of the region matching `filters`, newest first, ready for cards."""
    return (
        _filtered(region, filters)
        .select_related("municipality")
        .defer("description", "lesson", "what_worked")  # cards show the summary only
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


def _counts_version(region_id: int) -> str:
    return pagecache.version(f"initiatives:{region_id}")


def initiatives_version(region: Region | None) -> tuple[str, ...]:
    """The version of the region's public initiative pages (list, map, detail): it changes on every
    write to an initiative, its needs, news or partners (signals.py)."""
    return (_counts_version(region.pk),) if region else ("none",)


def initiative_counts_changed(region_id: int) -> None:
    """Called on every write to an initiative or need (signals.py): cached counts and pages are not
    used again."""
    pagecache.bump(f"initiatives:{region_id}")


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


# --- One initiative's page ---------------------------------------------------------------------


def phase_history(initiative: Initiative) -> list[PhaseChange]:
    """Every phase change, oldest first, with who made it."""
    return list(initiative.phase_changes.select_related("changed_by__profile"))


def updates_of(initiative: Initiative, *, with_waiting: bool = False) -> QuerySet[InitiativeUpdate]:
    """The news, newest first (paginated by the page). Public news only, unless `with_waiting` (for
    the people who manage the initiative: also news that waits or was turned down)."""
    updates = initiative.updates.select_related("author__profile")
    return updates if with_waiting else updates.filter(review=Review.PUBLIC)


def open_needs_of(initiative: Initiative) -> list[Need]:
    return list(initiative.needs.filter(is_open=True))


def needs_of(initiative: Initiative) -> list[Need]:
    """Open and met needs, open ones first (for the people who manage the initiative)."""
    return list(initiative.needs.all())


def partners_of(initiative: Initiative) -> list[Organisation]:
    """Partners that accepted: only those show on the page (models/partnerships.py)."""
    return list(
        Organisation.objects.filter(
            initiative_links__initiative=initiative, initiative_links__status=PartnerStatus.ACCEPTED
        ).order_by("name")
    )


def partner_ids_of(initiative: Initiative) -> list[int]:
    """Organisations asked (or partner) that did not decline: ticked on the partners form."""
    return list(
        initiative.partner_links.exclude(status=PartnerStatus.DECLINED).values_list(
            "organisation_id", flat=True
        )
    )


def pending_initiatives(region: Region) -> QuerySet[Initiative]:
    """The staff's approval queue: oldest first."""
    return (
        Initiative.objects.filter(region=region, review=Review.PENDING)
        .select_related("municipality", "owner__profile", "organisation")
        .order_by("created_at", "pk")
    )


def follow_for_token(token: str) -> Follow | None:
    """The follow an unsubscribe link belongs to, or None for an unknown, altered or old link."""
    follow_pk = unsubscribe_token_follow_pk(token)
    if follow_pk is None:
        return None
    follow = (
        Follow.objects.select_related("initiative", "user").filter(unsubscribe_hash=hash_token(token)).first()
    )
    return follow if follow is not None and follow.pk == follow_pk else None


def follow_of(user, initiative: Initiative) -> Follow | None:
    if not user.is_authenticated:
        return None
    return Follow.objects.filter(initiative=initiative, user=user).first()


# --- For the monitor (indicators.py): plain values per item, region-scoped ------------------------


def initiative_phases_as_of(region: Region, moment: datetime) -> list[tuple[str | None, str]]:
    """(municipality, phase at `moment`) of every public initiative that existed then.

    The phase at a moment is the last phase change before it (an initiative starts in "inspire").
    """
    initiatives = dict(
        Initiative.objects.filter(region=region, review=Review.PUBLIC, created_at__lt=moment).values_list(
            "pk", "municipality__code"
        )
    )
    phases = dict.fromkeys(initiatives, Phase.INSPIRE.value)
    changes = (
        PhaseChange.objects.filter(initiative_id__in=list(initiatives), changed_at__lt=moment)
        .order_by("initiative_id", "changed_at", "pk")
        .values_list("initiative_id", "to_phase")
    )
    for pk, phase in changes:
        phases[pk] = phase
    return [(initiatives[pk], phase) for pk, phase in phases.items()]


def phase_transitions_between(region: Region, start: datetime, end: datetime) -> list[tuple[str | None, str]]:
    """(municipality, new phase) of every move to another phase in [start, end); starts excluded."""
    return list(
        PhaseChange.objects.filter(
            initiative__region=region,
            initiative__review=Review.PUBLIC,
            changed_at__gte=start,
            changed_at__lt=end,
        )
        .exclude(from_phase="")
        .values_list("initiative__municipality__code", "to_phase")
    )


def first_initiative_at(region: Region) -> datetime | None:
    """When the region's first initiative came in (None without any)."""
    return Initiative.objects.filter(region=region).aggregate(first=Min("created_at"))["first"]


def _nearest_first(municipality: Municipality | None):
    """Order: in the municipality itself, then elsewhere in its subregion, then the rest of the region."""
    if municipality is None:
        return [Value(0)]
    return [
        Case(
            When(municipality_id=municipality.pk, then=Value(0)),
            When(subregion_id=municipality.subregion_id, then=Value(1)),
            default=Value(2),
        )
    ]


def initiatives_nearby(
    region: Region, municipality: Municipality | None, dimension: str, *, limit: int
) -> list[Initiative]:
    """Public initiatives about this part of health, the nearest first, then the newest."""
    qs = _filtered(region, {"dimension": dimension}).select_related("municipality")
    return list(qs.order_by(*_nearest_first(municipality), "-created_at", "-pk")[:limit])


def initiatives_needing_help(region: Region, *, limit: int = 10) -> list[Initiative]:
    """Public initiatives with an open need, newest need first (the community newsletter's section)."""
    open_need = Need.objects.filter(initiative=OuterRef("pk"), is_open=True)
    return list(
        Initiative.objects.filter(region=region, review=Review.PUBLIC)
        .filter(Exists(open_need))
        .select_related("subregion")
        .prefetch_related(Prefetch("needs", queryset=Need.objects.filter(is_open=True), to_attr="open_needs"))
        .order_by("-created_at", "-pk")[:limit]
    )


# --- For other apps: lessons learned (the knowledge library) and the sitemap -------------------------


@dataclass(frozen=True)
class Lesson:
    """What an initiative learned: the lesson when it stopped, or what worked when it moved on to
    "versnellen". Read-only; the knowledge library lists these beside its own items."""

    kind: str  # "lesson" (stopped) or "what_worked" (accelerate)
    initiative_slug: str
    initiative_title: str
    text: str
    date: datetime
    themes: int
    dimensions: int
    municipality: str


def _with_lessons(region: Region, theme: str = "", dimension: str = "") -> QuerySet[Initiative]:
    qs = Initiative.objects.filter(region=region, review=Review.PUBLIC).filter(
        ~Q(lesson="") | ~Q(what_worked="")
    )
    if theme:
        qs = qs.filter(THEMES.any_of("themes", [theme]))
    if dimension:
        qs = qs.filter(DIMENSIONS.any_of("dimensions", [dimension]))
    return qs


def initiative_lessons_count(region: Region, *, theme: str = "", dimension: str = "") -> int:
    """How many lessons the public initiatives of the region wrote (one query)."""
    counts = _with_lessons(region, theme, dimension).aggregate(
        lessons=Count("pk", filter=~Q(lesson="")), worked=Count("pk", filter=~Q(what_worked=""))
    )
    return (counts["lessons"] or 0) + (counts["worked"] or 0)


def initiative_lessons(region: Region, *, theme: str = "", dimension: str = "", limit: int) -> list[Lesson]:
    """The newest `limit` lessons of public initiatives (one query), newest first. An initiative's
    lessons are dated by its last change."""
    rows = (
        _with_lessons(region, theme, dimension)
        .select_related("municipality")
        .only(
            "slug",
            "title",
            "lesson",
            "what_worked",
            "updated_at",
            "themes",
            "dimensions",
            "municipality__name",
        )
        .order_by("-updated_at", "-pk")[:limit]
    )
    lessons = []
    for row in rows:
        for kind, text in (("lesson", row.lesson), ("what_worked", row.what_worked)):
            if text:
                lessons.append(
                    Lesson(
                        kind=kind,
                        initiative_slug=row.slug,
                        initiative_title=row.title,
                        text=text,
                        date=row.updated_at,
                        themes=row.themes,
                        dimensions=row.dimensions,
                        municipality=row.municipality.name,
                    )
                )
    return lessons[:limit]


def public_initiatives_for_sitemap(region: Region) -> QuerySet:
    """(slug, updated_at) of every public initiative, for sitemap.xml."""
    return (
        Initiative.objects.filter(region=region, review=Review.PUBLIC)
        .order_by("-updated_at", "-pk")
        .values("slug", "updated_at")
    )
