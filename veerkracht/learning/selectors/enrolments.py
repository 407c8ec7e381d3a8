"""Reads about enrolments: "Mijn scholing" (with each course's requirements and the next course of a
learning path), the approval queue, a cohort's list for the coordinator, an organisation's staff."""

from __future__ import annotations

import itertools

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils import timezone

from veerkracht.accounts.models import Membership, Organisation
from veerkracht.regions.models import Region

from ..completion import requirements_for
from ..models import Cohort, Course, Enrolment, EnrolmentStatus, PathStep, TargetGroup
from ..models.enrolments import ACTIVE_STATUSES

Status = EnrolmentStatus


def has_enrolment_cache_key(user_id: int) -> str:
    return f"learning.has_enrolment:{user_id}"


def has_enrolment(user) -> bool:
    """For the menu on every page ("Mijn scholing"): kept in the cache (no query per page); the
    enrolment service forgets it when someone enrols, personal data when enrolments are erased."""
    if not (user and user.is_authenticated):
        return False
    key = has_enrolment_cache_key(user.pk)
    known = cache.get(key)
    if known is None:
        known = Enrolment.objects.filter(user=user).exists()
        cache.set(key, known, timeout=3600)
    return bool(known)


def my_enrolments(user) -> list[Enrolment]:
    """The learner's enrolments, running ones first; an ENROLLED one gets ``requirements``."""
    rows = list(
        Enrolment.objects.filter(user=user)
        .select_related("cohort__course", "cohort__subregion", "organisation")
        .order_by("-cohort__starts_on", "-pk")
    )
    for row in rows:
        row.requirements = requirements_for(row) if row.status in (Status.ENROLLED, Status.COMPLETED) else []
        row.position = waiting_position(row) if row.status == Status.WAITING else None
    order = {Status.ENROLLED: 0, Status.REQUESTED: 1, Status.WAITING: 2, Status.COMPLETED: 3}
    return sorted(rows, key=lambda row: order.get(row.status, 4))


def waiting_position(enrolment: Enrolment) -> int:
    """1 for the first on the waiting list of the cohort (oldest request first)."""
    ahead = Enrolment.objects.filter(cohort_id=enrolment.cohort_id, status=Status.WAITING).filter(
        Q(created_at__lt=enrolment.created_at) | Q(created_at=enrolment.created_at, pk__lt=enrolment.pk)
    )
    return ahead.count() + 1


def next_courses(user, enrolments: list[Enrolment]) -> list[tuple[Course, str]]:
    """For every completed course, the next course of each learning path it is in, unless the learner
    already followed or asked for that one: [(course, path title)]."""
    done = {e.cohort.course_id for e in enrolments if e.status == Status.COMPLETED}
    busy = {e.cohort.course_id for e in enrolments if e.status in (*ACTIVE_STATUSES, Status.COMPLETED)}
    if not done:
        return []
    steps = list(
        PathStep.objects.filter(path__steps__course_id__in=done)
        .select_related("course", "path")
        .distinct()
        .order_by("path_id", "order", "pk")
    )
    suggestions: dict[int, tuple[Course, str]] = {}
    by_path: dict[int, list[PathStep]] = {}
    for step in steps:
        by_path.setdefault(step.path_id, []).append(step)
    for chain in by_path.values():
        for before, after in itertools.pairwise(chain):
            if before.course_id in done and after.course_id not in busy and after.course.is_published:
                suggestions.setdefault(after.course_id, (after.course, after.path.title))
    return list(suggestions.values())


def approval_queue(region: Region) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(status=Status.REQUESTED, cohort__course__region=region)
        .select_related("user__profile", "cohort__course", "organisation")
        .order_by("created_at", "pk")
    )


def cohort_enrolments(cohort: Cohort) -> list[Enrolment]:
    """Everyone in a cohort, with status and completion (never quiz answers or reflections)."""
    order = {Status.ENROLLED: 0, Status.COMPLETED: 1, Status.REQUESTED: 2, Status.WAITING: 3}
    rows = list(
        Enrolment.objects.filter(cohort=cohort)
        .select_related("user__profile", "organisation")
        .order_by("created_at", "pk")
    )
    return sorted(rows, key=lambda row: order.get(row.status, 4))


def staff_of(organisation: Organisation) -> list:
    rows = Membership.objects.filter(organisation=organisation).select_related("user__profile")
    return sorted((m.user for m in rows), key=lambda user: user.display_name.lower())


def organisation_enrolments(organisation: Organisation) -> QuerySet[Enrolment]:
    members = Membership.objects.filter(organisation=organisation).values("user_id")
    return (
        Enrolment.objects.filter(Q(organisation=organisation) | Q(user_id__in=members))
        .select_related("user__profile", "cohort__course")
        .order_by("-cohort__starts_on", "pk")
    )


def open_cohorts(region: Region) -> QuerySet[Cohort]:
    """Cohorts one can still enrol in, of published courses of the region."""
    today = timezone.localdate()
    return (
        Cohort.objects.filter(
            course__region=region, course__published_at__lte=timezone.now(), starts_on__gte=today
        )
        .filter(Q(enrol_until__isnull=True) | Q(enrol_until__gte=today))
        .select_related("course")
        .order_by("course__title", "starts_on", "pk")
    )


def memberships_of(user) -> list[Organisation]:
    if not (user and user.is_authenticated):
        return []
    rows = Membership.objects.filter(user=user).select_related("organisation")
    return [m.organisation for m in rows]


def admin_organisations(user) -> list[Organisation]:
    from veerkracht.accounts.models import MembershipRole

    if not (user and user.is_authenticated):
        return []
    rows = Membership.objects.filter(user=user, role=MembershipRole.ADMIN).select_related("organisation")
    return [m.organisation for m in rows]


# --- For the monitor (indicators/catalogue.py) ---------------------------------------------------

WHOLE_REGION = "hele-regio"


def trained_rows(region: Region, as_of) -> list[tuple[int, str | None, str]]:
    """(person, municipality code, target group) of every enrolment completed up to `as_of`, oldest
    completion first (so the last row of a person is their latest course)."""
    return list(
        Enrolment.objects.filter(
            status=Status.COMPLETED, cohort__course__region=region, completed_at__lte=as_of
        )
        .order_by("completed_at", "pk")
        .values_list("user_id", "user__profile__municipality__code", "cohort__course__target_group")
    )


def completion_rows(region: Region, start, end) -> list[tuple[str | None, str]]:
    """(municipality code of the learner, target group) per enrolment completed in [start, end)."""
    return list(
        Enrolment.objects.filter(
            status=Status.COMPLETED,
            cohort__course__region=region,
            completed_at__gte=start,
            completed_at__lt=end,
        ).values_list("user__profile__municipality__code", "cohort__course__target_group")
    )


# --- For the network app: the ambassadors' workshop ----------------------------------------------
# A course counts as "the ambassador workshop" when its target group is ambassadors (TargetGroup).


def is_ambassador_course_completion(enrolment: Enrolment) -> bool:
    """The enrolment is completed and its course is meant for ambassadors."""
    return (
        enrolment.status == Status.COMPLETED
        and enrolment.cohort.course.target_group == TargetGroup.AMBASSADOR
    )


def ambassador_course_completed_on(user):
    """The date `user` first completed a course meant for ambassadors, or None."""
    moment = (
        Enrolment.objects.filter(
            user=user, status=Status.COMPLETED, cohort__course__target_group=TargetGroup.AMBASSADOR
        )
        .order_by("completed_at")
        .values_list("completed_at", flat=True)
        .first()
    )
    return timezone.localdate(moment) if moment else None
