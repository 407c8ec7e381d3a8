"""Who may change the policy register.

The register is public to read. A municipality's entry may be changed by the people who know it
best, the municipality's own staff (any member of an organisation of type "gemeente" linked to that
municipality), and by region admins and superusers. Analysts read figures; they do not change the
register unless they work for the municipality.
"""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from veerkracht.accounts.models import Membership, OrganisationType
from veerkracht.accounts.permissions import is_region_admin, is_superuser
from veerkracht.regions.models import Municipality, Region
from veerkracht.regions.selectors import current_region


@rules.predicate
def works_for_municipality(user, municipality: Municipality | None) -> bool:
    if municipality is None or not (user and user.is_authenticated and user.is_active):
        return False
    return Membership.objects.filter(
        user=user,
        organisation__type=OrganisationType.MUNICIPALITY,
        organisation__municipality=municipality,
    ).exists()


_can_edit_policy = is_region_admin | is_superuser | works_for_municipality

rules.add_perm("policy.change_municipalitypolicy_object", _can_edit_policy)


def can_edit_policy(user, municipality: Municipality) -> bool:
    return bool(_can_edit_policy(user, municipality))


def get_municipality_for_policy(
    user, code: str, *, write: bool = False, region: Region | None = None
) -> Municipality:
    """The municipality with this CBS code in the region (default: this installation's region), with
    its policy entry loaded (``municipality.health_policy`` may not exist yet). 404 for an unknown code
    or a municipality elsewhere; with ``write``, PermissionDenied for someone who may not change it.
    Sets ``municipality.can_edit_policy`` for the templates."""
    region = region if region is not None else current_region()
    municipalities = (
        Municipality.objects.filter(region=region) if region is not None else Municipality.objects.none()
    )
    municipality = get_object_or_404(
        municipalities.select_related("subregion", "health_policy"), code=str(code)
    )
    municipality.can_edit_policy = can_edit_policy(user, municipality)
    if write and not municipality.can_edit_policy:
        raise PermissionDenied
    return municipality
