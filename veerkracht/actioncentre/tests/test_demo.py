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


def test_demo_has_something_in_every_moderation_queue(region):
    from veerkracht.accounts import demo as accounts_demo
    from veerkracht.actioncentre import demo
    from veerkracht.actioncentre.models import InitiativePartner, InitiativeRevision, InitiativeUpdate

    accounts_demo.load(region)
    demo.load(region)
    resident = "inwoner@demo.veerkracht.nl"
    assert InitiativeRevision.objects.get(status="pending").author.email == resident
    assert InitiativeUpdate.objects.get(review="pending").author.email == resident
    waiting = InitiativePartner.objects.get(status="pending")
    assert waiting.organisation.memberships.filter(user__email="partner@demo.veerkracht.nl", role="admin")
    # Every other demo partner agreed to be named.
    assert InitiativePartner.objects.filter(status="accepted").count() > 20
    assert not InitiativePartner.objects.filter(status="declined").exists()
