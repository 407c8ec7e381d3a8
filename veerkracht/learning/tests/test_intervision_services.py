from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.agenda.models import Event, EventKind, Registration, Visibility
from veerkracht.community.models import Group, GroupKind, GroupMeeting, Membership
from veerkracht.learning.models import CourseFormat, IntervisionMember, Reflection
from veerkracht.learning.services.intervision import (
    intervision_enrolment_released,
    intervision_enrolment_seated,
    intervision_group_create,
    intervision_meetings_plan,
    reflection_save,
)

from .factories.catalogue import CohortFactory, EnrolmentFactory
from .factories.intervision import make_cohort, make_group, past_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(region):
    return UserFactory(roles=(Role.TRAINING_COORDINATOR,))


def test_a_group_gets_its_closed_community_group_with_the_facilitator_as_admin(region, coordinator):
    group, users = make_group(members=5, coordinator=coordinator)
    community = Group.objects.get(pk=group.community_group_id)
    assert community.kind == GroupKind.INTERVISION
    admins = set(Membership.objects.filter(group=community, is_admin=True).values_list("user_id", flat=True))
    assert admins == {group.cohort.facilitator_id}
    members = set(
        Membership.objects.filter(group=community, is_admin=False).values_list("user_id", flat=True)
    )
    assert members == {u.pk for u in users[:5]}


def test_a_new_facilitator_takes_over_the_group_space(region, coordinator):
    from veerkracht.learning.services.catalogue import cohort_save

    group, _users = make_group(members=5, coordinator=coordinator)
    cohort, before = group.cohort, group.cohort.facilitator_id
    cohort.facilitator = UserFactory()
    cohort_save(cohort=cohort, meetings=list(cohort.meetings.all()), by=coordinator)
    community = Group.objects.get(pk=group.community_group_id)
    admins = set(Membership.objects.filter(group=community, is_admin=True).values_list("user_id", flat=True))
    assert admins == {cohort.facilitator_id}
    assert not Membership.objects.filter(group=community, user_id=before).exists()


@pytest.mark.parametrize("size", [3, 9])
def test_a_group_has_four_to_eight_members(region, coordinator, size):
    cohort, users = make_cohort(learners=size)
    with pytest.raises(ValidationError, match="4 tot en met 8"):
        intervision_group_create(cohort=cohort, name="Te klein of te groot", members=users, actor=coordinator)
    assert not Group.objects.exists() and not IntervisionMember.objects.exists()


def test_only_seated_learners_of_the_cohort_without_a_group_can_be_members(region, coordinator):
    cohort, users = make_cohort(learners=5)
    stranger = EnrolmentFactory().user
    with pytest.raises(ValidationError):
        intervision_group_create(cohort=cohort, name="X", members=[*users[:3], stranger], actor=coordinator)
    intervision_group_create(cohort=cohort, name="A", members=users[:4], actor=coordinator)
    with pytest.raises(ValidationError):
        intervision_group_create(cohort=cohort, name="B", members=users[1:5], actor=coordinator)


def test_a_course_without_intervision_or_a_cohort_without_facilitator_is_refused(region, coordinator):
    cohort = CohortFactory(course__format=CourseFormat.ELEARNING, facilitator=UserFactory())
    users = [EnrolmentFactory(cohort=cohort).user for _i in range(4)]
    with pytest.raises(ValidationError, match="geen intervisie"):
        intervision_group_create(cohort=cohort, name="X", members=users, actor=coordinator)
    cohort, users = make_cohort(learners=4)
    cohort.facilitator = None
    cohort.save()
    with pytest.raises(ValidationError, match="begeleider"):
        intervision_group_create(cohort=cohort, name="X", members=users, actor=coordinator)


def test_planning_puts_closed_training_meetings_in_the_agenda_for_the_cohort_and_group(region, coordinator):
    group, users = make_group(members=4, coordinator=coordinator)
    first = timezone.localdate() + timedelta(days=10)
    events = intervision_meetings_plan(
        group=group, actor=coordinator, first=first, starts=time(19), ends=time(21), count=4, weeks_between=2
    )
    assert len(events) == 4
    stored = Event.objects.filter(pk__in=[e.pk for e in events])
    assert {(e.kind, e.visibility) for e in stored} == {(EventKind.TRAINING, Visibility.CLOSED)}
    assert set(group.cohort.meetings.values_list("pk", flat=True)) == {e.pk for e in events}
    assert GroupMeeting.objects.filter(group_id=group.community_group_id).count() == 4
    assert Registration.objects.filter(event__in=stored, user__in=users[:4]).count() == 16
    assert group.cohort.facilitator in stored[0].organisers.all()


def test_planning_refuses_bad_times(region, coordinator):
    group, _users = make_group(members=4, coordinator=coordinator)
    first = timezone.localdate() + timedelta(days=10)
    with pytest.raises(ValidationError):
        intervision_meetings_plan(
            group=group,
            actor=coordinator,
            first=first,
            starts=time(21),
            ends=time(19),
            count=2,
            weeks_between=2,
        )
    with pytest.raises(ValidationError):
        intervision_meetings_plan(
            group=group,
            actor=coordinator,
            first=timezone.localdate() - timedelta(days=3),
            starts=time(19),
            ends=time(21),
            count=2,
            weeks_between=2,
        )
    assert not group.meetings.exists()


def test_members_follow_the_enrolments(region, coordinator):
    group, users = make_group(members=4, extra=2, coordinator=coordinator)
    newcomer = group.cohort.enrolments.get(user=users[4])
    intervision_enrolment_seated(enrolment=newcomer)
    assert group.members.filter(user=users[4]).exists()
    assert Membership.objects.filter(group_id=group.community_group_id, user=users[4]).exists()
    leaving = group.cohort.enrolments.get(user=users[0])
    assert intervision_enrolment_released(enrolment=leaving) == 1
    assert not group.members.filter(user=users[0]).exists()
    assert not Membership.objects.filter(group_id=group.community_group_id, user=users[0]).exists()


def test_a_full_group_takes_no_newcomer(region, coordinator):
    group, users = make_group(members=8, extra=1, coordinator=coordinator)
    intervision_enrolment_seated(enrolment=group.cohort.enrolments.get(user=users[8]))
    assert group.members.count() == 8


def test_a_member_writes_one_reflection_per_past_meeting_and_can_change_it(region, coordinator):
    group, users = make_group(coordinator=coordinator)
    event = past_meeting(group)
    first = reflection_save(group=group, event_id=event.pk, author=users[0], text="Ik leerde veel.")
    second = reflection_save(group=group, event_id=event.pk, author=users[0], text="Ik leerde nog meer.")
    assert first.pk == second.pk and Reflection.objects.get().text == "Ik leerde nog meer."


@pytest.mark.parametrize("case", ["outsider", "facilitator", "future", "other_event", "empty", "long"])
def test_reflections_are_refused_when_they_should_be(region, coordinator, case):
    group, users = make_group(coordinator=coordinator)
    event = past_meeting(group)
    author, text, event_id = users[0], "Goed gesprek.", event.pk
    if case == "outsider":
        author = UserFactory()
    elif case == "facilitator":
        author = group.cohort.facilitator
    elif case == "future":
        event_id = past_meeting(group, days_ago=-7).pk
    elif case == "other_event":
        event_id = event.pk + 1000
    elif case == "empty":
        text = "   "
    elif case == "long":
        text = "x" * 2001
    with pytest.raises(ValidationError):
        reflection_save(group=group, event_id=event_id, author=author, text=text)
    assert not Reflection.objects.exists()


def test_planning_the_same_dates_twice_makes_no_second_series(region, coordinator):
    group, _users = make_group(members=4, coordinator=coordinator)
    plan = {
        "group": group,
        "actor": coordinator,
        "first": timezone.localdate() + timedelta(days=10),
        "starts": time(19),
        "ends": time(21),
        "count": 2,
        "weeks_between": 2,
    }
    intervision_meetings_plan(**plan)
    with pytest.raises(ValidationError, match="al een bijeenkomst"):
        intervision_meetings_plan(**plan)
    assert group.meetings.count() == 2
