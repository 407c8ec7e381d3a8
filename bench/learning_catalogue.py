"""Learning benchmarks: the catalogue and a course's page (run by bench/bench_learning.py).

BENCH_LEARNING_ENROLMENTS enrolments (default 100,000), bulk-inserted: 40 courses with 20 cohorts each
(a quarter of them still to start), 5,000 learners. Timed through the whole Django stack with the test
client: the catalogue with and without filters, and course pages (goal p95 < 50 ms); plus their query
counts. Everything made here is removed afterwards.
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

COURSES = 40
COHORTS_PER_COURSE = 20
LEARNERS = 5000
BATCH = 5000


def _build(region, enrolments: int, rng: random.Random):
    from veerkracht.accounts.models import User
    from veerkracht.learning.models import (
        Cohort,
        Course,
        CourseFormat,
        Enrolment,
        EnrolmentStatus,
        TargetGroup,
    )

    subregions = list(region.subregions.all())
    now = timezone.now()
    courses = Course.objects.bulk_create(
        Course(
            region=region,
            slug=f"bench-cursus-{n}",
            title=f"Benchcursus {n}",
            summary="Een cursus over het andere gesprek.",
            description="Je leert het gesprek over wat iemand belangrijk vindt.",
            target_group=rng.choice(TargetGroup.values),
            format=rng.choice(CourseFormat.values),
            duration="4 uur",
            cost_kind="plan",
            seat_cost_cents=25000,
            published_at=now - timedelta(days=30),
        )
        for n in range(COURSES)
    )
    today = date.today()
    cohorts = Cohort.objects.bulk_create(
        Cohort(
            course=course,
            title=f"Groep {k}",
            subregion=rng.choice([*subregions, None]),
            starts_on=today + timedelta(days=30 * (k - COHORTS_PER_COURSE * 3 // 4)),
            capacity=rng.choice([None, 150, 200]),
        )
        for course in courses
        for k in range(COHORTS_PER_COURSE)
    )
    users = [User(email=f"leerling{n}@bench.veerkracht.nl") for n in range(LEARNERS)]
    for user in users:
        user.set_unusable_password()
    users = User.objects.bulk_create(users)
    per_cohort = enrolments // len(cohorts)
    statuses = [EnrolmentStatus.COMPLETED] * 5 + [EnrolmentStatus.ENROLLED] * 3 + [EnrolmentStatus.WAITING]
    rows = (
        Enrolment(cohort=cohort, user=user, status=rng.choice(statuses))
        for cohort in cohorts
        for user in rng.sample(users, per_cohort)
    )
    batch: list = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            with transaction.atomic():
                Enrolment.objects.bulk_create(batch)
            batch = []
    if batch:
        Enrolment.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return courses, users


def _clean_up(courses, users) -> None:
    from veerkracht.accounts.models import User
    from veerkracht.learning.models import Cohort, Course, Enrolment

    with transaction.atomic():
        Enrolment.objects.filter(cohort__course__in=courses).delete()
        Cohort.objects.filter(course__in=courses).delete()
        Course.objects.filter(pk__in=[c.pk for c in courses]).delete()
        User.objects.filter(pk__in=[u.pk for u in users]).delete()


def run() -> list[dict]:
    from veerkracht.learning.models import Enrolment

    region = load_limburg()
    count = int(os.environ.get("BENCH_LEARNING_ENROLMENTS", "100000"))
    rng = random.Random(15)
    started = time.monotonic()
    courses, users = _build(region, count, rng)
    print(f"  learning: {Enrolment.objects.count():,} enrolments stored in {time.monotonic() - started:.0f}s")
    gc.collect()
    try:
        anonymous = Client()
        slugs = [s.slug for s in region.subregions.all()]
        filters = ["", "?target_group=professional", "?format=blended", *(f"?subregion={s}" for s in slugs)]
        list_paths = [reverse("learning:catalogue") + rng.choice(filters) for _ in range(40)]
        course_paths = [reverse("learning:course", args=[rng.choice(courses).slug]) for _ in range(60)]
        listing = timed_gets(anonymous, list_paths)
        pages = timed_gets(anonymous, course_paths)
        return [
            *latency_results("learning.catalogue", listing, 50),
            *latency_results("learning.course_page", pages, 50),
            result("learning.catalogue_queries", query_count(anonymous, list_paths[0]), "count", 10),
            result("learning.course_page_queries", query_count(anonymous, course_paths[0]), "count", 10),
        ]
    finally:
        _clean_up(courses, users)
