"""Partners: an applicant sees only their own applications; staff see the region's. Anything else: 404."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from veerkracht.accounts.models import Organisation

from ..models import PartnerApplication
from . import require_network_staff


def get_own_application(user, pk: int) -> PartnerApplication:
    return get_object_or_404(PartnerApplication.objects.filter(user=user), pk=pk)


def get_application_for_staff(user, pk: int, region) -> PartnerApplication:
    require_network_staff(user)
    applications = PartnerApplication.objects.filter(region=region).select_related(
        "municipality", "user__profile", "decided_by__profile", "organisation"
    )
    return get_object_or_404(applications, pk=pk)


def get_organisation_for_staff(user, slug: str, region) -> Organisation:
    require_network_staff(user)
    return get_object_or_404(
        Organisation.objects.filter(region=region).select_related("municipality"), slug=slug
    )
