"""Enrolments: a learner sees and cancels only their own; an organisation admin enrols staff of their own
organisation; coordinators decide. Anything else is a 404."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from veerkracht.accounts.models import Membership, MembershipRole, Organisation

from ..models import Cohort, Enrolment
from . import require_coordinator
from .catalogue import MAX_ID


def _valid(user, pk: int) -> None:
    if user is None or not user.is_authenticated or not 0 < pk < MAX_ID:
        raise Http404


def get_enrolment_for_user(user, pk: int, *, write: bool = False) -> Enrolment:
    """The visitor's own enrolment."""
    _valid(user, pk)
    return get_object_or_404(Enrolment.objects.select_related("cohort__course"), pk=pk, user=user)


def get_enrolment_for_coordinator(user, pk: int, *, write: bool = True) -> Enrolment:
    require_coordinator(user)
    _valid(user, pk)
    return get_object_or_404(Enrolment.objects.select_related("cohort__course", "user"), pk=pk)


def get_organisation_for_user(user, pk: int, *, write: bool = True) -> Organisation:
    """An organisation the visitor is an admin of (Membership role admin)."""
    _valid(user, pk)
    membership = get_object_or_404(
        Membership.objects.select_related("organisation"),
        organisation_id=pk,
        user=user,
        role=MembershipRole.ADMIN,
    )
    return membership.organisation


def get_cohort_to_enrol(user, pk: int) -> Cohort:
    """A cohort of a published course (the service says when enrolling is closed); 404 otherwise."""
    _valid(user, pk)
    published = Cohort.objects.select_related("course").filter(course__published_at__lte=timezone.now())
    return get_object_or_404(published, pk=pk)
