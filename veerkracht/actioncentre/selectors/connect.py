"""Reads for "verbinden": public lists of offers, ambassadors and partners; connections for staff.

Every list is one query plus a count (pagination), whatever the amount of data.
"""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from django.core.paginator import Page, Paginator
from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

from veerkracht.accounts.models import Organisation, Role, RoleAssignment
from veerkracht.core import search
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Municipality, Region

from ..models import AmbassadorProfile, Connection, ConnectionStatus, Initiative, Need, Offer, Request, Review
from .partnerships import accepted_partner_of


def active_offers(
    region: Region | None,
    *,
    help_type: str = "",
    theme: str = "",
    municipality_id: int | None = None,
    subregion_id: int | None = None,
    q: str = "",
) -> QuerySet[Offer]:
    """Visible offers, newest first. A place filter also shows offers for the whole region.

    "Newest" is the order they were added (primary key): the database reads that index backwards and
    stops after one page, where ordering by created_at (no index) sorts every matching offer.
    """
    # `is_active__in=[True]`: see matching.ranked_offers (keeps SQLite on the composite index).
    offers = Offer.objects.filter(region=region, is_active__in=[True])
    if help_type:
        offers = offers.filter(help_type=help_type)
    if theme:
        offers = offers.filter(THEMES.any_of("themes", [theme]))
    if municipality_id:
        offers = offers.filter(Q(municipality_id=municipality_id) | Q(municipality__isnull=True))
    elif subregion_id:
        offers = offers.filter(Q(subregion_id=subregion_id) | Q(municipality__isnull=True))
    if q:
        # The site's full-text index (Dutch stems, accents folded), not a scan of every text.
        found = search.matching_ids("offer", region, q)
        if found is not None:
            offers = offers.filter(pk__in=found)
    return offers.order_by("-pk")


def offers_nearby(
    region: Region, municipality: Municipality | None, dimension: str, *, limit: int
) -> list[Offer]:
    """Visible offers about this part of health: in the municipality or for the whole region first,
    then elsewhere in its subregion, then the rest; the newest first within each."""
    offers = Offer.objects.filter(region=region, is_active__in=[True]).filter(
        DIMENSIONS.any_of("dimensions", [dimension])
    )
    order = [Value(0)]
    if municipality is not None:
        order = [
            Case(
                When(Q(municipality_id=municipality.pk) | Q(municipality__isnull=True), then=Value(0)),
                When(subregion_id=municipality.subregion_id, then=Value(1)),
                default=Value(2),
            )
        ]
    return list(offers.select_related("municipality").order_by(*order, "-pk")[:limit])


def offers_page(offers: QuerySet[Offer], number, *, per_page: int = 20) -> Page:
    """One page of offers in two narrow steps: sort and count the ids, then load the page's rows.

    Joining owners and organisations before sorting would join every matching row (100,000 offers).
    """
    page = Paginator(offers.values_list("pk", flat=True), per_page).get_page(number)
    ids = list(page.object_list)
    loaded = Offer.objects.select_related("owner__profile", "organisation", "municipality").in_bulk(ids)
    page.object_list = [loaded[pk] for pk in ids if pk in loaded]
    return page


def offers_of(user) -> QuerySet[Offer]:
    return (
        Offer.objects.filter(owner=user)
        .select_related("organisation", "municipality")
        .order_by("-is_active", "-created_at", "-pk")
    )


def public_ambassadors(
    region: Region | int | None, *, subregion_id: int | None = None, theme: str = ""
) -> QuerySet[AmbassadorProfile]:
    """Public profiles of people who still have the ambassador role; available ones first."""
    has_role = RoleAssignment.objects.filter(user=OuterRef("user_id"), role=Role.AMBASSADOR)
    profiles = AmbassadorProfile.objects.filter(region=region, is_public=True, user__is_active=True).filter(
        Exists(has_role)
    )
    if subregion_id:
        profiles = profiles.filter(subregion_id=subregion_id)
    if theme:
        profiles = profiles.filter(THEMES.any_of("themes", [theme]))
    return profiles.select_related("user__profile", "organisation", "municipality", "subregion").order_by(
        "availability", "user__profile__display_name", "pk"
    )


def partner_organisations(region: Region | None, *, type: str = "") -> QuerySet[Organisation]:
    """The region's organisations with a public (or not yet filled in) page: core partners first."""
    organisations = Organisation.objects.filter(region=region).filter(
        Q(partner_profile__isnull=True) | Q(partner_profile__is_public=True)
    )
    if type:
        organisations = organisations.filter(type=type)
    return organisations.select_related("municipality").order_by("-is_core_partner", "name", "pk")


def partner_page(organisation: Organisation, *, limit: int = 50) -> dict:
    """What a partner's page shows besides the organisation itself (three queries)."""
    initiatives = (
        Initiative.objects.filter(review=Review.PUBLIC)
        .filter(Q(organisation=organisation) | Q(accepted_partner_of(organisation)))
        .select_related("municipality")
        .order_by("-created_at")
    )
    return {
        "offers": list(
            Offer.objects.filter(organisation=organisation, is_active=True)
            .select_related("municipality", "organisation", "owner__profile")
            .order_by("-created_at")[:limit]
        ),
        "ambassadors": list(
            public_ambassadors(organisation.region_id).filter(organisation=organisation)[:limit]
        ),
        "initiatives": list(initiatives[:limit]),
    }


def connections_for_staff(region: Region | None, *, status: str = "") -> QuerySet[Connection]:
    connections = Connection.objects.filter(region=region)
    if status:
        connections = connections.filter(status=status)
    return connections.select_related(
        "need__initiative", "request", "proposed_by__profile", "offer", "ambassador", "partner"
    ).order_by("-created_at", "-pk")


def connections_for(*, need: Need | None = None, request: Request | None = None) -> QuerySet[Connection]:
    """The introductions proposed for one need or one request, newest first."""
    return (need or request).connections.order_by("-created_at", "-pk")


def connections_accepted_count(region: Region | None, start: datetime, end: datetime) -> int:
    return connections_accepted_between(region, start, end).count()


def ambassador_profile_of(user) -> AmbassadorProfile | None:
    return AmbassadorProfile.objects.filter(user=user).first()


def connections_accepted_between(
    region: Region | None, start: datetime, end: datetime
) -> QuerySet[Connection]:
    """Introductions both sides said yes to, decided in [start, end): a movement indicator."""
    return Connection.objects.filter(
        region=region, status=ConnectionStatus.ACCEPTED, decided_at__gte=start, decided_at__lt=end
    )


def open_needs(region: Region | None, *, limit: int = 20) -> list[Need]:
    """The newest open needs of initiatives, for the staff's overview.

    Ordered by primary key (the order they were added): the database walks the key index and stops
    after `limit` rows, where ordering by created_at would sort every open need first.
    """
    # A correlated EXISTS (not a join) lets the database stop after `limit` matching needs.
    listed = Initiative.objects.filter(pk=OuterRef("initiative_id"), region=region).exclude(
        review=Review.REJECTED
    )
    return list(
        Need.objects.filter(Exists(listed), is_open=True).select_related("initiative").order_by("-pk")[:limit]
    )


# --- For the monitor (indicators.py): plain values per item, region-scoped ------------------------


def ambassadors_as_of(region: Region, moment: datetime) -> list[str | None]:
    """The municipality of every ambassador who had the role at `moment`."""
    return list(
        AmbassadorProfile.objects.filter(
            region=region,
            user__role_assignments__role=Role.AMBASSADOR,
            user__role_assignments__created_at__lt=moment,
        ).values_list("municipality__code", flat=True)
    )


def connections_made_between(region: Region, start: datetime, end: datetime) -> list[str | None]:
    """The municipality of every introduction both sides accepted in [start, end)."""
    return list(
        Connection.objects.filter(
            region=region, status=ConnectionStatus.ACCEPTED, decided_at__gte=start, decided_at__lt=end
        ).values_list(
            Coalesce("need__initiative__municipality__code", "request__municipality__code"), flat=True
        )
    )


def ambassadors_for_mail() -> list[SimpleNamespace]:
    """Every active ambassador who chose themes, for the community's weekly mail of open questions:
    user_id, email, region_id and themes (a THEMES bit set), public profile or not."""
    has_role = RoleAssignment.objects.filter(user=OuterRef("user_id"), role=Role.AMBASSADOR)
    rows = (
        AmbassadorProfile.objects.filter(user__is_active=True, themes__gt=0)
        .filter(Exists(has_role))
        .order_by("pk")
        .values_list("user_id", "user__email", "region_id", "themes")
    )
    return [
        SimpleNamespace(user_id=user_id, email=email, region_id=region_id, themes=themes)
        for user_id, email, region_id, themes in rows
    ]


def introductions_proposed_by(user_ids, *, since: datetime, until: datetime) -> list[dict]:
    """For other apps (the network counts what ambassadors do): every introduction proposed in
    [since, until) by one of ``user_ids``: ``connection``, ``user``, ``at`` and ``municipality`` (id of the
    initiative's or the request's municipality, or None)."""
    rows = Connection.objects.filter(
        proposed_by_id__in=list(user_ids), created_at__gte=since, created_at__lt=until
    ).values_list(
        "pk", "proposed_by_id", "created_at", "need__initiative__municipality_id", "request__municipality_id"
    )
    return [
        {"connection": pk, "user": user, "at": at, "municipality": need_place or request_place}
        for pk, user, at, need_place, request_place in rows
    ]
