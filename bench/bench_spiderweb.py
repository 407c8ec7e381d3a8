"""Spider web: server time of submitting a web and of the result page with overlay and history.

Synthetic data: BENCH_SPIDERWEB_RESIDENTS residents (default 100,000) with together
BENCH_SPIDERWEB_WEBS completed webs (default 1,000,000), spread unevenly (1–30 webs per person, like
real use), bulk-inserted. The timed requests go through the full Django stack (middleware, session,
templates) with the test client; the network is not part of "server time".
"""

from __future__ import annotations

import os
import random
import time
from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.util import latency_results, load_limburg, result

GOAL_P95_MS = 50
BATCH = 5000


def _residents_and_webs() -> tuple[int, int]:
    residents = int(os.environ.get("BENCH_SPIDERWEB_RESIDENTS", "100000"))
    webs = int(os.environ.get("BENCH_SPIDERWEB_WEBS", str(residents * 10)))
    return residents, webs


def _web_counts(rng: random.Random, residents: int, webs: int) -> list[int]:
    """Webs per resident: at least one each, the rest skewed (a few people fill it in often)."""
    counts = [1] * residents
    weights = [rng.paretovariate(1.5) for _ in range(residents)]
    total = sum(weights)
    remaining = webs - residents
    for i, w in enumerate(weights):
        counts[i] += min(29, int(remaining * w / total))
    short = webs - sum(counts)
    i = 0
    while short > 0:  # hand out what rounding and the cap left over
        if counts[i % residents] < 30:
            counts[i % residents] += 1
            short -= 1
        i += 1
    return counts


def _answer_pool(rng: random.Random, instrument, size: int = 500) -> list[tuple[dict, dict]]:
    from veerkracht.spiderweb.services.webs import compute_scores

    pool = []
    for _ in range(size):
        level = rng.uniform(2, 9)
        answers = {k: max(0, min(10, round(level + rng.uniform(-3, 3)))) for k in instrument.item_keys}
        pool.append((answers, compute_scores(instrument, answers)))
    return pool


def build(residents: int, webs: int) -> dict:
    """Insert the synthetic residents and webs; returns what the timed part needs."""
    from veerkracht.regions.models import Municipality
    from veerkracht.spiderweb.bulk import ResidentSpec, WebSpec, residents_create
    from veerkracht.spiderweb.services.instruments import instruments_load_bundled

    rng = random.Random(42)
    instruments = {i.slug: i for i in instruments_load_bundled()}
    adults = instruments["volwassenen"]
    pool = _answer_pool(rng, adults)
    municipalities = list(Municipality.objects.values_list("pk", flat=True))
    counts = _web_counts(rng, residents, webs)
    now = timezone.now()

    def people():
        for n in range(residents):
            webs_of = []
            for k in range(counts[n]):
                answers, scores = rng.choice(pool)
                when = now - timedelta(days=30 * (counts[n] - k))
                webs_of.append(WebSpec(completed_at=when, answers=answers, scores=scores, minutes=0))
            yield ResidentSpec(
                email=f"bench{n}@bench.veerkracht.nl",
                municipality_id=rng.choice(municipalities),
                age_band="45-54",
                research_consent=n % 3 == 0,
                webs=webs_of,
            )

    started = time.monotonic()
    residents_create(people(), instrument=adults, batch_size=BATCH)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"instrument": adults, "counts": counts, "build_s": time.monotonic() - started}


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user, backend="veerkracht.accounts.backends.LoginBackend")
    return client


def _timed(call) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def run() -> list[dict]:
    from veerkracht.accounts.models import User
    from veerkracht.spiderweb.models import Assessment, Status
    from veerkracht.spiderweb.services.webs import assessment_save_step, assessment_start, clean_step

    load_limburg()
    residents, webs = _residents_and_webs()
    built = build(residents, webs)
    instrument, counts = built["instrument"], built["counts"]
    stored = Assessment.objects.count()
    print(f"  spiderweb: {residents:,} residents, {stored:,} webs stored in {built['build_s']:.0f}s")

    rng = random.Random(7)
    sample = rng.sample(range(residents), 100)
    heaviest = max(range(residents), key=counts.__getitem__)
    people = [User.objects.get(email=f"bench{n}@bench.veerkracht.nl") for n in [*sample, heaviest]]
    clients = {p.pk: _client_for(p) for p in people}
    last = len(instrument.dimensions) - 1
    last_items = instrument.dimension(last)["items"]
    final_post = {f"item-{i['key']}": "6" for i in last_items} | {"direction": "next"}

    def prepare_draft(person) -> Assessment:
        """A web with every step but the last answered: the timed request finishes it."""
        draft = assessment_start(owner=person, instrument=instrument)
        for index in range(last):
            items = instrument.dimension(index)["items"]
            step = clean_step(instrument, index, {i["key"]: "5" for i in items}, [])
            draft = assessment_save_step(assessment=draft, index=index, step=step)
        return draft

    submit, step_times, overlay, history = [], [], [], []
    for round_ in range(3):
        for person in people:
            client = clients[person.pk]
            draft = prepare_draft(person)
            response_holder = {}
            submit.append(
                _timed(
                    lambda d=draft, c=client, h=response_holder: h.setdefault(
                        "r", c.post(f"/mijn-spinnenweb/{d.pk}/stap/{last + 1}/", final_post)
                    )
                )
            )
            assert response_holder["r"].status_code == 302, response_holder["r"].status_code
            # One middle step of a new draft (the request a person makes five times per web).
            draft = assessment_start(owner=person, instrument=instrument)
            items = instrument.dimension(0)["items"]
            step_post = {f"item-{i['key']}": "7" for i in items} | {"direction": "next"}
            step_times.append(
                _timed(lambda d=draft, c=client, p=step_post: c.post(f"/mijn-spinnenweb/{d.pk}/stap/1/", p))
            )
            Assessment.objects.filter(pk=draft.pk).delete()
            if round_ == 0:
                continue  # first round warms caches and connections
            newest, *older = (
                Assessment.objects.filter(owner=person, status=Status.COMPLETED)
                .order_by("-completed_at")
                .values_list("pk", flat=True)[:5]
            )
            compare = older[-1] if older else newest
            overlay.append(
                _timed(lambda c=client, n=newest, o=compare: c.get(f"/mijn-spinnenweb/{n}/?vergelijk={o}"))
            )
            history.append(_timed(lambda c=client: c.get("/mijn-spinnenweb/geschiedenis/")))
        if round_ == 0:
            submit.clear()
            step_times.clear()

    result_queries, history_queries = _query_counts(people[-1], clients[people[-1].pk])
    return [
        result("spiderweb.stored_assessments", stored, "count", webs, lower_is_better=False),
        *latency_results("spiderweb.submit", submit, GOAL_P95_MS),
        *latency_results("spiderweb.submit_step", step_times, GOAL_P95_MS),
        *latency_results("spiderweb.result_overlay", overlay, GOAL_P95_MS),
        *latency_results("spiderweb.history", history, GOAL_P95_MS),
        result("spiderweb.result_overlay_queries", result_queries, "count", 15),
        result("spiderweb.history_queries", history_queries, "count", 10),
    ]


def _query_counts(heavy, client) -> tuple[int, int]:
    """Queries of the result page (with an overlay) and the history of the resident with most webs."""
    from veerkracht.spiderweb.models import Assessment, Status

    webs = Assessment.objects.filter(owner=heavy, status=Status.COMPLETED)
    newest, oldest = webs.latest("completed_at"), webs.earliest("completed_at")
    with CaptureQueriesContext(connection) as q_result:
        assert client.get(f"/mijn-spinnenweb/{newest.pk}/?vergelijk={oldest.pk}").status_code == 200
    with CaptureQueriesContext(connection) as q_history:
        assert client.get("/mijn-spinnenweb/geschiedenis/").status_code == 200
    print(f"  spiderweb: query counts measured for a resident with {webs.count()} webs")
    return len(q_result), len(q_history)
