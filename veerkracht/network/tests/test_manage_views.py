"""Netwerkbeheer: the start page shows staff what waits for them; everyone else gets a 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from veerkracht.accounts.tests.factories import UserFactory

from .factories.ambassadors import make_ambassador, make_application
from .factories.partners import make_application as make_partner_application

pytestmark = pytest.mark.django_db
URL = reverse("network:manage")


def test_staff_see_what_waits_and_the_way_to_each_part(client_for, region, staff, region_admin):
    make_application(region)
    make_application(region, user=UserFactory(email="tweede@example.org"))
    make_partner_application(UserFactory(email="partner@example.org"))
    make_ambassador(region, staff)
    for user in (staff, region_admin):
        html = client_for(user).get(URL).content.decode()
        assert 'data-count="ambassador-applications">2 aanmeldingen wachten' in html
        assert 'data-count="partner-applications">1 organisatie wil partner worden' in html
        for name in ("manage_ambassadors", "partner_manage", "support_manage", "networks", "network_create"):
            assert f'href="{reverse(f"network:{name}")}"' in html


def test_everyone_else_gets_404_and_a_visitor_is_asked_to_log_in(
    client, client_for, resident, ambassador, partner_admin, analyst, professional
):
    for user in (resident, ambassador, partner_admin, analyst, professional):
        assert client_for(user).get(URL).status_code == 404
    assert client.get(URL).status_code == 302
