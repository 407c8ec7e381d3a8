"""Learning benchmarks: certificates (run by bench/bench_learning.py).

BENCH_LEARNING_CERTIFICATES completed enrolments with their certificates (default 2,000, bulk-made),
then timed through the whole Django stack with the test client, logged in as the holders: the
certificate PDF (WeasyPrint, with its QR code; goal p95 < 500 ms), the signed Open Badge (vc+jwt) and
the public verification page (goal p95 < 50 ms).
"""

from __future__ import annotations

import os
import random
import time

from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bench.util import latency_results, load_limburg


def _build(region, count: int) -> list:
    from veerkracht.accounts.models import User
    from veerkracht.learning.models import Certificate, Cohort, Course, Enrolment, EnrolmentStatus
    from veerkracht.learning.services.certificates import new_number

    now = timezone.now()
    course = Course.objects.create(
        region=region,
        slug="bench-certificaat",
        title="Het andere gesprek voeren",
        summary="Oefenen.",
        description="Oefenen met het andere gesprek.",
        target_group="professional",
        format="blended",
        duration="4 avonden",
        cost_kind="plan",
        accreditation_register="Register X",
        accreditation_points=8,
    )
    cohort = Cohort.objects.create(course=course, title="Bench", starts_on=now.date())
    with transaction.atomic():
        users = User.objects.bulk_create(
            [User(email=f"leerling{n}@bench.veerkracht.nl") for n in range(count)], batch_size=1000
        )
        enrolments = Enrolment.objects.bulk_create(
            [
                Enrolment(cohort=cohort, user=user, status=EnrolmentStatus.COMPLETED, completed_at=now)
                for user in users
            ],
            batch_size=1000,
        )
        Certificate.objects.bulk_create(
            [
                Certificate(
                    enrolment=enrolment,
                    number=new_number(now.year),
                    holder_name=f"Leerling {n}",
                    course_title=course.title,
                    accreditation_register="Register X",
                    accreditation_points=8,
                    issued_at=now,
                )
                for n, enrolment in enumerate(enrolments)
            ],
            batch_size=1000,
        )
    return list(Certificate.objects.select_related("enrolment__user").order_by("?")[:60])


def _timed(pairs: list[tuple[Client, str]]) -> list[float]:
    timings = []
    for round_ in range(2):
        for client, path in pairs:
            started = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (path, response.status_code)
            if round_:  # the first round warms caches
                timings.append(elapsed)
    return timings


def run() -> list[dict]:
    region = load_limburg()
    count = int(os.environ.get("BENCH_LEARNING_CERTIFICATES", "2000"))
    started = time.monotonic()
    picked = _build(region, count)
    print(f"  learning: {count:,} certificates stored in {time.monotonic() - started:.0f}s")
    rng = random.Random(6)
    clients = []
    for certificate in picked[:20]:
        client = Client()
        client.force_login(certificate.enrolment.user, backend="veerkracht.accounts.backends.LoginBackend")
        clients.append((client, certificate.number))
    pdfs = [(c, reverse("learning:certificate_pdf", args=[n])) for c, n in clients] * 2
    badges = [(c, reverse("learning:certificate_badge_jwt", args=[n])) for c, n in clients] * 3
    anonymous = Client()
    pages = [
        (anonymous, reverse("learning:certificate_verify", args=[c.number])) for c in picked[20:45]
    ]  # within the rate limit
    rng.shuffle(pages)
    return [
        *latency_results("learning.certificate_pdf", _timed(pdfs), 500),
        *latency_results("learning.certificate_badge_jwt", _timed(badges), 50),
        *latency_results("learning.certificate_verify", _timed(pages), 50),
    ]
