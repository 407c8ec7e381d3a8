"""The library and news in the shared extension points: indicator, search sources, personal data."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from veerkracht.community.models import LibraryItem, LibraryReview, NewsItem
from veerkracht.core import search
from veerkracht.core.indicators import Window, get_indicator
from veerkracht.core.personal_data import export_all

from .factories import LibraryItemFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime(2026, 4, 1))
END = timezone.make_aware(datetime(2026, 7, 1))


def test_library_items_by_level_count_each_level_of_public_items_in_the_period(region):
    inside = START + timedelta(days=10)
    LibraryItemFactory(levels=0b0011, published_at=inside)  # nano and micro
    LibraryItemFactory(levels=0b1000, published_at=inside)  # macro
    LibraryItemFactory(levels=0b1000, published_at=START - timedelta(days=1))
    LibraryItemFactory(levels=0b1000, published_at=inside, review=LibraryReview.PENDING)
    LibraryItemFactory(levels=0b1000, published_at=inside, hidden_at=inside)
    rows = list(get_indicator("community_library_items").rows(Window(region, START, END, END)))
    assert sorted(r[1]["library_level"] for r in rows) == ["macro", "micro", "nano"]
    assert {r[0] for r in rows} == {None}


def _source(key: str):
    return next(s for s in search.sources() if s.key == key)


def test_search_finds_public_news_and_items_only(region):
    news, library = _source("news"), _source("library")
    shown = NewsItemFactory(title="Nieuws")
    assert news.document(shown).title == "Nieuws" and news.region_of(shown) == region
    assert news.document(NewsItemFactory(hidden_at=timezone.now())) is None
    assert news.document(NewsItemFactory(published_at=timezone.now() + timedelta(days=1))) is None
    assert news.document(NewsItemFactory(expires_at=timezone.now() - timedelta(days=1))) is None
    assert list(news.objects(region)) == [shown]
    item = LibraryItemFactory(title="Methode", levels=2)
    assert library.document(item).extra["levels"] == 2
    assert library.document(LibraryItemFactory(review=LibraryReview.PENDING)) is None
    assert list(library.objects(region)) == [item]


def test_what_staff_wrote_is_exported_and_stays_without_their_name(region, staff):
    NewsItemFactory(author=staff, title="Mijn bericht")
    LibraryItemFactory(author=staff, title="Mijn methode")
    data = export_all(staff)
    text = str(data)
    assert "Mijn bericht" in text and "Mijn methode" in text
    from veerkracht.accounts.services import account_delete

    account_delete(user=staff)
    assert NewsItem.objects.get().author is None and LibraryItem.objects.get().author is None
