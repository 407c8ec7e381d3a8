"""The coverage page: where the network of ambassadors is thin. A map of the region's municipalities
(``veerkracht.lib.geo``), darker where there are more active ambassadors (per 10,000 inhabitants when
the region loaded its population figures), and the same facts in a table per subregion."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.lib import geo
from veerkracht.lib.geo import ATTRIBUTION, Area, region_shapes

from ..selectors.coverage import Place

CLASS_COLOURS = (geo.NO_DATA_COLOUR, *geo.SEQUENTIAL_COLOURS)
PER = 10_000
# Thin: no active ambassador, or (with population figures) under half the region's rate, or (without
# them) just one.
THIN_SHARE = 0.5


@dataclass
class Row:
    place: Place
    rate: float | None  # active ambassadors per 10,000 inhabitants
    thin: bool


@dataclass
class Group:
    name: str
    rows: list[Row] = field(default_factory=list)
    ambassadors: int = 0
    population: int = 0
    rate: float | None = None
    thin: int = 0


def _rate(count: int, population: int | None) -> float | None:
    return count * PER / population if population else None


def _rows(places: list[Place]) -> tuple[list[Row], float | None]:
    with_population = all(p.population for p in places) and bool(places)
    region_rate = (
        _rate(sum(p.ambassadors for p in places), sum(p.population for p in places))
        if with_population
        else None
    )
    rows = []
    for place in places:
        rate = _rate(place.ambassadors, place.population) if with_population else None
        if place.ambassadors == 0:
            thin = True
        elif region_rate is not None:
            thin = rate < THIN_SHARE * region_rate
        else:
            thin = place.ambassadors == 1
        rows.append(Row(place=place, rate=rate, thin=thin))
    return rows, region_rate


def _groups(rows: list[Row]) -> list[Group]:
    groups: dict[str, Group] = {}
    for row in rows:
        group = groups.setdefault(row.place.subregion, Group(name=row.place.subregion or _("Overig")))
        group.rows.append(row)
        group.ambassadors += row.place.ambassadors
        group.population += row.place.population or 0
        group.thin += row.thin
    for group in groups.values():
        if all(r.rate is not None for r in group.rows):
            group.rate = _rate(group.ambassadors, group.population)
    return list(groups.values())


def _label(row: Row) -> str:
    text = ngettext(
        "%(name)s: %(n)d actieve ambassadeur", "%(name)s: %(n)d actieve ambassadeurs", row.place.ambassadors
    ) % {"name": row.place.name, "n": row.place.ambassadors}
    if row.rate is not None:
        text += " " + _("(%(rate)s per 10.000 inwoners)") % {"rate": f"{row.rate:.1f}".replace(".", ",")}
    return text + (" – " + _("dun") if row.thin else "")


def _legend(maximum: float, *, per_population: bool) -> list[dict]:
    entries = [{"colour": CLASS_COLOURS[0], "label": _("geen actieve ambassadeurs")}]
    if per_population:
        step = maximum / 4 if maximum > 0 else 0
        for k in range(1, 5):
            if step:
                low, high = (k - 1) * step, k * step
                label = _("%(low)s tot %(high)s per 10.000 inwoners") % {
                    "low": f"{low:.1f}".replace(".", ","),
                    "high": f"{high:.1f}".replace(".", ","),
                }
                entries.append({"colour": CLASS_COLOURS[k], "label": label})
        return entries
    for k, (low, high) in enumerate(geo.nice_classes(maximum), start=1):
        label = ngettext("%(low)d ambassadeur", "%(low)d ambassadeurs", low) % {"low": low}
        if high != low:
            label = _("%(low)d tot en met %(high)d ambassadeurs") % {"low": low, "high": high}
        entries.append({"colour": CLASS_COLOURS[k], "label": label})
    return entries


def coverage_context(region, places: list[Place]) -> dict:
    rows, region_rate = _rows(places)
    per_population = region_rate is not None
    values = [r.rate if per_population else r.place.ambassadors for r in rows]
    maximum = max(values, default=0) or 0
    areas = []
    for row, value in zip(rows, values, strict=True):
        if per_population:
            colour = CLASS_COLOURS[geo.sequential_class(value, maximum)]
        else:
            colour = CLASS_COLOURS[geo.nice_class(value, maximum)]
        areas.append(Area(row.place.code, row.place.name, colour, _label(row)))
    title = _("Kaart van %(region)s: actieve ambassadeurs per gemeente") % {"region": region.name}
    years = sorted({p.population_year for p in places if p.population_year})
    return {
        "map_svg": geo.choropleth_svg(
            shapes=region_shapes(tuple(sorted(p.code for p in places))), areas=areas, title=title
        ),
        "map_legend": _legend(maximum, per_population=per_population),
        "map_attribution": ATTRIBUTION,
        "groups": _groups(rows),
        "per_population": per_population,
        "population_years": years,
        "total": sum(p.ambassadors for p in places),
        "region_rate": region_rate,
        "thin_count": sum(r.thin for r in rows),
        "municipality_count": len(rows),
    }
