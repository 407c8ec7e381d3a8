"""Charts read on a phone: round axis steps, numbers in the page's language, nothing cut off, a title and
a legend in words; map classes apart by lightness; spider web numbers large enough."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from veerkracht.lib import geo
from veerkracht.lib.charts import Bar, Line, bar_chart_svg, trend_svg
from veerkracht.lib.radar import Series, spider_web_svg
from veerkracht.lib.svg import nice_step, nice_ticks, number_text, step_decimals, text_width

NS = "{http://www.w3.org/2000/svg}"
QUARTERS = [f"K{q} {year}" for year in (2024, 2025, 2026) for q in (1, 2, 3, 4)]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def texts(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(NS + "text"))


@pytest.mark.parametrize(
    "span, max_steps, whole, expected",
    [
        (793, 5, False, 200),
        (10, 5, False, 2),
        (16, 5, False, 5),
        (1.3, 5, False, 0.5),
        (0.07, 5, False, 0.02),
        (3, 5, False, 1),
        (2, 5, False, 0.5),
        (2, 5, True, 1),  # counts: never half a person
        (180, 4, True, 50),
        (0, 5, False, 1),
    ],
)
def test_nice_step_is_one_two_or_five_times_a_power_of_ten(span, max_steps, whole, expected):
    assert nice_step(span, max_steps, whole=whole) == expected


def test_nice_ticks_are_round_and_cover_the_values():
    assert nice_ticks(0, 793) == [0, 200, 400, 600, 800]
    assert nice_ticks(0, 10) == [0, 2, 4, 6, 8, 10]
    assert nice_ticks(0, 16) == [0, 5, 10, 15, 20]
    assert nice_ticks(0, 1.3) == [0, 0.5, 1, 1.5]
    assert nice_ticks(-0.4, 1.2) == [-0.5, 0, 0.5, 1, 1.5]
    assert nice_ticks(1, 11) == [0, 5, 10, 15]  # 0..12 by 2 would be six steps
    assert nice_ticks(0, 2, whole=True) == [0, 1, 2]
    assert [step_decimals(s) for s in (200, 1, 0.5, 0.02)] == [0, 0, 1, 2]


def test_numbers_follow_the_page_language():
    with translation.override("nl"):
        assert number_text(1234.5, 1) == "1.234,5"
        assert number_text(1234567) == "1.234.567"
        assert number_text(6.75, 1) == "6,8"
        assert number_text(-0.01, 1) == "0,0"
    with translation.override("en"):
        assert number_text(1234.5, 1) == "1,234.5"
        assert number_text(1234567) == "1,234,567"
        assert number_text(0.5, 1) == "0.5"


def trend(**kwargs) -> ET.Element:
    kwargs.setdefault("title", "Per kwartaal: inwoners die een spinnenweb invulden")
    kwargs.setdefault("lines", [Line("Inwoners die een spinnenweb invulden", [198.2 * i for i in range(12)])])
    kwargs.setdefault("x_labels", QUARTERS)
    return parse(trend_svg(**kwargs))


def test_a_trend_axis_steps_by_round_numbers_in_dutch_notation():
    with translation.override("nl"):
        root = trend(lines=[Line("Bereik", [0, 396.5, 793, 1204.7])], x_labels=QUARTERS[:4])
    axis = [t.text for t in texts(root) if t.get("text-anchor") == "end"]
    assert axis == ["0", "500", "1.000", "1.500"]
    with translation.override("nl"):
        root = trend(lines=[Line("Kloof", [0.2, 1.3])], x_labels=QUARTERS[:2])
    assert [t.text for t in texts(root) if t.get("text-anchor") == "end"] == ["0,0", "0,5", "1,0", "1,5"]
    with translation.override("en"):
        root = trend(lines=[Line("Gap", [0.2, 1.3])], x_labels=QUARTERS[:2])
    assert [t.text for t in texts(root) if t.get("text-anchor") == "end"] == ["0.0", "0.5", "1.0", "1.5"]


def test_counts_get_whole_numbers_on_the_axis():
    root = trend(lines=[Line("Vragen", [0, 1, 2, 1])], x_labels=QUARTERS[:4], whole=True)
    assert [t.text for t in texts(root) if t.get("text-anchor") == "end"] == ["0", "1", "2"]


def test_no_label_of_a_trend_is_cut_off_at_an_edge():
    root = trend()
    width = float(root.get("width"))
    for text in texts(root):
        size, x = float(text.get("font-size")), float(text.get("x"))
        w = text_width(text.text, size) * (1.1 if text.get("font-weight") else 1)
        left = {"start": x, "middle": x - w / 2, "end": x - w}[text.get("text-anchor", "start")]
        assert left >= 0 and left + w <= width, text.text
    assert "K4 2026" in [t.text for t in texts(root)]  # the newest quarter, whole


def test_every_chart_shows_its_title_and_a_legend_in_words():
    root = trend()
    shown = [t.text for t in texts(root)]
    assert " ".join(shown[:2]) == "Per kwartaal: inwoners die een spinnenweb invulden"
    assert shown[-1] == "Inwoners die een spinnenweb invulden"  # the legend, also for a single line
    bars = parse(
        bar_chart_svg(
            bars=[Bar("Zingeving", 7.2, text="7,2")],
            title="Gemiddeld cijfer per onderdeel",
            max_value=10,
            legend="Gemiddeld cijfer, van 0 tot 10",
        )
    )
    shown = [t.text for t in texts(bars)]
    assert shown[0] == "Gemiddeld cijfer per onderdeel" and shown[-1] == "Gemiddeld cijfer, van 0 tot 10"


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2) of "#rrggbb"."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_neighbouring_map_classes_differ_in_lightness_by_at_least_1_5_to_1():
    """Colour-blind readers (and grey prints) tell the classes apart by lightness alone: from "none"
    through the four classes each step is darker, by a contrast ratio of at least 1.5:1."""
    palette = [geo.NO_DATA_COLOUR, *geo.SEQUENTIAL_COLOURS]
    lightness = [luminance(c) for c in palette]
    assert lightness == sorted(lightness, reverse=True)
    ratios = [(a + 0.05) / (b + 0.05) for a, b in itertools.pairwise(lightness)]
    assert min(ratios) >= 1.5, ratios


def test_map_classes_have_round_limits():
    assert geo.nice_classes(793) == [(1, 200), (201, 400), (401, 600), (601, 800)]
    assert geo.nice_classes(180) == [(1, 50), (51, 100), (101, 150), (151, 200)]
    assert geo.nice_classes(0) == []
    assert [geo.nice_class(v, 180) for v in (None, 0, 1, 50, 51, 180)] == [0, 0, 1, 1, 2, 4]


def test_spider_web_numbers_are_at_least_12px_on_a_phone():
    """On a 390 px phone the web (360 wide) is shown 358 px wide: every text at least 12 px there."""
    root = parse(
        spider_web_svg(
            labels=["Lichaam", "Mentaal", "Zingeving", "Kwaliteit", "Meedoen", "Dagelijks"],
            series=[Series("12 maart 2026", [8, 6.5, 7, 10, 5, 7.25])],
            title="Spinnenweb",
            description="Scores",
        )
    )
    scale = 358 / float(root.get("width"))
    rings = [t for t in texts(root) if t.get("class") == "web-ring-label"]
    assert [t.text for t in rings] == ["0", "2", "4", "6", "8", "10"]
    assert all(float(t.get("font-size")) * scale >= 12 for t in texts(root))


def test_six_lines_each_look_different():
    """A trend of the six dimensions: no two lines share both colour and dash pattern."""
    root = trend(lines=[Line(f"Onderdeel {n}", [n, n + 1]) for n in range(6)], x_labels=QUARTERS[:2])
    looks = [(p.get("stroke"), p.get("stroke-dasharray")) for p in root.iter(NS + "polyline")]
    assert len(looks) == 6 and len(set(looks)) == 6
