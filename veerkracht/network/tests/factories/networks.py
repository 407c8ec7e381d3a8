"""Regional networks with goals, for tests."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from veerkracht.accounts.tests.factories import OrganisationFactory
from veerkracht.network.models import Goal, RegionalNetwork
from veerkracht.network.services import networks as services


def make_network(region, *, slug: str = "westelijke-mijnstreek", codes=("GM0888", "GM1883"), **kwargs):
    members = kwargs.pop("members", None)
    if members is None:
        members = [OrganisationFactory(name=f"Partner van {slug}")]
    return services.network_create(
        region=region,
        name=kwargs.pop("name", f"Netwerk {slug}"),
        slug=slug,
        starts_on=kwargs.pop("starts_on", timezone.localdate() - timedelta(days=100)),
        municipalities=region.municipalities.filter(code__in=codes),
        members=members,
        **kwargs,
    )


def make_goal(network: RegionalNetwork, **kwargs) -> Goal:
    today = timezone.localdate()
    fields = {
        "title": "Twintig ambassadeurs",
        "unit": "ambassadeurs",
        "target": 20,
        "starts_on": today - timedelta(days=50),
        "deadline": today + timedelta(days=50),
        "owner": network.members.first(),
        **kwargs,
    }
    return services.goal_create(network=network, **fields)
