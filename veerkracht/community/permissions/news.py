"""Who sees which news: everyone what is published (also old news, marked as old); staff everything."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from veerkracht.regions.models import Region

from ..models import NewsItem
from ..services.moderation import is_moderator


def news_for_user(user, region: Region) -> QuerySet[NewsItem]:
    items = NewsItem.objects.filter(region=region)
    if is_moderator(user):
        return items
    return items.filter(hidden_at__isnull=True, published_at__lte=timezone.now())


def get_news_for_user(user, pk: int, region: Region, *, write: bool = False) -> NewsItem:
    """A news item this person may see (write: staff only); anything else is a 404."""
    if write and not is_moderator(user):
        return get_object_or_404(NewsItem.objects.none(), pk=pk)
    return get_object_or_404(news_for_user(user, region), pk=pk)
