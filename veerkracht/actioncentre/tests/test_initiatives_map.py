from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from veerkracht.actioncentre import presenters as map_svg
from veerkracht.actioncentre.services import initiatives as services

SVG = "{http://www.w3.org/2000/svg}"


def _limburg_codes(region) -> tuple[str, ...]:
    return tuple(sorted(region.municipalities.values_list("code", flat=True)))


def test_every_limburg_municipality_gets_a_closed_path(region):
    codes = _limburg_codes(region)
    assert len(codes) == 31
    shapes = map_svg.region_shapes(codes)
    assert set(shapes.paths) == set(codes)
    for data in shapes.paths.values():
        assert data.startswith("M") and data.endswith("Z")
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", data)]
        xs, ys = numbers[0::2], numbers[1::2]
        assert min(xs) >= 0 and max(xs) <= shapes.width
        assert min(ys) >= 0 and max(ys) <= shapes.height
    # Limburg is a tall province: the map is higher than wide.
    assert shapes.height > shapes.width


def test_shapes_are_computed_once_per_region(region):
    codes = _limburg_codes(region)
    assert map_svg.region_shapes(codes) is map_svg.region_shapes(codes)


def test_classes_and_legend():
    assert [map_svg.class_of(n, 8) for n in (0, 1, 2, 3, 4, 6, 8)] == [0, 1, 1, 2, 2, 3, 4]
    assert map_svg.class_of(3, 0) == 0
    labels = [e["label"] for e in map_svg.legend(8)]
    assert labels == [
        "geen initiatieven",
        "1 tot en met 2 initiatieven",
        "3 tot en met 4 initiatieven",
        "5 tot en met 6 initiatieven",
        "7 tot en met 8 initiatieven",
    ]
    # With few initiatives, classes that cannot occur are left out of the legend.
    assert [e["label"] for e in map_svg.legend(1)] == ["geen initiatieven", "1 initiatief"]
    assert len(map_svg.legend(0)) == 1


def test_the_svg_is_valid_xml_with_one_named_link_per_municipality(region):
    munis = list(region.municipalities.order_by("name"))
    counts = {m.code: 0 for m in munis} | {"GM0935": 7, "GM0917": 1}
    svg = map_svg.choropleth_svg(
        shapes=map_svg.region_shapes(_limburg_codes(region)),
        municipalities=[(m.code, m.name) for m in munis],
        counts=counts,
        url_for=lambda code: f"/initiatieven/?gemeente={code}&thema=food",
        title="Kaart & aantallen",
    )
    root = ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input
    assert root.tag == f"{SVG}svg" and root.get("role") == "group" and root.get("aria-labelledby")
    assert root.find(f"{SVG}title").text == "Kaart & aantallen"
    links = root.findall(f"{SVG}a")
    assert len(links) == 31 and len(root.findall(f"{SVG}a/{SVG}path")) == 31
    by_label = {a.get("aria-label"): a for a in links}
    maastricht = by_label["Maastricht: 7 initiatieven"]
    assert maastricht.get("href") == "/initiatieven/?gemeente=GM0935&thema=food"
    assert maastricht.find(f"{SVG}title").text == "Maastricht: 7 initiatieven"
    assert maastricht.find(f"{SVG}path").get("fill") == map_svg.CLASS_COLOURS[4]
    assert by_label["Heerlen: 1 initiatief"].find(f"{SVG}path").get("fill") == map_svg.CLASS_COLOURS[1]
    assert by_label["Venlo: 0 initiatieven"].find(f"{SVG}path").get("fill") == map_svg.CLASS_COLOURS[0]
    assert "style=" not in svg  # the site's CSP allows no inline styles


@pytest.mark.django_db
def test_the_list_page_map_counts_and_links_follow_the_filters(client, region, staff):
    def make(title, code, themes):
        return services.initiative_create(
            region=region,
            title=title,
            summary="s",
            description="d",
            municipality=region.municipalities.get(code=code),
            who="w",
            themes=themes,
            dimensions=[],
            created_by=staff,
        )

    make("Koken", "GM0935", ["food"])
    make("Eten", "GM0935", ["food"])
    make("Sport", "GM0917", ["movement"])
    html = client.get(reverse("initiatives:list"), {"thema": "food", "gemeente": "GM0917"}).content.decode()
    svg = html[html.index("<svg xmlns") : html.index("</svg>", html.index("<svg xmlns")) + 6]
    root = ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input
    labels = {a.get("aria-label"): a.get("href") for a in root.findall(f"{SVG}a")}
    assert len(labels) == 31
    # Counts respect the theme filter but not the municipality filter.
    href = labels["Maastricht: 2 initiatieven"]
    assert "Heerlen: 0 initiatieven" in labels
    query = parse_qs(urlsplit(href).query)
    assert query == {"thema": ["food"], "gemeente": ["GM0935"]}
    assert "Bron: CBS / PDOK" in html
    # The table has the same numbers.
    assert re.search(r"GM0935[^>]*>Maastricht</a></th>\s*<td[^>]*>2</td>", html.replace("&amp;", "&"))


def test_map_counts_are_a_snapshot_that_any_change_refreshes(
    region, staff, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from veerkracht.actioncentre.models import Initiative, Review
    from veerkracht.actioncentre.selectors.initiatives import initiative_counts_by_municipality
    from veerkracht.actioncentre.services.initiatives import initiative_create

    maastricht = region.municipalities.get(code="GM0935")

    def create(title):
        with django_capture_on_commit_callbacks(execute=True):
            return initiative_create(
                region=region, title=title, summary="Samen.", description="Samen iets doen.",
                municipality=maastricht, who="Buren", themes=["food"], dimensions=[], created_by=staff,
            )  # fmt: skip

    create("Moestuin Oost")
    assert initiative_counts_by_municipality(region, {"theme": "food"}) == {maastricht.pk: 1}
    with django_assert_num_queries(0):  # the second time comes from the cache
        assert initiative_counts_by_municipality(region, {"theme": "food"}) == {maastricht.pk: 1}
    second = create("Moestuin West")
    assert initiative_counts_by_municipality(region, {"theme": "food"}) == {maastricht.pk: 2}
    with django_capture_on_commit_callbacks(execute=True):
        Initiative.objects.filter(pk=second.pk).first().delete()
    assert initiative_counts_by_municipality(region, {"theme": "food"}) == {maastricht.pk: 1}
    assert Initiative.objects.filter(review=Review.PUBLIC).count() == 1
