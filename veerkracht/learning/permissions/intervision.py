"""Who sees an intervision group. Members and the facilitator see the group and its reflections; the
training coordinator manages the group and sees attendance, never the reflections. Others: 404."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import IntervisionGroup
from . import is_coordinator


def _groups():
    return IntervisionGroup.objects.select_related("cohort__course__region", "cohort__facilitator")


def get_group_for_user(user, pk, *, write: bool = False) -> IntervisionGroup:
    """Read: a member or the facilitator. Write (manage, plan meetings): the training coordinator."""
    if user is None or not user.is_authenticated:
        raise Http404
    if write:
        if not is_coordinator(user):
            raise Http404
        return get_object_or_404(_groups(), pk=pk)
    group = get_object_or_404(
        _groups().filter(Q(members__user=user) | Q(cohort__facilitator=user)).distinct(), pk=pk
    )
    return group


def get_group_for_attendance(user, pk) -> IntervisionGroup:
    """Attendance: the facilitator and the training coordinator (not the members)."""
    if user is None or not user.is_authenticated:
        raise Http404
    groups = _groups() if is_coordinator(user) else _groups().filter(cohort__facilitator=user)
    return get_object_or_404(groups, pk=pk)


def is_member(group: IntervisionGroup, user) -> bool:
    return group.members.filter(user=user).exists()
