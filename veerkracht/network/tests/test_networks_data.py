"""Regional networks and personal data (a coordinator or a person who entered progress deletes their
account: the network and its figures stay, without their name) and the demo (three networks: one reached
all its goals, one on track, one behind)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from veerkracht.accounts import demo as accounts_demo
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.core.personal_data import erase_all, export_all, summary_all, undeclared_models
from veerkracht.network.demo import networks as networks_demo
from veerkracht.network.models import Goal, GoalProgress, RegionalNetwork
from veerkracht.network.presenters.networks import BEHIND, MISSED, ON_TRACK, REACHED, goal_status
from veerkracht.network.services import networks as services

from .factories.networks import make_goal, make_network

pytestmark = pytest.mark.django_db


def test_erasing_a_coordinator_keeps_the_network_without_their_name(region):
    person = UserFactory(email="coordinator@example.org", display_name="Mieke Schrijnemakers")
    network = make_network(region, coordinator=person)
    goal = make_goal(network)
    services.goal_progress_add(goal=goal, value=4, note="Telling in het overleg", by=person)
    services.goal_progress_add(goal=goal, value=5, note="Geteld door Mieke Schrijnemakers", by=person)
    exported = export_all(person)["network_networks"]
    assert exported["networks_coordinated"] == [network.name]
    assert exported["goal_progress_entered"][0]["note"] == "Telling in het overleg"
    lines = summary_all(person).kept
    assert "Netwerken die je coördineerde blijven bestaan, zonder je naam." in lines
    erase_all(person)
    network.refresh_from_db()
    assert network.coordinator is None
    assert list(GoalProgress.objects.order_by("pk").values_list("entered_by", "value", "note")) == [
        (None, 4, "Telling in het overleg"),
        (None, 5, "Geteld door [verwijderd]"),
    ]
    goal.refresh_from_db()
    assert goal.value == 5


def test_every_model_of_networks_is_declared():
    assert undeclared_models([RegionalNetwork, Goal, GoalProgress]) == []


def test_the_demo_loads_once_with_one_network_reached_one_on_track_one_behind(region):
    accounts_demo.load(region)
    lines = networks_demo.load(region)
    assert lines == ["  3 regionale netwerken met 7 doelen"]
    assert networks_demo.load(region) == []
    assert RegionalNetwork.objects.count() == 3 and Goal.objects.count() == 7
    today = timezone.localdate()
    statuses = {
        network.slug: {goal_status(goal, today) for goal in network.goals.all()}
        for network in RegionalNetwork.objects.all()
    }
    assert statuses["westelijke-mijnstreek"] == {REACHED}
    assert statuses["parkstad"] == {ON_TRACK}
    assert BEHIND in statuses["noord-limburg"] and MISSED in statuses["noord-limburg"]
    assert REACHED not in statuses["noord-limburg"]
    assert Goal.objects.exclude(source="").exists()  # some follow a monitor figure
    assert GoalProgress.objects.exclude(note="").count() == GoalProgress.objects.count() > 0
    assert RegionalNetwork.objects.filter(coordinator__isnull=False).count() == 3
