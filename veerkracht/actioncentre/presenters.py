"""What the action centre's pages show, shaped from what the selectors read.

The initiatives map: how many public initiatives each municipality of the region has. The geometry and
the SVG come from ``veerkracht.lib.geo``; this module only knows what the colours mean for initiatives
(five classes: none and four shades of the site's primary colour, light to dark) and how to say that in
words (the legend and each municipality's accessible name). And the phase steps of an initiative.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from urllib.parse import quote

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.lib import geo
from veerkracht.lib.geo import ATTRIBUTION, MAP_WIDTH, STROKE_COLOUR, Area, Shapes, region_shapes

from .models import Initiative, Phase, PhaseChange

__all__ = [
    "ATTRIBUTION",
    "CLASS_COLOURS",
    "MAP_WIDTH",
    "STROKE_COLOUR",
    "Shapes",
    "choropleth_svg",
    "class_of",
    "count_label",
    "legend",
    "map_context",
    "phase_steps",
    "region_shapes",
]

CLASS_COLOURS = (geo.NO_DATA_COLOUR, *geo.SEQUENTIAL_COLOURS)


def class_of(count: int, maximum: int) -> int:
    """0 for none; otherwise 1–4 by quarter of the highest count."""
    return geo.sequential_class(count, maximum, classes=4)


def legend(maximum: int) -> list[dict]:
    """The classes that can occur for this maximum, with their range in words."""
    entries = [{"colour": CLASS_COLOURS[0], "label": _("geen initiatieven")}]
    for k in range(1, 5):
        low = math.floor((k - 1) * maximum / 4) + 1
        high = math.floor(k * maximum / 4)
        if maximum <= 0 or low > high:
            continue
        if low == high:
            label = ngettext("%(n)d initiatief", "%(n)d initiatieven", low) % {"n": low}
        else:
            label = _("%(low)d tot en met %(high)d initiatieven") % {"low": low, "high": high}
        entries.append({"colour": CLASS_COLOURS[k], "label": label})
    return entries


def count_label(name: str, count: int) -> str:
    return ngettext("%(name)s: %(n)d initiatief", "%(name)s: %(n)d initiatieven", count) % {
        "name": name,
        "n": count,
    }


def choropleth_svg(
    *,
    shapes: Shapes,
    municipalities: Iterable[tuple[str, str]],
    counts: Mapping[str, int],
    url_for: Callable[[str], str],
    title: str,
    title_id: str = "kaart-titel",
) -> str:
    """The map as an SVG string. `municipalities` are (code, name) pairs; `counts` by code."""
    maximum = max(counts.values(), default=0)
    areas = []
    for code, name in municipalities:
        count = counts.get(code, 0)
        fill = CLASS_COLOURS[class_of(count, maximum)]
        areas.append(Area(code, name, fill, count_label(name, count), url_for(code)))
    return geo.choropleth_svg(shapes=shapes, areas=areas, title=title, title_id=title_id)


def map_context(query: QueryDict, region, municipalities: Sequence, counts: dict[str, int]) -> dict:
    """The list page's map and its table: counts by CBS code, each municipality a link to the list
    filtered on it (keeping the other filters of `query`)."""
    base = query.copy()
    for key in ("gemeente", "page"):
        base.pop(key, None)
    # One link per municipality, built once (the map and the table share them).
    prefix = f"{reverse('initiatives:list')}?{base.urlencode()}{'&' if base else ''}gemeente="
    links = {m.code: prefix + quote(m.code) for m in municipalities}
    url_for = links.__getitem__
    pairs = [(m.code, m.name) for m in municipalities]
    svg = choropleth_svg(
        shapes=region_shapes(tuple(sorted(counts))),
        municipalities=pairs,
        counts=counts,
        url_for=url_for,
        title=_("Kaart van %(region)s: aantal initiatieven per gemeente") % {"region": region.name},
    )
    return {
        "map_svg": svg,
        "map_rows": [{"name": name, "count": counts[code], "url": url_for(code)} for code, name in pairs],
        "map_total": sum(counts.values()),
        "map_legend": legend(max(counts.values(), default=0)),
        "map_attribution": ATTRIBUTION,
    }


def phase_steps(initiative: Initiative, history: Sequence[PhaseChange]) -> list[dict]:
    """inspire → connect → accelerate, each done, current or still to come. A stopped initiative shows
    how far it got (the phase it stopped from)."""
    order = [Phase.INSPIRE, Phase.CONNECT, Phase.ACCELERATE]
    reached = initiative.phase
    if reached == Phase.STOPPED:
        stops = [c for c in history if c.to_phase == Phase.STOPPED]
        reached = stops[-1].from_phase if stops and stops[-1].from_phase in order else Phase.INSPIRE
    index = order.index(reached)
    current = initiative.phase != Phase.STOPPED

    def state(i: int) -> str:
        if i < index or (i == index and not current):
            return "done"
        return "current" if i == index else "todo"

    return [{"label": phase.label, "number": i + 1, "state": state(i)} for i, phase in enumerate(order)]
