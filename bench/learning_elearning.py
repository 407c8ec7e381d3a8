"""Learning benchmarks: e-learning (run by bench/bench_learning.py).

BENCH_LEARNING_ENROLMENTS enrolments (default 100,000: 20,000 learners in each of 5 courses) and
BENCH_LEARNING_PROGRESS lesson-progress rows (default 2,000,000: 20 lessons per enrolment), inserted in
bulk with plain SQL. Timed through the whole Django stack with the test client, for learners who start
fresh among them: a lesson page and saving progress ("Klaar, volgende les"), goal p95 < 50 ms each; plus
the course overview and the query counts. Everything made here is deleted afterwards.
"""

from __future__ import annotations

import gc
import os
import random
import time
from datetime import date

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bench.util import latency_results, load_limburg, result

COURSES = 5
LESSONS = 20
BATCH = 20_000
TIMED_LEARNERS = 40


def _courses(region) -> list:
    from veerkracht.learning.models import Cohort, Course, Lesson, Module, Quiz

    courses = []
    for number in range(COURSES):
        course = Course.objects.create(
            region=region,
            slug=f"bench-e-learning-{number}",
            title=f"Bench e-learning {number}",
            summary="Benchmark",
            description="Benchmark",
            target_group="professional",
            format="elearning",
            duration="4 uur",
            cost_kind="free",
            requires_elearning=True,
            published_at=timezone.now(),
        )
        Cohort.objects.create(course=course, title="Doorlopend", starts_on=date(2024, 1, 1))
        for m in range(4):
            module = Module.objects.create(course=course, title=f"Module {m}", order=m)
            Lesson.objects.bulk_create(
                Lesson(module=module, title=f"Les {m}.{n}", body="## Kop\n\nTekst **vet**.\n\n" * 20, order=n)
                for n in range(LESSONS // 4)
            )
        Quiz.objects.create(course=course, title="Toets")
        courses.append(course)
    return courses


def _users(count: int) -> list[int]:
    from veerkracht.accounts.models import User

    rows = [User(email=f"elearning-leerling{n}@bench.veerkracht.nl") for n in range(count)]
    for start in range(0, count, BATCH):
        with transaction.atomic():
            User.objects.bulk_create(rows[start : start + BATCH])
    return list(
        User.objects.filter(email__startswith="elearning-leerling", email__endswith="@bench.veerkracht.nl")
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _enrolments(courses, user_ids: list[int], per_course: int) -> None:
    from veerkracht.learning.models import Enrolment

    now = timezone.now()
    for course in courses:
        cohort = course.cohorts.get()
        rows = [Enrolment(cohort=cohort, user_id=pk, status="enrolled") for pk in user_ids[:per_course]]
        for row in rows:
            row.created_at = row.updated_at = now
        with transaction.atomic():
            Enrolment.objects.bulk_create(rows, batch_size=BATCH)


def _progress(courses, total: int) -> int:
    from veerkracht.learning.models import Enrolment, Lesson, LessonProgress

    table = LessonProgress._meta.db_table
    sql = f"INSERT INTO {table} (enrolment_id, lesson_id, seen_at, done_at) VALUES (%s, %s, %s, %s)"  # noqa: S608
    now = timezone.now()
    inserted = 0
    for course in courses:
        lessons = list(Lesson.objects.filter(module__course=course).values_list("pk", flat=True))
        enrolments = (
            Enrolment.objects.filter(cohort__course=course).order_by("pk").values_list("pk", flat=True)
        )
        batch: list[tuple] = []
        for enrolment_id in enrolments.iterator(chunk_size=BATCH):
            if inserted + len(batch) >= total:
                break
            batch += [(enrolment_id, lesson_id, now, now) for lesson_id in lessons]
            if len(batch) >= BATCH:
                inserted += _insert(sql, batch)
                batch = []
        inserted += _insert(sql, batch)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return inserted


def _insert(sql: str, rows: list[tuple]) -> int:
    if rows:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows)
    return len(rows)


def _fresh_learners(courses) -> list[tuple[Client, object]]:
    """Learners who start now (no progress yet), each with a logged-in client."""
    from veerkracht.accounts.models import User
    from veerkracht.learning.models import Enrolment

    learners = []
    for n in range(TIMED_LEARNERS):
        user = User.objects.create(email=f"nieuw{n}@bench.veerkracht.nl")
        course = courses[n % len(courses)]
        Enrolment.objects.create(cohort=course.cohorts.get(), user=user, status="enrolled")
        client = Client()
        client.force_login(user, backend="veerkracht.accounts.backends.LoginBackend")
        learners.append((client, course))
    return learners


def _time(method, path: str) -> float:
    started = time.perf_counter()
    response = method(path)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code in (200, 302), response.status_code
    return elapsed


def _measure(learners) -> dict[str, list[float]]:
    from veerkracht.learning.models import Lesson

    timings: dict[str, list[float]] = {"page": [], "save": [], "overview": []}
    lessons = {
        course.pk: list(Lesson.objects.filter(module__course=course).order_by("module__order", "order"))
        for _client, course in learners
    }
    for step in range(6):
        for client, course in learners:
            lesson = lessons[course.pk][step]
            page = reverse("learning:elearning_lesson", kwargs={"slug": course.slug, "pk": lesson.pk})
            done = reverse("learning:elearning_lesson_done", kwargs={"slug": course.slug, "pk": lesson.pk})
            overview = reverse("learning:elearning_course", kwargs={"slug": course.slug})
            page_ms, save_ms = _time(client.get, page), _time(client.post, done)
            overview_ms = _time(client.get, overview)
            if step:  # the first round warms caches
                timings["page"].append(page_ms)
                timings["save"].append(save_ms)
                timings["overview"].append(overview_ms)
    return timings


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def _clean_up(courses) -> None:
    from veerkracht.accounts.models import User
    from veerkracht.learning.models import Course, Enrolment, LessonProgress

    course_ids = [course.pk for course in courses]
    LessonProgress.objects.filter(lesson__module__course_id__in=course_ids)._raw_delete(
        LessonProgress.objects.db
    )
    Enrolment.objects.filter(cohort__course_id__in=course_ids)._raw_delete(Enrolment.objects.db)
    Course.objects.filter(pk__in=course_ids).delete()
    User.objects.filter(email__endswith="@bench.veerkracht.nl").delete()


def run() -> list[dict]:
    region = load_limburg()
    enrolments = int(os.environ.get("BENCH_LEARNING_ENROLMENTS", "100000"))
    progress = int(os.environ.get("BENCH_LEARNING_PROGRESS", "2000000"))
    per_course = enrolments // COURSES
    started = time.monotonic()
    courses = _courses(region)
    _enrolments(courses, _users(per_course), per_course)
    inserted = _progress(courses, progress)
    print(
        f"  learning: {per_course * COURSES:,} enrolments, {inserted:,} lesson-progress rows in "
        f"{time.monotonic() - started:.0f}s"
    )
    gc.collect()
    random.seed(7)
    try:
        learners = _fresh_learners(courses)
        timings = _measure(learners)
        client, course = learners[0]
        overview = reverse("learning:elearning_course", kwargs={"slug": course.slug})
        lesson = course.modules.first().lessons.first()
        page = reverse("learning:elearning_lesson", kwargs={"slug": course.slug, "pk": lesson.pk})
        return [
            *latency_results("learning.lesson_page", timings["page"], 50),
            *latency_results("learning.progress_save", timings["save"], 50),
            *latency_results("learning.course_overview", timings["overview"], 50),
            result("learning.lesson_page_queries", _queries(client, page), "count", 12),
            result("learning.course_overview_queries", _queries(client, overview), "count", 12),
        ]
    finally:
        _clean_up(courses)
