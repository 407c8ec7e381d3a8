"""Uitzicht: after the reflection, what could help nearby with the part of health the resident chose,
one tap away, and the intake prefilled with it; sharing is one clear action on the result."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from veerkracht.accounts.models import Profile
from veerkracht.actioncentre.tests.factories import InitiativeFactory, OfferFactory
from veerkracht.spiderweb.models import Assessment
from veerkracht.spiderweb.services.webs import reflection_save

from .factories import fill_in_without_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def nearby(region, staff):
    """Initiatives about taking part (meedoen) in Maastricht, elsewhere in Zuid and in Noord; offers."""
    return {
        "here": InitiativeFactory(title="Koffie in Wyck", code="GM0935", dimensions=("participation",)),
        "subregion": InitiativeFactory(
            title="Samen eten in Heerlen", code="GM0917", dimensions=("participation",)
        ),
        "far": InitiativeFactory(title="Wandelen in Venlo", code="GM0983", dimensions=("participation",)),
        "other_part": InitiativeFactory(title="Yoga in Wyck", code="GM0935", dimensions=("body",)),
        "hidden": InitiativeFactory(
            title="Nog niet goedgekeurd", code="GM0935", dimensions=("participation",), review="pending"
        ),
        "offer": OfferFactory(title="Maatje voor een wandeling", code=None, dimensions=("participation",)),
    }


def _titles(html: str) -> list[str]:
    return re.findall(r'class="utrecht-link vk-suggestion__link" href="[^"]+">([^<]+)</a>', html)


def test_the_part_chosen_in_the_reflection_shows_what_helps_nearby_first(
    client_for, resident, make_web, nearby
):
    Profile.objects.filter(user=resident).update(municipality=nearby["here"].municipality)
    web = make_web(resident)
    reflection_save(assessment=web, focus_dimension="participation")
    html = client_for(resident).get(reverse("spiderweb:result", args=[web.pk])).content.decode()
    assert "Je wilt werken aan Meedoen. Dit is er bij jou in de buurt, in en rond Maastricht." in html
    # Nearest first, only public ones and only about this part; three per kind.
    assert _titles(html) == [
        "Koffie in Wyck",
        "Samen eten in Heerlen",
        "Wandelen in Venlo",
        "Maatje voor een wandeling",
    ]
    assert f'href="{reverse("initiatives:detail", args=[nearby["here"].slug])}"' in html
    assert "in de hele regio" in html
    # The intake link knows what it is about and where.
    intake = re.search(r'href="(/actiecentrum/insturen/\?[^"]+)"', html).group(1).replace("&amp;", "&")
    assert intake == "/actiecentrum/insturen/?kant=participation&gemeente=GM0935"
    form = client_for(resident).get(intake).context["form"]
    assert form.initial["dimensions"] == ["participation"]
    assert form.initial["municipality"] == nearby["here"].municipality.pk
    # Sharing is one clear action near the top, not under "Meer".
    share = reverse("spiderweb:share_create", args=[web.pk])
    assert html.index(share) < html.index('id="reflectie"')


def test_without_a_choice_the_page_says_how_to_choose_and_never_sends_to_contact(
    client_for, resident, make_web, nearby
):
    web = make_web(resident)
    html = client_for(resident).get(reverse("spiderweb:result", args=[web.pk])).content.decode()
    assert "Kies aan welk onderdeel je wilt werken." in html and _titles(html) == []
    assert 'href="/contact/"' not in html.split('id="wat-nu"')[1].split("</section>")[0]
    assert 'href="/actiecentrum/insturen/?gemeente=GM0935"' in html  # their own municipality


def test_without_an_account_the_resident_picks_the_part_and_the_place(region, instruments, nearby):
    client = Client()
    fill_in_without_account(client, instruments["volwassenen"])
    url = reverse("spiderweb:session_result")
    html = client.get(url, {"kant": "participation", "gemeente": "GM0983"}).content.decode()
    assert _titles(html)[0] == "Wandelen in Venlo" and "in en rond Venlo" in html
    # Wrong values are not used, and never an error.
    wrong = client.get(url, {"kant": "<script>", "gemeente": "GM9999"})
    assert wrong.status_code == 200 and _titles(wrong.content.decode()) == []
    # Sharing needs an account: the page says why, with one button that keeps the web and goes on to share.
    assert "Om je spinnenweb te delen, bewaar je het eerst in een account." in html
    assert f"next={reverse('spiderweb:session_keep')}%3Fdelen%3D1" in html


def test_keeping_a_web_to_share_it_is_one_form(region, instruments, resident):
    client = Client()
    fill_in_without_account(client, instruments["volwassenen"])
    client.force_login(resident, backend="veerkracht.accounts.backends.LoginBackend")
    keep = reverse("spiderweb:session_keep") + "?delen=1"
    page = client.get(keep).content.decode()
    assert "Als je deelt, bewaren we dit spinnenweb ook in je account." in page and "Bewaren en delen" in page
    # A wrong answer: a clear message, nothing kept.
    wrong = client.post(keep, {"method": "email", "email": "", "scope": "one", "duration": "30"})
    assert "Vul het e-mailadres van de professional in." in wrong.content.decode()
    assert not Assessment.objects.exists()
    done = client.post(keep, {"method": "code", "scope": "one", "duration": "30"})
    html = done.content.decode()
    web = Assessment.objects.get(owner=resident)
    assert "Je spinnenweb is gedeeld" in html and re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", html)
    assert web.shares.count() == 1
    # The web left the browser: a second submit neither keeps nor shares it again.
    client.post(keep, {"method": "code", "scope": "one", "duration": "30"})
    assert Assessment.objects.filter(owner=resident).count() == 1


def test_a_failing_invitation_keeps_nothing(region, instruments, resident, monkeypatch):
    from veerkracht.spiderweb.services import sharing

    client = Client()
    fill_in_without_account(client, instruments["volwassenen"])
    client.force_login(resident, backend="veerkracht.accounts.backends.LoginBackend")

    def broken(share, code, base_url):
        raise OSError("mail server down")

    monkeypatch.setattr(sharing, "_send_invite", broken)
    keep = reverse("spiderweb:session_keep") + "?delen=1"
    page = client.post(
        keep, {"method": "email", "email": "huisarts@example.org", "scope": "one", "duration": "30"}
    )
    assert "We konden de e-mail nu niet versturen." in page.content.decode()
    assert not Assessment.objects.exists()
    assert client.get(reverse("spiderweb:session_result")).status_code == 200  # still there to try again
