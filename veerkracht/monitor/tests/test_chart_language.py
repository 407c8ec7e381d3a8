"""One language per page, also inside the charts and map: an English page's SVGs and map legend hold no
Dutch words, and a Dutch page writes its numbers with a decimal comma."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from veerkracht.core.vocabulary import DIMENSION_KEYS, DIMENSION_NAMES

pytestmark = pytest.mark.django_db

PAGES = [("monitor:region", ()), ("monitor:subregion", ("zuid-limburg",)), ("monitor:outcomes", ())]
DUTCH_WORDS = [
    "Gemiddeld",
    "cijfer",
    "onderdeel",
    "Per kwartaal",
    "inwoners",
    "verbindingen",
    "verborgen",
    "tot en met",
    "Kaart",
    "Bron",
]


def svgs(html: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", html, re.S)


def shown_text(svg: str) -> str:
    """What a reader sees or hears of an SVG: its texts, titles and accessible names."""
    parts = re.findall(r"<(?:text|title)\b[^>]*>([^<]*)<", svg) + re.findall(r'aria-label="([^"]*)"', svg)
    return " | ".join(parts)


def legend(html: str) -> str:
    found = re.search(r'<ul class="vk-legend".*?</ul>', html, re.S)
    return found.group(0) if found else ""


def page(client, language: str, name: str, args) -> str:
    client.cookies["veerkracht_language"] = language
    return client.get(reverse(name, args=args), {"periode": "2025"}).content.decode()


@pytest.mark.parametrize("name, args", PAGES)
def test_an_english_page_has_no_dutch_in_its_charts_and_map(monitor_data, client, name, args):
    html = page(client, "en", name, args)
    charts = [shown_text(svg) for svg in svgs(html) if 'class="vk-chart"' in svg or "vk-map__svg" in svg]
    assert charts, "the page shows charts"
    with translation.override("nl"):
        dutch = [str(DIMENSION_NAMES[key]) for key in DIMENSION_KEYS] + DUTCH_WORDS
    seen = " || ".join(charts) + legend(html)
    for word in dutch:
        assert word not in seen, word
    assert not re.search(r"\bK[1-4] \d{4}\b", seen)  # quarters are "Q1 2025" in English
    assert not re.search(r"\d,\d", " ".join(charts))  # English numbers: a decimal point


def test_an_english_page_names_the_dimensions_in_english(monitor_data, client):
    html = page(client, "en", "monitor:region", ())
    with translation.override("en"):
        english = [str(DIMENSION_NAMES[key]) for key in DIMENSION_KEYS]
    chart = next(shown_text(svg) for svg in svgs(html) if "vk-chart" in svg)
    assert all(name in chart for name in english)
    assert re.search(r"\b\d\.\d\b", chart)
    assert "Source: CBS / PDOK" in html


def test_a_dutch_page_writes_numbers_with_a_decimal_comma(monitor_data, client):
    html = page(client, "nl", "monitor:region", ())
    chart = next(shown_text(svg) for svg in svgs(html) if "vk-chart" in svg)
    assert "Gemiddeld cijfer per onderdeel" in chart and "Lichaamsfuncties" in chart
    values = re.findall(r"\| (\d+[,.]\d) \|", chart)
    assert values and all("," in v for v in values)
    assert "inwoner" in legend(html)  # the map legend in words
