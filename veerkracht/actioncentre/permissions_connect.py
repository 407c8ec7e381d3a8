"""Who may see and change what in "verbinden": lookup helpers that return the object or raise 404.

Hidden offers, private ambassador profiles and private partner pages are 404 for everyone else:
not 403, so a hidden page does not even reveal that it exists.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from veerkracht.accounts.models import Organisation, Role
from veerkracht.accounts.permissions import is_actioncentre_staff

from .models import AmbassadorProfile, Connection, Need, Offer, Request
from .tokens import hash_token

# The project's predicate (accounts.permissions), under the name this module's callers use.
is_staff = is_actioncentre_staff


def can_edit_partner(user, organisation: Organisation) -> bool:
    """Organisation admins (Membership role admin) and the back office (see accounts.permissions)."""
    return bool(user.is_authenticated and user.has_perm("accounts.change_organisation_object", organisation))


def get_offer_for_user(user, pk: int, *, write: bool = False) -> Offer:
    """An active offer for everyone; a hidden one, or any change, only for its owner."""
    offer = (
        Offer.objects.select_related("owner__profile", "organisation", "municipality", "subregion", "region")
        .filter(pk=pk)
        .first()
    )
    is_owner = offer is not None and user.is_authenticated and offer.owner_id == user.pk
    if offer is None or ((write or not offer.is_active) and not is_owner):
        raise Http404
    return offer


def get_ambassador_for_user(user, pk: int, region) -> AmbassadorProfile:
    profile = (
        AmbassadorProfile.objects.select_related("user__profile", "organisation", "municipality", "subregion")
        .filter(pk=pk, region=region)
        .first()
    )
    if profile is None:
        raise Http404
    is_self = user.is_authenticated and profile.user_id == user.pk
    if not is_self and not (profile.is_public and profile.user.has_role(Role.AMBASSADOR)):
        raise Http404
    return profile


def get_partner_for_user(user, slug: str, region, *, write: bool = False) -> Organisation:
    organisation = (
        Organisation.objects.select_related("municipality", "partner_profile")
        .filter(slug=slug, region=region)
        .first()
    )
    if organisation is None:
        raise Http404
    profile = getattr(organisation, "partner_profile", None)
    hidden = profile is not None and not profile.is_public
    if (write or hidden) and not can_edit_partner(user, organisation):
        raise Http404
    return organisation


def get_need_for_user(user, pk: int) -> Need:
    """Suggestions for a need: action-centre staff, or the owner of the initiative."""
    if not user.is_authenticated:
        raise Http404
    need = (
        Need.objects.select_related("initiative__municipality", "initiative__owner__profile")
        .filter(pk=pk)
        .first()
    )
    if need is None or not (is_staff(user) or need.initiative.owner_id == user.pk):
        raise Http404
    return need


def get_request_for_staff(user, pk: int) -> Request:
    if not is_staff(user):
        raise Http404
    request = Request.objects.select_related("municipality").filter(pk=pk).first()
    if request is None:
        raise Http404
    return request


def get_connection_for_token(token: str) -> Connection:
    """The private answer link works without an account; an unknown token is a 404."""
    token_hash = hash_token(token)
    connection = (
        Connection.objects.select_related("need__initiative", "request", "offer", "ambassador", "partner")
        .filter(Q(asker_token_hash=token_hash) | Q(helper_token_hash=token_hash))
        .first()
    )
    if connection is None:
        raise Http404
    return connection
