from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from veerkracht.accounts.models import OrganisationType
from veerkracht.accounts.tests.factories import OrganisationFactory, activate_totp
from veerkracht.actioncentre.models import PartnerProfile
from veerkracht.network.models import PartnerApplication, PartnerApplicationStatus, PartnerKind, PartnerRole
from veerkracht.network.services import partners as services

from .factories.partners import make_application

pytestmark = pytest.mark.django_db
Status = PartnerApplicationStatus

GOOD = {
    "organisation_name": "Huiskamer Zuid",
    "organisation_type": "interest_group",
    "municipality": "",
    "intent": "Een plek waar buren elkaar helpen.",
    "organisation_email": "info@huiskamer.example.org",
    "contact_name": "Els Kessels",
    "contact_phone": "+31 6 1234 5678",
}


def test_the_home_page_links_to_the_form_and_anonymous_visitors_are_asked_to_log_in(client, region):
    home = client.get("/").content.decode()
    assert reverse("network:partner_apply") in home
    page = client.get(reverse("network:partner_apply"))
    assert page.status_code == 200 and "Inloggen om je aan te melden" in page.content.decode()
    assert client.post(reverse("network:partner_apply"), GOOD).status_code == 200
    assert not PartnerApplication.objects.exists()


def test_a_resident_applies_and_sees_the_status(resident, client_for):
    client = client_for(resident)
    response = client.post(reverse("network:partner_apply"), GOOD)
    assert response.status_code == 302 and response.url == reverse("network:partner_application_mine")
    application = PartnerApplication.objects.get()
    assert (application.user, application.organisation_type, application.municipality) == (
        resident,
        OrganisationType.INTEREST_GROUP,
        None,
    )
    mine = client.get(reverse("network:partner_application_mine")).content.decode()
    assert "Huiskamer Zuid" in mine and "Aanmelding intrekken" in mine


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"organisation_name": ""}, "Vul de naam van de organisatie in."),
        ({"organisation_type": "castle"}, "Kies een soort uit de lijst."),
        ({"intent": ""}, "Schrijf wat jullie willen doen."),
        ({"intent": "x" * 2001}, "Schrijf hoogstens 2000 tekens."),
        ({"organisation_email": "geen-adres"}, "Vul een geldig e-mailadres in"),
        ({"contact_phone": "bel me"}, "alleen cijfers"),
        ({"municipality": "999999"}, "Kies een gemeente uit de lijst."),
    ],
)
def test_bad_input_is_shown_in_dutch_with_status_400_and_nothing_saved(resident, client_for, change, message):
    response = client_for(resident).post(reverse("network:partner_apply"), GOOD | change)
    assert response.status_code == 400 and message in response.content.decode()
    assert not PartnerApplication.objects.exists()


def test_a_second_application_while_one_is_open_says_so(resident, client_for):
    make_application(resident)
    client = client_for(resident)
    assert (
        "Je hebt al een aanmelding voor Buurtkracht Oost"
        in client.get(reverse("network:partner_apply")).content.decode()
    )
    response = client.post(reverse("network:partner_apply"), GOOD)
    assert response.status_code == 400 and "nog loopt" in response.content.decode()
    assert PartnerApplication.objects.count() == 1


def test_the_applicant_withdraws_only_their_own(resident, outsider, client_for):
    application = make_application(resident)
    url = reverse("network:partner_application_withdraw", args=[application.pk])
    assert client_for(outsider).post(url).status_code == 404
    assert client_for(resident).post(url).status_code == 302
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN


@pytest.mark.parametrize("persona", ["resident", "partner_admin", "analyst", "ambassador"])
def test_staff_pages_are_404_for_everyone_else(request, persona, client_for, region):
    user = request.getfixturevalue(persona)
    application = make_application(user)
    organisation = OrganisationFactory(name="Iets")
    client = client_for(user)
    for url in (
        reverse("network:partner_manage"),
        reverse("network:partner_application_review", args=[application.pk]),
        reverse("network:partner_roles", args=[organisation.slug]),
        reverse("network:support_manage"),
    ):
        assert client.get(url).status_code == 404, url
    accept = reverse("network:partner_application_accept", args=[application.pk])
    assert client.post(accept).status_code == 404
    application.refresh_from_db()
    assert application.is_open


def test_staff_accept_and_the_page_goes_live_when_the_admin_has_filled_it(resident, staff, client_for):
    application = make_application(resident)
    staff_client = client_for(staff)
    manage = staff_client.get(reverse("network:partner_manage")).content.decode()
    assert "Buurtkracht Oost" in manage
    review = staff_client.get(reverse("network:partner_application_review", args=[application.pk]))
    assert "06 12345678" in review.content.decode()
    response = staff_client.post(
        reverse("network:partner_application_accept", args=[application.pk]), {"message": ""}
    )
    assert response.status_code == 302
    organisation = PartnerApplication.objects.get().organisation
    public_url = reverse("connect:partner", args=[organisation.slug])
    assert client_for(None).get(public_url).status_code == 404

    resident.refresh_from_db()
    activate_totp(resident)  # a partner admin logs in in two steps
    admin = client_for(resident)
    mine = admin.get(reverse("network:partner_application_mine")).content.decode()
    assert "Vul je partnerpagina in" in mine
    edit = reverse("connect:partner_edit", args=[organisation.slug])
    empty = admin.post(edit, {"description": "", "website": "", "is_public": "on"})
    assert "Schrijf eerst wat jullie organisatie doet" in empty.content.decode()
    assert client_for(None).get(public_url).status_code == 404
    assert admin.post(edit, {"description": "Wij openen huiskamers.", "is_public": "on"}).status_code == 302
    assert PartnerProfile.objects.get(organisation=organisation).is_public is True
    page = client_for(None).get(public_url).content.decode()
    assert "Wij openen huiskamers." in page and "Rol in de beweging" in page and "Supporter" in page
    assert (
        "Vul je partnerpagina in"
        not in admin.get(reverse("network:partner_application_mine")).content.decode()
    )


def test_declining_without_a_reason_is_400_and_with_one_is_shown_to_the_applicant(
    resident, staff, client_for
):
    application = make_application(resident)
    url = reverse("network:partner_application_decline", args=[application.pk])
    bad = client_for(staff).post(url, {"decline-message": " "})
    assert bad.status_code == 400 and "Schrijf waarom je de aanmelding afwijst" in bad.content.decode()
    assert (
        client_for(staff).post(url, {"decline-message": "Jullie werken buiten Limburg."}).status_code == 302
    )
    mine = client_for(resident).get(reverse("network:partner_application_mine")).content.decode()
    assert "Afgewezen" in mine and "Jullie werken buiten Limburg." in mine


def test_staff_change_a_role_and_the_public_timeline_shows_it(staff, client_for, region):
    organisation = OrganisationFactory(name="Provincie Limburg", type=OrganisationType.PROVINCE)
    services.partner_role_change(
        organisation=organisation,
        kind=PartnerKind.DRIVER,
        starts_on=date(2021, 1, 1),
        reason="begin",
        actor=None,
    )
    url = reverse("network:partner_roles", args=[organisation.slug])
    client = client_for(staff)
    bad = client.post(url, {"kind": PartnerKind.CORE, "starts_on": "2020-01-01", "reason": "te vroeg"})
    assert bad.status_code == 400 and "Kies een datum na 01-01-2021" in bad.content.decode()
    missing = client.post(url, {"kind": "", "starts_on": "morgen", "reason": ""})
    html = missing.content.decode()
    assert missing.status_code == 400 and "Kies een rol." in html and "dag-maand-jaar" in html
    ok = client.post(url, {"kind": PartnerKind.CORE, "starts_on": "2024-03-01", "reason": "in de stuurgroep"})
    assert ok.status_code == 302
    assert PartnerRole.objects.filter(organisation=organisation).count() == 2
    page = client_for(None).get(reverse("connect:partner", args=[organisation.slug])).content.decode()
    assert "Aanjager" in page and "tot en met 29 februari 2024" in page and "In de stuurgroep" in page


def test_the_staff_list_has_a_constant_query_count(staff, client_for, django_assert_max_num_queries, region):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from veerkracht.accounts.tests.factories import UserFactory

    client = client_for(staff)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("network:partner_manage")).status_code == 200
        return len(queries)

    make_application(UserFactory(email="a0@example.org"), name="Org 0")
    count()  # the first request of a session does more (session, roles)
    few = count()
    for i in range(1, 8):
        make_application(UserFactory(email=f"a{i}@example.org"), name=f"Org {i}")
        OrganisationFactory(name=f"Organisatie {i}")
    assert count() == few
