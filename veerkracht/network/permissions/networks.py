"""Who sees and changes regional networks: everyone sees a network's page; action-centre staff and
region admins create networks and change every network; a network's coordinator changes that network
(area, members, goals, progress) but not who coordinates it. Everyone else gets a 404."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Goal, RegionalNetwork
from . import is_network_staff

MAX_ID = 2**63


def get_network(region, slug: str) -> RegionalNetwork:
    return get_object_or_404(
        RegionalNetwork.objects.filter(region=region).select_related(
            "region", "subregion", "coordinator__profile"
        ),
        slug=slug,
    )


def may_manage_network(user, network: RegionalNetwork) -> bool:
    if is_network_staff(user):
        return True
    return bool(user is not None and user.is_authenticated and network.coordinator_id == user.pk)


def get_network_for_manager(user, region, slug: str) -> RegionalNetwork:
    network = get_network(region, slug)
    if not may_manage_network(user, network):
        raise Http404
    return network


def get_goal_for_manager(user, region, slug: str, pk: int) -> Goal:
    network = get_network_for_manager(user, region, slug)
    if not 0 < pk < MAX_ID:
        raise Http404
    goal = get_object_or_404(Goal.objects.filter(network=network), pk=pk)
    goal.network = network
    return goal


def may_create_network(user) -> bool:
    return is_network_staff(user)


def may_choose_coordinator(user) -> bool:
    return is_network_staff(user)
