"""Demo data of the community app for `make run`: each feature adds its part in its own block."""

from __future__ import annotations

from django.db import transaction

from veerkracht.regions.models import Region

# --- stories -------------------------------------------------------------------------------------


def _load_stories(region: Region) -> str:
    import random
    from datetime import timedelta

    from django.utils import timezone

    from veerkracht.accounts.demo import DEMO_DOMAIN
    from veerkracht.accounts.models import User
    from veerkracht.core.vocabulary import DIMENSIONS, THEMES
    from veerkracht.regions.models import Municipality

    from .demo_stories import STORIES
    from .models import INTERPRETATION_FLAGS, Story, StoryStatus
    from .selectors.stories import link_choices

    if Story.objects.filter(region=region).exists():
        return f"Stories: {Story.objects.filter(region=region).count()} (already there)."
    users = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")}
    writers = [u for key, u in users.items() if key in ("inwoner", "ambassadeur", "partner", "actiecentrum")]
    if not writers:
        return "Stories: no demo accounts, nothing added."
    staff = users.get("actiecentrum")
    munis = {m.code: m for m in Municipality.objects.filter(region=region)}
    initiatives, events = link_choices(region)
    rng = random.Random(14)  # noqa: S311 - demo data
    now = timezone.now()
    for i, (title, code, level, interpretations, themes, dimensions, text) in enumerate(STORIES):
        waiting = i >= len(STORIES) - 2  # the last two wait in the moderation queue
        story = Story.objects.create(
            region=region,
            author=writers[i % len(writers)],
            title=title,
            text=text,
            municipality=munis.get(code),
            level=level,
            interpretations=INTERPRETATION_FLAGS.mask(interpretations),
            themes=THEMES.mask(themes),
            dimensions=DIMENSIONS.mask(dimensions),
            initiative=initiatives[i % len(initiatives)] if initiatives and i % 5 == 0 else None,
            event=events[i % len(events)] if events and i % 7 == 3 else None,
            status=StoryStatus.WAITING if waiting else StoryStatus.PUBLISHED,
            published_at=None if waiting else now - timedelta(days=3 + 11 * (len(STORIES) - i)),
            reviewed_by=None if waiting else staff,
            inspiration_count=0 if waiting else rng.randint(0, 12),
        )
        if not waiting:
            _reactions(story, writers, i, rng)
    return f"Stories: {len(STORIES)} stories, two waiting for moderation."


DEMO_RESPONSES = [
    "Wat mooi om te lezen! Dit wil ik in onze wijk ook proberen.",
    "Herkenbaar. Bij ons begon het ook klein, met koffie.",
    "Dank voor het delen. Hoe hebben jullie de eerste mensen gevonden?",
    "Hier word ik blij van. Zet zo door!",
]


def _reactions(story, writers, i: int, rng) -> None:
    from .models import Inspiration, StoryResponse

    Inspiration.objects.bulk_create(
        [Inspiration(story=story, browser=f"demo-{story.pk}-{n}") for n in range(story.inspiration_count)]
    )
    if i % 3 == 0:
        StoryResponse.objects.create(
            story=story, author=writers[(i + 1) % len(writers)], text=rng.choice(DEMO_RESPONSES)
        )


# --- end stories ---


@transaction.atomic
def load(region: Region) -> list[str]:
    lines: list[str] = []
    # --- stories ---
    lines.append(_load_stories(region))
    # --- end stories ---
    return lines
