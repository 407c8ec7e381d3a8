"""Reads of implementation coaching: a coach's organisations, an organisation's plan page, and the
coordinator's overview (organisations coached per subregion, the last contact of each)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from veerkracht.accounts.models import Membership, MembershipRole, Organisation, Role, User
from veerkracht.regions.models import Region

from ..models import CoachingContact, CoachLink, ImplementationPlan, PlanStep
from ..models.coaching import active_links_q


def last_contacts(organisation_ids) -> dict[int, date]:
    return dict(
        CoachingContact.objects.filter(plan__organisation_id__in=list(organisation_ids))
        .values_list("plan__organisation_id")
        .annotate(last=Max("happened_on"))
        .values_list("plan__organisation_id", "last")
    )


@dataclass(frozen=True)
class OrganisationRow:
    organisation: Organisation
    last_contact: date | None
    as_coach: bool


def my_organisations(user, region: Region) -> list[OrganisationRow]:
    """Organisations this person coaches now, and those they are admin of that are (or were) coached."""
    coached = list(
        Organisation.objects.filter(
            region=region,
            pk__in=CoachLink.objects.filter(active_links_q(), coach=user).values("organisation_id"),
        ).order_by("name")
    )
    admin_of = list(
        Organisation.objects.filter(
            region=region,
            pk__in=Membership.objects.filter(user=user, role=MembershipRole.ADMIN).values("organisation_id"),
        )
        .filter(pk__in=CoachLink.objects.values("organisation_id"))
        .exclude(pk__in=[o.pk for o in coached])
        .order_by("name")
    )
    last = last_contacts([o.pk for o in coached + admin_of])
    return [OrganisationRow(o, last.get(o.pk), True) for o in coached] + [
        OrganisationRow(o, last.get(o.pk), False) for o in admin_of
    ]


@dataclass(frozen=True)
class PlanPage:
    plan: ImplementationPlan | None
    steps: list[PlanStep]
    contacts: list[CoachingContact]
    coaches: list[CoachLink]


def plan_page(organisation: Organisation) -> PlanPage:
    plan = ImplementationPlan.objects.filter(organisation=organisation).first()
    steps = list(PlanStep.objects.filter(plan=plan)) if plan else []
    contacts = (
        list(CoachingContact.objects.filter(plan=plan).select_related("author__profile")) if plan else []
    )
    coaches = list(
        CoachLink.objects.filter(active_links_q(), organisation=organisation)
        .select_related("coach__profile")
        .order_by("starts_on", "pk")
    )
    return PlanPage(plan, steps, contacts, coaches)


def coaches_of_region(region: Region) -> QuerySet[User]:
    """People with the coach role (any region: a coach may work across the border)."""
    return (
        User.objects.filter(is_active=True, role_assignments__role=Role.COACH)
        .select_related("profile")
        .order_by("profile__display_name", "email")
    )


def organisations_of(region: Region) -> QuerySet[Organisation]:
    return Organisation.objects.filter(region=region).order_by("name")


@dataclass(frozen=True)
class Overview:
    links: list[tuple[CoachLink, date | None]]  # each running link, with its organisation's last contact
    per_subregion: list[tuple[str, int]]  # (subregion name or "", organisations coached now)
    coaches_active: int


def coaching_overview(region: Region) -> Overview:
    links = list(
        CoachLink.objects.filter(active_links_q(), organisation__region=region)
        .select_related("coach__profile", "organisation__municipality__subregion")
        .order_by("organisation__name", "starts_on", "pk")
    )
    per_subregion = list(
        Organisation.objects.filter(
            region=region, pk__in=CoachLink.objects.filter(active_links_q()).values("organisation_id")
        )
        .values_list("municipality__subregion__name")
        .annotate(n=Count("pk"))
        .order_by("municipality__subregion__name")
    )
    last = last_contacts({link.organisation_id for link in links})
    return Overview(
        links=[(link, last.get(link.organisation_id)) for link in links],
        per_subregion=[(name or "", n) for name, n in per_subregion],
        coaches_active=len({link.coach_id for link in links}),
    )


def active_coaches_between(region: Region, start, end) -> list[int]:
    """Coaches who logged a contact with an organisation of the region in [start, end) (ids)."""
    return list(
        CoachingContact.objects.filter(
            plan__organisation__region=region,
            happened_on__gte=timezone.localtime(start).date(),
            happened_on__lt=timezone.localtime(end).date(),
            author__isnull=False,
        )
        .values_list("author_id", flat=True)
        .distinct()
    )


def coached_organisations_on(region: Region, moment) -> list[str | None]:
    """The municipality code of each organisation coached the day before `moment` (end of a period)."""
    day = timezone.localtime(moment).date() - timedelta(days=1)
    return list(
        Organisation.objects.filter(
            region=region, pk__in=CoachLink.objects.filter(active_links_q(on=day)).values("organisation_id")
        ).values_list("municipality__code", flat=True)
    )
