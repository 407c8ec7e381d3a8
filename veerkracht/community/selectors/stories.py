"""Reads for stories: the public list with filters, one story's page, "mijn verhalen", the queue, the
feed, the newsletter section, and the small list of linked stories on an initiative or event page.

`filters` is a plain mapping with any of these keys (missing or empty: no filter): ``dimension``,
``theme`` (DIMENSIONS/THEMES keys), ``subregion`` (a Subregion slug), ``municipality`` (a CBS code),
``level`` (a LEVELS key) and ``interpretation`` (an INTERPRETATIONS key). Public means published and
not hidden.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from veerkracht.core.vocabulary import DIMENSIONS, THEMES

from .. import digest
from ..models import INTERPRETATION_FLAGS, Inspiration, Story, StoryPhoto, StoryResponse, StoryStatus

Filters = Mapping[str, Any]
LINKED_LIMIT = 3


def _public(region) -> QuerySet[Story]:
    return Story.objects.filter(region=region, status=StoryStatus.PUBLISHED, hidden_at__isnull=True)


def _public_photos() -> Prefetch:
    return Prefetch("photos", queryset=StoryPhoto.objects.exclude(photo=""), to_attr="public_photos")


def _municipality_ids(region, subregion_slug: str) -> list[int]:
    from veerkracht.regions.selectors import municipalities_for_region

    return list(
        municipalities_for_region(region).filter(subregion__slug=subregion_slug).values_list("pk", flat=True)
    )


def public_stories(region, filters: Filters | None = None) -> QuerySet[Story]:
    """Published, not hidden stories of the region, newest first, ready for cards (one photo each)."""
    filters = filters or {}
    qs = _public(region)
    if filters.get("subregion"):
        qs = qs.filter(municipality_id__in=_municipality_ids(region, filters["subregion"]))
    if filters.get("municipality"):
        qs = qs.filter(municipality__code=filters["municipality"])
    if filters.get("level"):
        qs = qs.filter(level=filters["level"])
    if filters.get("theme"):
        qs = qs.filter(THEMES.any_of("themes", [filters["theme"]]))
    if filters.get("dimension"):
        qs = qs.filter(DIMENSIONS.any_of("dimensions", [filters["dimension"]]))
    if filters.get("interpretation"):
        qs = qs.filter(INTERPRETATION_FLAGS.any_of("interpretations", [filters["interpretation"]]))
    return (
        qs.select_related("municipality").prefetch_related(_public_photos()).order_by("-published_at", "-pk")
    )


def stories_page(region, filters: Filters | None, number, *, per_page: int) -> Page:
    return Paginator(public_stories(region, filters), per_page).get_page(number)


def story_for_page(story: Story, *, with_waiting: bool, reader=None, moderator: bool = False) -> dict:
    """What one story's page shows besides the story: its photos and its responses. A hidden response
    is only for moderators and for its own author (who reads why)."""
    photos = StoryPhoto.objects.filter(story=story)
    if not with_waiting:
        photos = photos.exclude(photo="")
    responses = StoryResponse.objects.filter(story=story).select_related("author__profile")
    if not moderator:
        own = Q(author=reader) if reader is not None and reader.is_authenticated else Q(pk__in=[])
        responses = responses.filter(Q(hidden_at__isnull=True) | own)
    return {"photos": list(photos), "responses": list(responses)}


def has_inspired(story: Story, *, user=None, browser: str = "") -> bool:
    if user is not None and user.is_authenticated:
        return Inspiration.objects.filter(story=story, user=user).exists()
    if browser:
        return Inspiration.objects.filter(story=story, browser=browser).exists()
    return False


def stories_of(user) -> list[Story]:
    """ "Mijn verhalen": everything the member wrote, drafts and hidden ones too."""
    return list(Story.objects.filter(author=user).order_by("-created_at", "-pk"))


def waiting_stories(region) -> list[Story]:
    return list(
        Story.objects.filter(region=region, status=StoryStatus.WAITING, hidden_at__isnull=True)
        .select_related("author__profile", "municipality")
        .order_by("created_at", "pk")
    )


def stories_for_sitemap(region) -> QuerySet:
    """(pk, updated_at) of every public story, for sitemap.xml."""
    return _public(region).order_by("-published_at", "-pk").values("pk", "updated_at")


def feed_stories(region, *, limit: int = 30) -> list[Story]:
    return list(_public(region).order_by("-published_at", "-pk")[:limit])


def stories_for_initiative(initiative, *, limit: int = LINKED_LIMIT) -> list[Story]:
    """Public stories linked to an initiative, for its page (one query)."""
    return list(
        _public(initiative.region_id).filter(initiative=initiative).order_by("-published_at", "-pk")[:limit]
    )


def stories_for_event(event, *, limit: int = LINKED_LIMIT) -> list[Story]:
    """Public stories linked to an agenda session, for its page (one query)."""
    return list(_public(event.region_id).filter(event=event).order_by("-published_at", "-pk")[:limit])


def stories_published_between(region, start: datetime, end: datetime) -> QuerySet[Story]:
    return _public(region).filter(published_at__gte=start, published_at__lt=end)


def published_rows_between(region, start: datetime, end: datetime) -> list[tuple[str | None, int]]:
    """(municipality code or None, interpretations bit set) of each story published in the window."""
    return list(
        stories_published_between(region, start, end).values_list("municipality__code", "interpretations")
    )


def first_story_at(region) -> datetime | None:
    first = _public(region).order_by("published_at").values_list("published_at", flat=True).first()
    return first


def searchable_stories(region) -> QuerySet[Story]:
    return Story.objects.filter(region=region).select_related("municipality__subregion")


# --- the newsletter's section ---------------------------------------------------------------------


def _digest_items(region, since: datetime, until: datetime) -> list[digest.DigestItem]:
    stories = stories_published_between(region, since, until).select_related("municipality__subregion")
    return [
        digest.DigestItem(
            kind="story",
            title=story.title,
            url=story.get_absolute_url(),
            text=Truncator(story.text).words(30),
            when=story.published_at,
            subregion=story.municipality.subregion.slug
            if story.municipality_id and story.municipality.subregion_id
            else "",
            themes=story.themes,
        )
        for story in stories.order_by("-published_at", "-pk")
    ]


if not any(section.key == "story" for section in digest.SECTIONS):
    digest.register(digest.Section(key="story", heading=_("Nieuwe verhalen"), find=_digest_items, order=10))


def link_choices(region, story: Story | None = None) -> tuple[list, list]:
    """What a story can be linked to: the region's public initiatives and its coming sessions (through
    the action centre's and the agenda's own selectors), plus what the story is linked to now."""
    from veerkracht.actioncentre.selectors.initiatives import initiatives_for_list
    from veerkracht.agenda.selectors.events import upcoming_events

    initiatives = list(initiatives_for_list(region)[:300])
    events = list(upcoming_events(region)[:150])
    if story is not None and story.initiative_id and story.initiative not in initiatives:
        initiatives.insert(0, story.initiative)
    if story is not None and story.event_id and story.event not in events:
        events.insert(0, story.event)
    return initiatives, events


def places(region) -> tuple[list, list]:
    """The region's municipalities (with their subregion) and subregions, for the list's filters."""
    from veerkracht.regions.selectors import municipalities_for_region

    municipalities = list(municipalities_for_region(region).select_related("subregion"))
    subregions = sorted({m.subregion for m in municipalities if m.subregion}, key=lambda s: s.name)
    return municipalities, subregions
