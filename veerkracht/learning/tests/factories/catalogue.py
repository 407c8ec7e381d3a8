"""Courses, cohorts and enrolments for tests. Enrolments are made in a status directly (no signals):
use the services when a test is about what happens on a change."""

from __future__ import annotations

from datetime import date, timedelta

import factory
from django.utils import timezone

from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.learning.models import (
    Cohort,
    CostKind,
    Course,
    CourseFormat,
    Enrolment,
    EnrolmentStatus,
    TargetGroup,
)
from veerkracht.regions.models import Region


def limburg() -> Region:
    return Region.objects.get(slug="limburg")


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    region = factory.LazyFunction(limburg)
    slug = factory.Sequence(lambda n: f"cursus-{n}")
    title = factory.Sequence(lambda n: f"Cursus {n}")
    summary = "Je leert wat Positieve Gezondheid is en hoe je het gesprek voert."
    description = "In deze cursus oefen je met het andere gesprek."
    target_group = TargetGroup.PROFESSIONAL
    format = CourseFormat.ELEARNING
    duration = "4 uur online"
    study_hours = 4
    cost_kind = CostKind.PLAN
    seat_cost_cents = 25000
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    course = factory.SubFactory(CourseFactory)
    title = "Najaar"
    starts_on = factory.LazyFunction(lambda: date.today() + timedelta(days=14))
    capacity = 12


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    cohort = factory.SubFactory(CohortFactory)
    user = factory.SubFactory(UserFactory)
    status = EnrolmentStatus.ENROLLED
