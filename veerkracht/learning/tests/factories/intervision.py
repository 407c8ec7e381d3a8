"""Intervision groups for tests: a blended course's cohort with a facilitator and seated learners, and
a group made by the service (so its community group exists too)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.agenda.tests.factories import EventFactory
from veerkracht.learning.models import CourseFormat, EnrolmentStatus
from veerkracht.learning.services.intervision import intervision_group_create, intervision_meetings_link

from .catalogue import CohortFactory, EnrolmentFactory


def make_cohort(*, learners: int = 6, facilitator=None):
    facilitator = facilitator or UserFactory()
    cohort = CohortFactory(
        course__format=CourseFormat.BLENDED, course__min_meetings=3, facilitator=facilitator
    )
    users = [EnrolmentFactory(cohort=cohort, status=EnrolmentStatus.ENROLLED).user for _i in range(learners)]
    return cohort, users


def make_group(*, members: int = 5, extra: int = 0, coordinator=None):
    cohort, users = make_cohort(learners=members + extra)
    coordinator = coordinator or UserFactory(roles=(Role.TRAINING_COORDINATOR,))
    group = intervision_group_create(
        cohort=cohort, name="Intervisie Noord", members=users[:members], actor=coordinator
    )
    return group, users


def past_meeting(group, *, days_ago: int = 7):
    starts = timezone.now() - timedelta(days=days_ago)
    event = EventFactory(
        starts_at=starts, ends_at=starts + timedelta(hours=2), region=group.cohort.course.region
    )
    intervision_meetings_link(group=group, events=[event])
    return event
