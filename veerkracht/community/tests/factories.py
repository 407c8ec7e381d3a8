"""factory_boy factories for the community app. Each feature adds its own in a marked block."""

from __future__ import annotations

# --- newsletter ---
import secrets
from datetime import date

import factory
from django.utils import timezone

from veerkracht.community.models import Issue, IssueItem, IssueStatus, Subscriber
from veerkracht.regions.models import Region


def _limburg() -> Region:
    return Region.objects.get(slug="limburg")


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber for the whole region and every topic; `subregions=[...]` to choose."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    region = factory.LazyFunction(_limburg)
    email = factory.Sequence(lambda n: f"lezer{n}@example.org")
    nonce = factory.LazyFunction(lambda: secrets.token_hex(16))
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def subregions(self, create, extracted, **kwargs):
        if create and extracted:
            self.subregions.set(extracted)


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    region = factory.LazyFunction(_limburg)
    month = factory.Sequence(lambda n: date(2026 - n // 12, 12 - n % 12, 1))
    status = IssueStatus.DRAFT


class IssueItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssueItem

    issue = factory.SubFactory(IssueFactory)
    section = "session"
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Bericht {n + 1}")
    url = factory.Sequence(lambda n: f"/agenda/{n + 1}/")
