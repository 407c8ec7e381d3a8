"""Actiecentrum: suggestions for one need, the public initiative list (filtered, paginated) and the map.

Synthetic data: BENCH_ACTIONCENTRE_PEOPLE people (default 100,000) who each publish an offer (some on
behalf of one of 2,000 partner organisations), 1,000 ambassadors, and BENCH_ACTIONCENTRE_INITIATIVES
public initiatives (default 20,000) with two needs each, bulk-inserted. Timed requests go through the
whole Django stack with the test client.
"""

from __future__ import annotations

import gc
import os
import random
import time

from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from bench.util import latency_results, load_limburg, query_count, result, timed_gets

BATCH = 5000


def _sizes() -> tuple[int, int]:
    people = int(os.environ.get("BENCH_ACTIONCENTRE_PEOPLE", "100000"))
    initiatives = int(os.environ.get("BENCH_ACTIONCENTRE_INITIATIVES", str(people // 5)))
    return people, initiatives


def build(region, people: int, initiatives: int) -> dict:
    from veerkracht.accounts.models import Organisation, OrganisationType, Profile, RoleAssignment, User
    from veerkracht.actioncentre.models import (
        AmbassadorProfile,
        Initiative,
        Need,
        Offer,
        PartnerProfile,
        Phase,
        PhaseChange,
        Review,
    )
    from veerkracht.actioncentre.vocab import HELP_TYPES
    from veerkracht.core.vocabulary import DIMENSIONS, THEMES

    rng = random.Random(11)
    munis = list(region.municipalities.select_related("subregion"))
    now = timezone.now()
    started = time.monotonic()

    def flags(f, low, high):
        return f.mask(rng.sample(f.keys, rng.randint(low, high)))

    org_types = list(OrganisationType.values)
    with transaction.atomic():
        orgs = Organisation.objects.bulk_create(
            Organisation(
                name=f"Organisatie {n}",
                slug=f"bench-organisatie-{n}",
                type=org_types[n % len(org_types)],
                region=region,
                municipality=rng.choice(munis),
                is_core_partner=n % 50 == 0,
            )
            for n in range(2000)
        )
        if not orgs[0].pk:
            orgs = list(Organisation.objects.filter(slug__startswith="bench-organisatie-").order_by("pk"))
        PartnerProfile.objects.bulk_create(
            PartnerProfile(
                organisation=o,
                themes=flags(THEMES, 1, 4),
                dimensions=flags(DIMENSIONS, 1, 3),
                help_types=flags(HELP_TYPES, 1, 3),
                subregion=o.municipality.subregion,
            )
            for o in orgs
        )
    for start in range(0, people, BATCH):
        with transaction.atomic():
            users = User.objects.bulk_create(
                User(email=f"mens{n}@bench.veerkracht.nl", password="!", date_joined=now)  # noqa: S106
                for n in range(start, min(start + BATCH, people))
            )
            if not users[0].pk:
                users = list(User.objects.filter(email__in=[u.email for u in users]).order_by("pk"))
            places = {u.pk: rng.choice(munis) for u in users}
            Profile.objects.bulk_create(
                Profile(user=u, display_name=f"Mens {u.pk}", municipality=places[u.pk]) for u in users
            )
            offers = []
            for u in users:
                place = places[u.pk] if rng.random() < 0.8 else None
                offers.append(
                    Offer(
                        region=region,
                        owner=u,
                        organisation=rng.choice(orgs) if rng.random() < 0.1 else None,
                        help_type=rng.choice(HELP_TYPES.keys),
                        title="Ik help graag",
                        description="Een paar uur per week, in overleg.",
                        themes=flags(THEMES, 1, 3),
                        dimensions=flags(DIMENSIONS, 1, 2),
                        municipality=place,
                        subregion=place.subregion if place else None,
                        created_at=now,
                    )
                )
            Offer.objects.bulk_create(offers, batch_size=1000)
            if start < 1000:  # the first 1,000 people are ambassadors
                RoleAssignment.objects.bulk_create(
                    RoleAssignment(user=u, role="ambassador") for u in users[:1000]
                )
                AmbassadorProfile.objects.bulk_create(
                    AmbassadorProfile(
                        user=u,
                        region=region,
                        expertise="Positieve Gezondheid in de wijk",
                        municipality=places[u.pk],
                        subregion=places[u.pk].subregion,
                        themes=flags(THEMES, 1, 4),
                        dimensions=flags(DIMENSIONS, 1, 3),
                        help_types=HELP_TYPES.mask(["knowledge", "contacts"]),
                    )
                    for u in users[:1000]
                )
    phases = list(Phase.values)
    for start in range(0, initiatives, BATCH):
        with transaction.atomic():
            rows = []
            for n in range(start, min(start + BATCH, initiatives)):
                place = rng.choice(munis)
                rows.append(
                    Initiative(
                        region=region,
                        slug=f"bench-initiatief-{n}",
                        title=f"Initiatief {n}",
                        summary="Samen iets moois doen in de buurt.",
                        description="Een initiatief om samen gezonder te leven.",
                        municipality=place,
                        subregion=place.subregion,
                        who="Buurtbewoners",
                        organisation=rng.choice(orgs),
                        themes=flags(THEMES, 1, 3),
                        dimensions=flags(DIMENSIONS, 1, 3),
                        phase=rng.choice(phases),
                        review=Review.PUBLIC,
                        created_at=now,
                    )
                )
            created = Initiative.objects.bulk_create(rows)
            if not created[0].pk:
                created = list(Initiative.objects.filter(slug__in=[i.slug for i in rows]).order_by("pk"))
            PhaseChange.objects.bulk_create(
                PhaseChange(initiative=i, from_phase="", to_phase=i.phase, changed_at=now) for i in created
            )
            Need.objects.bulk_create(
                Need(initiative=i, help_type=rng.choice(HELP_TYPES.keys), description="Hulp gezocht")
                for i in created
                for _ in range(2)
            )
    with connection.cursor() as cursor:
        # Statistics (and on PostgreSQL the visibility map, for index-only scans), as autovacuum
        # would have them on a server that has been running.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {"build_s": time.monotonic() - started}


def run() -> list[dict]:
    from django.urls import reverse

    from veerkracht.accounts.services import user_create
    from veerkracht.actioncentre.models import Need, Offer
    from veerkracht.core.vocabulary import THEMES

    region = load_limburg()
    people, initiatives = _sizes()
    built = build(region, people, initiatives)
    print(
        f"  actioncentre: {Offer.objects.count():,} offers, {initiatives:,} initiatives "
        f"stored in {built['build_s']:.0f}s"
    )
    from veerkracht.accounts.tests.factories import activate_totp

    # A server process does not carry the data builder's objects: collect them and keep what is left
    # out of later collections (as a pre-forked gunicorn worker would), so they do not slow the timing.
    gc.collect()
    gc.freeze()
    staff = user_create(email="staf@bench.veerkracht.nl", roles=["staff"])
    activate_totp(staff)  # staff roles must have two-step login, or every page sends them to set it up
    client = Client()
    client.force_login(staff, backend="veerkracht.accounts.backends.LoginBackend")
    anonymous = Client()

    rng = random.Random(5)
    need_ids = list(Need.objects.values_list("pk", flat=True)[:: max(1, (2 * initiatives) // 100)])[:100]
    suggestion_paths = [reverse("connect:suggestions", args=[pk]) for pk in need_ids]
    list_paths = []
    for _ in range(100):
        theme = rng.choice(THEMES.keys)
        page = rng.randint(1, 5)
        list_paths.append(f"{reverse('initiatives:list')}?thema={theme}&page={page}")
    map_paths = [reverse("initiatives:list")] + [
        f"{reverse('initiatives:list')}?fase={phase}" for phase in ("inspire", "connect", "accelerate")
    ]

    suggestions = timed_gets(client, suggestion_paths)
    listing = timed_gets(anonymous, list_paths)
    map_page = timed_gets(anonymous, map_paths * 25)
    return [
        *latency_results("actioncentre.suggestions", suggestions, 50),
        *latency_results("actioncentre.initiative_list_filtered", listing, 50),
        *latency_results("actioncentre.initiative_map", map_page, 50),
        result("actioncentre.suggestions_queries", query_count(client, suggestion_paths[0]), "count", 15),
        result("actioncentre.initiative_list_queries", query_count(anonymous, list_paths[0]), "count", 10),
    ]
