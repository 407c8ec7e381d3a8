"""Factories and helpers for the community app's tests, one block per feature."""

from __future__ import annotations

import secrets
from datetime import date, timedelta

import factory
from django.utils import timezone

from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.community.models import (
    INTERPRETATION_FLAGS,
    Issue,
    IssueItem,
    IssueStatus,
    LibraryItem,
    LibraryKind,
    LibraryReview,
    NewsItem,
    Story,
    StoryResponse,
    StoryStatus,
    Subscriber,
)
from veerkracht.regions.models import Municipality, Region

# --- questions ---


def limburg() -> Region:
    return Region.objects.get(slug="limburg")


def municipality(code: str = "GM0935") -> Municipality:
    return Municipality.objects.select_related("subregion").get(code=code)


def make_question(
    author, *, title: str = "Hoe begin ik een wandelgroep in mijn wijk?", themes=("loneliness",), **extra
):
    from veerkracht.community.models import Question
    from veerkracht.core.vocabulary import THEMES

    return Question.objects.create(
        region=limburg(),
        author=author,
        title=title,
        text=extra.pop("text", "Ik wil graag met buren wandelen. Waar begin ik?"),
        themes=THEMES.mask(themes),
        municipality=extra.pop("municipality", municipality()),
        **extra,
    )


def make_answer(question, author, text: str = "Begin klein: hang een briefje op in de supermarkt."):
    from veerkracht.community.models import Answer

    answer = Answer.objects.create(question=question, author=author, text=text)
    if question.first_answer_at is None:
        question.first_answer_at = answer.created_at
        question.save(update_fields=["first_answer_at"])
    return answer


# --- groups ---


def make_group(*admins, name: str = "Ambassadeurs Zuid", kind: str = "ambassadors", members=()):
    from veerkracht.community.services.groups import group_add_member, group_create

    group = group_create(region=limburg(), name=name, kind=kind, admins=admins)
    for member in members:
        group_add_member(group=group, user=member)
    return group


# --- newsletter ---


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


# --- stories ---
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
