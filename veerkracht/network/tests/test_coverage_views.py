"""Coverage: public counts of active ambassadors per municipality and subregion (never names), per
10,000 inhabitants when the region has population figures, thin places marked."""

from __future__ import annotations

import pytest
from django.urls import reverse

from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.network.models import AmbassadorStatus
from veerkracht.network.tests.factories.activities import make_ambassador
from veerkracht.regions.services import DATA_DIR, POPULATION_LIMBURG_CSV, region_load

pytestmark = pytest.mark.django_db
URL = "/netwerk/dekking/"


def _places(response):
    return {row.place.code: row for group in response.context["groups"] for row in group.rows}


def _ambassadors(region, code, n, status=AmbassadorStatus.ACTIVE):
    for i in range(n):
        make_ambassador(
            region, user=UserFactory(display_name=f"Geheime Naam {code}{i}"), municipality=code, status=status
        )


def test_the_page_is_public_and_counts_active_ambassadors_only(region, client):
    assert reverse("network:coverage") == URL
    _ambassadors(region, "GM0935", 3)
    _ambassadors(region, "GM0917", 1)
    _ambassadors(region, "GM0917", 2, status=AmbassadorStatus.PAUSED)
    _ambassadors(region, "GM0983", 1, status=AmbassadorStatus.ONBOARDING)
    response = client.get(URL)
    assert response.status_code == 200
    places = _places(response)
    assert places["GM0935"].place.ambassadors == 3
    assert places["GM0917"].place.ambassadors == 1
    assert places["GM0983"].place.ambassadors == 0
    assert response.context["total"] == 4
    html = response.content.decode()
    assert "Geheime Naam" not in html
    assert "<svg" in html and "Maastricht: 3 actieve ambassadeurs" in html and "Bron: CBS / PDOK" in html
    groups = {g.name: g for g in response.context["groups"]}
    assert groups["Zuid-Limburg"].ambassadors == 4 and groups["Noord-Limburg"].ambassadors == 0
    assert sum(len(g.rows) for g in groups.values()) == 31


def test_without_population_thin_means_none_or_one(region, client):
    _ambassadors(region, "GM0935", 2)
    _ambassadors(region, "GM0917", 1)
    response = client.get(URL)
    places = _places(response)
    assert not places["GM0935"].thin and places["GM0917"].thin and places["GM0983"].thin
    assert not response.context["per_population"]
    assert "Per 10.000 inwoners" not in response.content.decode()
    assert response.context["thin_count"] == 30


def test_with_population_it_shows_per_10000_inhabitants(region, client):
    region_load(
        slug="limburg",
        province="PV31",
        subregions_path=DATA_DIR / "subregions_limburg.csv",
        population_path=POPULATION_LIMBURG_CSV,
    )
    _ambassadors(region, "GM0944", 40)  # Mook en Middelaar, 7,948 inhabitants
    _ambassadors(region, "GM0935", 2)  # Maastricht, 122,378
    response = client.get(URL)
    places = _places(response)
    assert response.context["per_population"]
    assert places["GM0944"].rate == pytest.approx(40 * 10_000 / 7948)
    assert places["GM0935"].rate == pytest.approx(2 * 10_000 / 122378)
    # The region: 42 per 1,127,809 = 0.372 per 10,000; Maastricht (0.163) is under half of that.
    assert places["GM0935"].thin and not places["GM0944"].thin
    html = response.content.decode()
    assert "Per 10.000 inwoners" in html and "50,3" in html  # 40 * 10,000 / 7,948 = 50.33


def test_a_change_to_an_ambassador_shows_at_once(region, client, django_capture_on_commit_callbacks):
    client.get(URL)
    with django_capture_on_commit_callbacks(execute=True):
        _ambassadors(region, "GM0935", 1)
    assert _places(client.get(URL))["GM0935"].place.ambassadors == 1


def test_the_page_reads_a_fixed_number_of_queries(region, client, django_assert_max_num_queries):
    _ambassadors(region, "GM0935", 5)
    client.get(URL)
    with django_assert_max_num_queries(4):
        assert client.get(URL).status_code == 200
