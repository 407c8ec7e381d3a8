"""Who answers for an organisation: its admins (Membership role admin) only.

The back office can change an organisation's page, but it cannot agree on the organisation's behalf
that it takes part in an initiative. Everyone else gets a 404.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from veerkracht.accounts.models import MembershipRole, Organisation
from veerkracht.regions.models import Region

from ..models import InitiativePartner


def get_organisation_as_admin(user, slug: str, region: Region | None) -> Organisation:
    organisations = Organisation.objects.none()
    if region is not None and user.is_authenticated:
        organisations = Organisation.objects.filter(
            region=region, memberships__user=user, memberships__role=MembershipRole.ADMIN
        )
    return get_object_or_404(organisations, slug=slug)


def get_partner_request_of(organisation: Organisation, pk: int) -> InitiativePartner:
    """A request to an organisation this person is admin of (check the organisation first)."""
    return get_object_or_404(organisation.initiative_links.select_related("initiative"), pk=pk)
