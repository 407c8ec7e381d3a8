from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from veerkracht.lib.radar import Series, sparkline_svg, spider_web_svg
from veerkracht.lib.svg import text_width

NS = "{http://www.w3.org/2000/svg}"
DIMENSIONS = [
    "Lichaamsfuncties",
    "Mentaal welbevinden",
    "Zingeving",
    "Kwaliteit van leven",
    "Meedoen",
    "Dagelijks functioneren",
]
CURRENT_SCORES = [8, 6.5, 7, 10, 5, 7.25]
PREVIOUS_SCORES = [6, 5, None, 7, 4.5, 6]


def web(labels=DIMENSIONS, series=None, **kwargs) -> str:
    if series is None:
        series = [Series("12 maart 2026", CURRENT_SCORES)]
    kwargs.setdefault("title", "Spinnenweb")
    kwargs.setdefault("description", "Scores per dimensie")
    return spider_web_svg(labels=labels, series=series, **kwargs)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def with_class(root: ET.Element, tag: str, css_class: str) -> list[ET.Element]:
    return [el for el in root.iter(NS + tag) if css_class in el.get("class", "").split()]


def points(polygon: ET.Element) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in (pair.split(",") for pair in polygon.get("points").split())]


def centre_and_radius(root: ET.Element) -> tuple[float, float, float]:
    first_axis = with_class(root, "line", "web-axis")[0]
    cx, cy = float(first_axis.get("x1")), float(first_axis.get("y1"))
    radius = math.dist((cx, cy), (float(first_axis.get("x2")), float(first_axis.get("y2"))))
    return cx, cy, radius


def viewbox(root: ET.Element) -> tuple[float, float, float, float]:
    x, y, width, height = (float(part) for part in root.get("viewBox").split())
    return x, y, width, height


def text_box(text: ET.Element) -> tuple[float, float, float, float]:
    """Estimated (left, top, right, bottom) of one line of text."""
    font_size = float(text.get("font-size"))
    width = text_width(text.text or "", font_size)
    x, y = float(text.get("x")), float(text.get("y"))
    left = {"start": x, "middle": x - width / 2, "end": x - width}[text.get("text-anchor", "start")]
    return left, y - 0.8 * font_size, left + width, y + 0.25 * font_size


def inside(box: tuple[float, float, float, float], width: float, height: float) -> bool:
    left, top, right, bottom = box
    return left >= 0 and top >= 0 and right <= width and bottom <= height


def series_groups(root: ET.Element) -> list[ET.Element]:
    return with_class(root, "g", "web-series")


def close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return math.dist(a, b) < 0.02


# --------------------------------------------------------------------------------------------------------
# Spider web: structure and accessibility


def test_it_renders_well_formed_svg_with_size_and_viewbox():
    root = parse(web(size=360))
    assert root.tag == NS + "svg"
    assert root.get("width") == "360"
    assert root.get("height") == "360"
    assert root.get("viewBox") == "0 0 360 360"


def test_it_is_one_image_named_by_its_title_and_description():
    root = parse(web(title="Mijn web", description="Uitleg", id_prefix="web-7"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "web-7-title web-7-desc"
    title, desc, body = list(root)
    assert (title.tag, title.get("id"), title.text) == (NS + "title", "web-7-title", "Mijn web")
    assert (desc.tag, desc.get("id"), desc.text) == (NS + "desc", "web-7-desc", "Uitleg")
    assert body.tag == NS + "g"
    assert body.get("aria-hidden") == "true"


def test_it_uses_no_style_attributes_scripts_or_external_references():
    svg = web(series=[Series("nu", CURRENT_SCORES), Series("toen", PREVIOUS_SCORES, "previous")])
    for output in (svg, sparkline_svg(values=[1, None, 3], title="Trend")):
        lowered = output.lower()
        assert "style=" not in lowered
        for forbidden in ("<style", "<script", "<foreignobject", "href", "url("):
            assert forbidden not in lowered
        assert not re.search(r"\son\w+=", lowered)  # no event handler attributes


def test_the_same_input_gives_the_same_output():
    series = [Series("nu", CURRENT_SCORES), Series("toen", PREVIOUS_SCORES, "previous")]
    assert web(series=series) == web(series=list(series))


def test_numbers_have_at_most_two_decimals():
    svg = web(series=[Series("nu", [1 / 3, 2 / 3, 10 / 7, 9.999, 0.001, 5])])
    assert not re.search(r"\d\.\d{3}", svg)


# --------------------------------------------------------------------------------------------------------
# Spider web: geometry


def test_axes_start_at_the_top_and_go_clockwise():
    root = parse(web(labels=["Noord", "Oost", "Zuid", "West"], series=[]))
    cx, cy, radius = centre_and_radius(root)
    ends = [(float(line.get("x2")), float(line.get("y2"))) for line in with_class(root, "line", "web-axis")]
    assert close(ends[0], (cx, cy - radius))
    assert close(ends[1], (cx + radius, cy))
    assert close(ends[2], (cx, cy + radius))
    assert close(ends[3], (cx - radius, cy))


def test_a_ten_on_the_first_axis_sits_straight_above_the_centre_at_the_radius_and_a_five_halfway():
    root = parse(web(labels=["A", "B", "C", "D"], series=[Series("nu", [10, 5, 2.5, 0])]))
    cx, cy, radius = centre_and_radius(root)
    vertices = points(with_class(root, "polygon", "web-area")[0])
    assert close(vertices[0], (cx, cy - radius))
    assert close(vertices[1], (cx + radius / 2, cy))
    assert close(vertices[2], (cx, cy + radius / 4))
    assert close(vertices[3], (cx, cy))


def test_the_web_has_five_rings_with_values_zero_to_the_maximum_along_the_first_axis():
    root = parse(web(series=[]))
    assert len(with_class(root, "polygon", "web-ring")) == 5
    ring_labels = [text.text for text in with_class(root, "text", "web-ring-label")]
    assert ring_labels == ["0", "2", "4", "6", "8", "10"]
    assert [t.text for t in with_class(parse(web(series=[], max_value=5)), "text", "web-ring-label")] == [
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
    ]


def test_an_unanswered_value_is_drawn_at_the_centre_without_a_marker():
    root = parse(web(labels=["A", "B", "C", "D"], series=[Series("nu", [10, None, 4, 6])]))
    cx, cy, _ = centre_and_radius(root)
    vertices = points(with_class(root, "polygon", "web-area")[0])
    assert close(vertices[1], (cx, cy))
    markers = with_class(root, "circle", "web-marker")
    assert len(markers) == 3
    assert all(not close((float(m.get("cx")), float(m.get("cy"))), (cx, cy)) for m in markers)


def test_the_current_series_is_solid_and_filled_with_round_markers():
    root = parse(web())
    (group,) = series_groups(root)
    polygon = group.find(NS + "polygon")
    assert polygon.get("stroke-dasharray") is None
    assert polygon.get("stroke") == "#0b6158"
    assert polygon.get("stroke-width") == "3"
    assert (polygon.get("fill"), polygon.get("fill-opacity")) == ("#0b6158", "0.25")
    assert [m.get("r") for m in group.findall(NS + "circle")] == ["4"] * 6


def test_the_previous_series_is_dashed_with_square_markers_and_drawn_before_the_current_one():
    # Given in the "wrong" order on purpose: drawing order does not depend on it.
    series = [Series("nu", CURRENT_SCORES), Series("toen", PREVIOUS_SCORES, "previous")]
    root = parse(web(series=series))
    previous, current = series_groups(root)
    assert "web-series-previous" in previous.get("class")
    assert "web-series-current" in current.get("class")
    dashed = previous.find(NS + "polygon")
    assert dashed.get("stroke-dasharray") == "6 4"
    assert dashed.get("stroke") == "#6b4e00"
    assert dashed.get("fill") == "none"
    assert len(previous.findall(NS + "rect")) == 5  # one score is unanswered
    assert previous.findall(NS + "circle") == []


# --------------------------------------------------------------------------------------------------------
# Spider web: text


def test_labels_are_escaped():
    label = "Eten & \"drinken\" <ok> 'zo'"
    svg = web(labels=[label, "B", "C"], series=[Series("<nu> & toen", [1, 2, 3])], title="A & B <c>")
    assert "<ok>" not in svg
    assert "&amp;" in svg and "&lt;ok&gt;" in svg
    root = parse(svg)
    lines = [text.text for text in with_class(root, "text", "web-label")]
    assert label in {" ".join(lines[:2]), lines[0]}
    assert root.find(NS + "title").text == "A & B <c>"


def test_series_names_are_escaped_in_the_legend():
    series = [Series('"nu" & <straks>', [1, 2, 3]), Series("toen", [3, 2, 1], "previous")]
    root = parse(web(labels=["A", "B", "C"], series=series))
    texts = [text.text for text in root.iter(NS + "text")]
    assert '"nu" & <straks>' in texts


@pytest.mark.parametrize("size", [200, 300, 360, 480])
@pytest.mark.parametrize("with_previous", [False, True])
def test_labels_stay_inside_the_viewbox_and_apart_for_long_dutch_labels(size, with_previous):
    series = [Series("12 maart 2026", CURRENT_SCORES)]
    if with_previous:
        series.append(Series("3 november 2025", PREVIOUS_SCORES, "previous"))
    root = parse(web(series=series, size=size))
    _, _, width, height = viewbox(root)
    assert width == size and height >= size
    for text in root.iter(NS + "text"):
        assert inside(text_box(text), width, height), text.text
    label_boxes = [text_box(text) for text in with_class(root, "text", "web-label")]
    for i, a in enumerate(label_boxes):
        for b in label_boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_long_labels_wrap_over_at_most_two_lines():
    root = parse(web())
    lines = [text.text for text in with_class(root, "text", "web-label")]
    assert "Kwaliteit" in lines and "van leven" in lines
    assert "Lichaamsfuncties" in lines  # a single word stays whole


def test_labels_too_long_for_any_reasonable_web_are_shortened_and_still_fit():
    labels = ["Eenontzettendlangwoordzonderenigespatie", "Kort", "Nog een heel erg lange omschrijving hier"]
    root = parse(web(labels=labels, series=[Series("nu", [1, 2, 3])]))
    _, _, width, height = viewbox(root)
    lines = [text.text for text in with_class(root, "text", "web-label")]
    assert any(line.endswith("…") for line in lines)
    for text in with_class(root, "text", "web-label"):
        assert inside(text_box(text), width, height), text.text


# --------------------------------------------------------------------------------------------------------
# Spider web: legend


def test_a_single_series_has_no_legend():
    root = parse(web())
    assert with_class(root, "g", "web-legend") == []
    assert root.get("height") == "360"


def test_more_than_one_series_get_a_legend_under_the_web():
    series = [Series("12 maart 2026", CURRENT_SCORES), Series("3 november 2025", PREVIOUS_SCORES, "previous")]
    root = parse(web(series=series))
    (legend,) = with_class(root, "g", "web-legend")
    assert [t.text for t in legend.iter(NS + "text")] == ["12 maart 2026", "3 november 2025"]
    samples = legend.findall(f"{NS}g/{NS}line")
    assert [s.get("stroke-dasharray") for s in samples] == [None, "6 4"]
    _, cy, radius = centre_and_radius(root)
    web_bottom = max(text_box(t)[3] for t in with_class(root, "text", "web-label"))
    assert all(float(s.get("y1")) > max(web_bottom, cy + radius) for s in samples)


def test_the_svg_grows_taller_when_the_legend_needs_the_room():
    series = [Series(f"Meting {i}", CURRENT_SCORES, "previous" if i else "current") for i in range(6)]
    root = parse(web(series=series, size=300))
    _, _, width, height = viewbox(root)
    assert height > 300
    assert root.get("height") == root.get("viewBox").split()[3]
    for text in root.iter(NS + "text"):
        assert inside(text_box(text), width, height), text.text


# --------------------------------------------------------------------------------------------------------
# Spider web: validation


@pytest.mark.parametrize("count", [2, 13])
def test_it_refuses_fewer_than_three_or_more_than_twelve_axes(count):
    with pytest.raises(ValueError, match="axes"):
        web(labels=[f"As {i}" for i in range(count)], series=[])


def test_it_refuses_a_series_with_the_wrong_number_of_values():
    with pytest.raises(ValueError, match="one per axis"):
        web(series=[Series("nu", [1, 2, 3])])


@pytest.mark.parametrize("value", [10.01, 11, -0.5, math.nan, math.inf])
def test_it_refuses_values_outside_zero_to_the_maximum(value):
    with pytest.raises(ValueError, match="outside"):
        web(labels=["A", "B", "C"], series=[Series("nu", [1, value, 3])])


def test_it_refuses_values_above_a_custom_maximum():
    web(labels=["A", "B", "C"], series=[Series("nu", [1, 5, 3])], max_value=5)
    with pytest.raises(ValueError, match="outside"):
        web(labels=["A", "B", "C"], series=[Series("nu", [1, 6, 3])], max_value=5)


def test_it_accepts_decimal_scores_as_django_returns_them():
    root = parse(web(labels=["A", "B", "C"], series=[Series("nu", [Decimal("10"), Decimal("5.5"), None])]))
    cx, cy, radius = centre_and_radius(root)
    assert close(points(with_class(root, "polygon", "web-area")[0])[0], (cx, cy - radius))
    assert "polyline" in sparkline_svg(values=[Decimal("1.5"), Decimal("2")], title="Trend")


def test_it_refuses_an_unknown_series_kind():
    with pytest.raises(ValueError, match="kind"):
        web(labels=["A", "B", "C"], series=[Series("nu", [1, 2, 3], kind="future")])


def test_it_refuses_an_id_prefix_that_would_break_the_markup():
    with pytest.raises(ValueError, match="id_prefix"):
        web(id_prefix='web" onload="x')


# --------------------------------------------------------------------------------------------------------
# Sparkline


def polyline_points(root: ET.Element) -> list[list[tuple[float, float]]]:
    return [points(line) for line in root.iter(NS + "polyline")]


def test_a_sparkline_is_an_image_with_a_title_and_explicit_size():
    root = parse(sparkline_svg(values=[4, 6, 8], title="Trend <lichaam> & geest"))
    assert root.get("role") == "img"
    assert root.find(NS + "title").text == "Trend <lichaam> & geest"
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("120", "32", "0 0 120 32")
    assert root.find(NS + "g").get("aria-hidden") == "true"


def test_a_sparkline_spaces_points_evenly_and_scales_zero_to_the_maximum():
    root = parse(sparkline_svg(values=[0, 5, 10], title="Trend", width=120, height=32))
    (line,) = polyline_points(root)
    xs = [x for x, _ in line]
    assert xs[1] - xs[0] == pytest.approx(xs[2] - xs[1])
    baseline = next(root.iter(NS + "line"))
    bottom = float(baseline.get("y1"))
    assert line[0][1] == pytest.approx(bottom)
    assert line[2][1] < line[1][1] < line[0][1]
    assert bottom - line[1][1] == pytest.approx((bottom - line[2][1]) / 2, abs=0.01)


def test_a_sparkline_leaves_gaps_for_unanswered_values_and_marks_the_last_value():
    root = parse(sparkline_svg(values=[5, 6, None, 7, None, 8, 9, None], title="Trend"))
    runs = polyline_points(root)
    assert [len(run) for run in runs] == [2, 2]
    (isolated,) = with_class(root, "circle", "sparkline-point")  # the lone 7 between two gaps
    assert runs[0][-1][0] < float(isolated.get("cx")) < runs[1][0][0]
    (last,) = with_class(root, "circle", "sparkline-last")
    # The last answered value (9) gets the dot, not the trailing gap.
    assert close((float(last.get("cx")), float(last.get("cy"))), runs[1][-1])


def test_a_sparkline_ending_in_a_lone_value_shows_one_dot_for_it():
    root = parse(sparkline_svg(values=[5, 6, None, 9], title="Trend"))
    assert with_class(root, "circle", "sparkline-point") == []
    assert len(with_class(root, "circle", "sparkline-last")) == 1


@pytest.mark.parametrize("values", [[], [None, None, None]])
def test_a_sparkline_without_answers_has_only_the_title_and_a_baseline(values):
    root = parse(sparkline_svg(values=values, title="Nog geen metingen"))
    assert root.find(NS + "title").text == "Nog geen metingen"
    drawn = [el.tag for el in root.find(NS + "g")]
    assert drawn == [NS + "line"]


def test_a_sparkline_refuses_values_above_the_maximum():
    with pytest.raises(ValueError, match="outside"):
        sparkline_svg(values=[1, 10.5], title="Trend")
