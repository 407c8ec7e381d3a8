"""The spider web (a radar chart) and the sparkline of one dimension over time, as SVG.

Built from ``svg``'s building blocks, under the same rules (see there). For assistive technology each
chart is one image: the root has ``role="img"`` with a title (and for the spider web a description)
and everything inside is ``aria-hidden``, because the page shows the same numbers in a data table.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .svg import (
    ASCENT,
    CURRENT_COLOUR,
    DESCENT,
    FONT_FAMILY,
    GRID_COLOUR,
    LINE_HEIGHT,
    MUTED_TEXT_COLOUR,
    OUTER_GRID_COLOUR,
    PREVIOUS_COLOUR,
    TEXT_COLOUR,
    check_max_value,
    check_value,
    clean_text,
    escape,
    group,
    number_text,
    point_list,
    step_decimals,
    svg_root,
    tag,
    text_width,
    truncate_text,
    wrap_text,
)

__all__ = ["CURRENT", "PREVIOUS", "Series", "sparkline_svg", "spider_web_svg"]

CURRENT = "current"
PREVIOUS = "previous"
SERIES_KINDS = (CURRENT, PREVIOUS)

MIN_AXES = 3
MAX_AXES = 12
MIN_WEB_SIZE = 200
RING_COUNT = 5
# The ring values (0, 2, … 10) are read on a phone, where the web is shown about as wide as the screen
# (a 360 wide web at some 350 px on a 390 px phone): never smaller than this, so at least 12 px there.
MIN_RING_FONT = 13.0

_ID_PREFIX = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


@dataclass(frozen=True)
class Series:
    """One polygon on the spider web.

    ``values`` has one entry per axis (``None`` = not answered); ``kind`` is ``"current"`` (solid, drawn on
    top) or ``"previous"`` (dashed, drawn underneath).
    """

    name: str
    values: Sequence[float | None]
    kind: str = CURRENT


# --------------------------------------------------------------------------------------------------------
# Validation


def _validate_web(
    labels: Sequence[str], series: Sequence[Series], size: int, max_value: float, id_prefix: str
) -> None:
    if not MIN_AXES <= len(labels) <= MAX_AXES:
        raise ValueError(f"a spider web needs {MIN_AXES}..{MAX_AXES} axes, got {len(labels)}")
    if size < MIN_WEB_SIZE:
        raise ValueError(f"size must be at least {MIN_WEB_SIZE}, not {size}")
    if not _ID_PREFIX.fullmatch(id_prefix):
        raise ValueError(f"id_prefix {id_prefix!r} is not a valid XML id")
    for index, item in enumerate(series):
        if item.kind not in SERIES_KINDS:
            raise ValueError(f"series {index}: kind must be one of {SERIES_KINDS}, not {item.kind!r}")
        if len(item.values) != len(labels):
            raise ValueError(
                f"series {index}: {len(item.values)} values for {len(labels)} axes; one per axis needed"
            )
        for axis, value in enumerate(item.values):
            check_value(value, max_value, f"series {index}, axis {axis}")


# --------------------------------------------------------------------------------------------------------
# Spider web geometry

_PADDING = 4.0


def _direction(axis: int, count: int) -> tuple[float, float]:
    """Unit vector of an axis: axis 0 points up (12 o'clock), the others follow clockwise."""
    angle = 2 * math.pi * axis / count
    return math.sin(angle), -math.cos(angle)


@dataclass(frozen=True)
class _LabelBlock:
    """An axis label as 1 or 2 lines, with its text anchor and its box relative to the anchor point."""

    lines: tuple[str, ...]
    anchor: str  # SVG text-anchor
    left: float
    right: float
    top: float
    bottom: float


@dataclass(frozen=True)
class _Layout:
    """Final geometry of a spider web."""

    width: float
    height: float
    cx: float
    cy: float
    radius: float
    font_size: float
    label_gap: float
    blocks: tuple[_LabelBlock, ...]
    legend_top: float

    @property
    def count(self) -> int:
        return len(self.blocks)

    def point(self, axis: int, fraction: float) -> tuple[float, float]:
        """Position at ``fraction`` (0 = centre, 1 = outer ring) along an axis."""
        ux, uy = _direction(axis, self.count)
        return self.cx + ux * self.radius * fraction, self.cy + uy * self.radius * fraction

    def label_anchor(self, axis: int) -> tuple[float, float]:
        """Where an axis label is anchored: on the axis, just outside the outer ring."""
        return self.point(axis, (self.radius + self.label_gap) / self.radius)


def _text_anchor(ux: float) -> str:
    if abs(ux) < 0.2:
        return "middle"
    return "start" if ux > 0 else "end"


def _label_block(lines: tuple[str, ...], ux: float, uy: float, font_size: float) -> _LabelBlock:
    """Box of a label relative to its anchor point.

    Horizontally the text anchor follows the side of the web; vertically the block is pushed outwards by
    half its height times the vertical direction, so a label at the top sits above its anchor point, one at
    the bottom below it and one at the side centred on it.
    """
    width = max(text_width(line, font_size) for line in lines)
    height = (ASCENT + DESCENT + LINE_HEIGHT * (len(lines) - 1)) * font_size
    anchor = _text_anchor(ux)
    left = {"start": 0.0, "middle": -width / 2, "end": -width}[anchor]
    centre_y = uy * height / 2
    return _LabelBlock(lines, anchor, left, left + width, centre_y - height / 2, centre_y + height / 2)


def _centre_range(
    blocks: Sequence[_LabelBlock], directions: Sequence[tuple[float, float]], width: float, distance: float
) -> tuple[float, float]:
    """Centre x positions keeping every label inside ``0..width`` with labels at ``distance``.

    The range is empty (low > high) when the labels do not fit at that distance.
    """
    pairs = list(zip(blocks, directions, strict=True))
    low = max(_PADDING - block.left - ux * distance for block, (ux, _) in pairs)
    high = min(width - _PADDING - block.right - ux * distance for block, (ux, _) in pairs)
    return low, high


def _fit_distance(
    blocks: Sequence[_LabelBlock],
    directions: Sequence[tuple[float, float]],
    width: float,
    shortest: float,
    longest: float,
) -> float | None:
    """Largest label distance in ``shortest..longest`` at which all labels fit, or None if none does."""

    def fits(distance: float) -> bool:
        low, high = _centre_range(blocks, directions, width, distance)
        return low <= high

    if fits(longest):
        return longest
    if not fits(shortest):
        return None
    for _ in range(30):  # bisection; fixed iteration count keeps the output deterministic
        middle = (shortest + longest) / 2
        shortest, longest = (middle, longest) if fits(middle) else (shortest, middle)
    return shortest


def _shortened_blocks(
    lines: Sequence[tuple[str, ...]],
    directions: Sequence[tuple[float, float]],
    width: float,
    distance: float,
    font_size: float,
) -> list[_LabelBlock]:
    """Labels cut (with an ellipsis) to the room they have with the web centred at ``distance``."""
    blocks = []
    for label_lines, (ux, uy) in zip(lines, directions, strict=True):
        anchor_x = width / 2 + ux * distance
        anchor = _text_anchor(ux)
        room_right, room_left = width - _PADDING - anchor_x, anchor_x - _PADDING
        room = {"start": room_right, "end": room_left, "middle": 2 * min(room_left, room_right)}[anchor]
        shortened = tuple(truncate_text(line, font_size, room) for line in label_lines)
        blocks.append(_label_block(shortened, ux, uy, font_size))
    return blocks


def _legend_metrics(font_size: float) -> tuple[float, float]:
    """Font size and row height of the legend."""
    legend_font = round(font_size * 0.95, 2)
    return legend_font, 1.6 * legend_font


def _plan(labels: Sequence[str], size: float, legend_rows: int) -> _Layout:
    """Work out the web geometry so every axis label fits inside the viewBox.

    The web radius is ``0.30 * size`` unless the labels need more room, never less than ``0.2 * size``;
    labels that do not fit even then are shortened with an ellipsis (the page's data table has the full
    text). The web may shift sideways to balance long labels on one side. Vertically the content is centred
    in a ``size`` high box, which grows when the legend does not fit.
    """
    font_size = max(11.0, 13.0 * size / 360)
    gap = 0.75 * font_size
    directions = [_direction(axis, len(labels)) for axis in range(len(labels))]
    lines = [wrap_text(clean_text(label), font_size, 8 * font_size) for label in labels]
    blocks = [
        _label_block(label, ux, uy, font_size) for label, (ux, uy) in zip(lines, directions, strict=True)
    ]

    shortest, longest = 0.2 * size + gap, 0.3 * size + gap
    distance = _fit_distance(blocks, directions, size, shortest, longest)
    if distance is None:
        distance = shortest
        blocks = _shortened_blocks(lines, directions, size, distance, font_size)
    low, high = _centre_range(blocks, directions, size, distance)
    cx = min(max(size / 2, low), high)
    radius = distance - gap

    # Vertical extent relative to the centre.
    label_offsets = [uy * distance for _, uy in directions]
    top = min(-radius, *(offset + block.top for offset, block in zip(label_offsets, blocks, strict=True)))
    bottom = max(
        radius, *(offset + block.bottom for offset, block in zip(label_offsets, blocks, strict=True))
    )
    legend_offset = bottom + font_size
    if legend_rows:
        bottom = legend_offset + legend_rows * _legend_metrics(font_size)[1]
    content = bottom - top
    height = max(size, content + 2 * _PADDING)
    cy = (height - content) / 2 - top
    return _Layout(
        width=size,
        height=height,
        cx=cx,
        cy=cy,
        radius=radius,
        font_size=font_size,
        label_gap=gap,
        blocks=tuple(blocks),
        legend_top=cy + legend_offset,
    )


# --------------------------------------------------------------------------------------------------------
# Spider web drawing


def _grid(layout: _Layout) -> list[str]:
    parts: list[str] = []
    for ring in range(1, RING_COUNT + 1):
        outer = ring == RING_COUNT
        ring_points = [layout.point(axis, ring / RING_COUNT) for axis in range(layout.count)]
        parts.append(
            tag(
                "polygon",
                {
                    "class": "web-ring web-ring-outer" if outer else "web-ring",
                    "points": point_list(ring_points),
                    "fill": "none",
                    "stroke": OUTER_GRID_COLOUR if outer else GRID_COLOUR,
                    "stroke-width": 1,
                },
            )
        )
    for axis in range(layout.count):
        x, y = layout.point(axis, 1.0)
        parts.append(
            tag(
                "line",
                {
                    "class": "web-axis",
                    "x1": layout.cx,
                    "y1": layout.cy,
                    "x2": x,
                    "y2": y,
                    "stroke": GRID_COLOUR,
                    "stroke-width": 1,
                },
            )
        )
    return parts


def _ring_labels(layout: _Layout, max_value: float) -> list[str]:
    """Ring values (0, 2, 4, ... for a maximum of 10, in the page's notation) just right of the first
    axis, as large as the axis labels, each on a light box so a line or marker under it does not hide
    it (a box, not a text halo: WeasyPrint does not know ``paint-order``)."""
    font_size = round(max(layout.font_size, MIN_RING_FONT), 2)
    decimals = step_decimals(max_value / RING_COUNT)
    parts = []
    for ring in range(RING_COUNT + 1):
        fraction = ring / RING_COUNT
        _, y = layout.point(0, fraction)
        text = number_text(max_value * fraction, decimals)
        x, baseline = layout.cx + 7, y + 0.35 * font_size
        box = {
            "class": "web-ring-label-box",
            "x": x - 2,
            "y": baseline - ASCENT * font_size - 1,
            "width": text_width(text, font_size) + 4,
            "height": (ASCENT + DESCENT) * font_size + 2,
            "rx": 2,
            "fill": "#ffffff",
            "fill-opacity": 0.8,
        }
        label = {
            "class": "web-ring-label",
            "x": x,
            "y": baseline,
            "font-size": font_size,
            "fill": MUTED_TEXT_COLOUR,
            "text-anchor": "start",
        }
        parts += [tag("rect", box), tag("text", label, escape(text))]
    return parts


def _axis_labels(layout: _Layout) -> list[str]:
    parts = []
    for axis, block in enumerate(layout.blocks):
        anchor_x, anchor_y = layout.label_anchor(axis)
        first_baseline = anchor_y + block.top + ASCENT * layout.font_size
        for number, line in enumerate(block.lines):
            parts.append(
                tag(
                    "text",
                    {
                        "class": "web-label",
                        "x": anchor_x,
                        "y": first_baseline + number * LINE_HEIGHT * layout.font_size,
                        "font-size": layout.font_size,
                        "fill": TEXT_COLOUR,
                        "text-anchor": block.anchor,
                    },
                    escape(line),
                )
            )
    return parts


def _marker(kind: str, x: float, y: float) -> str:
    """Circle for the current series, square for a previous one, so shape tells them apart too."""
    if kind == CURRENT:
        return tag(
            "circle",
            {
                "class": "web-marker web-marker-current",
                "cx": x,
                "cy": y,
                "r": 4,
                "fill": CURRENT_COLOUR,
                "stroke": "#ffffff",
                "stroke-width": 1,
            },
        )
    half = 3.5
    return tag(
        "rect",
        {
            "class": "web-marker web-marker-previous",
            "x": x - half,
            "y": y - half,
            "width": 2 * half,
            "height": 2 * half,
            "fill": PREVIOUS_COLOUR,
            "stroke": "#ffffff",
            "stroke-width": 1,
        },
    )


def _stroke_attrs(kind: str) -> dict[str, str | float]:
    if kind == CURRENT:
        return {"stroke": CURRENT_COLOUR, "stroke-width": 3, "stroke-linejoin": "round"}
    return {
        "stroke": PREVIOUS_COLOUR,
        "stroke-width": 2,
        "stroke-dasharray": "6 4",
        "stroke-linejoin": "round",
    }


def _series_shape(layout: _Layout, item: Series, max_value: float) -> str:
    vertices = [
        layout.point(axis, 0.0 if value is None else float(value) / max_value)
        for axis, value in enumerate(item.values)
    ]
    fill: dict[str, str | float] = (
        {"fill": CURRENT_COLOUR, "fill-opacity": 0.25} if item.kind == CURRENT else {"fill": "none"}
    )
    polygon = tag(
        "polygon",
        {"class": "web-area", "points": point_list(vertices), **fill, **_stroke_attrs(item.kind)},
    )
    markers = [
        _marker(item.kind, x, y)
        for (x, y), value in zip(vertices, item.values, strict=True)
        if value is not None
    ]
    return group({"class": f"web-series web-series-{item.kind}"}, [polygon, *markers])


def _legend(series: Sequence[Series], layout: _Layout) -> list[str]:
    """Legend rows (line sample with marker + name) under the web, centred as a block."""
    font_size, row_height = _legend_metrics(layout.font_size)
    sample_width = 28.0
    text_offset = sample_width + 8
    names = [clean_text(item.name) for item in series]
    block_width = text_offset + max(text_width(name, font_size) for name in names)
    left = max(_PADDING, (layout.width - block_width) / 2)
    room = layout.width - _PADDING - left - text_offset
    rows = []
    for row, (item, name) in enumerate(zip(series, names, strict=True)):
        y = layout.legend_top + row_height * (row + 0.5)
        sample = tag(
            "line",
            {"x1": left, "y1": y, "x2": left + sample_width, "y2": y, **_stroke_attrs(item.kind)},
        )
        marker = _marker(item.kind, left + sample_width / 2, y)
        label = tag(
            "text",
            {
                "x": left + text_offset,
                "y": y + 0.35 * font_size,
                "font-size": font_size,
                "fill": TEXT_COLOUR,
                "text-anchor": "start",
            },
            escape(truncate_text(name, font_size, room)),
        )
        rows.append(group({"class": f"web-legend-item web-legend-{item.kind}"}, [sample, marker, label]))
    return rows


def spider_web_svg(
    *,
    labels: Sequence[str],
    series: Sequence[Series],
    title: str,
    description: str,
    size: int = 360,
    max_value: float = 10.0,
    id_prefix: str = "web",
) -> str:
    """Render a radar chart with one axis per label, starting at 12 o'clock and going clockwise.

    The SVG is ``size`` wide and at least ``size`` high (higher when a legend needs the room). Previous
    series are drawn first (dashed, square markers), current ones on top (solid, filled, round markers).
    ``None`` values are drawn at the centre without a marker. With more than one series a legend is added
    under the web, in the order given. Raises ``ValueError`` for fewer than 3 or more than 12 axes, a series
    with the wrong number of values, values outside ``0..max_value``, an unknown series kind, a ``size``
    below 200 or an ``id_prefix`` that is not a valid XML id.
    """
    max_value = check_max_value(max_value)
    _validate_web(labels, series, size, max_value, id_prefix)
    legend_rows = len(series) if len(series) > 1 else 0
    layout = _plan(labels, float(size), legend_rows)

    drawn = [item for item in series if item.kind == PREVIOUS] + [
        item for item in series if item.kind == CURRENT
    ]
    body = [
        group({"class": "web-grid"}, _grid(layout)),
        *(_series_shape(layout, item, max_value) for item in drawn),
        # On top of the series so the area fill does not dim them.
        group({"class": "web-ring-labels"}, _ring_labels(layout, max_value)),
        group({"class": "web-labels"}, _axis_labels(layout)),
    ]
    if legend_rows:
        body.append(group({"class": "web-legend"}, _legend(series, layout)))

    root = {"role": "img", "aria-labelledby": f"{id_prefix}-title {id_prefix}-desc"}
    content = [
        tag("title", {"id": f"{id_prefix}-title"}, escape(title)),
        tag("desc", {"id": f"{id_prefix}-desc"}, escape(description)),
        group({"aria-hidden": "true", "class": "web", "font-family": FONT_FAMILY}, body),
    ]
    return svg_root(root, layout.width, layout.height, "\n" + "\n".join(content) + "\n") + "\n"


# --------------------------------------------------------------------------------------------------------
# Sparkline


def _runs(values: Sequence[float | None]) -> list[list[int]]:
    """Indexes of consecutive answered values, split at every ``None``."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, value in enumerate(values):
        if value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(index)
    if current:
        runs.append(current)
    return runs


def _sparkline_runs(runs: list[list[int]], position) -> list[str]:
    """A line per run of answered values, a small dot for a lone value and a larger one at the end."""
    parts = []
    for number, run in enumerate(runs):
        if len(run) == 1 and number == len(runs) - 1:
            continue  # gets the end dot below
        if len(run) == 1:
            x, y = position(run[0])
            point = {"class": "sparkline-point", "cx": x, "cy": y, "r": 1.5, "fill": CURRENT_COLOUR}
            parts.append(tag("circle", point))
            continue
        line = {
            "class": "sparkline-line",
            "points": point_list(position(index) for index in run),
            "fill": "none",
            "stroke": CURRENT_COLOUR,
            "stroke-width": 1.5,
            "stroke-linejoin": "round",
            "stroke-linecap": "round",
        }
        parts.append(tag("polyline", line))
    if runs:
        x, y = position(runs[-1][-1])
        parts.append(
            tag("circle", {"class": "sparkline-last", "cx": x, "cy": y, "r": 2.5, "fill": CURRENT_COLOUR})
        )
    return parts


def sparkline_svg(
    *,
    values: Sequence[float | None],
    title: str,
    width: int = 120,
    height: int = 32,
    max_value: float = 10.0,
) -> str:
    """Render a tiny trend line: equal x spacing, y from 0 (bottom) to ``max_value`` (top).

    ``None`` leaves a gap (a value between two gaps shows as a small dot); the last answered value gets a
    larger dot. Without any answered value the result is just the title and the baseline. Raises
    ``ValueError`` for values outside ``0..max_value`` or a width/height below 16.
    """
    max_value = check_max_value(max_value)
    if width < 16 or height < 16:
        raise ValueError(f"a sparkline needs at least 16 x 16, not {width} x {height}")
    for index, value in enumerate(values):
        check_value(value, max_value, f"value {index}")

    padding = 4.0
    bottom = height - padding
    span = height - 2 * padding

    def position(index: int) -> tuple[float, float]:
        x = width / 2 if len(values) == 1 else padding + index * (width - 2 * padding) / (len(values) - 1)
        return x, bottom - float(values[index] or 0) / max_value * span

    baseline = {
        "class": "sparkline-baseline",
        "x1": padding,
        "y1": bottom,
        "x2": width - padding,
        "y2": bottom,
    }
    parts = [tag("line", {**baseline, "stroke": GRID_COLOUR, "stroke-width": 1})]
    parts += _sparkline_runs(_runs(values), position)
    root = {"role": "img", "aria-label": clean_text(title), "class": "sparkline"}
    content = [tag("title", {}, escape(title)), group({"aria-hidden": "true"}, parts)]
    return svg_root(root, width, height, "\n" + "\n".join(content) + "\n") + "\n"
