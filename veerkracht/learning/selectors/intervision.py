"""Reads of intervision groups: the coordinator's overview, a member's groups, a group's meetings,
reflections (for members and the facilitator only: callers checked) and attendance."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from veerkracht.agenda.selectors.attendees import checked_in_pairs
from veerkracht.agenda.selectors.events import events_by_ids

from ..models import Cohort, CourseFormat, Enrolment, EnrolmentStatus, IntervisionGroup, Reflection

FORMATS = (CourseFormat.INTERVISION, CourseFormat.BLENDED)


def groups_for_coordinator(region) -> list[IntervisionGroup]:
    return list(
        IntervisionGroup.objects.filter(cohort__course__region=region)
        .select_related("cohort__course", "cohort__facilitator__profile")
        .annotate(
            member_count=Count("members", distinct=True), meeting_count=Count("meetings", distinct=True)
        )
        .order_by("cohort__starts_on", "name", "pk")
    )


def cohorts_with_intervision(region) -> list[Cohort]:
    return list(
        Cohort.objects.filter(course__region=region, course__format__in=FORMATS)
        .select_related("course", "facilitator__profile")
        .order_by("-starts_on", "pk")
    )


def cohort_for_intervision(region, pk) -> Cohort | None:
    return (
        Cohort.objects.filter(course__region=region, course__format__in=FORMATS, pk=pk)
        .select_related("course__region", "facilitator")
        .first()
    )


def learners_without_group(cohort: Cohort) -> list:
    """The cohort's seated learners who are not yet in one of its intervision groups."""
    enrolments = (
        Enrolment.objects.filter(
            cohort=cohort, status__in=(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)
        )
        .exclude(user__in=cohort.intervision_groups.values("members__user"))
        .select_related("user__profile")
        .order_by("pk")
    )
    return [enrolment.user for enrolment in enrolments]


def groups_of(user) -> QuerySet[IntervisionGroup]:
    """The groups `user` is a member or the facilitator of."""
    if user is None or not user.is_authenticated:
        return IntervisionGroup.objects.none()
    return (
        IntervisionGroup.objects.filter(Q(members__user=user) | Q(cohort__facilitator=user))
        .select_related("cohort__course")
        .distinct()
        .order_by("name", "pk")
    )


def members_of(group: IntervisionGroup) -> list:
    return [
        member.user for member in group.members.select_related("user__profile").order_by("joined_at", "pk")
    ]


def meetings_of(group: IntervisionGroup) -> list:
    """The group's agenda events, past and coming, in order of time."""
    return events_by_ids(list(group.meetings.values_list("event_id", flat=True)))


def reflections_by_meeting(group: IntervisionGroup) -> dict[int, list[Reflection]]:
    found: dict[int, list[Reflection]] = {}
    for reflection in group.reflections.select_related("author__profile").order_by("created_at", "pk"):
        found.setdefault(reflection.event_id, []).append(reflection)
    return found


def attendance(group: IntervisionGroup, members: list, meetings: list) -> list[dict]:
    """Per member: for each meeting whether they were checked in, and how many they attended."""
    present = checked_in_pairs([event.pk for event in meetings], [member.pk for member in members])
    rows = []
    for member in members:
        marks = [(event.pk, member.pk) in present for event in meetings]
        rows.append({"member": member, "marks": marks, "attended": sum(marks)})
    return rows


def group_of_community_group(user, community_pk) -> IntervisionGroup | None:
    """The intervision group (of `user`) behind a closed group of the community app."""
    return groups_of(user).filter(community_group_id=community_pk).first()
