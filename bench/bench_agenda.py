"""Agenda: the agenda page with filters, an event page, registering, and the last-places burst.

Synthetic data: BENCH_AGENDA_EVENTS events (default 5,000; half past, half in the coming year, in every
municipality) with BENCH_AGENDA_REGISTRATIONS registrations (default 200,000), bulk-inserted. Timed
requests go through the whole Django stack with the test client. `agenda.overbooked` sends 50
registrations at once (threads) for an event with 10 places left and counts places given beyond the
capacity (goal 0).
"""

from __future__ import annotations

import gc
import os
import random
import threading
import time
from datetime import timedelta

from django.db import connection, connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.util import latency_results, load_limburg, result

BATCH = 5000


def _sizes() -> tuple[int, int]:
    events = int(os.environ.get("BENCH_AGENDA_EVENTS", "5000"))
    registrations = int(os.environ.get("BENCH_AGENDA_REGISTRATIONS", str(events * 40)))
    return events, registrations


def _events(region, count: int, rng: random.Random) -> list:
    from veerkracht.agenda.models import Event, EventKind
    from veerkracht.core.vocabulary import DIMENSIONS, THEMES

    munis = list(region.municipalities.select_related("subregion"))
    now = timezone.now()
    kinds = list(EventKind.values)
    rows = []
    for n in range(count):
        place = rng.choice(munis)
        starts = now + timedelta(days=rng.randint(-365, 365), hours=rng.randint(0, 23))
        rows.append(
            Event(
                region=region,
                kind=rng.choice(kinds),
                title=f"Bijeenkomst {n}",
                theme="Samen gezond",
                description="Samen praten over wat je gezond houdt.",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                municipality=place,
                subregion=place.subregion,
                venue="Buurthuis",
                address="Markt 1",
                capacity=rng.choice((30, 50, 60)),
                max_places=2,
                organiser_name="Actiecentrum",
                themes=THEMES.mask(rng.sample(THEMES.keys, rng.randint(1, 3))),
                dimensions=DIMENSIONS.mask(rng.sample(DIMENSIONS.keys, rng.randint(1, 2))),
            )
        )
    created = []
    for start in range(0, count, BATCH):
        with transaction.atomic():
            created += Event.objects.bulk_create(rows[start : start + BATCH])
    if not created[0].pk:
        created = list(Event.objects.order_by("pk"))
    return created


def build(region, events: int, registrations: int) -> dict:
    from veerkracht.agenda.models import Event, Registration, RegistrationStatus

    rng = random.Random(13)
    started = time.monotonic()
    created = _events(region, events, rng)
    per_event = max(1, registrations // len(created))
    now = timezone.now()
    taken: dict[int, int] = {}
    rows = []
    for event in created:
        for k in range(per_event):
            confirmed = k < event.capacity
            rows.append(
                Registration(
                    event=event,
                    name=f"Deelnemer {k}",
                    email=f"d{k}-{event.pk}@bench.veerkracht.nl",
                    places=1,
                    status=RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITING,
                    consent_at=now,
                )
            )
            taken[event.pk] = taken.get(event.pk, 0) + (1 if confirmed else 0)
        if len(rows) >= BATCH:
            with transaction.atomic():
                Registration.objects.bulk_create(rows)
            rows = []
    if rows:
        with transaction.atomic():
            Registration.objects.bulk_create(rows)
    with transaction.atomic():
        for places in set(taken.values()):
            Event.objects.filter(pk__in=[pk for pk, n in taken.items() if n == places]).update(
                places_taken=places
            )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {"build_s": time.monotonic() - started, "events": created}


def _timed(call, items: list, rounds: int = 3) -> list[float]:
    timings = []
    for round_ in range(rounds):
        for item in items:
            started = time.perf_counter()
            response = call(item)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code in (200, 302), (item, response.status_code)
            if round_:  # the first round warms caches
                timings.append(elapsed)
    return timings


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def _registration_form(n: int) -> dict:
    return {"name": f"Bench {n}", "email": f"bench{n}@bench.veerkracht.nl", "places": "1", "consent": "on"}


def _overbooked() -> int:
    """50 registrations at once for the last 10 places; places given beyond the capacity."""
    from django.urls import reverse

    from veerkracht.agenda.models import Event, Registration
    from veerkracht.agenda.tests.factories import EventFactory, register

    event = EventFactory(capacity=12, max_places=2)
    register(event, places=2)
    url = reverse("agenda:register", args=[event.pk])
    barrier = threading.Barrier(50)

    def send(n: int) -> None:
        client = Client(REMOTE_ADDR=f"10.1.{n // 250}.{n % 250}")
        barrier.wait(timeout=60)
        try:
            client.post(url, {**_registration_form(n), "email": f"burst{n}@bench.veerkracht.nl"})
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    held = sum(r.places for r in Registration.objects.filter(event=event) if r.holds_places)
    event = Event.objects.get(pk=event.pk)
    return max(0, held - event.capacity) + abs(held - event.places_taken)


def run() -> list[dict]:
    from django.urls import reverse

    from veerkracht.agenda.views import registrations as registration_views
    from veerkracht.core.vocabulary import THEMES

    region = load_limburg()
    events, registrations = _sizes()
    built = build(region, events, registrations)
    print(f"  agenda: {events:,} events, {registrations:,} registrations stored in {built['build_s']:.0f}s")
    gc.collect()
    gc.freeze()
    registration_views.REGISTER_PER_IP = (10**9, 3600)  # one client sends them all
    anonymous = Client()
    rng = random.Random(5)
    subregions = sorted({e.subregion.slug for e in built["events"][:200] if e.subregion})
    list_paths = []
    for _ in range(100):
        query = rng.choice(
            (f"thema={rng.choice(THEMES.keys)}", f"deelregio={rng.choice(subregions)}", "soort=inspiration")
        )
        list_paths.append(f"{reverse('agenda:list')}?{query}&page={rng.randint(1, 3)}")
    now = timezone.now()
    upcoming = [e for e in built["events"] if e.starts_at > now + timedelta(days=1)]
    event_paths = [reverse("agenda:event", args=[e.pk]) for e in rng.sample(upcoming, 100)]
    register_paths = [reverse("agenda:register", args=[e.pk]) for e in rng.sample(upcoming, 100)]
    counter = iter(range(10**9))

    listing = _timed(anonymous.get, list_paths)
    detail = _timed(anonymous.get, event_paths)
    registering = _timed(lambda path: Client().post(path, _registration_form(next(counter))), register_paths)
    return [
        *latency_results("agenda.list_filtered", listing, 50),
        *latency_results("agenda.event_page", detail, 50),
        *latency_results("agenda.register", registering, 50),
        result("agenda.list_queries", _queries(anonymous, list_paths[0]), "count", 10),
        result("agenda.event_page_queries", _queries(anonymous, event_paths[0]), "count", 10),
        result("agenda.overbooked", _overbooked(), "places", 0),
    ]
