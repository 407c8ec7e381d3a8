"""The areas of a region as pages name and choose them."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..compute.areas import UNKNOWN, AreaTree
from ..models import AreaLevel


@dataclass
class Area:
    level: str
    code: str
    name: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.level, self.code)


def region_area(tree: AreaTree, region) -> Area:
    return Area(AreaLevel.REGION.value, tree.region_slug, region.movement_name)


def area_names(tree: AreaTree, *, region_name: str | None = None) -> dict[tuple[str, str], str]:
    """{(level, code): name} of every area, "gemeente onbekend" included; the region as `region_name`
    (default: "hele regio")."""
    names = {(AreaLevel.REGION.value, tree.region_slug): region_name or _("hele regio")}
    names.update({(AreaLevel.SUBREGION.value, slug): name for slug, name in tree.subregions})
    names.update({(AreaLevel.MUNICIPALITY.value, code): name for code, name, _s in tree.municipalities})
    names[(AreaLevel.MUNICIPALITY.value, UNKNOWN)] = _("gemeente onbekend")
    return names


def area_for_code(tree: AreaTree, code: str) -> Area | None:
    """The subregion (slug) or municipality (CBS code) with this code; None for an unknown code."""
    names = area_names(tree)
    for level in (AreaLevel.MUNICIPALITY.value, AreaLevel.SUBREGION.value):
        if code and code != UNKNOWN and (level, code) in names:
            return Area(level, code, names[(level, code)])
    return None


def area_choices(tree: AreaTree) -> list[tuple[str, str]]:
    choices = [("", _("hele regio"))]
    choices += [(slug, name) for slug, name in tree.subregions]
    choices += [(code, name) for code, name, _s in tree.municipalities]
    return choices


def area_with_parts(tree: AreaTree, area: Area) -> set[tuple[str, str]]:
    """The area and every area in it (a region: its subregions and all municipalities)."""
    areas = {area.key}
    if area.level == AreaLevel.REGION:
        areas |= set(tree.children[area.key])
        areas |= {(AreaLevel.MUNICIPALITY.value, code) for code, _n, _s in tree.municipalities}
    elif area.level == AreaLevel.SUBREGION:
        areas |= set(tree.children[area.key])
    return areas
