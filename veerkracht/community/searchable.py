"""What one search over the site can find from the community app (core/search.py). Each feature
registers its kinds in a marked block; a Document is None for what must not be found."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.search import Document, Source, register


# --- news ---
def _news_document(item) -> Document | None:
    now = timezone.now()
    if item.is_hidden or not item.is_published(now) or item.is_expired(now):
        return None
    return Document(
        title=item.title,
        body=item.text,
        url=reverse("community:news_item", args=[item.pk]),
        date=item.published_at,
        summary=item.text[:200],
        image_url=item.photo.url if item.photo else "",
    )


def _news_objects(region):
    from .selectors.news import current_news

    return current_news(region)


register(
    Source(
        key="news",
        label=_("Nieuws"),
        model="community.NewsItem",
        document=_news_document,
        objects=_news_objects,
        region_of=lambda item: item.region,
        order=40,
    )
)


# --- library ---
def _library_document(item) -> Document | None:
    if not item.is_public:
        return None
    return Document(
        title=item.title,
        body=" ".join(part for part in (item.summary, item.body) if part),
        url=reverse("community:library_item", args=[item.pk]),
        date=item.published_at,
        summary=item.summary,
        themes=item.themes,
        dimensions=item.dimensions,
        extra={
            "kind": item.kind,
            "levels": item.levels,
            "interpretations": item.interpretations,
            "target_groups": item.target_groups,
        },
    )


def _library_objects(region):
    from .selectors.library import public_library_items

    return public_library_items(region)


register(
    Source(
        key="library",
        label=_("Kennisbank"),
        model="community.LibraryItem",
        document=_library_document,
        objects=_library_objects,
        region_of=lambda item: item.region,
        order=41,
    )
)
