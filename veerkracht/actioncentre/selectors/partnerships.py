"""Reads for partners of initiatives: what the initiative's managers and the organisation's admins see."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from veerkracht.accounts.models import Membership, MembershipRole, Organisation

from ..models import Initiative, InitiativePartner, PartnerStatus


def accepted_partner_of(organisation: Organisation) -> Exists:
    """For an Initiative queryset: has `organisation` accepted to be named as its partner?"""
    return Exists(
        InitiativePartner.objects.filter(
            initiative=OuterRef("pk"), organisation=organisation, status=PartnerStatus.ACCEPTED
        )
    )


def partner_links_of(initiative: Initiative) -> list[InitiativePartner]:
    """Every organisation asked, with its answer and whether it has anyone who can answer."""
    admins = Membership.objects.filter(organisation=OuterRef("organisation_id"), role=MembershipRole.ADMIN)
    return list(
        initiative.partner_links.select_related("organisation")
        .annotate(has_admin=Exists(admins))
        .order_by("organisation__name", "pk")
    )


def partner_requests_of(organisation: Organisation) -> QuerySet[InitiativePartner]:
    """What initiatives asked this organisation: waiting ones first, then the answered ones."""
    return organisation.initiative_links.select_related(
        "initiative__municipality", "requested_by__profile"
    ).order_by("-status", "-requested_at", "-pk")
