"""Regional network pages: the public overview and network page (goals, status, members, coordinator),
and the forms of staff and the coordinator (everyone else: 404), with bad input shown again (400)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.network.models import Goal, GoalProgress, RegionalNetwork
from veerkracht.network.services import networks as services

from .factories.networks import make_goal, make_network

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def coordinator(region):
    return UserFactory(email="coordinator@example.org", display_name="Mieke Coördinator")


@pytest.fixture
def network(region, coordinator):
    return make_network(region, coordinator=coordinator)


@pytest.fixture
def goal(network):
    goal = make_goal(network, title="Twintig ambassadeurs", target=20)
    services.goal_progress_add(goal=goal, value=20, note="Telling")
    return goal


def _manage_urls(network, goal) -> list[tuple[str, str]]:
    return [
        ("get", reverse("network:network_edit", args=[network.slug])),
        ("post", reverse("network:network_edit", args=[network.slug])),
        ("get", reverse("network:goal_create", args=[network.slug])),
        ("post", reverse("network:goal_create", args=[network.slug])),
        ("get", reverse("network:goal_edit", args=[network.slug, goal.pk])),
        ("post", reverse("network:goal_edit", args=[network.slug, goal.pk])),
        ("get", reverse("network:goal_progress", args=[network.slug, goal.pk])),
        ("post", reverse("network:goal_progress", args=[network.slug, goal.pk])),
    ]


def test_the_overview_lists_every_network_with_goals_reached(client, region, network, goal):
    make_goal(network, title="Nog niet gehaald")
    make_network(region, slug="parkstad", codes=("GM0917",))
    html = client.get(reverse("network:networks")).content.decode()
    assert "1 van 2 doelen gehaald" in html
    assert "Netwerk parkstad" in html and "Nog geen doelen" in html
    for path in ("/netwerk/ambassadeur-worden/", "/netwerk/partner-worden/", "/netwerk/dekking/"):
        assert f'href="{path}"' in html
    assert reverse("network:network_create") not in html


def test_the_network_page_shows_goals_status_members_and_coordinator(client, network, goal):
    behind = make_goal(network, title="Tien sessies", target=10)
    services.goal_progress_add(goal=behind, value=1, note="Eén sessie")
    response = client.get(reverse("network:network", args=[network.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'data-goal="{goal.pk}" data-status="reached"' in html
    assert f'data-goal="{behind.pk}" data-status="behind"' in html
    assert f'id="goal-{goal.pk}" max="100" value="100"' in html
    assert (
        "Loopt achter" in html and "Mieke Coördinator" in html and "Partner van westelijke-mijnstreek" in html
    )
    assert reverse("network:network_edit", args=[network.slug]) not in html


def test_pages_use_the_same_number_of_queries_however_many_goals(client, region, network, goal):
    def count(path):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    page, overview = reverse("network:network", args=[network.slug]), reverse("network:networks")
    before = (count(page), count(overview))
    for n in range(5):
        make_goal(network, title=f"Doel {n}")
        make_network(region, slug=f"netwerk-{n}", codes=("GM0917",))
    assert (count(page), count(overview)) == before


def test_showing_a_network_never_counts_or_writes(client, network):
    linked = make_goal(network, title="Initiatieven", source="initiatives")
    yesterday = TODAY - timedelta(days=1)
    Goal.objects.filter(pk=linked.pk).update(value=3, value_on=yesterday)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("network:network", args=[network.slug])).content.decode()
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))
    ]
    assert writes == []
    linked.refresh_from_db()
    assert linked.value_on == yesterday and "Geteld op" in html


def test_an_unknown_network_is_404(client, network):
    assert client.get("/netwerk/bestaat-niet/").status_code == 404


def test_others_get_404_on_every_form(client_for, region, network, goal, resident, professional, ambassador):
    other_coordinator = UserFactory()
    make_network(region, slug="parkstad", codes=("GM0917",), coordinator=other_coordinator)
    for user in (None, resident, professional, ambassador, other_coordinator):
        client = client_for(user)
        if user is not None:
            assert client.get(reverse("network:network_create")).status_code == 404
        for method, url in _manage_urls(network, goal):
            response = getattr(client, method)(url, {"value": "3", "note": "x", "on": str(TODAY)})
            assert response.status_code in (302, 404), (user, url)
            assert user is not None or response.status_code == 302  # anonymous: to the login page
    assert GoalProgress.objects.count() == 1 and Goal.objects.count() == 1


def test_staff_create_a_network_and_bad_input_is_shown_again(client_for, region, staff, coordinator):
    client = client_for(staff)
    url = reverse("network:network_create")
    municipality = region.municipalities.get(code="GM0983")
    organisation = OrganisationFactory(name="GGD Limburg-Noord")
    bad = client.post(
        url,
        {
            "name": "Noord",
            "slug": "dekking",
            "starts_on": "2024-01-01",
            "coordinator_email": "niemand@example.org",
        },
    )
    html = bad.content.decode()
    assert bad.status_code == 400 and "al in gebruik" in html and "Er is geen account" in html
    assert not RegionalNetwork.objects.exists()
    data = {
        "name": "Netwerk Noord",
        "slug": "noord",
        "starts_on": "2024-01-01",
        "municipalities": [municipality.pk],
        "members": [organisation.pk],
        "coordinator_email": "COORDINATOR@example.org",
        "submission_key": "a" * 20,
    }
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == "/netwerk/noord/"
    assert client.post(url, data).status_code == 302  # sent again: made once
    network = RegionalNetwork.objects.get()
    assert (network.coordinator, list(network.members.all())) == (coordinator, [organisation])


def test_the_coordinator_changes_the_network_but_not_who_coordinates(client_for, network, coordinator):
    client = client_for(coordinator)
    url = reverse("network:network_edit", args=[network.slug])
    page = client.get(url).content.decode()
    assert "coordinator_email" not in page
    organisation = network.members.get()
    client.post(
        url,
        {
            "name": "Nieuwe naam",
            "slug": network.slug,
            "starts_on": "2024-02-01",
            "members": [organisation.pk],
            "coordinator_email": "iemand@example.org",
        },
    )
    network.refresh_from_db()
    assert (network.name, network.coordinator) == ("Nieuwe naam", coordinator)


def test_the_coordinator_adds_a_goal_and_enters_progress(client_for, network, coordinator):
    client = client_for(coordinator)
    owner = network.members.get()
    url = reverse("network:goal_create", args=[network.slug])
    base = {
        "title": "Vijftig mensen geschoold",
        "unit": "mensen",
        "baseline": "0",
        "owner": owner.pk,
        "starts_on": str(TODAY - timedelta(days=10)),
        "source": "",
    }
    bad = client.post(url, {**base, "target": "0", "deadline": str(TODAY - timedelta(days=20))})
    html = bad.content.decode()
    assert bad.status_code == 400 and "groter zijn dan 0" in html and "na de startdatum" in html
    assert (
        client.post(url, {**base, "target": "50", "deadline": str(TODAY + timedelta(days=300))}).status_code
        == 302
    )
    goal = Goal.objects.get()
    progress = reverse("network:goal_progress", args=[network.slug, goal.pk])
    bad = client.post(progress, {"value": "-1", "note": "", "on": str(TODAY)})
    assert bad.status_code == 400 and "kleiner zijn dan 0" in bad.content.decode()
    assert client.post(progress, {"value": "12", "note": "Telling GGD", "on": str(TODAY)}).status_code == 302
    goal.refresh_from_db()
    assert goal.value == 12 and GoalProgress.objects.get().entered_by == coordinator
    assert "Telling GGD" in client.get(progress).content.decode()


def test_staff_edit_a_goal(client_for, network, goal, staff):
    client = client_for(staff)
    url = reverse("network:goal_edit", args=[network.slug, goal.pk])
    assert client.get(url).status_code == 200
    data = {
        "title": "Dertig ambassadeurs",
        "unit": "ambassadeurs",
        "target": "30",
        "baseline": "0",
        "owner": goal.owner_id,
        "starts_on": str(goal.starts_on),
        "deadline": str(goal.deadline),
        "source": "",
    }
    assert client.post(url, data).status_code == 302
    goal.refresh_from_db()
    assert (goal.title, goal.target, goal.reached_on) == ("Dertig ambassadeurs", 30, None)
