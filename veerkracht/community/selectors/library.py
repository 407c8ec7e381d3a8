"""Reads for the knowledge library: its own items and the lessons of initiatives, in one list.

Lessons are read through the action centre's selectors and never copied, so a changed or withdrawn
lesson changes here too. The list merges both sources newest first: it counts each (two queries) and
fetches only the rows up to the end of the asked page from each (two queries), whatever the data size.

`filters` (missing or empty: no filter): ``kind`` (a LibraryKind value or "lesson"), ``level``,
``interpretation``, ``target`` (keys of LEVELS, INTERPRETATIONS, TARGET_GROUPS), ``theme`` and
``dimension``. Lessons carry only themes and dimensions: a filter on anything else leaves them out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from veerkracht.actioncentre.selectors.initiatives import initiative_lessons, initiative_lessons_count
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Region

from ..models import LibraryItem, LibraryKind, LibraryReview
from ..models.library import INTERPRETATION_FLAGS, LESSON_KIND, LESSON_LABEL, LEVEL_FLAGS, TARGET_GROUPS

Filters = Mapping[str, Any]


@dataclass(frozen=True)
class Entry:
    """One card in the library list: an item of the library or a lesson of an initiative."""

    kind: str
    kind_label: str
    title: str
    summary: str
    url: str
    date: datetime | None
    source: str = ""  # the organisation, or the initiative and its municipality
    tags: list[str] = field(default_factory=list)

    @property
    def is_lesson(self) -> bool:
        return self.kind == LESSON_KIND


def public_library_items(region: Region, filters: Filters | None = None) -> QuerySet[LibraryItem]:
    filters = filters or {}
    qs = LibraryItem.objects.filter(region=region, review=LibraryReview.PUBLIC, hidden_at__isnull=True)
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    for key, flags, name in (
        ("level", LEVEL_FLAGS, "levels"),
        ("interpretation", INTERPRETATION_FLAGS, "interpretations"),
        ("target", TARGET_GROUPS, "target_groups"),
        ("theme", THEMES, "themes"),
        ("dimension", DIMENSIONS, "dimensions"),
    ):
        if filters.get(key):
            qs = qs.filter(flags.any_of(name, [filters[key]]))
    return qs.order_by("-published_at", "-pk")


def _wants(filters: Filters) -> tuple[bool, bool]:
    kind = filters.get("kind") or ""
    items = kind != LESSON_KIND
    lessons = kind in ("", LESSON_KIND) and not any(
        filters.get(key) for key in ("level", "interpretation", "target")
    )
    return items, lessons


def _item_entry(item: LibraryItem) -> Entry:
    return Entry(
        kind=item.kind,
        kind_label=item.get_kind_display(),
        title=item.title,
        summary=item.summary,
        url=reverse("community:library_item", args=[item.pk]),
        date=item.published_at,
        source=item.organisation.name if item.organisation_id else "",
        tags=item.level_labels,
    )


def _lesson_entry(lesson) -> Entry:
    title = _("Wat werkte") if lesson.kind == "what_worked" else _("Wat we leerden")
    return Entry(
        kind=LESSON_KIND,
        kind_label=str(LESSON_LABEL),
        title=f"{title}: {lesson.initiative_title}",
        summary=lesson.text if len(lesson.text) <= 300 else lesson.text[:297].rstrip() + "…",
        url=reverse("initiatives:detail", args=[lesson.initiative_slug]),
        date=lesson.date,
        source=f"{lesson.initiative_title}, {lesson.municipality}",
        tags=THEMES.labels_of(lesson.themes),
    )


class _Merged:
    """A sequence the paginator can count and slice, over the library's items and the lessons."""

    def __init__(self, region: Region, filters: Filters) -> None:
        self.region, self.filters = region, filters
        self.with_items, self.with_lessons = _wants(filters)

    def count(self) -> int:
        items = public_library_items(self.region, self.filters).count() if self.with_items else 0
        lessons = (
            initiative_lessons_count(
                self.region, theme=self.filters.get("theme", ""), dimension=self.filters.get("dimension", "")
            )
            if self.with_lessons
            else 0
        )
        return items + lessons

    def __getitem__(self, window: slice) -> list[Entry]:
        top = window.stop
        entries: list[Entry] = []
        if self.with_items:
            rows = public_library_items(self.region, self.filters).select_related("organisation")
            entries += [_item_entry(item) for item in rows.defer("body")[:top]]
        if self.with_lessons:
            lessons = initiative_lessons(
                self.region,
                theme=self.filters.get("theme", ""),
                dimension=self.filters.get("dimension", ""),
                limit=top,
            )
            entries += [_lesson_entry(lesson) for lesson in lessons]
        entries.sort(key=lambda e: e.date.timestamp() if e.date else 0, reverse=True)
        return entries[window.start : top]


def library_page(region: Region, filters: Filters | None, number, *, per_page: int) -> Page:
    return Paginator(_Merged(region, filters or {}), per_page).get_page(number)


def pending_library_items(region: Region) -> QuerySet[LibraryItem]:
    """Partner items waiting for staff, oldest first."""
    return (
        LibraryItem.objects.filter(region=region, review=LibraryReview.PENDING, hidden_at__isnull=True)
        .select_related("organisation")
        .defer("body")
        .order_by("created_at", "pk")
    )


def own_library_items(region: Region, organisation_ids: list[int]) -> QuerySet[LibraryItem]:
    """What a partner's admins see on their page: every item of their organisations, any state."""
    return (
        LibraryItem.objects.filter(region=region, organisation_id__in=organisation_ids)
        .defer("body")
        .order_by("-created_at", "-pk")
    )


def library_for_sitemap(region: Region) -> QuerySet:
    return public_library_items(region).values("pk", "updated_at")


def library_items_by_level_between(region: Region, start: datetime, end: datetime) -> list[str]:
    """One level key per public item published in [start, end) and per level it is tagged with."""
    rows = public_library_items(region).filter(published_at__gte=start, published_at__lt=end)
    return [key for mask in rows.values_list("levels", flat=True) for key in LEVEL_FLAGS.keys_of(mask)]


KINDS = [*LibraryKind.choices, (LESSON_KIND, LESSON_LABEL)]
