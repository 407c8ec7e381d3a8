"""Reads for the coverage page: active ambassadors per municipality (counts only, never names), with
the municipality's subregion and inhabitants. Cached per data version: every change to an ambassador
raises the version (receivers_coverage.py), so the page reads two small queries at most once per change."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count

from veerkracht.regions.models import Municipality, Region

from ..models import Ambassador, AmbassadorStatus

CACHE_SECONDS = 600  # also bounds how long a newly loaded population file takes to show


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    subregion: str
    population: int | None
    population_year: int | None
    ambassadors: int


def _version_key(region_id: int) -> str:
    return f"network:coverage:version:{region_id}"


def coverage_version(region_id: int) -> int:
    return cache.get_or_set(_version_key(region_id), 1, None)


def coverage_changed(region_id: int) -> None:
    try:
        cache.incr(_version_key(region_id))
    except ValueError:
        cache.set(_version_key(region_id), 2, None)


def active_counts_by_municipality(region: Region) -> dict[int, int]:
    rows = (
        Ambassador.objects.filter(region=region, status=AmbassadorStatus.ACTIVE, municipality__isnull=False)
        .values("municipality_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["municipality_id"]: row["n"] for row in rows}


def coverage_places(region: Region) -> list[Place]:
    """Every municipality of the region with its number of active ambassadors, by subregion and name."""
    key = f"network:coverage:{region.pk}:{coverage_version(region.pk)}"
    places = cache.get(key)
    if places is None:
        counts = active_counts_by_municipality(region)
        places = [
            Place(
                code=m.code,
                name=m.name,
                subregion=m.subregion.name if m.subregion_id else "",
                population=m.population,
                population_year=m.population_year,
                ambassadors=counts.get(m.pk, 0),
            )
            for m in Municipality.objects.filter(region=region)
            .select_related("subregion")
            .order_by("subregion__name", "name")
        ]
        cache.set(key, places, CACHE_SECONDS)
    return places
