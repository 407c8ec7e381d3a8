"""Network benchmarks: activities and coverage (run by bench/bench_network.py).

BENCH_NETWORK_AMBASSADORS ambassadors (default 5,000, spread over Limburg's municipalities, most of
them active) with BENCH_NETWORK_ACTIVITIES activities (default 500,000, about a hundred each over the
last year), all bulk-made; the region with its population figures. Timed through the whole Django
stack with the test client: the public coverage page (goal p95 < 50 ms), logging an activity (POST,
goal p95 < 50 ms) and the ambassador's year page (goal p95 < 50 ms).
"""

from __future__ import annotations

import itertools
import os
import random
import time
from datetime import timedelta

from django.db import transaction
from django.test import Client
from django.utils import timezone

from bench.util import latency_results, time_calls


def _region():
    from veerkracht.regions.services import DATA_DIR, POPULATION_LIMBURG_CSV, region_load

    return region_load(
        slug="limburg",
        province="PV31",
        movement_name="Limburg Positief Gezond",
        subregions_path=DATA_DIR / "subregions_limburg.csv",
        population_path=POPULATION_LIMBURG_CSV,
    ).region


def _build(region, ambassadors: int, activities: int) -> list:
    from veerkracht.accounts.models import User
    from veerkracht.network.models import Activity, ActivityKind, Ambassador, AmbassadorStatus

    rng = random.Random(16)
    municipalities = list(region.municipalities.values_list("pk", flat=True))
    statuses = [AmbassadorStatus.ACTIVE] * 8 + [AmbassadorStatus.PAUSED, AmbassadorStatus.ONBOARDING]
    kinds = [k.value for k in ActivityKind]
    today = timezone.localdate()
    with transaction.atomic():
        users = User.objects.bulk_create(
            [User(email=f"ambassadeur{n}@bench.veerkracht.nl") for n in range(ambassadors)], batch_size=1000
        )
        rows = Ambassador.objects.bulk_create(
            [
                Ambassador(
                    user=user,
                    region=region,
                    municipality_id=rng.choice(municipalities),
                    background="resident",
                    status=rng.choice(statuses),
                    started_on=today - timedelta(days=400),
                )
                for user in users
            ],
            batch_size=1000,
        )
        batch = []
        for n in range(activities):
            ambassador = rows[n % len(rows)]
            batch.append(
                Activity(
                    ambassador_id=ambassador.pk,
                    region_id=region.pk,
                    on=today - timedelta(days=rng.randint(0, 364)),
                    municipality_id=ambassador.municipality_id,
                    kind=rng.choice(kinds),
                    people=rng.randint(1, 30),
                )
            )
            if len(batch) == 5000:
                Activity.objects.bulk_create(batch)
                batch = []
        Activity.objects.bulk_create(batch)
    return [a for a in rows if a.status == AmbassadorStatus.ACTIVE][:40]


def _client(user) -> Client:
    client = Client()
    client.force_login(user, backend="veerkracht.accounts.backends.LoginBackend")
    return client


def _timed(calls: list) -> list[float]:
    timings = []
    for round_ in range(2):
        for call in calls:
            started = time.perf_counter()
            response = call()
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code in (200, 302), response.status_code
            if round_:  # the first round warms caches
                timings.append(elapsed)
    return timings


def run() -> list[dict]:
    region = _region()
    ambassadors = int(os.environ.get("BENCH_NETWORK_AMBASSADORS", "5000"))
    activities = int(os.environ.get("BENCH_NETWORK_ACTIVITIES", "500000"))
    started = time.monotonic()
    picked = _build(region, ambassadors, activities)
    took = time.monotonic() - started
    print(f"  network: {ambassadors:,} ambassadors, {activities:,} activities stored in {took:.0f}s")
    try:
        return _measure(picked)
    finally:
        _clean_up()


def _clean_up() -> None:
    """Remove what this benchmark added, so the networks benchmark after it sees only its own."""
    from veerkracht.accounts.models import User
    from veerkracht.network.models import Activity, Ambassador

    users = User.objects.filter(email__startswith="ambassadeur", email__endswith="@bench.veerkracht.nl")
    with transaction.atomic():
        activities = Activity.objects.filter(ambassador__user__in=users)
        activities._raw_delete(activities.db)  # a plain DELETE: the ORM would load 500,000 rows first
        Ambassador.objects.filter(user__in=users).delete()
        users.delete()


def _measure(picked: list) -> list[dict]:
    anonymous = Client()
    coverage = time_calls(lambda: anonymous.get("/netwerk/dekking/"), repeat=60)
    clients = [_client(a.user) for a in picked]
    today = timezone.localdate().isoformat()
    keys = itertools.count()

    def log(client: Client):
        data = {
            "kind": "conversation",
            "on": today,
            "people": "2",
            "submission_key": f"bench-{next(keys):012d}",
        }
        return client.post("/netwerk/activiteiten/", data)

    posts = [(lambda c=c: log(c)) for c in clients]
    years = [(lambda c=c: c.get("/netwerk/activiteiten/")) for c in clients]
    return [
        *latency_results("network.coverage", coverage, 50),
        *latency_results("network.activity_log", _timed(posts), 50),
        *latency_results("network.activities_year", _timed(years), 50),
    ]
