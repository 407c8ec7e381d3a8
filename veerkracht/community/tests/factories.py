"""Factories for the community's tests. Each feature adds its factories in a marked block."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from veerkracht.community.models import LibraryItem, LibraryKind, LibraryReview, NewsItem
from veerkracht.regions.models import Region


def limburg() -> Region:
    return Region.objects.get(slug="limburg")


# --- news ---
class NewsItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsItem

    region = factory.LazyFunction(limburg)
    title = factory.Sequence(lambda n: f"Nieuwsbericht {n + 1}")
    text = "Er is nieuws uit de beweging."
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    expires_at = None


# --- library ---
class LibraryItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LibraryItem

    region = factory.LazyFunction(limburg)
    kind = LibraryKind.METHOD
    title = factory.Sequence(lambda n: f"Methode {n + 1}")
    summary = "Een manier van werken die helpt."
    body = "Zo pak je het aan."
    review = LibraryReview.PUBLIC
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
