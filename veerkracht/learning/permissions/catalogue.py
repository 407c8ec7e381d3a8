"""The training coordinator's area: people with the role "coördinator scholing" and region admins.
Everyone else gets a 404 (not a 403), also for a guessed id."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from veerkracht.accounts.models import Role

from ..models import Cohort, Course, LearningPath

MAX_ID = 2**63


def is_coordinator(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and (user.has_role(Role.TRAINING_COORDINATOR) or user.has_role(Role.REGION_ADMIN))
    )


def require_coordinator(user) -> None:
    if not is_coordinator(user):
        raise Http404


def _get(user, queryset, pk: int):
    require_coordinator(user)
    if not 0 < pk < MAX_ID:
        raise Http404
    return get_object_or_404(queryset, pk=pk)


def get_course_for_user(user, pk: int, *, write: bool = True) -> Course:
    return _get(user, Course.objects.all(), pk)


def get_cohort_for_user(user, pk: int, *, write: bool = True) -> Cohort:
    return _get(user, Cohort.objects.select_related("course", "subregion", "facilitator"), pk)


def get_path_for_user(user, pk: int, *, write: bool = True) -> LearningPath:
    return _get(user, LearningPath.objects.all(), pk)
