"""PostgreSQL's two ways of reading a kind (all matches from its GIN index, or its newest rows along
the (kind, id) index) find the same; a kind with many matches shows the planner's estimate as
"ongeveer", and a page past the end of an estimate still lands on the real last page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from veerkracht.actioncentre.tests.factories import InitiativeFactory
from veerkracht.community.selectors import search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own way of reading"),
]


def test_estimates_are_rounded_to_two_figures():
    assert [search._rounded(n) for n in (0, 7, 42, 999, 7037, 12_345)] == [0, 7, 42, 1000, 7000, 12_000]


def _titles(region, text, filters=None, page=1):
    results = search.search_site(region, text, filters or {}, page, per_kind=50, per_page=5)
    return [hit.title for group in results.groups for hit in group.hits], results


def test_both_ways_of_reading_a_kind_find_the_same_in_the_same_order(region, monkeypatch):
    for n in range(12):
        InitiativeFactory(title=f"Moestuin {n}", description="Samen tuinieren in de wijk" * (n % 3 + 1))
    InitiativeFactory(title="Wandelclub", description="Wandelen")
    sparse, _ = _titles(region, "moestuin")
    real = search._postgres_estimates
    monkeypatch.setattr(search, "_postgres_estimates", lambda *a: (real(*a)[0], dict.fromkeys(a[2], 1)))
    dense, _ = _titles(region, "moestuin")
    assert len(sparse) == 12 and dense == sparse


def test_many_matches_show_an_estimate_and_the_page_says_ongeveer(client, region, monkeypatch):
    for n in range(7):
        InitiativeFactory(title=f"Buurtkamer {n}")
    monkeypatch.setattr(search, "EXACT_UP_TO", 0)
    titles, results = _titles(region, "buurtkamer")
    assert len(titles) == 7 and results.approximate and results.groups[0].approximate
    page = client.get(reverse("community:search"), {"q": "buurtkamer"})
    assert page.status_code == 200 and "ongeveer" in page.content.decode()


def test_a_page_past_the_end_of_an_estimate_shows_the_real_last_page(region, monkeypatch):
    for n in range(7):
        InitiativeFactory(title=f"Repair café {n}")
    monkeypatch.setattr(search, "EXACT_UP_TO", 0)
    real = search._postgres_estimates
    monkeypatch.setattr(
        search, "_postgres_estimates", lambda *a: (dict.fromkeys(real(*a)[0], 500), real(*a)[1])
    )
    titles, results = _titles(region, "repair", {"kind": "initiative"}, page=40)
    group = results.groups[0]
    assert group.count == 7 and not group.approximate and group.page.number == 2 and len(titles) == 2


def test_a_phrase_is_always_counted(region, monkeypatch):
    InitiativeFactory(title="Samen koken", description="koken samen")
    InitiativeFactory(title="Koken en eten samen")
    monkeypatch.setattr(search, "EXACT_UP_TO", 0)
    titles, results = _titles(region, '"samen koken"')
    assert titles == ["Samen koken"] and not results.approximate and results.total == 1
