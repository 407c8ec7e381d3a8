"""Bar and trend charts as server-side SVG, for the monitor (pages and PDF).

Same rules as ``svg.py``: presentation attributes only (strict CSP), explicit size and viewBox,
deterministic output, and one accessible image per chart (``role="img"`` with a title; the page always
shows the same numbers in a table next to it). A value that is hidden for privacy is drawn as a dashed
outline with "verborgen", never as a bar.

Made to be read on a phone (340 wide, shown at about that size): every chart shows its title at the top
and a legend in words at the bottom; numbers follow the page language (``number_text``); the value axis
steps by round numbers (``nice_ticks``), whole numbers for counts; and the margins are measured from
the labels, so no label is cut off at an edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .svg import (
    FONT_FAMILY,
    GRID_COLOUR,
    LINE_HEIGHT,
    MUTED_TEXT_COLOUR,
    TEXT_COLOUR,
    escape,
    fmt,
    nice_ticks,
    number_text,
    step_decimals,
    svg_root,
    tag,
    text_width,
    truncate_text,
    wrap_text,
)

BAR_COLOUR = "#0b6158"
# Colour-blind safe pair for two series (low / high education); a third muted one.
SERIES_COLOURS = ("#0b6158", "#b35900", "#595959", "#6b4e00")
# Six dash patterns against four colours: the six dimensions all get their own combination.
DASHES = ("", "6 3", "2 3", "8 3 2 3", "12 4", "1 3")
FONT = 13  # labels, values, legend
AXIS_FONT = 12  # axis values
TITLE_FONT = 14
# Semi-bold text is a little wider than ``text_width`` measures for regular text.
TITLE_WIDTH_FACTOR = 1.1
EDGE = 4  # room kept free at the left and right edge
LEGEND_SAMPLE = 36  # length of a line's sample in the legend


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: no data or hidden
    hidden: bool = False  # hidden for privacy ("verborgen")
    text: str | None = None  # the value as shown (e.g. "6,8" or "12")


def _text(
    x: float, y: float, text: str, *, size: int, fill: str = TEXT_COLOUR, anchor: str = "", weight: str = ""
) -> str:
    attrs: dict[str, str | float] = {"x": x, "y": y, "font-size": size, "fill": fill}
    if anchor:
        attrs["text-anchor"] = anchor
    if weight:
        attrs["font-weight"] = weight
    attrs["font-family"] = FONT_FAMILY
    return tag("text", attrs, escape(text))


def _title(title: str, width: int) -> tuple[list[str], float]:
    """The title at the top, on one or two lines (shortened if even two are not enough); and its height."""
    room = (width - 2 * EDGE) / TITLE_WIDTH_FACTOR
    lines = [truncate_text(line, TITLE_FONT, room) for line in wrap_text(title, TITLE_FONT, room)]
    step = LINE_HEIGHT * TITLE_FONT
    parts = [
        _text(0, TITLE_FONT + n * step, line, size=TITLE_FONT, weight="600") for n, line in enumerate(lines)
    ]
    return parts, len(lines) * step + 10


def bar_chart_svg(
    *,
    bars: Sequence[Bar],
    title: str,
    max_value: float,
    legend: str = "",
    width: int = 340,
    bar_height: int = 18,
    hidden_label: str = "verborgen",
) -> str:
    """Horizontal bars with the label above each bar (fits a phone); values at the end of the bar.

    ``legend`` says in words what a bar is (e.g. "gemiddeld cijfer, van 0 tot 10"); it is shown under
    the bars next to a sample bar.
    """
    row = FONT + 6 + bar_height + 10
    parts, top = _title(title, width)
    usable = width - EDGE - max(text_width(bar.text or "", FONT) for bar in bars) - 10 if bars else width
    usable = min(usable, width - 60)
    for index, bar in enumerate(bars):
        y = top + index * row
        parts.append(_text(0, y + FONT, truncate_text(bar.label, FONT, width - EDGE), size=FONT))
        parts += _bar(bar, y + FONT + 6, bar_height, max_value=max_value, usable=usable, hidden=hidden_label)
    height = top + max(row * len(bars), row)
    if legend:
        sample = tag("rect", {"x": 0, "y": height + 2, "width": 24, "height": 12, "fill": BAR_COLOUR})
        text = truncate_text(legend, FONT, width - EDGE - 30)
        parts += [sample, _text(30, height + 13, text, size=FONT)]
        height += FONT + 10
    return _svg(parts, title, width, height)


def _bar(bar: Bar, y: float, bar_height: int, *, max_value: float, usable: float, hidden: str) -> list[str]:
    """The axis tick, the bar (or the dashed box of a hidden value) and the value text of one bar."""
    parts = [
        tag(
            "line",
            {"x1": 0, "y1": y, "x2": 0, "y2": y + bar_height, "stroke": GRID_COLOUR, "stroke-width": 1},
        )
    ]
    if bar.hidden:
        box = {"x": 0.5, "y": y + 0.5, "width": 40, "height": bar_height - 1, "fill": "none"}
        parts.append(tag("rect", {**box, "stroke": MUTED_TEXT_COLOUR, "stroke-dasharray": "3 2"}))
        label, end = hidden, 46
    elif bar.value is None:
        label, end = "–", 4
    else:
        length = 0 if max_value <= 0 else max(usable * min(bar.value, max_value) / max_value, 1)
        parts.append(tag("rect", {"x": 0, "y": y, "width": length, "height": bar_height, "fill": BAR_COLOUR}))
        label, end = (bar.text or number_text(bar.value, 1)), length + 6
    parts.append(_text(end, y + bar_height - 4, label, size=FONT))
    return parts


@dataclass(frozen=True)
class Line:
    label: str
    values: Sequence[float | None]  # None: no point (gap or hidden)


@dataclass(frozen=True)
class _Frame:
    """Where a trend chart draws: the plot area and the value range."""

    left: float
    right: float
    top: float
    bottom: float
    count: int
    min_value: float
    top_value: float

    def x_at(self, i: int) -> float:
        span_x = self.right - self.left
        return self.left + (span_x / 2 if self.count == 1 else i * span_x / (self.count - 1))

    def y_at(self, v: float) -> float:
        return self.bottom - (v - self.min_value) / (self.top_value - self.min_value) * (
            self.bottom - self.top
        )


def trend_svg(
    *,
    lines: Sequence[Line],
    x_labels: Sequence[str],
    title: str,
    max_value: float | None = None,
    min_value: float = 0.0,
    whole: bool = False,
    width: int = 340,
    height: int = 200,
) -> str:
    """Lines over periods; each line has its own colour and dash pattern and a legend entry below.

    The value axis runs over round numbers from ``min_value`` (or the lowest value, if lower) to
    ``max_value`` (default: the highest value); ``whole``: the values are counts, so the axis steps by
    whole numbers. ``height`` is the plot's height; the title and legend come on top of it.
    """
    values = [float(v) for line in lines for v in line.values if v is not None]
    low = min([min_value, *values])
    high = max_value if max_value is not None else max([*values, low + 1.0])
    ticks = nice_ticks(low, high, whole=whole)
    decimals = step_decimals(ticks[1] - ticks[0])
    tick_labels = [number_text(t, decimals) for t in ticks]
    count = max(len(x_labels), 1)
    shown = _shown_x(count)
    # Room for the longest axis value on the left, and for half the first and last period label.
    first = text_width(x_labels[0], AXIS_FONT) / 2 if x_labels else 0
    last = text_width(x_labels[-1], AXIS_FONT) / 2 if x_labels else 0
    left = max(max(text_width(t, AXIS_FONT) for t in tick_labels) + 6, first) + EDGE
    right = width - max(last + EDGE, 8)
    title_parts, top = _title(title, width)
    bottom = top + height - 2 * AXIS_FONT - 8
    frame = _Frame(left, right, top + 6, bottom, count, ticks[0], ticks[-1])
    parts = title_parts + _grid(frame, ticks, tick_labels)
    parts += _x_axis(frame, x_labels, shown)
    legend_top = bottom + 2 * AXIS_FONT + 14
    for n, line in enumerate(lines):
        colour, dash = SERIES_COLOURS[n % len(SERIES_COLOURS)], DASHES[n % len(DASHES)]
        parts += _series(frame, line, colour, dash)
        parts += _legend_entry(legend_top + n * (FONT + 8), line.label, width, colour, dash)
    total = legend_top + len(lines) * (FONT + 8) - 2
    return _svg(parts, title, width, total)


def _grid(frame: _Frame, ticks: Sequence[float], labels: Sequence[str]) -> list[str]:
    parts = []
    for value, label in zip(ticks, labels, strict=True):
        y = frame.y_at(value)
        parts.append(
            tag("line", {"x1": frame.left, "y1": y, "x2": frame.right, "y2": y, "stroke": GRID_COLOUR})
        )
        parts.append(
            _text(frame.left - 6, y + 4, label, size=AXIS_FONT, fill=MUTED_TEXT_COLOUR, anchor="end")
        )
    return parts


def _shown_x(count: int) -> list[int]:
    """Which period labels to show: at most 5, evenly spaced, so they do not overlap on a phone; counted
    back from the last (newest) period, which is always shown."""
    every = max(1, -(-count // 5))
    return sorted(range(count - 1, -1, -every))


def _x_axis(frame: _Frame, x_labels: Sequence[str], shown: Sequence[int]) -> list[str]:
    y = frame.bottom + AXIS_FONT + 6
    return [
        _text(frame.x_at(i), y, label, size=AXIS_FONT, fill=MUTED_TEXT_COLOUR, anchor="middle")
        for i, label in enumerate(x_labels)
        if i in shown
    ]


def _series(frame: _Frame, line: Line, colour: str, dash: str) -> list[str]:
    """A dot per value and a polyline per run of values without gaps."""
    parts, runs, run = [], [], []
    for i, v in enumerate(line.values):
        if v is None:
            if run:
                runs.append(run)
            run = []
            continue
        run.append(f"{fmt(round(frame.x_at(i), 1))},{fmt(round(frame.y_at(v), 1))}")
        parts.append(tag("circle", {"cx": frame.x_at(i), "cy": frame.y_at(v), "r": 3, "fill": colour}))
    if run:
        runs.append(run)
    for points in runs:
        if len(points) > 1:
            attrs = {"points": " ".join(points), "fill": "none", "stroke": colour, "stroke-width": 2}
            if dash:
                attrs["stroke-dasharray"] = dash
            parts.append(tag("polyline", attrs))
    return parts


def _legend_entry(y: float, label: str, width: int, colour: str, dash: str) -> list[str]:
    """A sample of the line (long enough to show its dash pattern), its dot, and its name."""
    attrs = {"x1": 0, "y1": y - 4, "x2": LEGEND_SAMPLE, "y2": y - 4, "stroke": colour, "stroke-width": 2}
    if dash:
        attrs["stroke-dasharray"] = dash
    dot = tag("circle", {"cx": LEGEND_SAMPLE / 2, "cy": y - 4, "r": 3, "fill": colour})
    left = LEGEND_SAMPLE + 6
    text = truncate_text(label, FONT, width - left - EDGE)
    return [tag("line", attrs), dot, _text(left, y, text, size=FONT)]


def _svg(parts: list[str], title: str, width: int, height: float) -> str:
    root = {"role": "img", "aria-label": title, "class": "vk-chart"}
    inner = tag("title", {}, escape(title)) + tag("g", {"aria-hidden": "true"}, "".join(parts))
    return svg_root(root, width, height, inner)


__all__ = ["Bar", "Line", "bar_chart_svg", "text_width", "trend_svg"]
