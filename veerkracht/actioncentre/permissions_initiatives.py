"""Who may see and manage an initiative.

Public initiatives are open to everyone. An initiative waiting for approval (or not placed) exists only
for the people who manage it: its owner, members of its organisation and action-centre staff. Everyone
else gets a 404, which tells nothing about whether it exists.
"""

from __future__ import annotations

from django.http import Http404

from veerkracht.accounts.models import Membership
from veerkracht.accounts.permissions import is_actioncentre_staff
from veerkracht.regions.models import Region

from .models import Initiative, Need, Request

# The project's predicate (accounts.permissions), under the name this module's callers use.
is_staff = is_actioncentre_staff


def can_manage(user, initiative: Initiative) -> bool:
    if not user.is_authenticated:
        return False
    if is_staff(user) or initiative.owner_id == user.pk:
        return True
    return bool(
        initiative.organisation_id
        and Membership.objects.filter(user=user, organisation_id=initiative.organisation_id).exists()
    )


def get_initiative_for_user(user, slug: str, region: Region | None, *, write: bool = False) -> Initiative:
    """The initiative with this slug in the region, if this person may see it (or, with `write`, manage
    it); otherwise 404. Sets ``initiative.can_manage`` for the templates."""
    if region is None:
        raise Http404
    initiative = (
        Initiative.objects.select_related("municipality", "subregion", "organisation", "owner__profile")
        .filter(slug=slug, region=region)
        .first()
    )
    if initiative is None:
        raise Http404
    initiative.can_manage = can_manage(user, initiative)
    if initiative.can_manage:
        return initiative
    if write or not initiative.is_public:
        raise Http404
    return initiative


def get_need_of(initiative: Initiative, pk: int) -> Need:
    """A need of an initiative this person manages (check the initiative first)."""
    need = Need.objects.filter(pk=pk, initiative=initiative).first()
    if need is None:
        raise Http404
    return need


def get_request_for_staff(user, pk: int | str, region: Region | None) -> Request:
    """A request (idea) staff turn into an initiative; 404 for anyone else or an unknown number."""
    if region is None or not is_staff(user):
        raise Http404
    try:
        pk = int(pk)
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
    request = Request.objects.select_related("municipality").filter(pk=pk, region=region).first()
    if request is None:
        raise Http404
    return request
