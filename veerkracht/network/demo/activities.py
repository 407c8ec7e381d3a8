"""Demo: a year of activities for every active or paused ambassador who has none yet (a few to about
forty each, mostly conversations), in and around their own municipality. Runs after the ambassadors'
demo (ORDER 10); with no ambassadors it adds nothing."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from veerkracht.regions.models import Region

from ..models import Activity, ActivityKind, ActivitySource, Ambassador, AmbassadorStatus

ORDER = 20

# (kind, weight, typical people (low, high), notes)
MIX = (
    (
        ActivityKind.CONVERSATION,
        50,
        (1, 3),
        ("Bij de bakker over slapen en zorgen", "Met een buurman over eenzaamheid", ""),
    ),
    (
        ActivityKind.TALK,
        15,
        (8, 40),
        ("Praatje bij de seniorenvereniging", "Presentatie op de ouderavond", ""),
    ),
    (ActivityKind.SESSION, 10, (6, 20), ("Gesprekstafel in het buurthuis", "")),
    (ActivityKind.INITIATIVE, 15, (3, 12), ("Wandelgroep op gang geholpen", "Moestuin bij de school", "")),
    (ActivityKind.INTRODUCTION, 10, (2, 2), ("Huisarts en buurtcoach aan elkaar voorgesteld", "")),
)


def _rows(ambassador: Ambassador, municipalities: list[int], today) -> list[Activity]:
    rng = random.Random(ambassador.pk * 7919)  # noqa: S311 - made-up demo data, not security
    count = rng.choice([3, 5, 8, 12, 15, 20, 25, 30, 40])
    kinds = [row[0] for row in MIX]
    weights = [row[1] for row in MIX]
    rows = []
    for _n in range(count):
        kind = rng.choices(kinds, weights)[0]
        _kind, _weight, (low, high), notes = next(row for row in MIX if row[0] == kind)
        own = ambassador.municipality_id or rng.choice(municipalities)
        rows.append(
            Activity(
                ambassador=ambassador,
                region_id=ambassador.region_id,
                on=today - timedelta(days=rng.randint(0, 360)),
                municipality_id=own if rng.random() < 0.8 else rng.choice(municipalities),
                kind=kind,
                people=rng.randint(low, high),
                note=rng.choice(notes),
                source=ActivitySource.LOGGED,
            )
        )
    return rows


@transaction.atomic
def load(region: Region) -> list[str]:
    from ..selectors.activities import demo_ambassadors_without_activities, region_municipality_ids

    ambassadors = demo_ambassadors_without_activities(
        region, (AmbassadorStatus.ACTIVE, AmbassadorStatus.PAUSED)
    )
    if not ambassadors:
        return []
    municipalities = region_municipality_ids(region)
    today = timezone.localdate()
    rows = [row for ambassador in ambassadors for row in _rows(ambassador, municipalities, today)]
    Activity.objects.bulk_create(rows, batch_size=1000)
    return [f"network: {len(rows)} activiteiten van {len(ambassadors)} ambassadeurs"]
