"""A choropleth of a region's municipalities, drawn server-side from the bundled CBS/PDOK boundaries.

The boundaries are a quantised, delta-encoded TopoJSON file (veerkracht/regions/data). We decode only the
arcs the region needs, project them equirectangularly with cos(latitude) scaling (good enough at the
size of a province), round to one decimal of a pixel and drop repeated points. Shared borders are
decoded from the same arc, so neighbours always line up. Boundaries never change while the site runs,
so the path strings per region are computed once per process (``region_shapes`` is memoised).

The SVG is a group of links (one ``<a>`` per municipality with an accessible name), not one image:
an image with links inside would hide the links from assistive technology. The page shows the same
numbers in a table, which is the accessible version of the map. Like ``veerkracht.lib.svg`` it uses
presentation attributes only (no ``style``), so it works under the site's Content-Security-Policy.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.regions.services import DATA_DIR

TOPOJSON_PATH = DATA_DIR / "gemeente_2025.topojson"
OBJECT_NAME = "gemeente_2025"
ATTRIBUTION = "Bron: CBS / PDOK"
MAP_WIDTH = 320
PADDING = 4

# Five classes: "none" and four shades of the site's primary colour, light to dark.
CLASS_COLOURS = ("#eeeeee", "#c5e4de", "#7cc0b2", "#2e8f80", "#0b6158")
STROKE_COLOUR = "#4d4d4d"


@dataclass(frozen=True)
class Shapes:
    width: int
    height: int
    paths: Mapping[str, str]  # municipality code → SVG path data


@cache
def _topology(path: Path = TOPOJSON_PATH) -> dict:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _decode_arc(topology: dict, index: int) -> list[tuple[float, float]]:
    """Absolute (lon, lat) points of one arc; a negative index (~i) means arc i reversed."""
    arc = topology["arcs"][~index if index < 0 else index]
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    x = y = 0
    points = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        points.append((x * sx + tx, y * sy + ty))
    return points[::-1] if index < 0 else points


def _rings(topology: dict, geometry: dict) -> list[list[tuple[float, float]]]:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    rings = []
    for polygon in polygons:
        for ring_arcs in polygon:
            ring: list[tuple[float, float]] = []
            for arc_index in ring_arcs:
                points = _decode_arc(topology, arc_index)
                # Consecutive arcs share their end/start point.
                ring.extend(points[1:] if ring else points)
            rings.append(ring)
    return rings


def _fmt(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def _path_data(rings: Iterable[list[tuple[float, float]]], project: Callable) -> str:
    parts = []
    for ring in rings:
        points: list[str] = []
        for lon, lat in ring:
            x, y = project(lon, lat)
            point = f"{_fmt(x)} {_fmt(y)}"
            if not points or points[-1] != point:  # simplification: drop points that round together
                points.append(point)
        if len(points) >= 3:
            parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


@cache
def region_shapes(codes: tuple[str, ...], width: int = MAP_WIDTH) -> Shapes:
    """Path data for these municipality codes (sorted tuple, so it can be the cache key)."""
    topology = _topology()
    geometries = {
        g["properties"]["statcode"]: g
        for g in topology["objects"][OBJECT_NAME]["geometries"]
        if g["properties"]["statcode"] in codes
    }
    rings = {code: _rings(topology, geometries[code]) for code in codes if code in geometries}
    if not rings:
        return Shapes(width=width, height=0, paths={})
    all_points = [p for code_rings in rings.values() for ring in code_rings for p in ring]
    min_lon, max_lon = min(p[0] for p in all_points), max(p[0] for p in all_points)
    min_lat, max_lat = min(p[1] for p in all_points), max(p[1] for p in all_points)
    # Equirectangular: a degree of longitude is cos(latitude) times as long as a degree of latitude.
    kx = math.cos(math.radians((min_lat + max_lat) / 2))
    scale = (width - 2 * PADDING) / max((max_lon - min_lon) * kx, 1e-9)
    height = math.ceil((max_lat - min_lat) * scale) + 2 * PADDING

    def project(lon: float, lat: float) -> tuple[float, float]:
        return PADDING + (lon - min_lon) * kx * scale, PADDING + (max_lat - lat) * scale

    paths = {code: _path_data(code_rings, project) for code, code_rings in rings.items()}
    return Shapes(width=width, height=height, paths=paths)


# --- Classes and legend -----------------------------------------------------------------------


def class_of(count: int, maximum: int) -> int:
    """0 for none; otherwise 1–4 by quarter of the highest count."""
    if count <= 0 or maximum <= 0:
        return 0
    return min(4, math.ceil(4 * count / maximum))


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
    links = []
    for code, name in municipalities:
        data = shapes.paths.get(code)
        if not data:
            continue
        count = counts.get(code, 0)
        label = count_label(name, count)
        links.append(
            f'<a href={quoteattr(url_for(code))} aria-label={quoteattr(label)} class="vk-map__area">'
            f"<title>{escape(label)}</title>"
            f'<path d="{data}" fill="{CLASS_COLOURS[class_of(count, maximum)]}" '
            f'stroke="{STROKE_COLOUR}" stroke-width="0.75" stroke-linejoin="round"/></a>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="vk-map__svg" role="group" '
        f'aria-labelledby="{title_id}" width="{shapes.width}" height="{shapes.height}" '
        f'viewBox="0 0 {shapes.width} {shapes.height}">'
        f'<title id="{title_id}">{escape(title)}</title>{"".join(links)}</svg>'
    )
