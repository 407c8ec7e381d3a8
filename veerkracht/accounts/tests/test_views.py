from __future__ import annotations

import pytest
from django.urls import reverse

from veerkracht.accounts.models import Organisation, Role, User
from veerkracht.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db


def test_my_account_needs_a_login(client, region):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_resident_updates_their_profile(client_for, resident, region, django_assert_num_queries):
    client = client_for(resident)
    client.get(reverse("accounts:profile"))  # the menu's "in a group?" is cached after the first page
    # session, user, profile, roles, region, authenticator, memberships, municipalities
    with django_assert_num_queries(8):
        assert client.get(reverse("accounts:profile")).status_code == 200
    venlo = region.municipalities.get(code="GM0983")
    response = client.post(
        reverse("accounts:profile"),
        {
            "display_name": "  Anouk  ",
            "municipality": venlo.pk,
            "neighbourhood": "Blerick",
            "age_band": "25-34",
            "preferred_language": "en",
        },
    )
    assert response.status_code == 302
    resident.profile.refresh_from_db()
    profile = resident.profile
    assert (profile.display_name, profile.municipality, profile.neighbourhood, profile.age_band) == (
        "Anouk",
        venlo,
        "Blerick",
        "25-34",
    )
    assert response.cookies["veerkracht_language"].value == "en"
    assert AuditLogEntry.objects.filter(code="accounts.profile.updated", person=resident).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("municipality", "999999", "Selecteer een geldige keuze"),
        ("age_band", "1990-01-01", "Selecteer een geldige keuze"),
        ("preferred_language", "xx", "Selecteer een geldige keuze"),
        ("display_name", "x" * 81, "niet meer dan 80 tekens"),
    ],
)
def test_bad_profile_input_is_refused_and_nothing_is_saved(client_for, resident, field, value, message):
    data = {"display_name": "Nieuw", "preferred_language": "nl", field: value}
    response = client_for(resident).post(reverse("accounts:profile"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er ging iets mis" in html and message in html
    resident.profile.refresh_from_db()
    assert resident.profile.display_name != "Nieuw"


def test_a_municipality_outside_the_region_cannot_be_chosen(client_for, resident, region):
    from veerkracht.regions.services import region_load

    groningen = region_load(slug="groningen", province="PV20").region.municipalities.first()
    response = client_for(resident).post(
        reverse("accounts:profile"), {"municipality": groningen.pk, "preferred_language": "nl"}
    )
    assert response.status_code == 200
    resident.profile.refresh_from_db()
    assert resident.profile.municipality != groningen


def test_the_account_page_shows_roles_and_organisations(client_for, partner_admin, region):
    from veerkracht.accounts.services import membership_set
    from veerkracht.accounts.tests.factories import OrganisationFactory

    membership_set(
        organisation=OrganisationFactory(name="GGD Zuid Limburg"), user=partner_admin, role="admin"
    )
    html = client_for(partner_admin).get(reverse("accounts:profile")).content.decode()
    assert "beheerder partnerorganisatie" in html
    assert "GGD Zuid Limburg (beheerder)" in html


def test_deleting_the_account_needs_the_checkbox(client_for, resident):
    client = client_for(resident)
    response = client.post(reverse("accounts:delete"), {})
    assert response.status_code == 200
    assert "Vink het vakje aan" in response.content.decode()
    assert User.objects.filter(pk=resident.pk).exists()
    response = client.post(reverse("accounts:delete"), {"confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=resident.pk).exists()
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_switching_language_sets_the_cookie_and_the_profile(client_for, resident):
    client = client_for(resident)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/privacy/"})
    assert response.status_code == 302 and response.url == "/privacy/"
    resident.profile.refresh_from_db()
    assert resident.profile.preferred_language == "en"
    html = client.get("/privacy/").content.decode()
    assert '<html lang="en"' in html
    assert "Privacy statement" in html


def test_switching_language_refuses_unknown_languages_and_foreign_redirects(client, region):
    response = client.post(reverse("set_language"), {"language": "fy"}, follow=True)
    assert "Deze taal kennen we niet" in response.content.decode()
    response = client.post(reverse("set_language"), {"language": "en", "next": "https://evil.example/"})
    assert response.url == "/"
    assert client.get(reverse("set_language")).status_code == 405


def test_the_saved_language_is_used_on_a_new_device(client_for, resident):
    resident.profile.preferred_language = "en"
    resident.profile.save()
    response = client_for(resident).get("/")
    assert '<html lang="en"' in response.content.decode()
    assert response.cookies["veerkracht_language"].value == "en"


def test_back_office_is_for_region_admins_only(client, client_for, region_admin, staff, analyst, resident):
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert "next=/beheer/" in response.redirect_chain[-1][0].replace("%2F", "/")
    for user in (resident, staff, analyst):
        assert client_for(user).get(reverse("admin:index"), follow=True).status_code == 403
    admin = client_for(region_admin)
    html = admin.get(reverse("admin:index")).content.decode()
    assert "Organisaties" in html and "Gemeenten" in html
    assert admin.get(reverse("admin:accounts_user_changelist")).status_code == 200
    assert admin.get(reverse("admin:regions_municipality_changelist")).status_code == 200
    # Second-factor secrets and deleting people are not back-office work.
    assert admin.get("/beheer/mfa/authenticator/").status_code in (403, 404)
    assert admin.get(reverse("admin:accounts_user_delete", args=[resident.pk])).status_code == 403


def test_region_admin_grants_a_role_in_the_back_office_and_it_is_logged(client_for, region_admin, resident):
    admin = client_for(region_admin)
    url = reverse("admin:accounts_user_change", args=[resident.pk])
    data = {
        "email": resident.email,
        "is_active": "on",
        "profile-TOTAL_FORMS": "1",
        "profile-INITIAL_FORMS": "1",
        "profile-MIN_NUM_FORMS": "0",
        "profile-MAX_NUM_FORMS": "1",
        "profile-0-id": resident.profile.pk,
        "profile-0-user": resident.pk,
        "profile-0-display_name": "Anouk",
        "profile-0-preferred_language": "nl",
        "role_assignments-TOTAL_FORMS": "1",
        "role_assignments-INITIAL_FORMS": "0",
        "role_assignments-MIN_NUM_FORMS": "0",
        "role_assignments-MAX_NUM_FORMS": "1000",
        "role_assignments-0-role": Role.AMBASSADOR,
        "role_assignments-0-user": resident.pk,
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    response = admin.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    resident.refresh_from_db()
    assert resident.has_role(Role.AMBASSADOR)
    entry = AuditLogEntry.objects.get(code="accounts.role.granted", person=resident)
    assert entry.actor == region_admin


def test_region_admin_manages_organisations(client_for, region_admin, region):
    admin = client_for(region_admin)
    response = admin.post(
        reverse("admin:accounts_organisation_add"),
        {
            "name": "Welzijn Weert",
            "slug": "welzijn-weert",
            "type": "welfare",
            "region": region.pk,
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.filter(slug="welzijn-weert").exists()
