from __future__ import annotations

import pytest

from veerkracht.accounts.models import Organisation
from veerkracht.actioncentre.models import (
    AmbassadorProfile,
    Connection,
    ConnectionStatus,
    Initiative,
    Offer,
    Phase,
    PhaseChange,
    Request,
    RequestStatus,
)

pytestmark = pytest.mark.django_db


def test_demo_is_a_living_action_centre_and_loads_once(region):
    from veerkracht.accounts import demo as accounts_demo
    from veerkracht.actioncentre import demo

    accounts_demo.load(region)
    demo.load(region)
    demo.load(region)

    assert AmbassadorProfile.objects.count() == 60
    assert Organisation.objects.filter(region=region).count() == 30
    assert Organisation.objects.filter(region=region, is_core_partner=True).count() >= 5
    assert Initiative.objects.count() == 80
    assert set(Initiative.objects.values_list("phase", flat=True)) == set(Phase.values)
    assert Initiative.objects.values("subregion").distinct().count() == 3
    # Every initiative's history ends in its current phase.
    for initiative in Initiative.objects.all():
        assert (
            PhaseChange.objects.filter(initiative=initiative).latest("changed_at").to_phase
            == initiative.phase
        )
    assert set(Request.objects.values_list("status", flat=True)) == set(RequestStatus.values)
    assert Offer.objects.count() >= 50
    assert set(Connection.objects.values_list("status", flat=True)) == set(ConnectionStatus.values)
