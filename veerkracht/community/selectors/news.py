"""Reads for news: the public list (published, not expired, not hidden), feeds, sitemap, staff's list."""

from __future__ import annotations

from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils import timezone

from veerkracht.regions.models import Region

from ..models import NewsItem

FEED_ITEMS = 30


def current_news(region: Region, now: datetime | None = None) -> QuerySet[NewsItem]:
    """What the public lists show: published, not yet expired, not hidden; newest first."""
    now = now or timezone.now()
    return (
        NewsItem.objects.filter(region=region, hidden_at__isnull=True, published_at__lte=now)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .order_by("-published_at", "-pk")
    )


def news_page(region: Region, number, *, per_page: int) -> Page:
    return Paginator(current_news(region), per_page).get_page(number)


def news_for_feed(region: Region) -> list[NewsItem]:
    return list(current_news(region)[:FEED_ITEMS])


def news_for_sitemap(region: Region) -> QuerySet:
    return current_news(region).values("pk", "updated_at")


def latest_news(region: Region, *, limit: int = 3) -> list[NewsItem]:
    return list(current_news(region).defer("text")[:limit])


def news_for_staff_page(region: Region, number, *, per_page: int) -> Page:
    """Every news item (scheduled, expired and hidden too), newest publication date first."""
    items = NewsItem.objects.filter(region=region).defer("text").order_by("-published_at", "-pk")
    return Paginator(items, per_page).get_page(number)
