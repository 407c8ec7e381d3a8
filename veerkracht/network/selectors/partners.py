"""Reads for partners: the applicant's own applications, the staff lists, an organisation's role
timeline (also for the public partner page in the action centre) and partners on a date (the monitor)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from veerkracht.accounts.models import Organisation
from veerkracht.regions.models import Region

from ..models import PartnerApplication, PartnerApplicationStatus, PartnerKind, PartnerRole

Status = PartnerApplicationStatus


def open_application_of(user) -> PartnerApplication | None:
    return PartnerApplication.objects.filter(user=user, status=Status.SUBMITTED).first()


def applications_of(user) -> list[PartnerApplication]:
    """The applicant's own applications, newest first, with the organisation (and its page) when accepted."""
    return list(
        PartnerApplication.objects.filter(user=user).select_related(
            "municipality", "organisation__partner_profile"
        )
    )


def applications_for_staff(region: Region, *, status: str = Status.SUBMITTED) -> QuerySet[PartnerApplication]:
    """Open applications oldest first (the next to read on top); decided ones newest decision first."""
    order = ("created_at", "pk") if status == Status.SUBMITTED else ("-decided_at", "-pk")
    return (
        PartnerApplication.objects.filter(region=region, status=status)
        .select_related("municipality", "user__profile", "decided_by__profile", "organisation")
        .order_by(*order)
    )


def application_counts(region: Region) -> dict[str, int]:
    rows = (
        PartnerApplication.objects.filter(region=region).values("status").annotate(n=Count("pk")).order_by()
    )
    counts = dict.fromkeys(Status.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


@dataclass(frozen=True)
class OrganisationRow:
    organisation: Organisation
    current: PartnerRole | None


def organisations_with_roles(region: Region) -> list[OrganisationRow]:
    """Every organisation of the region with its current role (two queries)."""
    organisations = list(
        Organisation.objects.filter(region=region).select_related("municipality").order_by("name", "pk")
    )
    current = {
        role.organisation_id: role
        for role in PartnerRole.objects.filter(organisation__region=region, ends_on__isnull=True)
    }
    return [OrganisationRow(o, current.get(o.pk)) for o in organisations]


def role_timeline(organisation: Organisation) -> list[PartnerRole]:
    """The organisation's roles, oldest first (one query)."""
    return list(PartnerRole.objects.filter(organisation=organisation).order_by("starts_on", "pk"))


def partner_roles_on(region: Region, day: date) -> list[tuple[str | None, str, str]]:
    """(municipality code, organisation type, role) of every partner of the region on `day`.

    An organisation with a role history counts by the role that covers `day` (none: not a partner that
    day). One without a history (added outside the application flow) counts from the day it was added,
    as core partner or supporter by its mark."""
    covering = PartnerRole.objects.filter(organisation__region=region, starts_on__lte=day).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=day)
    )
    rows = list(covering.values_list("organisation__municipality__code", "organisation__type", "kind"))
    without_history = (
        Organisation.objects.filter(region=region, created_at__date__lte=day)
        .exclude(Exists(PartnerRole.objects.filter(organisation=OuterRef("pk"))))
        .values_list("municipality__code", "type", "is_core_partner")
    )
    rows += [
        (code, kind, PartnerKind.CORE if core else PartnerKind.SUPPORTER)
        for code, kind, core in without_history
    ]
    return rows
