"""Network benchmarks: regional networks (run by bench/bench_network.py).

With BENCH_NETWORK_AMBASSADORS ambassadors (default 5,000) and BENCH_NETWORK_ACTIVITIES activities
(default 500,000) bulk-inserted, 12 networks with 8 goals each (half by hand with a history of entries,
half linked to a monitor figure). Two figures over the ambassadors and their activities are registered
for the run (counting the rows as the network app's own figures would), so a linked goal really reads
500,000 rows when it is counted.

Timed through the whole Django stack with the test client: the network page and the overview /netwerk/
(goal p95 < 50 ms), with linked goals already counted today (the nightly job's work, also timed: the
recount of every linked goal, and one network page on the first visit of a day when it counts its own
goals). Plus query counts. Everything made here is removed afterwards.
"""

from __future__ import annotations

import gc
import os
import random
import time
from datetime import date, timedelta

from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bench.util import latency_results, load_limburg, query_count, result, timed_gets

NETWORKS = 12
GOALS_PER_NETWORK = 8
BATCH = 10_000
KEYS = ("bench_network_ambassadors", "bench_network_activities")


def _build_people(region, ambassadors: int, activities: int, rng: random.Random) -> list[int]:
    from veerkracht.accounts.models import User
    from veerkracht.network.models import Activity, ActivityKind, Ambassador, AmbassadorStatus, Background

    municipalities = list(region.municipalities.all())
    users = [User(email=f"netwerk-ambassadeur{n}@bench.veerkracht.nl") for n in range(ambassadors)]
    for user in users:
        user.set_unusable_password()
    users = User.objects.bulk_create(users, batch_size=BATCH)
    today = date.today()
    people = Ambassador.objects.bulk_create(
        (
            Ambassador(
                user=user,
                region=region,
                municipality=rng.choice(municipalities),
                background=rng.choice(Background.values),
                status=rng.choice([AmbassadorStatus.ACTIVE] * 4 + [AmbassadorStatus.PAUSED]),
                started_on=today - timedelta(days=rng.randrange(30, 2000)),
            )
            for user in users
        ),
        batch_size=BATCH,
    )
    kinds = ActivityKind.values
    batch: list = []
    for _n in range(activities):
        person = rng.choice(people)
        batch.append(
            Activity(
                ambassador=person,
                region=region,
                on=today - timedelta(days=rng.randrange(0, 1500)),
                municipality_id=person.municipality_id,
                kind=rng.choice(kinds),
                people=rng.randrange(1, 30),
            )
        )
        if len(batch) == BATCH:
            with transaction.atomic():
                Activity.objects.bulk_create(batch)
            batch = []
    if batch:
        Activity.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return [u.pk for u in users]


def _register_figures() -> None:
    """Figures over the bench's rows, counted the plain way (one row per ambassador / activity)."""
    from veerkracht.core.indicators import STOCK, Indicator, register
    from veerkracht.network.models import Activity, Ambassador

    def ambassadors(window):
        rows = Ambassador.objects.filter(region=window.region, status="active")
        return ((code, {}) for code in rows.values_list("municipality__code", flat=True).iterator())

    def activities(window):
        rows = Activity.objects.filter(
            region=window.region, on__gte=window.start.date(), on__lte=window.end.date()
        )
        return ((code, {}) for code in rows.values_list("municipality__code", flat=True).iterator())

    register(
        Indicator(
            KEYS[0], "Ambassadeurs (bench)", "bench", "count", "bench", "movement", ambassadors, kind=STOCK
        )
    )
    register(Indicator(KEYS[1], "Activiteiten (bench)", "bench", "count", "bench", "movement", activities))


def _build_networks(region, rng: random.Random) -> list:
    from veerkracht.accounts.models import Organisation
    from veerkracht.accounts.services import organisation_create
    from veerkracht.network.services import networks as services

    municipalities = list(region.municipalities.all())
    today = timezone.localdate()
    made = []
    for n in range(NETWORKS):
        members = [
            organisation_create(region=region, name=f"Bench partner {n}-{k}", type="welfare")
            for k in range(6)
        ]
        network = services.network_create(
            region=region,
            name=f"Benchnetwerk {n}",
            slug=f"benchnetwerk-{n}",
            starts_on=today - timedelta(days=700),
            description="Een netwerk voor de benchmark.",
            municipalities=rng.sample(municipalities, 5),
            members=members,
        )
        for k in range(GOALS_PER_NETWORK):
            linked = k % 2 == 1
            goal = services.goal_create(
                network=network,
                title=f"Doel {k}",
                unit="keer",
                target=rng.randrange(50, 5000),
                starts_on=today - timedelta(days=rng.randrange(100, 700)),
                deadline=today + timedelta(days=rng.randrange(10, 900)),
                owner=rng.choice(members),
                source=KEYS[k % 4 // 2] if linked else "",
            )
            for e in range(0 if linked else 6):
                services.goal_progress_add(
                    goal=goal, value=e * 10, note=f"Telling {e}", on=today - timedelta(days=60 - e * 10)
                )
        made.append(network)
    assert Organisation.objects.filter(name__startswith="Bench partner").count() == NETWORKS * 6
    return made


def _clean_up(user_ids: list[int]) -> None:
    from veerkracht.accounts.models import Organisation, User
    from veerkracht.core.indicators import unregister
    from veerkracht.network.models import Activity, Ambassador, RegionalNetwork

    for key in KEYS:
        unregister(key)
    with transaction.atomic():
        RegionalNetwork.objects.filter(slug__startswith="benchnetwerk-").delete()
        Organisation.objects.filter(name__startswith="Bench partner").delete()
        Activity.objects.filter(ambassador__user_id__in=user_ids).delete()
        Ambassador.objects.filter(user_id__in=user_ids).delete()
        User.objects.filter(pk__in=user_ids).delete()


def _first_visit_ms(client: Client, network) -> float:
    """The network page when its linked goals have no count for today: it still only reads the stored
    values (a page view never counts or writes), so this is no slower than any other visit."""
    from veerkracht.network.models import Goal

    Goal.objects.filter(network=network).exclude(source="").update(value_on=None)
    started = time.perf_counter()
    assert client.get(reverse("network:network", args=[network.slug])).status_code == 200
    return (time.perf_counter() - started) * 1000


def run() -> list[dict]:
    from veerkracht.network.models import Activity
    from veerkracht.network.services.networks import goals_refresh

    region = load_limburg()
    ambassadors = int(os.environ.get("BENCH_NETWORK_AMBASSADORS", "5000"))
    activities = int(os.environ.get("BENCH_NETWORK_ACTIVITIES", "500000"))
    rng = random.Random(16)
    started = time.monotonic()
    user_ids = _build_people(region, ambassadors, activities, rng)
    print(f"  network: {Activity.objects.count():,} activities stored in {time.monotonic() - started:.0f}s")
    try:
        _register_figures()
        networks = _build_networks(region, rng)
        gc.collect()
        started = time.perf_counter()
        counted = goals_refresh(today=timezone.localdate() + timedelta(days=1))
        recount_ms = (time.perf_counter() - started) * 1000
        goals_refresh()  # today's count, as the nightly job leaves it
        anonymous = Client()
        pages = [reverse("network:network", args=[rng.choice(networks).slug]) for _ in range(60)]
        overview = [reverse("network:networks")] * 40
        page_timings, overview_timings = timed_gets(anonymous, pages), timed_gets(anonymous, overview)
        first = _first_visit_ms(anonymous, networks[0])
        home = sorted(timed_gets(anonymous, ["/"] * 40))
        # For reading the figures: the home page on the same machine at the same moment.
        print(
            f"  network: reference, home page median {home[len(home) // 2]:.1f} ms, "
            f"p95 {home[int(len(home) * 0.95)]:.1f} ms"
        )
        return [
            *latency_results("network.network_page", page_timings, 50),
            *latency_results("network.networks_overview", overview_timings, 50),
            result("network.network_page_queries", query_count(anonymous, pages[0]), "count", 15),
            result("network.networks_overview_queries", query_count(anonymous, overview[0]), "count", 15),
            result("network.network_page_first_visit_of_day_ms", first, "ms", 5000),
            result("network.goals_recount_all_ms", recount_ms, "ms", 60000),
            result(
                "network.goals_recounted",
                counted,
                "count",
                NETWORKS * GOALS_PER_NETWORK // 2,
                lower_is_better=False,
            ),
        ]
    finally:
        _clean_up(user_ids)
