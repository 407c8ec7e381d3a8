"""Bar and trend charts as server-side SVG, for the monitor (pages and PDF).

Same rules as ``svg.py``: presentation attributes only (strict CSP), explicit size and viewBox,
deterministic output, and one accessible image per chart (``role="img"`` with a title; the page always
shows the same numbers in a table next to it). A value that is hidden for privacy is drawn as a dashed
outline with "< 10", never as a bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .svg import (
    FONT_FAMILY,
    GRID_COLOUR,
    MUTED_TEXT_COLOUR,
    SVG_NS,
    TEXT_COLOUR,
    _escape,
    _tag,
    fmt,
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
    hidden: bool = False  # hidden for privacy ("< 10")
    text: str | None = None  # the value as shown (e.g. "6,8" or "12")


def bar_chart_svg(
    *, bars: Sequence[Bar], title: str, max_value: float, width: int = 340, bar_height: int = 18
) -> str:
    """Horizontal bars with the label above each bar (fits a phone); values at the end of the bar."""
    font = 13
    row = font + 6 + bar_height + 10
    height = max(row * len(bars), row)
    usable = width - 60
    parts = []
    for index, bar in enumerate(bars):
        top = index * row
        parts.append(
            _tag(
                "text",
                {"x": 0, "y": top + font, "font-size": font, "fill": TEXT_COLOUR, "font-family": FONT_FAMILY},
                _escape(bar.label),
            )
        )
        y = top + font + 6
        parts.append(
            _tag(
                "line",
                {"x1": 0, "y1": y, "x2": 0, "y2": y + bar_height, "stroke": GRID_COLOUR, "stroke-width": 1},
            )
        )
        if bar.hidden:
            parts.append(
                _tag(
                    "rect",
                    {
                        "x": 0.5,
                        "y": y + 0.5,
                        "width": 40,
                        "height": bar_height - 1,
                        "fill": "none",
                        "stroke": MUTED_TEXT_COLOUR,
                        "stroke-dasharray": "3 2",
                    },
                )
            )
            label, end = "< 10", 46
        elif bar.value is None:
            label, end = "–", 4
        else:
            length = 0 if max_value <= 0 else max(usable * min(bar.value, max_value) / max_value, 1)
            parts.append(
                _tag("rect", {"x": 0, "y": y, "width": length, "height": bar_height, "fill": BAR_COLOUR})
            )
            label, end = (bar.text or fmt(bar.value)), length + 6
        parts.append(
            _tag(
                "text",
                {
                    "x": end,
                    "y": y + bar_height - 4,
                    "font-size": font,
                    "fill": TEXT_COLOUR,
                    "font-family": FONT_FAMILY,
                },
                _escape(label),
            )
        )
    return _svg(parts, title, width, height)


@dataclass(frozen=True)
class Line:
    label: str
    values: Sequence[float | None]  # None: no point (gap or hidden)


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
    left, right, top = 34, 8, 8
    bottom = height - 2 * font - 8 - legend_rows * (font + 6)
    span_x = width - left - right
    count = max(len(x_labels), 1)

    def x_at(i: int) -> float:
        return left + (span_x / 2 if count == 1 else i * span_x / (count - 1))

    def y_at(v: float) -> float:
        return bottom - (v - min_value) / (top_value - min_value) * (bottom - top)

    parts = []
    for step in range(5):
        v = min_value + step * (top_value - min_value) / 4
        y = y_at(v)
        parts.append(_tag("line", {"x1": left, "y1": y, "x2": width - right, "y2": y, "stroke": GRID_COLOUR}))
        parts.append(
            _tag(
                "text",
                {
                    "x": left - 4,
                    "y": y + 4,
                    "font-size": font,
                    "fill": MUTED_TEXT_COLOUR,
                    "text-anchor": "end",
                    "font-family": FONT_FAMILY,
                },
                _escape(fmt(round(v, 1))),
            )
        )
    # At most ~6 x labels, so they do not overlap on a phone.
    every = max(1, -(-count // 6))
    shown = [i for i in range(count) if i % every == 0]
    if count - 1 not in shown:
        if shown and count - 1 - shown[-1] < every:
            shown.pop()  # the last label wins over a neighbour it would overlap
        shown.append(count - 1)
    for i, label in enumerate(x_labels):
        if i not in shown:
            continue
        parts.append(
            _tag(
                "text",
                {
                    "x": x_at(i),
                    "y": bottom + font + 4,
                    "font-size": font,
                    "fill": MUTED_TEXT_COLOUR,
                    "text-anchor": "middle",
                    "font-family": FONT_FAMILY,
                },
                _escape(label),
            )
        )
    for n, line in enumerate(lines):
        colour, dash = SERIES_COLOURS[n % len(SERIES_COLOURS)], DASHES[n % len(DASHES)]
        run: list[str] = []
        runs: list[list[str]] = []
        for i, v in enumerate(line.values):
            if v is None:
                if run:
                    runs.append(run)
                run = []
                continue
            run.append(f"{fmt(round(x_at(i), 1))},{fmt(round(y_at(v), 1))}")
            parts.append(_tag("circle", {"cx": x_at(i), "cy": y_at(v), "r": 3, "fill": colour}))
        if run:
            runs.append(run)
        for points in runs:
            if len(points) > 1:
                attrs = {"points": " ".join(points), "fill": "none", "stroke": colour, "stroke-width": 2}
                if dash:
                    attrs["stroke-dasharray"] = dash
                parts.append(_tag("polyline", attrs))
        if legend_rows:
            y = bottom + 2 * font + 10 + n * (font + 6)
            attrs = {
                "x1": left,
                "y1": y - 4,
                "x2": left + 24,
                "y2": y - 4,
                "stroke": colour,
                "stroke-width": 2,
            }
            if dash:
                attrs["stroke-dasharray"] = dash
            parts.append(_tag("line", attrs))
            parts.append(
                _tag(
                    "text",
                    {
                        "x": left + 30,
                        "y": y,
                        "font-size": font,
                        "fill": TEXT_COLOUR,
                        "font-family": FONT_FAMILY,
                    },
                    _escape(line.label),
                )
            )
    return _svg(parts, title, width, height)


def _svg(parts: list[str], title: str, width: int, height: int) -> str:
    root = {
        "xmlns": SVG_NS,
        "role": "img",
        "aria-label": title,
        "class": "vk-chart",
        "width": width,
        "height": height,
        "viewBox": f"0 0 {width} {height}",
    }
    inner = _tag("title", {}, _escape(title)) + _tag("g", {"aria-hidden": "true"}, "".join(parts))
    return _tag("svg", root, inner)


__all__ = ["Bar", "Line", "bar_chart_svg", "text_width", "trend_svg"]
