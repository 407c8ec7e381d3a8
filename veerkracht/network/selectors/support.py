"""Reads for the support log: the filtered log, the summary per part of the region and per kind, and
the monitor's rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import ExtractYear

from veerkracht.accounts.models import Organisation, Role, User
from veerkracht.regions.models import Municipality, Region

from ..models import SupportEntry, SupportKind


@dataclass(frozen=True)
class SupportFilter:
    organisation: Organisation | None = None
    municipality: Municipality | None = None
    kind: str = ""
    year: int | None = None


def support_entries(region: Region, filters: SupportFilter) -> QuerySet[SupportEntry]:
    entries = SupportEntry.objects.filter(region=region)
    if filters.organisation is not None:
        entries = entries.filter(organisation=filters.organisation)
    if filters.municipality is not None:
        entries = entries.filter(municipality=filters.municipality)
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    if filters.year:
        entries = entries.filter(on__year=filters.year)
    return entries


def support_log(region: Region, filters: SupportFilter) -> QuerySet[SupportEntry]:
    return support_entries(region, filters).select_related(
        "organisation", "municipality", "given_by__profile"
    )


@dataclass(frozen=True)
class SummaryRow:
    label: str
    count: int
    hours: Decimal


@dataclass(frozen=True)
class SupportSummary:
    per_subregion: list[SummaryRow]
    per_kind: list[SummaryRow]
    total: SummaryRow


def _rows(entries: QuerySet, key: str) -> list[tuple]:
    return list(
        entries.values(key).annotate(n=Count("pk"), h=Sum("hours")).order_by().values_list(key, "n", "h")
    )


def support_summary(region: Region, filters: SupportFilter) -> SupportSummary:
    """Count and hours per part of the region (by the entry's municipality) and per kind (three queries)."""
    entries = support_entries(region, filters)
    per_subregion = sorted(
        (
            SummaryRow(name or "", n, h or Decimal(0))
            for name, n, h in _rows(entries, "municipality__subregion__name")
        ),
        key=lambda row: (not row.label, row.label),
    )
    by_kind = {kind: (n, h) for kind, n, h in _rows(entries, "kind")}
    per_kind = [
        SummaryRow(label, *by_kind[value]) for value, label in SupportKind.choices if value in by_kind
    ]
    totals = entries.aggregate(n=Count("pk"), h=Sum("hours"))
    return SupportSummary(per_subregion, per_kind, SummaryRow("", totals["n"], totals["h"] or Decimal(0)))


def support_years(region: Region) -> list[int]:
    years = (
        SupportEntry.objects.filter(region=region).annotate(y=ExtractYear("on")).values_list("y", flat=True)
    )
    return sorted(set(years), reverse=True)


def support_choices(region: Region) -> tuple[QuerySet, QuerySet, QuerySet]:
    """The region's organisations and municipalities, and the staff who can have given support."""
    organisations = Organisation.objects.filter(region=region).order_by("name")
    municipalities = Municipality.objects.filter(region=region).order_by("name")
    staff = (
        User.objects.filter(is_active=True, role_assignments__role__in=[Role.STAFF, Role.REGION_ADMIN])
        .distinct()
        .select_related("profile")
        .order_by("email")
    )
    return organisations, municipalities, staff


def support_rows_between(region: Region, start: date, end: date) -> list[tuple[str | None, str]]:
    """(municipality code, kind) of every entry in [start, end)."""
    return list(
        SupportEntry.objects.filter(region=region, on__gte=start, on__lt=end).values_list(
            "municipality__code", "kind"
        )
    )


def support_hours_between(region: Region, start: date, end: date) -> list[tuple[str | None, str, Decimal]]:
    """(municipality code, kind, summed hours) per municipality and kind in [start, end)."""
    return list(
        SupportEntry.objects.filter(region=region, on__gte=start, on__lt=end)
        .values("municipality__code", "kind")
        .annotate(h=Sum("hours"))
        .order_by()
        .values_list("municipality__code", "kind", "h")
    )
