"""The area tree of a region (region → subregions → municipalities) and counting along it."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from veerkracht.core.indicators import UNKNOWN
from veerkracht.regions.models import Municipality, Region, Subregion

from ..models import AreaLevel

__all__ = ["UNKNOWN", "AreaTree", "median_by_area", "tally"]


@dataclass
class AreaTree:
    region_slug: str
    subregions: list[tuple[str, str]]  # (slug, name)
    municipalities: list[tuple[str, str, str | None]]  # (code, name, subregion slug)

    @classmethod
    def of(cls, region: Region) -> AreaTree:
        subregions = list(
            Subregion.objects.filter(region=region).order_by("name").values_list("slug", "name")
        )
        municipalities = list(
            Municipality.objects.filter(region=region)
            .order_by("name")
            .values_list("code", "name", "subregion__slug")
        )
        return cls(region_slug=region.slug, subregions=subregions, municipalities=municipalities)

    @cached_property
    def subregion_of(self) -> dict[str, str | None]:
        return {code: sub for code, _name, sub in self.municipalities}

    @cached_property
    def children(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """Each area made of other areas, with its parts (they add up to it)."""
        region = (AreaLevel.REGION.value, self.region_slug)
        tree: dict[tuple[str, str], list[tuple[str, str]]] = {region: []}
        for slug, _name in self.subregions:
            tree[(AreaLevel.SUBREGION.value, slug)] = []
            tree[region].append((AreaLevel.SUBREGION.value, slug))
        for code, _name, sub in self.municipalities:
            parent = (AreaLevel.SUBREGION.value, sub) if sub else region
            tree[parent].append((AreaLevel.MUNICIPALITY.value, code))
        tree[region].append((AreaLevel.MUNICIPALITY.value, UNKNOWN))
        return tree

    def all_areas(self) -> list[tuple[str, str]]:
        areas = [(AreaLevel.REGION.value, self.region_slug)]
        areas += [(AreaLevel.SUBREGION.value, slug) for slug, _name in self.subregions]
        areas += [(AreaLevel.MUNICIPALITY.value, code) for code, _name, _sub in self.municipalities]
        areas.append((AreaLevel.MUNICIPALITY.value, UNKNOWN))
        return areas

    def areas_of(self, code: str | None) -> list[tuple[str, str]]:
        """The municipality (or "unknown") and every area above it."""
        if code not in self.subregion_of:
            return [(AreaLevel.MUNICIPALITY.value, UNKNOWN), (AreaLevel.REGION.value, self.region_slug)]
        areas = [(AreaLevel.MUNICIPALITY.value, code)]
        if self.subregion_of[code]:
            areas.append((AreaLevel.SUBREGION.value, self.subregion_of[code]))
        areas.append((AreaLevel.REGION.value, self.region_slug))
        return areas


def tally(
    tree: AreaTree,
    items: Iterable[tuple[str | None, Mapping[str, str]]],
    categories: Mapping[str, Sequence[str]],
    *,
    people: bool = False,
) -> dict[tuple, tuple[float, int | None]]:
    """Count items per area, in total and per category of each breakdown; every cell present (0s too).

    `items` are (municipality code, {breakdown: category}). With `people`, the count is also the number
    of people behind the figure (it then falls under small-number protection).
    """
    counts: Counter = Counter()
    for code, cats in items:
        for area in tree.areas_of(code):
            counts[(*area, "", "")] += 1
            for breakdown in categories:
                counts[(*area, breakdown, cats.get(breakdown) or UNKNOWN)] += 1
    result = {}
    for area in tree.all_areas():
        keys = [(*area, "", "")] + [(*area, b, c) for b, cats in categories.items() for c in cats]
        for key in keys:
            n = counts.get(key, 0)
            result[key] = (float(n), n if people else None)
    return result


def median_by_area(
    tree: AreaTree, items: Iterable[tuple[str | None, float]]
) -> dict[tuple, tuple[float | None, int | None]]:
    """Median per area (no breakdown); n is the number of values it is based on."""
    values: dict[tuple, list[float]] = defaultdict(list)
    for code, value in items:
        for area in tree.areas_of(code):
            values[area].append(value)
    result = {}
    for area in tree.all_areas():
        found = values.get(area, [])
        result[(*area, "", "")] = (round(statistics.median(found), 1) if found else None, len(found))
    return result
