"""Subscribing without an account (double opt-in), confirming, changing and ending a subscription."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from veerkracht.community.models import Subscriber
from veerkracht.community.services.newsletter import (
    UNCONFIRMED_KEEP,
    subscriber_subscribe,
    subscribers_remove_unconfirmed,
)
from veerkracht.community.tests.factories import SubscriberFactory
from veerkracht.community.tokens import CONFIRM, MANAGE, UNSUBSCRIBE, subscriber_token
from veerkracht.core.vocabulary import THEMES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mail_at_once(monkeypatch):
    """Mails are queued on commit; the test's transaction never commits, so run them at once."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, using=None, robust=False: func())


SUBSCRIBE = "/nieuwsbrief/aanmelden/"


def _link(body: str, part: str) -> str:
    return re.search(rf"https?://\S+?(/nieuwsbrief/{part}/\S+/)", body).group(1)


def test_subscribing_sends_a_confirmation_and_confirming_activates(client, region):
    noord = region.subregions.first()
    response = client.post(
        SUBSCRIBE, {"email": "Mieke@Example.org", "subregions": [noord.pk], "themes": [THEMES.keys[0]]}
    )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "mieke@example.org" and subscriber.confirmed_at is None
    assert list(subscriber.subregions.all()) == [noord] and subscriber.themes == THEMES.bits[THEMES.keys[0]]
    link = _link(mail.outbox[-1].body, "bevestigen")
    assert client.get(link).status_code == 200  # GET only shows the button
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None
    response = client.post(link)
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    assert response.url == reverse("community:newsletter_manage", args=[subscriber_token(subscriber, MANAGE)])


def test_a_second_subscribe_sends_again_and_tells_an_outsider_nothing(client, region):
    known = SubscriberFactory(email="bekend@example.org")
    first = client.post(SUBSCRIBE, {"email": "bekend@example.org"})
    second = client.post(SUBSCRIBE, {"email": "nieuw@example.org"})
    assert first.status_code == second.status_code == 302 and first.url == second.url
    assert [m.to for m in mail.outbox] == [["bekend@example.org"], ["nieuw@example.org"]]
    assert "/nieuwsbrief/instellingen/" in mail.outbox[0].body  # the owner reads they are subscribed
    known.refresh_from_db()
    assert known.confirmed_at is not None and known.themes == 0
    client.post(SUBSCRIBE, {"email": "nieuw@example.org"})
    assert len(mail.outbox) == 3 and "/nieuwsbrief/bevestigen/" in mail.outbox[2].body
    assert Subscriber.objects.filter(email="nieuw@example.org").count() == 1


def test_bad_input_gives_the_form_back(client, region):
    response = client.post(SUBSCRIBE, {"email": "geen-adres", "subregions": ["999999"], "themes": ["xyz"]})
    assert response.status_code == 200
    assert "Vul een geldig e-mailadres in" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_the_honeypot_keeps_nothing(client, region):
    client.post(SUBSCRIBE, {"email": "bot@example.org", "website": "spam"})
    assert not Subscriber.objects.exists() and not mail.outbox


def test_subscribing_is_rate_limited(client, region):
    for n in range(10):
        client.post(SUBSCRIBE, {"email": f"a{n}@example.org"})
    response = client.post(SUBSCRIBE, {"email": "nog-een@example.org"})
    assert response.status_code == 429
    assert not Subscriber.objects.filter(email="nog-een@example.org").exists()


def test_a_logged_in_member_gets_their_address_filled_in(client_for, resident):
    client = client_for(resident)
    html = client.get(SUBSCRIBE).content.decode()
    assert resident.email in html, html[html.find("<main") :][:3000]


@pytest.mark.parametrize("part", ["bevestigen", "instellingen", "afmelden"])
def test_forged_or_altered_links_are_404(client, region, part):
    subscriber = SubscriberFactory()
    good = subscriber_token(subscriber, CONFIRM)
    for token in [
        "abc",
        "1-" + "0" * 32,
        f"{subscriber.pk}-{'f' * 32}",
        good[:-1] + ("1" if good[-1] == "0" else "0"),
        "99999999999999-x",
    ]:
        assert client.get(f"/nieuwsbrief/{part}/{token}/").status_code == 404
        assert client.post(f"/nieuwsbrief/{part}/{token}/").status_code == 404


def test_a_link_for_one_purpose_does_not_open_another(client, region):
    subscriber = SubscriberFactory()
    assert client.get(f"/nieuwsbrief/afmelden/{subscriber_token(subscriber, MANAGE)}/").status_code == 404


def test_changing_subregions_and_topics_through_the_private_link(client, region):
    subscriber = SubscriberFactory()
    zuid = region.subregions.last()
    url = f"/nieuwsbrief/instellingen/{subscriber_token(subscriber, MANAGE)}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"subregions": [zuid.pk], "themes": THEMES.keys[:2]})
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert list(subscriber.subregions.all()) == [zuid] and subscriber.themes == THEMES.mask(THEMES.keys[:2])


def test_unsubscribe_get_asks_and_post_ends(client, region):
    subscriber = SubscriberFactory()
    url = f"/nieuwsbrief/afmelden/{subscriber_token(subscriber, UNSUBSCRIBE)}/"
    assert client.get(url).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.is_active
    response = client.post(url)
    assert response.url == reverse("community:newsletter_unsubscribed")
    subscriber.refresh_from_db()
    assert subscriber.ended_at is not None and subscriber.email == ""
    assert client.get(url).status_code == 404  # the link ended with the subscription


def test_one_click_unsubscribe_needs_no_csrf_token(region):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    subscriber = SubscriberFactory()
    url = f"/nieuwsbrief/afmelden/{subscriber_token(subscriber, UNSUBSCRIBE)}/"
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.ended_at is not None


def test_unconfirmed_subscriptions_are_removed_after_a_week(region):
    old = subscriber_subscribe(region=region, email="oud@example.org", subregions=[], themes=0)
    Subscriber.objects.filter(pk=old.pk).update(created_at=timezone.now() - UNCONFIRMED_KEEP * 2)
    fresh = subscriber_subscribe(region=region, email="vers@example.org", subregions=[], themes=0)
    confirmed = SubscriberFactory()
    Subscriber.objects.filter(pk=confirmed.pk).update(created_at=timezone.now() - UNCONFIRMED_KEEP * 2)
    assert subscribers_remove_unconfirmed(now=timezone.now()) == 1
    assert set(Subscriber.objects.values_list("pk", flat=True)) == {fresh.pk, confirmed.pk}


def test_the_account_page_links_to_the_newsletter(client_for, resident):
    assert SUBSCRIBE in client_for(resident).get("/mijn-account/").content.decode()


def test_the_private_pages_have_a_constant_number_of_queries(client, region, django_assert_max_num_queries):
    subscriber = SubscriberFactory(subregions=list(region.subregions.all()))
    for purpose, part in ((MANAGE, "instellingen"), (CONFIRM, "bevestigen"), (UNSUBSCRIBE, "afmelden")):
        with django_assert_max_num_queries(6):
            response = client.get(f"/nieuwsbrief/{part}/{subscriber_token(subscriber, purpose)}/")
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
