"""A form that creates something and is sent twice with the same one-time key (the connection dropped
after we stored it, a double click) stores one thing, and the second sending gets the first result."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from veerkracht.core.models import SubmissionKey
from veerkracht.core.submissions import FIELD, keys_expired_delete, new_key

pytestmark = pytest.mark.django_db


def _twice(client, url, data):
    data = {**data, FIELD: new_key()}
    return client.post(url, data), client.post(url, data)


def test_an_intake_sent_twice_is_stored_once_and_both_see_the_thank_you_page(region, client):
    from veerkracht.actioncentre.models import Request

    data = {
        "kind": "idea",
        "title": "Samen koken in het buurthuis",
        "description": "Een keer per week samen koken en eten.",
        "municipality": region.municipalities.get(code="GM0935").pk,
        "themes": ["food"],
        "dimensions": ["participation"],
        "needs": ["place"],
        "name": "Carla",
        "email": "carla@example.org",
        "contact_consent": "on",
    }
    data[FIELD] = new_key()
    first = client.post(reverse("actioncentre:intake"), data)
    link = client.session["actioncentre_follow_path"]
    # The answer never arrived (so neither did the session cookie): the same form is sent again.
    again = Client()
    second = again.post(reverse("actioncentre:intake"), data)
    assert first.status_code == second.status_code == 302 and first.url == second.url
    assert Request.objects.count() == 1
    assert again.session["actioncentre_follow_path"] == link  # the private link of the one intake


def test_without_a_key_or_with_a_new_key_each_sending_counts(region, client):
    from veerkracht.actioncentre.models import Request

    data = {
        "kind": "question",
        "title": "Waar kan ik wandelen?",
        "description": "Met anderen.",
        "municipality": region.municipalities.get(code="GM0935").pk,
        "name": "Bert",
        "email": "bert@example.org",
        "contact_consent": "on",
    }
    client.post(reverse("actioncentre:intake"), data)
    client.post(reverse("actioncentre:intake"), {**data, FIELD: new_key()})
    client.post(reverse("actioncentre:intake"), {**data, FIELD: "not a key!"})
    assert Request.objects.count() == 3


def test_a_registration_sent_twice_is_one_registration(region, client):
    from veerkracht.agenda.models import Registration
    from veerkracht.agenda.tests.factories import EventFactory

    event = EventFactory()
    data = {"name": "Ans de Vries", "email": "ans@example.org", "places": 1, "consent": "on"}
    first, second = _twice(client, reverse("agenda:register", args=[event.pk]), data)
    assert first.status_code == second.status_code == 302
    assert Registration.objects.filter(event=event).count() == 1
    assert client.get(first.url).status_code == 200  # the thank-you page of that one registration


def test_a_story_sent_twice_is_one_story(region, client_for, resident):
    from veerkracht.community.models import Story

    data = {
        "title": "Samen koken",
        "text": "Elke maand.\n\nMet de buren.",
        "level": "micro",
        "interpretations": ["approach"],
        "themes": ["food"],
        "dimensions": ["body"],
        "municipality": "GM0935",
        "action": "submit",
    }
    first, second = _twice(client_for(resident), reverse("community:story_create"), data)
    assert first.status_code == second.status_code == 302 and first.url == second.url
    assert Story.objects.count() == 1


def test_starting_a_spider_web_twice_starts_one(region, client_for, resident, instruments):
    from veerkracht.spiderweb.models import Assessment

    slug = next(iter(instruments))
    first, second = _twice(client_for(resident), reverse("spiderweb:start"), {"instrument": slug})
    assert first.status_code == second.status_code == 302 and first.url == second.url
    assert Assessment.objects.filter(owner=resident).count() == 1


def test_a_failed_first_sending_leaves_the_key_free_and_keys_go_after_a_day(region, client):
    from veerkracht.agenda.models import Registration
    from veerkracht.agenda.tests.factories import EventFactory

    event = EventFactory()
    key = new_key()
    url = reverse("agenda:register", args=[event.pk])
    bad = client.post(url, {"name": "Ans", "email": "ans@example.org", "places": 1, FIELD: key})  # no consent
    assert bad.status_code == 200 and not SubmissionKey.objects.exists()
    client.post(url, {"name": "Ans", "email": "ans@example.org", "places": 1, "consent": "on", FIELD: key})
    assert Registration.objects.count() == 1 and SubmissionKey.objects.count() == 1
    assert keys_expired_delete(timezone.now() + timedelta(days=2)) == 1
