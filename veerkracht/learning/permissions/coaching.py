"""Who sees an organisation's implementation plan: its active coaches and training coordinators (who
also change it), and the organisation's admins (who read it and tick off steps) once the organisation
is or was coached. Everyone else gets a 404, also for a guessed id."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404

from veerkracht.accounts.models import Membership, MembershipRole, Organisation, Role

from ..models import CoachLink, PlanStep
from ..models.coaching import active_links_q
from . import is_coordinator

MAX_ID = 2**63


@dataclass(frozen=True)
class PlanAccess:
    organisation: Organisation
    can_edit: bool  # goals, steps and the contact log: coaches and coordinators
    can_mark_done: bool  # tick off a step: also the organisation's admins


def is_coach(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_role(Role.COACH))


def _is_active_coach(user, organisation_id: int) -> bool:
    return (
        is_coach(user)
        and CoachLink.objects.filter(active_links_q(), coach=user, organisation_id=organisation_id).exists()
    )


def _is_admin_of_coached(user, organisation_id: int) -> bool:
    return (
        Membership.objects.filter(
            user=user, organisation_id=organisation_id, role=MembershipRole.ADMIN
        ).exists()
        and CoachLink.objects.filter(organisation_id=organisation_id).exists()
    )


def get_plan_access_for_user(user, pk: int, region, *, write: bool = False) -> PlanAccess:
    """The organisation (of this region) and what the visitor may do with its plan; 404 when nothing.
    `write`: coaches and coordinators only."""
    if user is None or not user.is_authenticated or not 0 < pk < MAX_ID:
        raise Http404
    organisation = get_object_or_404(Organisation.objects.filter(region=region), pk=pk)
    if is_coordinator(user) or _is_active_coach(user, organisation.pk):
        return PlanAccess(organisation, can_edit=True, can_mark_done=True)
    if not write and _is_admin_of_coached(user, organisation.pk):
        return PlanAccess(organisation, can_edit=False, can_mark_done=True)
    raise Http404


def get_step_for_user(access: PlanAccess, pk: int) -> PlanStep:
    if not 0 < pk < MAX_ID:
        raise Http404
    return get_object_or_404(PlanStep.objects.filter(plan__organisation=access.organisation), pk=pk)


def get_link_for_coordinator(user, pk: int, region) -> CoachLink:
    if not is_coordinator(user) or not 0 < pk < MAX_ID:
        raise Http404
    return get_object_or_404(CoachLink.objects.filter(organisation__region=region), pk=pk)


def may_see_my_organisations(user) -> bool:
    """The menu entry: coaches."""
    return is_coach(user)
