"""Bar and trend charts as server-side SVG, for the monitor (pages and PDF).

Same rules as ``svg.py``: presentation attributes only (strict CSP), explicit size and viewBox,
deterministic output, and one accessible image per chart (``role="img"`` with a title; the page always
shows the same numbers in a table next to it). A value that is hidden for privacy is drawn as a dashed
outline with "verborgen", never as a bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .svg import (
    FONT_FAMILY,
    GRID_COLOUR,
    MUTED_TEXT_COLOUR,
    TEXT_COLOUR,
    escape,
    fmt,
    svg_root,
    tag,
    text_width,
)

BAR_COLOUR = "#0b6158"
# Colour-blind safe pair for two series (low / high education); a third muted one.
SERIES_COLOURS = ("#0b6158", "#b35900", "#595959", "#6b4e00")
DASHES = ("", "6 3", "2 3", "8 3 2 3")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: no data or hidden
    hidden: bool = False  # hidden for privacy ("verborgen")
    text: str | None = None  # the value as shown (e.g. "6,8" or "12")


def _text(x: float, y: float, text: str, *, size: int, fill: str = TEXT_COLOUR, anchor: str = "") -> str:
    attrs: dict[str, str | float] = {"x": x, "y": y, "font-size": size, "fill": fill}
    if anchor:
        attrs["text-anchor"] = anchor
    attrs["font-family"] = FONT_FAMILY
    return tag("text", attrs, escape(text))


def bar_chart_svg(
    *,
    bars: Sequence[Bar],
    title: str,
    max_value: float,
    width: int = 340,
    bar_height: int = 18,
    hidden_label: str = "verborgen",
) -> str:
    """Horizontal bars with the label above each bar (fits a phone); values at the end of the bar."""
    font = 13
    row = font + 6 + bar_height + 10
    height = max(row * len(bars), row)
    parts = []
    for index, bar in enumerate(bars):
        top = index * row
        parts.append(_text(0, top + font, bar.label, size=font))
        parts += _bar(
            bar, top + font + 6, bar_height, font, max_value=max_value, usable=width - 60, hidden=hidden_label
        )
    return _svg(parts, title, width, height)


def _bar(
    bar: Bar, y: float, bar_height: int, font: int, *, max_value: float, usable: float, hidden: str
) -> list[str]:
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
        label, end = (bar.text or fmt(bar.value)), length + 6
    parts.append(_text(end, y + bar_height - 4, label, size=font))
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
    width: int = 340,
    height: int = 200,
) -> str:
    """Lines over periods; each line has its own colour and dash pattern and a legend below."""
    font = 12
    values = [v for line in lines for v in line.values if v is not None]
    top_value = max_value if max_value is not None else max([*values, 1.0])
    if top_value <= min_value:
        top_value = min_value + 1
    legend_rows = len(lines) if len(lines) > 1 else 0
    bottom = height - 2 * font - 8 - legend_rows * (font + 6)
    frame = _Frame(34, width - 8, 8, bottom, max(len(x_labels), 1), min_value, top_value)
    parts = _grid(frame, font) + _x_axis(frame, x_labels, font)
    for n, line in enumerate(lines):
        colour, dash = SERIES_COLOURS[n % len(SERIES_COLOURS)], DASHES[n % len(DASHES)]
        parts += _series(frame, line, colour, dash)
        if legend_rows:
            parts += _legend_entry(frame, line.label, n, font, colour, dash)
    return _svg(parts, title, width, height)


def _grid(frame: _Frame, font: int) -> list[str]:
    parts = []
    for step in range(5):
        v = frame.min_value + step * (frame.top_value - frame.min_value) / 4
        y = frame.y_at(v)
        parts.append(
            tag("line", {"x1": frame.left, "y1": y, "x2": frame.right, "y2": y, "stroke": GRID_COLOUR})
        )
        parts.append(
            _text(frame.left - 4, y + 4, fmt(round(v, 1)), size=font, fill=MUTED_TEXT_COLOUR, anchor="end")
        )
    return parts


def _x_axis(frame: _Frame, x_labels: Sequence[str], font: int) -> list[str]:
    # At most ~6 x labels, so they do not overlap on a phone.
    count = frame.count
    every = max(1, -(-count // 6))
    shown = [i for i in range(count) if i % every == 0]
    if count - 1 not in shown:
        if shown and count - 1 - shown[-1] < every:
            shown.pop()  # the last label wins over a neighbour it would overlap
        shown.append(count - 1)
    return [
        _text(
            frame.x_at(i), frame.bottom + font + 4, label, size=font, fill=MUTED_TEXT_COLOUR, anchor="middle"
        )
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


def _legend_entry(frame: _Frame, label: str, n: int, font: int, colour: str, dash: str) -> list[str]:
    y = frame.bottom + 2 * font + 10 + n * (font + 6)
    left = frame.left
    attrs = {"x1": left, "y1": y - 4, "x2": left + 24, "y2": y - 4, "stroke": colour, "stroke-width": 2}
    if dash:
        attrs["stroke-dasharray"] = dash
    return [tag("line", attrs), _text(left + 30, y, label, size=font)]


def _svg(parts: list[str], title: str, width: int, height: int) -> str:
    root = {"role": "img", "aria-label": title, "class": "vk-chart"}
    inner = tag("title", {}, escape(title)) + tag("g", {"aria-hidden": "true"}, "".join(parts))
    return svg_root(root, width, height, inner)


__all__ = ["Bar", "Line", "bar_chart_svg", "text_width", "trend_svg"]
