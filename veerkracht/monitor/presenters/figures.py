"""Turn published figures into what pages, CSV files and the PDF show (numbers in Dutch notation)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from veerkracht.core.indicators import UNITS, breakdowns, get_indicator
from veerkracht.core.vocabulary import DIMENSION_KEYS, DIMENSION_NAMES
from veerkracht.lib.charts import Bar, Line, bar_chart_svg, trend_svg
from veerkracht.lib.svg import number_text

from ..compute.periods import Span
from ..models import Figure


def dimensions() -> list[tuple[str, str]]:
    """(key, name) of the six dimensions, named in the language of the request (so not at import)."""
    return [(key, str(DIMENSION_NAMES[key])) for key in DIMENSION_KEYS]


# The one mark of a hidden figure on pages, in CSV files and the PDF, in the reader's language. (The API
# always says "verborgen": compute.privacy.HIDDEN.)
HIDDEN = gettext_lazy("verborgen")


def number(value: float | None, decimals: int = 0) -> str:
    """A number in the notation of the page's language: "1.234" and "6,8" in Dutch, "1,234" and "6.8"
    in English."""
    if value is None:
        return "–"
    return number_text(value, decimals)


def decimals_for(indicator: str) -> int:
    found = get_indicator(indicator)
    return 1 if found and found.unit in ("days", "score", "rating", "difference") else 0


def shown(figure: Figure | None) -> str:
    """The text for a figure in every output: the number, "verborgen" when hidden, "–" when there is none."""
    if figure is None:
        return "–"
    if figure.suppressed:
        return HIDDEN
    return number(figure.value, decimals_for(figure.indicator))


def category_label(breakdown: str, category: str) -> str:
    if not breakdown:
        return _("totaal")
    found = breakdowns().get(breakdown)
    if found is None:
        return category
    return str(dict(found.categories()).get(category, category))


@dataclass
class Tile:
    key: str
    name: str
    text: str
    hidden: bool
    unit: str
    parts: list[tuple[str, str]] = field(default_factory=list)  # (category label, shown)


def tiles(rows: Iterable[Figure], keys: list[str], area: tuple[str, str]) -> list[Tile]:
    """Key figures for one area: the total of each indicator plus its first breakdown, if any."""
    by_key: dict[str, Figure] = {}
    parts: dict[str, list[Figure]] = defaultdict(list)
    for row in rows:
        if (row.area_level, row.area_code) != area:
            continue
        if not row.breakdown:
            by_key[row.indicator] = row
        else:
            indicator = get_indicator(row.indicator)
            if indicator and indicator.breakdowns and row.breakdown == indicator.breakdowns[0]:
                parts[row.indicator].append(row)
    result = []
    for key in keys:
        indicator = get_indicator(key)
        if indicator is None:
            continue
        figure = by_key.get(key)
        text = shown(figure)
        if (
            indicator.unit == "days"
            and figure is not None
            and not figure.suppressed
            and figure.value is not None
        ):
            text = _("%(n)s dagen") % {"n": text}
        result.append(
            Tile(
                key=key,
                name=str(indicator.name),
                text=text,
                hidden=bool(figure and figure.suppressed),
                unit=str(UNITS[indicator.unit]),
                parts=[(category_label(p.breakdown, p.category), shown(p)) for p in parts.get(key, [])],
            )
        )
    return result


def dimension_bars(figure: Figure | None, title: str) -> str:
    bars = []
    for key, name in dimensions():
        if figure is None or figure.suppressed or not figure.data:
            bars.append(Bar(name, None, hidden=bool(figure and figure.suppressed)))
        else:
            mean = figure.data[key]["mean"]
            bars.append(Bar(name, mean, text=number(mean, 1)))
    return bar_chart_svg(
        bars=bars,
        title=title,
        max_value=10,
        legend=_("Gemiddeld cijfer, van 0 tot 10"),
        hidden_label=str(HIDDEN),
    )


def score_rows(figure: Figure | None) -> list[dict]:
    """One row per dimension: mean, spread and the three score bands (percentages)."""
    rows = []
    for key, name in dimensions():
        entry = (figure.data or {}).get(key) if figure is not None and not figure.suppressed else None
        bands = entry["bands"] if entry else [None, None, None]
        no_bands = entry is not None and bands is None  # splits by age or education have none
        rows.append(
            {
                "key": key,
                "name": name,
                "mean": HIDDEN
                if figure is not None and figure.suppressed
                else number(entry and entry["mean"], 1),
                "sd": number(entry and entry["sd"], 1),
                "bands": ["–"] * 3
                if not entry or no_bands
                else [HIDDEN if b is None else f"{number(b, 0)}%" for b in bands],
            }
        )
    return rows


def trend_chart(
    spans: list[Span],
    series: list[tuple[str, dict[str, float | None]]],
    title: str,
    *,
    max_value=None,
    whole: bool = False,
) -> str:
    """A line per series over the periods; ``whole``: the values are counts (whole steps on the axis)."""
    lines = [Line(label, [values.get(span.slug) for span in spans]) for label, values in series]
    return trend_svg(
        lines=lines,
        x_labels=[s.short_label for s in spans],
        title=title,
        max_value=max_value,
        whole=whole,
    )


def shown_n(figure: Figure | None) -> str:
    if figure is None or (figure.n is None and not figure.suppressed):
        return "–"
    return HIDDEN if figure.suppressed else number(figure.n)


def signed(value: float | None) -> str:
    if value is None:
        return "–"
    text = number(value, 1)
    return f"+{text}" if value > 0 else text
