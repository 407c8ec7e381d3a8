from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from veerkracht.core import views

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["core:home", "core:positive_health", "core:privacy", "core:accessibility", "core:contact"]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_work_for_everyone(client, region, name, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Limburg Positief Gezond" in html
    assert 'href="#main"' in html  # skip link
    assert reverse("core:privacy") in html and reverse("core:accessibility") in html


def test_home_query_count_does_not_grow_with_data(client, region, django_assert_num_queries, resident):
    with django_assert_num_queries(2):  # region + its subregions
        client.get("/")
    from veerkracht.accounts.tests.factories import OrganisationFactory

    for _ in range(5):
        OrganisationFactory()
    with django_assert_num_queries(2):
        Client().get("/", HTTP_ACCEPT_LANGUAGE="en")  # another visitor, another language: made anew
    with django_assert_num_queries(0):
        client.get("/")  # the anonymous copy (core/pagecache.py)


def test_home_leads_residents_professionals_and_organisations(client, region):
    html = client.get("/").content.decode()
    for heading in ("Ik woon hier", "Ik werk met mensen", "Ik ben een organisatie"):
        assert heading in html
    assert "Midden-Limburg, Noord-Limburg en Zuid-Limburg" in html
    # Every link on the home page goes somewhere real.
    for url in [reverse("core:contact"), reverse("account_signup"), reverse("core:positive_health")]:
        assert url in html
        assert Client().get(url).status_code == 200
    # A resident's buttons lead to the thing itself: the spider web and the intake, not a contact page.
    resident_card = html.split("Ik woon hier")[1].split("Ik werk met mensen")[0]
    for url in [reverse("spiderweb:home"), reverse("actioncentre:intake"), reverse("initiatives:list")]:
        assert f'href="{url}"' in resident_card
        assert Client().get(url).status_code == 200
    assert reverse("core:contact") not in resident_card


def test_the_contact_page_leads_to_the_online_intake(client, region):
    html = client.get(reverse("core:contact")).content.decode()
    assert f'href="{reverse("actioncentre:intake")}"' in html


def test_navigation_shows_only_existing_modules_and_marks_the_current_page(
    client, region, client_for, region_admin
):
    html = client.get(reverse("core:privacy")).content.decode()
    nav = html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    assert "Startpagina" in nav and 'aria-current="page"' not in nav
    html = client.get(reverse("core:positive_health")).content.decode()
    assert 'aria-current="page">Positieve Gezondheid' in html
    assert reverse("admin:index") not in html
    admin_html = client_for(region_admin).get("/").content.decode()
    assert reverse("admin:index") in admin_html


def test_pages_work_before_a_region_is_loaded(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "Veerkracht" in response.content.decode()


def test_unknown_page_gets_the_house_style_404(client, region):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_403_and_500_pages_render(region):
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    forbidden = views.error_403(request)
    assert forbidden.status_code == 403 and "niet bekijken" in forbidden.content.decode()
    crashed = views.error_500(request)
    assert crashed.status_code == 500 and "Er ging iets mis" in crashed.content.decode()
    bad = views.error_400(request)
    assert bad.status_code == 400


def test_a_form_without_csrf_token_is_refused_with_a_clear_page(region):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("set_language"), {"language": "en"})
    assert response.status_code == 403
    assert "Het formulier is verlopen" in response.content.decode()


def test_dev_mail_page_does_not_exist_in_production(client, region):
    assert client.get("/dev/mail/").status_code == 404


def test_only_the_most_specific_menu_item_is_current(client_for, staff):
    html = client_for(staff).get("/actiecentrum/bord/").content.decode()
    nav = html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    # The list is there twice (a compact one for phones, the whole row for wide screens; CSS shows one).
    compact, wide = nav.split('class="utrecht-nav-list vk-nav__list vk-nav__list--wide"')
    for menu in (compact, wide):
        assert menu.count('aria-current="page"') == 1
        assert 'aria-current="page">Bord' in menu
    assert "je bent nu bij: </span>Bord</span>" in compact


def test_the_phone_menu_is_grouped_in_sections_with_every_item_once(client_for, db, region):
    from veerkracht.accounts.models import Role
    from veerkracht.accounts.tests.factories import UserFactory
    from veerkracht.core.navigation import SECTIONS, all_nav_items

    staff = UserFactory(roles=(Role.STAFF,))
    html = client_for(staff).get("/").content.decode()
    compact = html.split('class="vk-nav__compact"', 1)[1].split("</details>", 1)[0]
    headings = [str(label) for label in SECTIONS.values() if str(label) in compact]
    assert headings[:2] == ["Jouw gezondheid", "Samen doen"] and "Voor je werk" in headings
    assert compact.count('aria-labelledby="menu-deel-') == len(headings)
    keys = [item.section_key for item in all_nav_items()]
    assert keys == sorted(keys, key=list(SECTIONS).index)  # each section's items together, in order
