"""Community benchmarks: stories (run by bench/bench_community.py).

Stories: BENCH_COMMUNITY_STORIES published stories (default 20,000, in every municipality, every
level and interpretation) with three responses on each of the first 2,000, bulk-inserted. Timed: the
story list with filters and pages, and a story's page (goal p95 < 50 ms), through the whole Django
stack with the test client; plus their query counts.
"""

from __future__ import annotations

import gc
import os
import random
import time
from datetime import timedelta

from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from bench.util import latency_results, load_limburg, query_count, result, timed_gets

BATCH = 5000


# --- stories -------------------------------------------------------------------------------------


def _story_rows(region, count: int, rng: random.Random) -> list:
    from veerkracht.accounts.models import User
    from veerkracht.community.models import INTERPRETATION_FLAGS, Story, StoryStatus
    from veerkracht.core.vocabulary import DIMENSIONS, LEVELS, THEMES

    author = User.objects.create(email="verteller@bench.veerkracht.nl")
    munis = list(region.municipalities.all())
    now = timezone.now()
    text = "Samen koffie drinken in de wijk.\n\nZo begon het, en nu doen er vijftig mensen mee. " * 6
    return [
        Story(
            region=region,
            author=author,
            title=f"Verhaal {n}",
            text=text,
            municipality=rng.choice(munis),
            level=rng.choice(LEVELS)[0],
            interpretations=INTERPRETATION_FLAGS.mask(
                rng.sample(INTERPRETATION_FLAGS.keys, rng.randint(1, 2))
            ),
            themes=THEMES.mask(rng.sample(THEMES.keys, rng.randint(1, 3))),
            dimensions=DIMENSIONS.mask(rng.sample(DIMENSIONS.keys, rng.randint(1, 2))),
            status=StoryStatus.PUBLISHED,
            published_at=now - timedelta(minutes=n),
            inspiration_count=rng.randint(0, 40),
        )
        for n in range(count)
    ]


def build_stories(region, count: int) -> list:
    from veerkracht.community.models import Story, StoryResponse

    rng = random.Random(14)
    rows = _story_rows(region, count, rng)
    for start in range(0, count, BATCH):
        with transaction.atomic():
            Story.objects.bulk_create(rows[start : start + BATCH])
    stories = list(Story.objects.filter(region=region).order_by("pk").only("pk", "author_id"))
    responses = [
        StoryResponse(story=story, author_id=story.author_id, text=f"Mooi verhaal! ({k})")
        for story in stories[:2000]
        for k in range(3)
    ]
    with transaction.atomic():
        StoryResponse.objects.bulk_create(responses, batch_size=BATCH)
    # Only the story tables: statistics taken while the search index (FTS5) is still empty make every
    # later insert into it read more and more (the search benchmark's build went from 35 s to 11 min).
    with connection.cursor() as cursor:
        for table in ("community_story", "community_storyresponse"):
            cursor.execute(f"{'VACUUM ANALYZE' if connection.vendor == 'postgresql' else 'ANALYZE'} {table}")
    return stories


def stories_results(region) -> list[dict]:
    from django.urls import reverse

    from veerkracht.core.vocabulary import INTERPRETATIONS, LEVELS, THEMES

    count = int(os.environ.get("BENCH_COMMUNITY_STORIES", "20000"))
    started = time.monotonic()
    stories = build_stories(region, count)
    print(f"  community: {count:,} stories stored in {time.monotonic() - started:.0f}s")
    gc.collect()
    rng = random.Random(5)
    anonymous = Client()
    filters = (
        lambda: f"thema={rng.choice(THEMES.keys)}",
        lambda: f"gebruik={rng.choice(INTERPRETATIONS)[0]}",
        lambda: f"niveau={rng.choice(LEVELS)[0]}",
        lambda: "deelregio=zuid-limburg",
        lambda: "",
    )
    list_paths = [
        f"{reverse('community:stories')}?{rng.choice(filters)()}&page={rng.randint(1, 5)}" for _ in range(100)
    ]
    # Half the pages have responses (the first 2,000 stories), half not.
    picked = rng.sample(stories[:2000], 50) + rng.sample(stories[2000:] or stories, 50)
    story_paths = [reverse("community:story", args=[s.pk]) for s in picked]
    listing = timed_gets(anonymous, list_paths)
    pages = timed_gets(anonymous, story_paths)
    return [
        *latency_results("community.story_list", listing, 50),
        *latency_results("community.story_page", pages, 50),
        result("community.story_list_queries", query_count(anonymous, list_paths[0]), "count", 10),
        result("community.story_page_queries", query_count(anonymous, story_paths[0]), "count", 12),
    ]


# --- end stories ---


def run() -> list[dict]:
    region = load_limburg()
    results: list[dict] = []
    # --- stories ---
    results += stories_results(region)
    # --- end stories ---
    return results
