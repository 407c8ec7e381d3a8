"""Learning benchmark: the budget report (run by bench/bench_learning.py).

BENCH_LEARNING_ENROLMENTS enrolments (default 100,000) in 40 courses of the training plan, 2,000
learners, 300 organisations in every subregion, and their ledger (every seat committed, most
completed and spent, some released), bulk-inserted. Timed: the report page through the whole Django
stack (goal p95 < 150 ms), and its CSV; plus the page's query count. Everything made is removed after.
"""

from __future__ import annotations

import gc
import os
import random
import time
from datetime import date, datetime, timedelta

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.util import latency_results, load_limburg, result

BATCH = 5000
LEARNERS = 2000
COURSES = 40
ORGANISATIONS = 300
EMAIL_DOMAIN = "budget.bench.veerkracht.nl"


def _timed(client: Client, path: str, rounds: int) -> list[float]:
    timings = []
    for round_ in range(rounds + 2):
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (path, response.status_code)
        if round_ >= 2:  # the first rounds warm caches
            timings.append(elapsed)
    return timings


def _courses_and_cohorts(region, rng: random.Random) -> list:
    from veerkracht.learning.models import Cohort, CostKind, Course, CourseFormat, TargetGroup

    groups = [value for value, _label in TargetGroup.choices]
    subregions = list(region.subregions.all())
    courses = Course.objects.bulk_create(
        Course(
            region=region,
            slug=f"bench-budget-{n}",
            title=f"Bench cursus {n}",
            summary="Bench",
            description="Bench",
            target_group=groups[n % len(groups)],
            format=CourseFormat.BLENDED,
            duration="4 uur",
            cost_kind=CostKind.PLAN,
            seat_cost_cents=rng.choice((15_000, 25_000, 40_000)),
        )
        for n in range(COURSES)
    )
    # One cohort per course per half year, 2020–2024: every learner can have a seat in each.
    cohorts = [
        Cohort(
            course=course,
            title=f"{year}-{half}",
            starts_on=date(year, 1 + 6 * half, 10),
            subregion=rng.choice(subregions),
        )
        for course in courses
        for year in range(2020, 2025)
        for half in (0, 1)
    ]
    return Cohort.objects.bulk_create(cohorts)


def _budget(region, courses) -> None:
    from veerkracht.learning.models import BudgetLine, FundingSource, Target, TargetGroup

    plan = FundingSource.objects.create(
        region=region,
        name="Bench scholingsplan",
        amount_cents=10**10,
        starts_on=date(2020, 1, 1),
        ends_on=date(2024, 12, 31),
    )
    for value, _label in TargetGroup.choices:
        BudgetLine.objects.create(source=plan, target_group=value, amount_cents=10**9)
    for course in courses[:10]:
        BudgetLine.objects.create(source=plan, course=course, amount_cents=10**8)
    for value, _label in TargetGroup.choices:
        Target.objects.create(
            region=region,
            target_group=value,
            people=500,
            starts_on=date(2020, 1, 1),
            ends_on=date(2022, 12, 31),
        )


def build(region, count: int) -> object:
    from veerkracht.accounts.models import Organisation, OrganisationType, User
    from veerkracht.learning.models import BudgetEntry, BudgetLine, Enrolment, EnrolmentStatus, EntryKind

    rng = random.Random(15)
    users = User.objects.bulk_create(
        User(email=f"cursist{n}@{EMAIL_DOMAIN}", password="!")  # noqa: S106 (an unusable password)
        for n in range(LEARNERS)
    )
    munis = list(region.municipalities.all())
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Bench organisatie {n}",
            slug=f"bench-budget-org-{n}",
            type=OrganisationType.WELFARE,
            region=region,
            municipality=munis[n % len(munis)],
        )
        for n in range(ORGANISATIONS)
    )
    cohorts = _courses_and_cohorts(region, rng)
    courses = sorted({cohort.course for cohort in cohorts}, key=lambda c: c.pk)
    _budget(region, courses)
    lines = {
        (line.course_id, line.target_group): line.pk
        for line in BudgetLine.objects.filter(source__region=region)
    }
    pairs = rng.sample(range(len(cohorts) * LEARNERS), count)
    enrolments = []
    for number in pairs:
        cohort, user = cohorts[number // LEARNERS], users[number % LEARNERS]
        roll = rng.random()
        status = (
            EnrolmentStatus.COMPLETED
            if roll < 0.6
            else EnrolmentStatus.CANCELLED
            if roll < 0.7
            else EnrolmentStatus.ENROLLED
        )
        done = timezone.make_aware(
            datetime.combine(cohort.starts_on + timedelta(days=60), datetime.min.time())
        )
        enrolments.append(
            Enrolment(
                cohort=cohort,
                user=user,
                organisation=rng.choice(organisations),
                status=status,
                completed_at=done if status == EnrolmentStatus.COMPLETED else None,
            )
        )
    for start in range(0, count, BATCH):
        with transaction.atomic():
            Enrolment.objects.bulk_create(enrolments[start : start + BATCH])
    entries = []
    for enrolment in enrolments:
        course = enrolment.cohort.course
        line = lines.get((course.pk, "")) or lines[(None, course.target_group)]
        common = {
            "region": region,
            "line_id": line,
            "amount_cents": course.seat_cost_cents,
            "target_group": course.target_group,
            "course": course,
            "organisation": enrolment.organisation,
            "subregion": enrolment.cohort.subregion,
            "enrolment": enrolment,
        }
        entries.append(BudgetEntry(kind=EntryKind.COMMITTED, booked_on=enrolment.cohort.starts_on, **common))
        if enrolment.status == EnrolmentStatus.COMPLETED:
            entries.append(
                BudgetEntry(kind=EntryKind.SPENT, booked_on=enrolment.completed_at.date(), **common)
            )
        elif enrolment.status == EnrolmentStatus.CANCELLED:
            entries.append(
                BudgetEntry(kind=EntryKind.RELEASED, booked_on=enrolment.cohort.starts_on, **common)
            )
    for start in range(0, len(entries), BATCH):
        with transaction.atomic():
            BudgetEntry.objects.bulk_create(entries[start : start + BATCH])
    from veerkracht.learning.models import Target
    from veerkracht.learning.services.budget import budget_totals_rebuild, target_recount

    # Bulk-inserted rows skip the services: make the report's rollups from them, as after an import.
    budget_totals_rebuild(region=region)
    for target in Target.objects.filter(region=region):
        target_recount(target=target)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return len(entries)


def clean_up(region) -> None:
    from veerkracht.accounts.models import Organisation, User
    from veerkracht.learning.models import (
        BudgetEntry,
        BudgetTotal,
        Cohort,
        Course,
        Enrolment,
        FundingSource,
        Target,
    )

    with transaction.atomic():
        BudgetTotal.objects.filter(region=region).delete()
        BudgetEntry.objects.filter(region=region).delete()
        FundingSource.objects.filter(region=region, name="Bench scholingsplan").delete()
        Target.objects.filter(region=region).delete()
        Enrolment.objects.filter(cohort__course__slug__startswith="bench-budget-").delete()
        Cohort.objects.filter(course__slug__startswith="bench-budget-").delete()
        Course.objects.filter(slug__startswith="bench-budget-").delete()
        Organisation.objects.filter(slug__startswith="bench-budget-org-").delete()
        User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").delete()


def _coordinator_client() -> tuple[Client, object]:
    from veerkracht.accounts import services
    from veerkracht.accounts.models import Role
    from veerkracht.accounts.tests.factories import activate_totp

    user = services.user_create(email=f"coordinator@{EMAIL_DOMAIN}", roles=[Role.TRAINING_COORDINATOR])
    activate_totp(user)  # the coordinator needs two-step login, or every page sends them to set it up
    client = Client()
    client.force_login(user, backend="veerkracht.accounts.backends.LoginBackend")
    return client, user


def run() -> list[dict]:
    from django.urls import reverse

    region = load_limburg()
    count = int(os.environ.get("BENCH_LEARNING_ENROLMENTS", "100000"))
    started = time.monotonic()
    try:
        rows = build(region, count)
        print(
            f"  learning: {count:,} enrolments and {rows:,} budget entries stored"
            f" in {time.monotonic() - started:.0f}s"
        )
        gc.collect()
        client, _user = _coordinator_client()
        page = _timed(client, reverse("learning:budget_report"), rounds=30)
        csv_timings = _timed(client, reverse("learning:budget_report_csv"), rounds=10)
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("learning:budget_report"))
        return [
            *latency_results("learning.budget_report", page, 50),
            *latency_results("learning.budget_report_csv", csv_timings, 50),
            result("learning.budget_report_queries", len(queries), "count", 16),
        ]
    finally:
        clean_up(region)
