"""Who may see and manage an initiative.

Public initiatives are open to everyone. An initiative waiting for approval (or not placed) exists only
for the people who manage it: its owner, members of its organisation and action-centre staff. Everyone
else gets a 404, which tells nothing about whether it exists.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from veerkracht.accounts.models import Membership, Organisation
from veerkracht.accounts.permissions import is_actioncentre_staff
from veerkracht.regions.models import Region

from ..models import Follow, Initiative, Need, Review
from ..selectors.initiatives import follow_for_token


def can_manage(user, initiative: Initiative) -> bool:
    if not user.is_authenticated:
        return False
    if is_actioncentre_staff(user) or initiative.owner_id == user.pk:
        return True
    return bool(
        initiative.organisation_id
        and Membership.objects.filter(user=user, organisation_id=initiative.organisation_id).exists()
    )


def _managed_by(user) -> Q:
    member = Membership.objects.filter(user=user, organisation_id=OuterRef("organisation_id"))
    return Q(owner=user) | Q(Exists(member))


def managed_initiatives(user, region: Region | None) -> QuerySet[Initiative]:
    """The region's initiatives this person manages: all for staff; their own and their organisations'."""
    if region is None or not user.is_authenticated:
        return Initiative.objects.none()
    initiatives = Initiative.objects.filter(region=region)
    return initiatives if is_actioncentre_staff(user) else initiatives.filter(_managed_by(user))


def visible_initiatives(user, region: Region | None) -> QuerySet[Initiative]:
    """What this person may see: the public initiatives, plus the ones they manage."""
    if region is None:
        return Initiative.objects.none()
    initiatives = Initiative.objects.filter(region=region)
    if not user.is_authenticated:
        return initiatives.filter(review=Review.PUBLIC)
    if is_actioncentre_staff(user):
        return initiatives
    return initiatives.filter(Q(review=Review.PUBLIC) | _managed_by(user))


def get_initiative_for_user(user, slug: str, region: Region | None, *, write: bool = False) -> Initiative:
    """The initiative with this slug in the region, if this person may see it (or, with `write`, manage
    it); otherwise 404. Sets ``initiative.can_manage`` for the templates."""
    initiatives = managed_initiatives(user, region) if write else visible_initiatives(user, region)
    initiative = get_object_or_404(
        initiatives.select_related("municipality", "subregion", "organisation", "owner__profile"), slug=slug
    )
    initiative.can_manage = write or can_manage(user, initiative)
    return initiative


def get_initiative_for_review(user, pk: int, region: Region | None) -> Initiative:
    """An initiative staff approve or turn down; 404 for anyone else."""
    initiatives = Initiative.objects.filter(region=region) if is_actioncentre_staff(user) else None
    return get_object_or_404(initiatives if initiatives is not None else Initiative.objects.none(), pk=pk)


def get_need_of(initiative: Initiative, pk: int) -> Need:
    """A need of an initiative this person manages (check the initiative first)."""
    return get_object_or_404(Need.objects.filter(initiative=initiative), pk=pk)


def organisations_for_owner(
    user, region: Region, initiative: Initiative | None = None
) -> QuerySet[Organisation]:
    """Organisations someone may name as the owner of an initiative: their own (staff: any in the region),
    and the one it already has."""
    organisations = Organisation.objects.filter(region=region).order_by("name")
    if is_actioncentre_staff(user):
        return organisations
    allowed = Q(memberships__user=user)
    if initiative is not None and initiative.organisation_id:
        allowed |= Q(pk=initiative.organisation_id)
    return organisations.filter(allowed).distinct()


def get_follow_for_token(token: str) -> Follow:
    """The follow of an unsubscribe link (no account needed: the signed token is the secret), or 404."""
    follow = follow_for_token(token)
    if follow is None:
        raise Http404
    return follow
