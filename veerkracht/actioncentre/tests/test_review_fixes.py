"""Defects found in review: abuse of introductions, mail failures, names, tampered ids."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from veerkracht.actioncentre.models import Connection, InitiativeUpdate, Request, Review
from veerkracht.actioncentre.services import connect as connect_services
from veerkracht.actioncentre.services import requests as request_services
from veerkracht.actioncentre.tests.test_connect_services import make_initiative, make_need, make_offer
from veerkracht.actioncentre.tokens import hash_token
from veerkracht.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def helper(region):
    return make_offer(UserFactory(email="helper@example.org", display_name="Henk"), region)


def test_an_owner_of_an_unapproved_initiative_cannot_introduce_anyone(region, resident, helper):
    need = make_need(make_initiative(region, owner=resident, review=Review.PENDING))
    with pytest.raises(ValidationError, match="nog niet op de website"):
        connect_services.connection_propose(need=need, offer=helper, message="Hoi", proposed_by=resident)
    assert not Connection.objects.exists()


def test_owners_have_a_daily_limit_on_introductions(region, resident, helper, settings):
    initiative = make_initiative(region, owner=resident)
    with mock.patch.object(connect_services, "PROPOSALS_PER_DAY", 1):
        connect_services.connection_propose(
            need=make_need(initiative), offer=helper, message="Past goed.", proposed_by=resident
        )
        with pytest.raises(ValidationError, match="al veel mensen voorgesteld"):
            connect_services.connection_propose(
                need=make_need(initiative, help_type="place", description="Nog een zaal"),
                offer=helper,
                message="Past ook.",
                proposed_by=resident,
            )


def test_a_failing_staff_message_mail_keeps_the_old_link_working(region, staff, client_for):
    token = "oude-link-123"
    request = Request.objects.create(
        region=region,
        kind="question",
        title="Vraag",
        description="Uitleg",
        municipality=region.municipalities.first(),
        name="Mieke",
        email="mieke@example.org",
        contact_consent=True,
        token_hash=hash_token(token),
    )
    with (
        mock.patch("veerkracht.actioncentre.services.requests.send_mail", side_effect=OSError("smtp down")),
        pytest.raises(ValidationError, match="kon niet worden verstuurd"),
    ):
        request_services.request_message_sender(request=request, author=staff, text="Hoi", base_url="")
    request.refresh_from_db()
    assert request.token_hash == hash_token(token)
    assert client_for(staff).get(reverse("actioncentre:follow", args=[token])).status_code == 200


def test_public_pages_never_show_part_of_an_e_mail_address(client, region):
    author = UserFactory(email="jan.de.vries.1970@example.org", display_name="")
    initiative = make_initiative(region, owner=author)
    InitiativeUpdate.objects.create(initiative=initiative, author=author, text="Nieuws!")
    html = client.get(reverse("initiatives:detail", args=[initiative.slug])).content.decode()
    assert "Nieuws!" in html and "jan.de.vries" not in html


def test_tampered_ids_get_a_message_not_an_error(region, staff, client_for):
    need = make_need(make_initiative(region, owner=UserFactory(email="trekker@example.org")))
    client = client_for(staff)
    response = client.post(
        reverse("connect:propose", args=[need.pk]), {"target": "offer-²", "message": "Hoi"}
    )
    assert response.status_code in (200, 400)
    response = client.post(
        reverse("actioncentre:board_bulk"), {"ids": ["99999999999999999999999"], "action": "me"}
    )
    assert response.status_code in (200, 302, 400)
    initiative = make_initiative(region, owner=staff)
    response = client.post(
        reverse("initiatives:partners", args=[initiative.slug]), {"partners": ["99999999999999999999999"]}
    )
    assert response.status_code == 200 and "Kies organisaties uit de lijst." in response.content.decode()
