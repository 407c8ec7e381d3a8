"""News in the one search: published, not expired, not hidden."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.search import Document, Source, register


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
    from ..selectors.news import current_news

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
