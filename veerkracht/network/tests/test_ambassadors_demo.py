"""The ambassadors' demo: sixty ambassadors in every onboarding state, gaps on the map, open applications,
the demo ambassador complete; fast, and a second run adds nothing."""

from __future__ import annotations

import time

import pytest
from django.utils import timezone

from veerkracht.accounts import demo as accounts_demo
from veerkracht.accounts.models import Role
from veerkracht.network.demo import ambassadors as demo
from veerkracht.network.models import Ambassador, AmbassadorApplication, AmbassadorEvent
from veerkracht.network.selectors.ambassadors import active_on, checklist

pytestmark = pytest.mark.django_db


def test_the_demo_has_every_state_and_leaves_gaps(region):
    accounts_demo.load(region)
    began = time.monotonic()
    lines = demo.load(region)
    assert time.monotonic() - began < 20 and "60 ambassadors" in lines[0]
    statuses = list(Ambassador.objects.values_list("status", flat=True))
    assert len(statuses) == 60
    assert statuses.count("paused") == 3 and statuses.count("stopped") == 4
    assert statuses.count("onboarding") == 8 and statuses.count("active") == 45
    assert AmbassadorApplication.objects.filter(status__in=["submitted", "invited"]).count() == 5
    assert AmbassadorApplication.objects.filter(status="invited").count() == 2
    covered = set(Ambassador.objects.values_list("municipality__code", flat=True))
    assert not covered & demo.WITHOUT and len(covered) >= 15
    stopped = Ambassador.objects.filter(status="stopped").select_related("user")
    assert all(not a.user.has_role(Role.AMBASSADOR) for a in stopped)
    assert AmbassadorEvent.objects.filter(kind="stopped").exclude(reason="").count() == 4
    lead = Ambassador.objects.select_related("user", "region").get(user__email=demo.LEAD)
    assert lead.status == "active" and lead.intro_held_on and lead.workshop_on
    assert [item.done for item in checklist(lead)][:2] == [True, True]
    assert len(active_on(region, timezone.localdate())) == 45 + 8
    assert demo.load(region) == []
