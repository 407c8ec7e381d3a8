"""The training coordinator's area: people with the role "coördinator scholing" and region admins.
Everyone else gets a 404 (not a 403), also for a guessed id."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Cohort, Course, LearningPath
from . import require_coordinator

MAX_ID = 2**63


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
