"""Ids someone changed in a form or URL get a plain message or a 404, never an error page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from veerkracht.accounts.tests.factories import UserFactory

from .factories import InitiativeFactory, NeedFactory

pytestmark = pytest.mark.django_db


def test_tampered_ids_get_a_message_not_an_error(region, staff, client_for):
    need = NeedFactory(initiative=InitiativeFactory(owner=UserFactory(email="trekker@example.org")))
    client = client_for(staff)
    response = client.post(
        reverse("connect:propose", args=[need.pk]), {"target": "offer-²", "message": "Hoi"}
    )
    assert response.status_code in (200, 400)
    response = client.post(
        reverse("actioncentre:board_bulk"), {"ids": ["99999999999999999999999"], "action": "me"}
    )
    assert response.status_code in (200, 302, 400)
    initiative = InitiativeFactory(owner=staff)
    response = client.post(
        reverse("initiatives:partners", args=[initiative.slug]), {"partners": ["99999999999999999999999"]}
    )
    assert response.status_code == 200 and "Kies organisaties uit de lijst." in response.content.decode()


def test_huge_ids_in_moderation_and_partner_urls_are_a_404(region, staff, partner_admin, client_for):
    from veerkracht.accounts.models import MembershipRole
    from veerkracht.accounts.services import membership_set
    from veerkracht.accounts.tests.factories import OrganisationFactory

    huge = 99999999999999999999999
    initiative = InitiativeFactory(owner=staff)
    organisation = OrganisationFactory(name="Grote getallen")
    membership_set(organisation=organisation, user=partner_admin, role=MembershipRole.ADMIN)
    staff_client, admin_client = client_for(staff), client_for(partner_admin)
    for name in ("revision_review", "update_review"):
        assert staff_client.get(reverse(f"moderation:{name}", args=[huge])).status_code == 404
    for name in ("update_withdraw", "waiting_photo"):
        url = reverse(f"moderation:{name}", args=[initiative.slug, huge])
        assert staff_client.post(url).status_code in (404, 405)
    url = reverse("partnerships:decide", args=[organisation.slug, huge])
    assert admin_client.post(url, {"decision": "accept"}).status_code == 404
