"""What the monitor counts (people trained, completions) and what a learner downloads and erases."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.core.indicators import Window, get_indicator
from veerkracht.core.personal_data import export_all, registered
from veerkracht.learning.models import Enrolment, EnrolmentStatus
from veerkracht.learning.tests.factories.catalogue import CohortFactory, CourseFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db
Status = EnrolmentStatus


def _window(region, start, end) -> Window:
    return Window(region=region, start=start, end=end, as_of=end)


def test_people_trained_count_each_person_once_and_completions_per_period(region, resident):
    subregion = region.subregions.order_by("name").first()
    completed = timezone.make_aware(datetime(2021, 5, 1))
    volunteers = CourseFactory(target_group="volunteer")
    for course, sub in ((CourseFactory(), subregion), (CourseFactory(), None), (volunteers, subregion)):
        EnrolmentFactory(
            user=resident,
            cohort=CohortFactory(course=course, subregion=sub),
            status=Status.COMPLETED,
            completed_at=completed,
        )
    EnrolmentFactory(cohort=CohortFactory(), status=Status.ENROLLED)
    window = _window(
        region, timezone.make_aware(datetime(2021, 1, 1)), timezone.make_aware(datetime(2022, 1, 1))
    )
    people = list(get_indicator("learning_people_trained").rows(window))
    assert people == [("GM0935", {})]
    # Once per person (the cells add up to the total): under the target group of the latest course.
    cells = list(get_indicator("learning_people_trained_by_group").rows(window))
    assert cells == [("GM0935", {"course_target_group": "volunteer"})]
    assert len(list(get_indicator("learning_completions").rows(window))) == 3
    earlier = _window(region, completed - timedelta(days=400), completed - timedelta(days=1))
    assert list(get_indicator("learning_people_trained").rows(earlier)) == []
    assert list(get_indicator("learning_completions").rows(earlier)) == []


def _erase(user) -> None:
    """The learning app's part of deleting an account."""
    next(d for d in registered() if d.app == "learning").erase(user)


def test_the_export_has_the_enrolments_and_erasing_frees_the_seat_for_the_waiting_list(region, resident):
    cohort = CohortFactory(capacity=1, course=CourseFactory(title="Basis"))
    EnrolmentFactory(cohort=cohort, user=resident, decline_reason="")
    waiting = EnrolmentFactory(cohort=cohort, status=Status.WAITING)
    data = export_all(resident)
    assert any(row["course"] == "Basis" for row in data["learning_enrolments"])
    _erase(resident)
    assert not Enrolment.objects.filter(user=resident).exists()
    waiting.refresh_from_db()
    assert waiting.status == Status.ENROLLED


def test_erasing_a_coordinator_keeps_their_decisions_without_their_name(region):
    coordinator = UserFactory(roles=("training_coordinator",))
    enrolment = EnrolmentFactory(decided_by=coordinator, enrolled_by=coordinator)
    _erase(coordinator)
    enrolment.refresh_from_db()
    assert enrolment.decided_by is None and enrolment.enrolled_by is None
