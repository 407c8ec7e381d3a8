from __future__ import annotations

import pytest

from veerkracht.community import demo
from veerkracht.community.models import LibraryItem, LibraryKind, NewsItem
from veerkracht.community.models.library import INTERPRETATION_FLAGS, LEVEL_FLAGS

pytestmark = pytest.mark.django_db


def test_the_demo_has_news_and_a_library_of_thirty_spread_over_tags_and_is_idempotent(region):
    demo.load(region)
    demo.load(region)
    assert NewsItem.objects.count() == 6
    items = list(LibraryItem.objects.all())
    assert len(items) == 30
    assert {i.kind for i in items} == set(LibraryKind.values)
    assert {k for i in items for k in LEVEL_FLAGS.keys_of(i.levels)} == set(LEVEL_FLAGS.keys)
    assert {k for i in items for k in INTERPRETATION_FLAGS.keys_of(i.interpretations)} == set(
        INTERPRETATION_FLAGS.keys
    )
    assert all(i.target_groups for i in items)
