"""factory_boy factories for the community app; each feature adds its own in a marked block."""

from __future__ import annotations

import factory
from django.utils import timezone

from veerkracht.accounts.tests.factories import UserFactory

# --- stories -------------------------------------------------------------------------------------
from veerkracht.community.models import (
    INTERPRETATION_FLAGS,
    Story,
    StoryResponse,
    StoryStatus,
)
from veerkracht.regions.models import Municipality, Region


def limburg() -> Region:
    return Region.objects.get(slug="limburg")


class StoryFactory(factory.django.DjangoModelFactory):
    """A published story in Maastricht that shows Positive Health as a broad view on health."""

    class Meta:
        model = Story

    region = factory.LazyFunction(limburg)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Verhaal {n + 1}")
    text = "Eerste alinea.\n\nTweede alinea over de wijk."
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="GM0935"))
    level = "micro"
    interpretations = INTERPRETATION_FLAGS.mask(["approach"])
    status = StoryStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class StoryResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StoryResponse

    story = factory.SubFactory(StoryFactory)
    author = factory.SubFactory(UserFactory)
    text = "Mooi verhaal!"


# --- end stories ---
