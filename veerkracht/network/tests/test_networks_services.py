"""Regional networks: goals and their status, progress by hand, goals linked to a monitor figure (counted
for the network's area, at most once a day), the checks on networks and goals, and the monitor figure."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from veerkracht.accounts.tests.factories import OrganisationFactory
from veerkracht.core.indicators import (
    MEDIAN,
    STOCK,
    Breakdown,
    Indicator,
    indicators,
    register,
    register_breakdown,
    unregister,
)
from veerkracht.network.models import Goal, GoalProgress, RegionalNetwork
from veerkracht.network.presenters.networks import BEHIND, MISSED, ON_TRACK, REACHED, goal_status, goal_view
from veerkracht.network.selectors import networks as selectors
from veerkracht.network.services import networks as services

from .factories.networks import make_goal, make_network

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
CALLS: list = []
ROWS: list = []


def _rows(window):
    CALLS.append(window)
    return iter(ROWS)


@pytest.fixture
def test_indicator():
    register_breakdown(Breakdown("test_colour", "kleur", lambda: [("red", "rood"), ("blue", "blauw")]))
    register(
        Indicator(
            "test_things",
            "Dingen",
            "Dingen geteld",
            "count",
            "test",
            "movement",
            _rows,
            breakdowns=("test_colour",),
        )
    )
    register(Indicator("test_stock", "Voorraad", "Voorraad", "count", "test", "movement", _rows, kind=STOCK))
    register(
        Indicator("test_median", "Mediaan", "Mediaan", "days", "test", "movement", _rows, aggregate=MEDIAN)
    )
    CALLS.clear()
    ROWS[:] = [
        ("GM0888", {"test_colour": "red"}),
        ("GM1883", {"test_colour": "blue"}),
        ("GM1883", {"test_colour": "red"}),
        ("GM0935", {"test_colour": "red"}),  # Maastricht: outside the network
        (None, {"test_colour": "red"}),  # region-wide: outside the network's area
    ]
    yield
    for key in ("test_things", "test_stock", "test_median"):
        unregister(key)


@pytest.fixture
def network(region):
    return make_network(region)


def test_manual_progress_sets_the_value_and_the_day_it_was_reached(network):
    goal = make_goal(network, target=20)
    services.goal_progress_add(goal=goal, value=12, note="Telling maart", on=TODAY - timedelta(days=10))
    goal.refresh_from_db()
    assert (goal.value, goal.reached_on) == (12, None)
    services.goal_progress_add(goal=goal, value=21, note="Telling mei", on=TODAY - timedelta(days=3))
    goal.refresh_from_db()
    assert (goal.value, goal.reached_on) == (21, TODAY - timedelta(days=3))
    assert goal_status(goal, TODAY) == REACHED
    # A correction below the target: no longer reached.
    services.goal_progress_add(goal=goal, value=18, note="Dubbel geteld", on=TODAY)
    goal.refresh_from_db()
    assert (goal.value, goal.reached_on) == (18, None)


def test_status_compares_progress_with_the_time_gone(network):
    goal = make_goal(
        network, target=100, starts_on=TODAY - timedelta(days=50), deadline=TODAY + timedelta(days=50)
    )
    services.goal_progress_add(goal=goal, value=50, note="Precies op koers")
    goal.refresh_from_db()
    assert goal_status(goal, TODAY) == ON_TRACK
    services.goal_progress_add(goal=goal, value=49, note="Net achter")
    goal.refresh_from_db()
    assert goal_status(goal, TODAY) == BEHIND
    assert goal_status(goal, TODAY + timedelta(days=51)) == MISSED
    view = goal_view(goal, TODAY)
    assert (view.percent, view.time_percent, view.status_label) == (49, 50, "loopt achter")


def test_baseline_counts_from_where_the_network_started(network):
    goal = make_goal(network, target=30, baseline=10)
    services.goal_progress_add(goal=goal, value=20, note="Halverwege")
    goal.refresh_from_db()
    assert goal.progress_share() == 0.5


def test_goal_checks_refuse_bad_goals_and_save_nothing(network, region):
    with pytest.raises(ValidationError) as error:
        make_goal(network, target=5, baseline=5)
    assert "target" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_goal(network, deadline=TODAY - timedelta(days=60))
    assert "deadline" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_goal(network, owner=OrganisationFactory(name="Geen lid"))
    assert "owner" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_goal(network, source="does_not_exist")
    assert "source" in error.value.message_dict
    assert not Goal.objects.exists()


def test_network_slugs_refuse_the_app_s_own_pages_and_doubles(region, network):
    for slug in (
        "ambassadeur-worden",
        "partner-worden",
        "dekking",
        "activiteiten",
        "beheer",
        "mijn-activiteiten",
    ):
        with pytest.raises(ValidationError) as error:
            make_network(region, slug=slug)
        assert "slug" in error.value.message_dict
    with pytest.raises(ValidationError):
        make_network(region, slug=network.slug)
    assert RegionalNetwork.objects.count() == 1


def test_progress_cannot_be_entered_on_a_linked_goal(network, test_indicator):
    goal = make_goal(network, source="test_things")
    with pytest.raises(ValidationError):
        services.goal_progress_add(goal=goal, value=3, note="Met de hand")
    with pytest.raises(ValidationError):
        services.goal_progress_add(
            goal=make_goal(network), value=3, note="Morgen", on=TODAY + timedelta(days=1)
        )
    assert not GoalProgress.objects.exists()


def test_a_linked_goal_counts_its_area_and_category_once_a_day(network, test_indicator):
    everything = make_goal(network, source="test_things", target=3)
    red = make_goal(network, source="test_things:test_colour=red", target=5)
    everything.refresh_from_db()
    red.refresh_from_db()
    assert (everything.value, everything.reached_on) == (3, TODAY)
    assert red.value == 2
    window = CALLS[0]
    assert window.start.date() == everything.starts_on and window.region == network.region
    calls = len(CALLS)
    ROWS.append(("GM0888", {"test_colour": "red"}))
    assert services.goals_refresh(network=network) == 0  # counted today already
    assert len(CALLS) == calls
    assert services.goals_refresh(today=TODAY + timedelta(days=1)) == 2
    red.refresh_from_db()
    assert red.value == 3


def test_a_network_without_an_area_counts_the_whole_region(region, test_indicator):
    network = make_network(region, slug="heel-limburg", codes=())
    assert selectors.network_codes(network) is None
    assert make_goal(network, source="test_things", target=50).value == 5


def test_a_subregion_brings_its_municipalities(region, test_indicator):
    network = make_network(
        region, slug="zuid", codes=(), subregion=region.subregions.get(name="Zuid-Limburg")
    )
    assert {"GM0888", "GM1883", "GM0935"} <= selectors.network_codes(network)
    assert make_goal(network, source="test_things", target=50).value == 4


def test_source_choices_offer_count_figures_and_their_categories(test_indicator):
    choices = dict(selectors.source_choices())
    assert choices["test_things"] == "Dingen"
    assert choices["test_things:test_colour=red"] == "Dingen: kleur rood"
    assert "test_stock" in choices
    assert "test_median" not in choices and "network_goals_reached" not in choices


def test_the_monitor_counts_goals_reached_per_network(region, network):
    from veerkracht.core.indicators import Window, get_indicator

    other = make_network(region, slug="parkstad", codes=("GM0917",))
    services.goal_progress_add(goal=make_goal(network, target=2), value=2, note="Gehaald")
    services.goal_progress_add(goal=make_goal(network, target=2), value=1, note="Nog niet")
    services.goal_progress_add(goal=make_goal(other, target=2), value=3, note="Gehaald")
    now = timezone.now()
    rows = list(get_indicator("network_goals_reached").rows(Window(region, now, now, now)))
    assert sorted(rows, key=lambda r: r[1]["regional_network"]) == [
        (None, {"regional_network": "parkstad"}),
        (None, {"regional_network": "westelijke-mijnstreek"}),
    ]
    earlier = now - timedelta(days=2)
    assert list(get_indicator("network_goals_reached").rows(Window(region, earlier, earlier, earlier))) == []


def test_area_and_members_must_be_of_the_region(region, network):
    from veerkracht.regions.models import Municipality, Region

    other_region = Region.objects.create(
        slug="elders", name="Elders", province_code="PV99", movement_name="x"
    )
    elsewhere = Municipality.objects.create(
        code="GM9999", name="Ergens", province_code="PV99", province_name="Elders", region=other_region
    )
    with pytest.raises(ValidationError) as error:
        services.network_update(network=network, municipalities=[elsewhere])
    assert "municipalities" in error.value.message_dict
    assert list(network.municipalities.values_list("code", flat=True).order_by("code")) == [
        "GM0888",
        "GM1883",
    ]


def test_every_fixed_address_under_netwerk_is_a_word_no_network_may_take():
    from veerkracht.network import urls
    from veerkracht.network.models.networks import validate_network_slug

    fixed = {str(p.pattern).split("/")[0] for p in urls.urlpatterns if not str(p.pattern).startswith("<")}
    fixed.discard("")
    assert fixed
    for word in fixed:
        with pytest.raises(ValidationError):
            validate_network_slug(word)


def test_a_goal_can_count_the_ambassadors_in_the_area_but_not_figures_about_residents():
    keys = {key for key, _label in selectors.source_choices()}
    assert "network_ambassadors_active" in keys
    residents = [i.key for i in indicators() if i.about_residents]
    assert residents and not keys & set(residents)
    assert all(selectors.parse_source(key) is None for key in residents)
