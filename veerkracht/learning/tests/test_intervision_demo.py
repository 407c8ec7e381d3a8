from __future__ import annotations

import pytest

from veerkracht.core.indicators import Window, get_indicator
from veerkracht.learning.demo import certificates as certificate_demo
from veerkracht.learning.demo import intervision as intervision_demo
from veerkracht.learning.models import Certificate, IntervisionGroup, Reflection
from veerkracht.learning.selectors.intervision import attendance, meetings_of, members_of

pytestmark = pytest.mark.django_db


def test_the_demo_runs_alone_and_twice(region):
    assert intervision_demo.load(region)
    group = IntervisionGroup.objects.get()
    members = members_of(group)
    assert 4 <= len(members) <= 8 and group.cohort.course.slug == "het-andere-gesprek-voeren"
    meetings = meetings_of(group)
    past = [event for event in meetings if event.is_past]
    assert len(meetings) == 6 and len(past) == 3
    assert sum(row["attended"] for row in attendance(group, members, past)) == 3 * len(members) - 2
    assert Reflection.objects.count() == 12
    assert certificate_demo.load(region)
    assert Certificate.objects.filter(revoked_at__isnull=False).count() == 1
    issued = Certificate.objects.count()
    assert issued >= 4
    assert intervision_demo.load(region) == [] and certificate_demo.load(region) == []
    assert Certificate.objects.count() == issued and IntervisionGroup.objects.count() == 1


def test_certificates_count_per_target_group_without_revoked(region):
    from django.utils import timezone

    intervision_demo.load(region)
    certificate_demo.load(region)
    indicator = get_indicator("learning_certificates_issued")
    start = timezone.now().replace(year=timezone.now().year - 1)
    rows = list(indicator.rows(Window(region=region, start=start, end=timezone.now(), as_of=timezone.now())))
    assert len(rows) == Certificate.objects.filter(revoked_at__isnull=True).count()
    assert {row[1]["course_target_group"] for row in rows} == {"professional"}
    assert indicator.about_residents


def test_the_demo_uses_the_catalogues_course_and_learners_when_they_are_there(region):
    from datetime import timedelta

    from django.utils import timezone

    from veerkracht.learning.models import CourseFormat, EnrolmentStatus

    from .factories.catalogue import CohortFactory, EnrolmentFactory

    cohort = CohortFactory(
        course__slug="het-andere-gesprek-voeren",
        course__format=CourseFormat.BLENDED,
        starts_on=timezone.localdate() - timedelta(days=60),
    )
    learners = [EnrolmentFactory(cohort=cohort).user for _i in range(4)]
    done = EnrolmentFactory(cohort=cohort, status=EnrolmentStatus.COMPLETED, completed_at=timezone.now())
    intervision_demo.load(region)
    group = IntervisionGroup.objects.get()
    cohort.refresh_from_db()
    assert group.cohort == cohort and cohort.facilitator is not None
    members = {user.pk for user in members_of(group)}
    assert {u.pk for u in learners} | {done.user_id} <= members and len(members) == 6
    certificate_demo.load(region)
    assert Certificate.objects.filter(enrolment=done).exists()
