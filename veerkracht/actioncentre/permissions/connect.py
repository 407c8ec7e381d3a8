"""Who may see and change what in "verbinden": scoped querysets and lookup helpers (object or 404).

Hidden offers, private ambassador profiles and private partner pages are 404 for everyone else:
not 403, so a hidden page does not even reveal that it exists.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from veerkracht.accounts.models import MembershipRole, Organisation, Role, RoleAssignment
from veerkracht.accounts.permissions import can_use_back_office, is_actioncentre_staff

from ..models import AmbassadorProfile, Connection, Need, Offer, PartnerProfile
from ..tokens import hash_token


def can_edit_partner(user, organisation: Organisation) -> bool:
    """Organisation admins (Membership role admin) and the back office (see accounts.permissions)."""
    return bool(user.is_authenticated and user.has_perm("accounts.change_organisation_object", organisation))


def offers_for_user(user, *, write: bool = False) -> QuerySet[Offer]:
    """Active offers for everyone; hidden ones, and any change, only for their owner."""
    own = Q(owner=user) if user.is_authenticated else Q(pk__in=[])
    return Offer.objects.filter(own if write else Q(is_active=True) | own)


def get_offer_for_user(user, pk: int, *, write: bool = False) -> Offer:
    offers = offers_for_user(user, write=write).select_related(
        "owner__profile", "organisation", "municipality", "subregion", "region"
    )
    return get_object_or_404(offers, pk=pk)


def ambassadors_for_user(user, region) -> QuerySet[AmbassadorProfile]:
    """Public profiles of active people who (still) have the ambassador role; one's own profile always."""
    has_role = RoleAssignment.objects.filter(user=OuterRef("user_id"), role=Role.AMBASSADOR)
    visible = Q(is_public=True, user__is_active=True) & Q(Exists(has_role))
    if user.is_authenticated:
        visible |= Q(user=user)
    return AmbassadorProfile.objects.filter(visible, region=region)


def get_ambassador_for_user(user, pk: int, region) -> AmbassadorProfile:
    profiles = ambassadors_for_user(user, region).select_related(
        "user__profile", "organisation", "municipality", "subregion"
    )
    return get_object_or_404(profiles, pk=pk)


def partners_for_user(user, region, *, write: bool = False) -> QuerySet[Organisation]:
    """The region's organisations whose page this person may see (a public or not yet filled-in page)
    or, with `write`, change: the back office, and admins of the organisation itself."""
    organisations = Organisation.objects.filter(region=region)
    if user.is_authenticated and can_use_back_office(user):
        return organisations
    admin = Q(pk__in=[])
    if user.is_authenticated:
        admins = user.memberships.filter(role=MembershipRole.ADMIN, organisation_id=OuterRef("pk"))
        admin = Q(Exists(admins))
    if write:
        return organisations.filter(admin)
    return organisations.filter(Q(partner_profile__isnull=True) | Q(partner_profile__is_public=True) | admin)


def get_partner_for_user(user, slug: str, region, *, write: bool = False) -> Organisation:
    organisations = partners_for_user(user, region, write=write).select_related(
        "municipality", "partner_profile"
    )
    return get_object_or_404(organisations, slug=slug)


def needs_for_user(user) -> QuerySet[Need]:
    """Needs whose suggestions this person may see: all for staff, their own initiatives' for owners."""
    if not user.is_authenticated:
        return Need.objects.none()
    return Need.objects.all() if is_actioncentre_staff(user) else Need.objects.filter(initiative__owner=user)


def can_see_suggestions(user, initiative) -> bool:
    """Whether "Wie kan helpen?" leads somewhere for this person (the same rule as needs_for_user)."""
    if not user.is_authenticated:
        return False
    return is_actioncentre_staff(user) or (initiative.owner_id is not None and initiative.owner_id == user.pk)


def get_need_for_user(user, pk: int) -> Need:
    needs = needs_for_user(user).select_related("initiative__municipality", "initiative__owner__profile")
    return get_object_or_404(needs, pk=pk)


def get_helper_for_proposal(region_id: int, kind: str, pk: int) -> dict:
    """The chosen helper as service keyword arguments; only visible, public candidates of the region
    (an empty dict when the choice is not, or no longer, possible)."""
    if kind == "offer":
        offers = Offer.objects.filter(region_id=region_id, is_active=True).select_related("owner")
        offer = offers.filter(pk=pk).first()
        return {"offer": offer} if offer else {}
    if kind == "ambassador":
        profile = AmbassadorProfile.objects.filter(pk=pk, region_id=region_id, is_public=True).first()
        return {"ambassador": profile} if profile else {}
    profile = PartnerProfile.objects.filter(pk=pk, organisation__region_id=region_id, is_public=True).first()
    return {"partner": profile.organisation} if profile else {}


def get_connection_for_token(token: str) -> Connection:
    """The private answer link works without an account; an unknown token is a 404."""
    if not token or len(token) > 100:
        raise Http404
    token_hash = hash_token(token)
    connections = Connection.objects.select_related(
        "need__initiative", "request", "offer", "ambassador", "partner"
    ).filter(Q(asker_token_hash=token_hash) | Q(helper_token_hash=token_hash))
    return get_object_or_404(connections)
