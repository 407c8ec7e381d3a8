"""Building blocks for server-side SVG: elements, escaping, numbers, colours and text measurement.

Every chart and map of the platform (``radar``: the spider web and sparklines; ``charts``: bars and
trends; ``geo``: municipality maps) is built from these, so all SVG output:

- uses SVG presentation attributes and class names only (no ``style`` attributes, no ``<style>``), so
  it works under the strict Content-Security-Policy and in WeasyPrint;
- is self-contained (no external references, scripts or ``foreignObject``);
- has explicit ``width``/``height`` and a ``viewBox``;
- positions every line of text explicitly (one ``<text>`` per line, no ``dominant-baseline``), because
  renderers differ in how they support baseline alignment and ``<tspan>`` layout;
- is deterministic: the same input always gives the same string.

Numbers people read (axis values, labels, legends) go through ``number_text``: Django's localisation in
the active language, so a Dutch page shows "1.234,5" and an English one "1,234.5". Axes step by round
numbers (``nice_step``/``nice_ticks``: 1, 2 or 5 times a power of ten), never "198,2 / 396,5".
Coordinates in attributes stay ``fmt`` (a dot, always).
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.utils import formats

__all__ = [
    "ASCENT",
    "CURRENT_COLOUR",
    "DESCENT",
    "FONT_FAMILY",
    "GRID_COLOUR",
    "LINE_HEIGHT",
    "MUTED_TEXT_COLOUR",
    "OUTER_GRID_COLOUR",
    "PREVIOUS_COLOUR",
    "SVG_NS",
    "TEXT_COLOUR",
    "attr_value",
    "check_max_value",
    "check_value",
    "clean_text",
    "escape",
    "fmt",
    "group",
    "nice_step",
    "nice_ticks",
    "number_text",
    "point_list",
    "step_decimals",
    "svg_root",
    "tag",
    "text_width",
    "truncate_text",
    "wrap_text",
]

SVG_NS = "http://www.w3.org/2000/svg"

CURRENT_COLOUR = "#0b6158"
PREVIOUS_COLOUR = "#6b4e00"
TEXT_COLOUR = "#1a1a1a"
MUTED_TEXT_COLOUR = "#595959"
GRID_COLOUR = "#c4c4c4"
OUTER_GRID_COLOUR = "#8c8c8c"
# Same stack as the site (see static/css/veerkracht.css); set explicitly so a standalone or PDF rendering
# does not fall back to a serif font. Page CSS on the class names can still override it.
FONT_FAMILY = "Noto Sans Variable, Noto Sans, Arial, sans-serif"

# Vertical text metrics as fractions of the font size.
ASCENT = 0.8
DESCENT = 0.25
LINE_HEIGHT = 1.2

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ELLIPSIS = "…"


# --------------------------------------------------------------------------------------------------------
# Formatting helpers


def fmt(number: float, decimals: int = 2) -> str:
    """Format a number with at most `decimals` decimals and without trailing zeros (``-0`` becomes ``0``)."""
    text = f"{number:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number_text(number: float, decimals: int = 0) -> str:
    """A number for people to read, in the notation of the active language ("1.234,5" in Dutch,
    "1,234.5" in English), with exactly ``decimals`` decimals (``-0`` becomes ``0``)."""
    value = round(float(number), decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


_NICE_MULTIPLES = (1, 2, 5)


def nice_step(span: float, max_steps: int = 5, *, whole: bool = False) -> float:
    """The smallest round step (1, 2 or 5 times a power of ten) that covers ``span`` in at most
    ``max_steps`` steps; ``whole``: at least 1 (for counts, an axis never reads 0,5 person)."""
    if not math.isfinite(span) or span <= 0:
        return 1.0
    raw = span / max(max_steps, 1)
    exponent = math.floor(math.log10(raw))
    for power in (exponent, exponent + 1):
        for multiple in _NICE_MULTIPLES:
            step = multiple * 10.0**power
            if step >= raw * (1 - 1e-9):
                step = round(step, max(0, -power))  # 0.30000000000000004 → 0.3
                return max(step, 1.0) if whole else step
    raise AssertionError("unreachable")  # pragma: no cover


def nice_ticks(low: float, high: float, max_steps: int = 5, *, whole: bool = False) -> list[float]:
    """Round axis values from at or below ``low`` to at or above ``high``, at most ``max_steps`` steps
    apart: ``nice_ticks(0, 793)`` is ``[0, 200, 400, 600, 800]``."""
    if high <= low:
        high = low + 1
    step = nice_step(high - low, max_steps, whole=whole)
    while True:
        first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
        if last - first <= max_steps:
            decimals = step_decimals(step)
            return [round(n * step, decimals) + 0.0 for n in range(first, last + 1)]
        step = nice_step(step * (max_steps + 1), max_steps)  # the next round step up


def step_decimals(step: float) -> int:
    """How many decimals the values of an axis with this step need (0 for 1, 2, 5, 10, …)."""
    return max(0, -math.floor(math.log10(step) + 1e-9))


def clean_text(text: str) -> str:
    """Drop characters XML 1.0 cannot carry and collapse whitespace."""
    return " ".join(_XML_INVALID.sub("", text).split())


def escape(text: str) -> str:
    """Escape for both element content and double- or single-quoted attribute values."""
    if not text.isprintable():  # only then can it hold a character XML 1.0 cannot carry
        text = _XML_INVALID.sub("", text)
    # Most text (a map's long path data) needs nothing: look before rewriting. The same result as
    # xml.sax.saxutils.escape with quotes, in one pass.
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return text.translate(_ESCAPES)
    return text


def attr_value(value: str | float) -> str:
    """An attribute value: text escaped, numbers formatted with ``fmt``."""
    if isinstance(value, str):
        return escape(value)
    return fmt(value)


def tag(name: str, attrs: Mapping[str, str | float], content: str | None = None) -> str:
    """Build one element. ``content`` must already be escaped markup; ``None`` gives an empty element."""
    rendered = "".join(f' {key}="{attr_value(value)}"' for key, value in attrs.items())
    if content is None:
        return f"<{name}{rendered}/>"
    return f"<{name}{rendered}>{content}</{name}>"


def svg_root(attrs: Mapping[str, str | float], width: float, height: float, content: str) -> str:
    """The ``<svg>`` element: namespace, then ``attrs`` (role, names, class), then size and viewBox."""
    size = {"width": fmt(width), "height": fmt(height), "viewBox": f"0 0 {fmt(width)} {fmt(height)}"}
    return tag("svg", {"xmlns": SVG_NS, **attrs, **size}, content)


def group(attrs: Mapping[str, str | float], children: Iterable[str]) -> str:
    """A ``<g>`` element around already built children, one per line."""
    return tag("g", attrs, "\n" + "\n".join(children) + "\n")


def point_list(coords: Iterable[tuple[float, float]], decimals: int = 2) -> str:
    """The value of a ``points`` attribute: "x,y x,y …"."""
    return " ".join(f"{fmt(x, decimals)},{fmt(y, decimals)}" for x, y in coords)


# --------------------------------------------------------------------------------------------------------
# Text measurement (estimates; there is no font engine here)


def _char_widths(groups: Mapping[float, str]) -> dict[str, float]:
    return {char: width for width, chars in groups.items() for char in chars}


# Advance widths in em, rounded up from the wider of Noto Sans (the site font) and Liberation Sans / Arial
# (the usual fallback, also in WeasyPrint). DejaVu Sans is a few percent wider still; the padding mostly
# absorbs that.
_CHAR_WIDTHS = _char_widths(
    {
        0.28: " ijl'’.,:;!`",
        0.36: "ft()[]-I",
        0.42: 'r/\\{}"',
        0.53: "cszvxykJ",
        0.63: "abdeghnopqu0123456789_?+=<>*|",
        0.8: "w#&–",
        0.95: "mMW%",
        1.02: "@…—",
    }
)
_UPPERCASE_WIDTH = 0.78
_OTHER_WIDTH = 0.8


def _char_width_em(char: str) -> float:
    base = unicodedata.normalize("NFD", char)[0]  # an accented letter is as wide as its base letter
    if base in _CHAR_WIDTHS:
        return _CHAR_WIDTHS[base]
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    return _UPPERCASE_WIDTH if char.isupper() else _OTHER_WIDTH


def text_width(text: str, font_size: float) -> float:
    """Estimated rendered width of ``text`` in the chart font; errs on the wide side."""
    return sum(_char_width_em(char) for char in text) * font_size


def wrap_text(text: str, font_size: float, wrap_width: float) -> tuple[str, ...]:
    """Split ``text`` over at most two lines at the space that gives the narrowest block."""
    words = text.split(" ")
    if len(words) < 2 or text_width(text, font_size) <= wrap_width:
        return (text,)
    candidates = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    return min(candidates, key=lambda pair: max(text_width(line, font_size) for line in pair))


def truncate_text(text: str, font_size: float, max_width: float) -> str:
    """Shorten ``text`` with an ellipsis until it fits in ``max_width``."""
    if text_width(text, font_size) <= max_width:
        return text
    for end in range(len(text) - 1, 0, -1):
        shortened = text[:end].rstrip() + _ELLIPSIS
        if text_width(shortened, font_size) <= max_width:
            return shortened
    return _ELLIPSIS


# --------------------------------------------------------------------------------------------------------
# Validation


def check_value(value: float | None, max_value: float, where: str) -> None:
    if value is None:
        return
    # Decimal is accepted too: Django hands out DecimalField values as Decimal.
    if isinstance(value, bool) or not isinstance(value, numbers.Real | Decimal):
        raise ValueError(f"{where}: {value!r} is not a number")
    if not math.isfinite(value) or not 0 <= value <= max_value:
        raise ValueError(f"{where}: {value!r} is outside 0..{fmt(max_value)}")


def check_max_value(max_value: float) -> float:
    if not math.isfinite(max_value) or max_value <= 0:
        raise ValueError(f"max_value must be a positive number, not {max_value!r}")
    return float(max_value)
