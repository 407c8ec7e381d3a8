"""Municipality maps drawn server-side from the bundled CBS/PDOK boundaries (a choropleth as SVG).

The boundaries are a quantised, delta-encoded TopoJSON file (veerkracht/regions/data). We decode only the
arcs a region needs, project them equirectangularly with cos(latitude) scaling (good enough at the
size of a province), round to one decimal of a pixel and drop repeated points. Shared borders are
decoded from the same arc, so neighbours always line up. Boundaries never change while the site runs,
so the path strings per set of municipalities are computed once per process (``region_shapes`` is
memoised).

The SVG is a group of areas, one per municipality: a link (``<a>`` with an accessible name) when the
area has a URL, otherwise a named image. It is not one image: an image with links inside would hide the
links from assistive technology. Every page that shows a map also shows the same facts in a table,
which is the accessible version of the map, and the attribution ``ATTRIBUTION`` near the map. Like
``veerkracht.lib.svg`` it uses presentation attributes only (no ``style``), so it works under the site's
Content-Security-Policy and in WeasyPrint.

What the colours mean (classes, legends, labels) belongs to the caller:

    shapes = region_shapes(tuple(sorted(codes)))
    svg = choropleth_svg(
        shapes=shapes,
        areas=[Area(code, name, fill, f"{name}: 12 initiatieven", url) for ...],
        title="Kaart van Limburg: ...",
        title_id="kaart-titel",
    )
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

from django.utils.translation import gettext_lazy

from .svg import escape, fmt, nice_step, svg_root, tag

__all__ = [
    "ATTRIBUTION",
    "MAP_WIDTH",
    "NO_DATA_COLOUR",
    "SEQUENTIAL_COLOURS",
    "STROKE_COLOUR",
    "Area",
    "Shapes",
    "choropleth_svg",
    "nice_class",
    "nice_classes",
    "region_shapes",
    "sequential_class",
]

# Same folder as veerkracht.regions.services.DATA_DIR; spelled out so lib/ imports no app.
TOPOJSON_PATH = Path(__file__).resolve().parent.parent / "regions" / "data" / "gemeente_2025.topojson"
OBJECT_NAME = "gemeente_2025"
# Lazy, so it reads in the page's language ("Source: CBS / PDOK" on English pages).
ATTRIBUTION = gettext_lazy("Bron: CBS / PDOK")
MAP_WIDTH = 320
PADDING = 4

STROKE_COLOUR = "#4d4d4d"
# The map palette: for "more is darker" maps, "none" in light grey and then four shades of one hue (the
# site's teal, 174°), light to dark. One hue, so the classes differ in lightness only: that is what
# people with any kind of colour blindness (and a phone in the sun, or a grey print) still see. Each
# shade is chosen on relative luminance (WCAG 2), so neighbouring classes differ by a contrast ratio of
# at least 1.6:1 (none → 1: 1.65, 1 → 2: 1.64, 2 → 3: 1.62, 3 → 4: 1.72; luminance 0.89, 0.52, 0.30,
# 0.16, 0.07). veerkracht/lib/tests/test_charts.py holds it to at least 1.5:1.
NO_DATA_COLOUR = "#f2f2f2"
SEQUENTIAL_COLOURS = ("#7ccdc5", "#37a499", "#167e74", "#0a574f")


@dataclass(frozen=True)
class Shapes:
    width: int
    height: int
    paths: Mapping[str, str]  # municipality code → SVG path data


class Area(NamedTuple):
    """One municipality on the map. ``label`` is its accessible name (and tooltip); no ``url``: no link."""

    code: str
    name: str
    fill: str
    label: str
    url: str | None = None


# --- Geometry ---------------------------------------------------------------------------------


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


def _path_data(rings: Iterable[list[tuple[float, float]]], project: Callable) -> str:
    parts = []
    for ring in rings:
        points: list[str] = []
        for lon, lat in ring:
            x, y = project(lon, lat)
            point = f"{fmt(x, 1)} {fmt(y, 1)}"
            if not points or points[-1] != point:  # simplification: drop points that round together
                points.append(point)
        if len(points) >= 3:
            parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


@cache
def region_shapes(codes: tuple[str, ...], width: int = MAP_WIDTH) -> Shapes:
    """Path data for these municipality codes (a sorted tuple, so it can be the cache key).

    Codes without a boundary in the bundled file are left out (``paths`` has no entry for them).
    """
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


# --- Colours ----------------------------------------------------------------------------------


def sequential_class(value: float | None, maximum: float, classes: int = len(SEQUENTIAL_COLOURS)) -> int:
    """0 for nothing (None, zero or less); otherwise 1..classes by equal parts of ``maximum``."""
    if value is None or value <= 0 or maximum <= 0:
        return 0
    return max(1, min(classes, math.ceil(classes * value / maximum)))


def nice_classes(maximum: float, classes: int = len(SEQUENTIAL_COLOURS)) -> list[tuple[int, int]]:
    """Classes of whole numbers with a round width (1, 2 or 5 times a power of ten) that together cover
    1..``maximum``: (lowest, highest) per class, at most ``classes`` of them. ``nice_classes(793)`` is
    ``[(1, 200), (201, 400), (401, 600), (601, 800)]``: a legend that reads "201 tot en met 400"."""
    if maximum <= 0:
        return []
    step = int(nice_step(maximum, classes, whole=True))
    return [(k * step + 1, (k + 1) * step) for k in range(math.ceil(maximum / step))]


def nice_class(value: float | None, maximum: float, classes: int = len(SEQUENTIAL_COLOURS)) -> int:
    """0 for nothing (None, zero or less); otherwise the number (1..) of its class in ``nice_classes``."""
    if value is None or value <= 0 or maximum <= 0:
        return 0
    step = nice_step(maximum, classes, whole=True)
    return max(1, min(classes, math.ceil(value / step)))


# --- The map ----------------------------------------------------------------------------------


def choropleth_svg(
    *,
    shapes: Shapes,
    areas: Iterable[Area | tuple[str, str, str, str, str | None]],
    title: str,
    title_id: str = "kaart-titel",
    stroke: str = STROKE_COLOUR,
) -> str:
    """The map as an SVG string: one area per (code, name, fill, label, url_or_None), in that order.

    ``title_id`` must be unique on the page (two maps on one page need two ids). Areas whose code has
    no shape are skipped; the table beside the map still lists them.
    """
    parts = []
    for code, _name, fill, label, url in areas:
        data = shapes.paths.get(code)
        if data:
            parts.append(_area(data, fill, label, url, stroke))
    root = {"class": "vk-map__svg", "role": "group", "aria-labelledby": title_id}
    content = tag("title", {"id": title_id}, escape(title)) + "".join(parts)
    return svg_root(root, shapes.width, shapes.height, content)


def _area(data: str, fill: str, label: str, url: str | None, stroke: str) -> str:
    """One municipality: a link with an accessible name, or a named image without a URL."""
    path = tag(
        "path",
        {"d": data, "fill": fill, "stroke": stroke, "stroke-width": "0.75", "stroke-linejoin": "round"},
    )
    content = tag("title", {}, escape(label)) + path
    if url:
        return tag("a", {"href": url, "aria-label": label, "class": "vk-map__area"}, content)
    return tag("g", {"role": "img", "aria-label": label, "class": "vk-map__area"}, content)
