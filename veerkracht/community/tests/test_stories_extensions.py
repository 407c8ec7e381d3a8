"""Stories in the newsletter's section, the search index, the monitor and the demo."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from veerkracht.community import digest
from veerkracht.community.models import Story, StoryStatus
from veerkracht.community.tests.factories import StoryFactory
from veerkracht.core import search
from veerkracht.core.indicators import Window, get_indicator

pytestmark = pytest.mark.django_db


def _section():
    import veerkracht.community.selectors.stories  # noqa: F401  (registers the section)

    return next(s for s in digest.SECTIONS if s.key == "story")


def test_the_newsletter_gets_the_stories_published_in_the_window(region):
    now = timezone.now()
    StoryFactory(title="Nieuw", published_at=now - timedelta(days=3))
    StoryFactory(title="Oud", published_at=now - timedelta(days=60))
    StoryFactory(title="Wacht", status=StoryStatus.WAITING, published_at=None)
    hidden = StoryFactory(title="Verborgen", published_at=now - timedelta(days=2))
    Story.objects.filter(pk=hidden.pk).update(hidden_at=now)
    items = _section().find(region, now - timedelta(days=30), now)
    assert [item.title for item in items] == ["Nieuw"]
    assert items[0].url == f"/verhalen/{Story.objects.get(title='Nieuw').pk}/" and items[0].subregion


def test_search_finds_public_stories_only(region):
    from veerkracht.core.extensions import app_modules

    list(app_modules("searchable"))
    source = next(s for s in search.sources() if s.key == "story")
    story = StoryFactory(title="Moestuin", themes=1)
    document = source.document(story)
    assert document.title == "Moestuin" and document.municipality_code == "GM0935"
    assert document.extra["interpretations"] == ["approach"]
    assert source.document(StoryFactory(status=StoryStatus.DRAFT)) is None
    assert story in list(source.objects(region))


def test_the_indicators_count_stories_per_place_and_interpretation(region):
    from veerkracht.core.indicators import autodiscover

    autodiscover()
    now = timezone.now()
    StoryFactory(interpretations=0b00011, published_at=now - timedelta(days=1))
    StoryFactory(municipality=None, interpretations=0b10000, published_at=now - timedelta(days=1))
    window = Window(region=region, start=now - timedelta(days=7), end=now, as_of=now)
    rows = list(get_indicator("community_stories_published").rows(window))
    assert sorted(code or "" for code, _ in rows) == ["", "GM0935"]
    split = list(get_indicator("community_stories_by_interpretation").rows(window))
    assert sorted(b["story_interpretation"] for _, b in split) == ["approach", "movement", "reflection"]


def test_the_demo_loads_forty_stories_once(region):
    from veerkracht.accounts import demo as accounts_demo
    from veerkracht.community import demo

    accounts_demo.load(region)
    demo.load(region)
    demo.load(region)
    stories = Story.objects.filter(region=region)
    assert stories.count() == 40
    published = stories.filter(status=StoryStatus.PUBLISHED)
    subregions = set(published.values_list("municipality__subregion__slug", flat=True))
    assert len(subregions) == 3
    from veerkracht.community.models import INTERPRETATION_FLAGS

    shown = {key for s in published for key in INTERPRETATION_FLAGS.keys_of(s.interpretations)}
    assert len(shown) == 5
