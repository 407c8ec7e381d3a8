from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from veerkracht.agenda.models import EventKind, EventStatus, Visibility
from veerkracht.agenda.tokens import invite_token, registration_token
from veerkracht.core.vocabulary import THEMES

from .factories import EventFactory, municipality, register

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_agenda_lists_upcoming_public_events_with_their_places(client, region):
    open_event = EventFactory(title="Samen eten", capacity=5)
    full = EventFactory(title="Vol feest", capacity=1)
    register(full)
    EventFactory(title="Gaat niet", status=EventStatus.CANCELLED)
    EventFactory(title="Geheim", visibility=Visibility.CLOSED)
    EventFactory(title="Concept", status=EventStatus.DRAFT)
    EventFactory(title="Voorbij", starts_at=timezone.now() - timedelta(days=3))
    html = client.get(reverse("agenda:list")).content.decode()
    assert open_event.title in html and "Nog 5 plaatsen vrij" in html
    assert "Vol – wachtlijst" in html and "Gaat niet door" in html
    for hidden in ("Geheim", "Concept", "Voorbij"):
        assert hidden not in html


def test_the_filters_narrow_the_list(client, region):
    venlo = municipality("GM0983")
    EventFactory(title="In Venlo", municipality=venlo, kind=EventKind.WORKSHOP, themes=THEMES.mask(["food"]))
    EventFactory(title="In Maastricht")
    url = reverse("agenda:list")
    for query in (
        "?gemeente=GM0983",
        f"?deelregio={venlo.subregion.slug}",
        "?soort=workshop",
        "?thema=food",
    ):
        html = client.get(url + query).content.decode()
        assert "In Venlo" in html and "In Maastricht" not in html, query
    # A value that does not exist is left out, not a 500.
    assert client.get(url + "?soort=iets&thema=niets&page=x").status_code == 200


def test_the_agenda_and_event_page_take_the_same_number_of_queries_for_more_data(
    client, resident, client_for, region
):
    event = EventFactory(questions=["Dieetwens?"])
    register(event, user=resident, email=resident.email)
    logged_in = client_for(resident)
    list_url, event_url = reverse("agenda:list"), reverse("agenda:event", args=[event.pk])
    logged_in.get(list_url)  # the first request of a session does its one-off work
    before = (_queries(client, list_url), _queries(logged_in, list_url), _queries(logged_in, event_url))
    for _ in range(15):
        other = EventFactory(questions=["Vraag 1", "Vraag 2"])
        register(other)
        register(event)
    after = (_queries(client, list_url), _queries(logged_in, list_url), _queries(logged_in, event_url))
    assert before == after


def test_the_event_page_shows_place_accessibility_organiser_and_the_form(client, region):
    event = EventFactory(
        step_free=True,
        hearing_loop=True,
        public_transport="Bus 5, halte Markt",
        programme="19.30 welkom",
        speakers="Ans de Vries",
        contact_email="vragen@example.org",
        questions=["Heb je een dieetwens?"],
    )
    html = client.get(reverse("agenda:event", args=[event.pk])).content.decode()
    for text in (
        "Buurthuis De Ster",
        "openstreetmap.org",
        "Ringleiding",
        "Bus 5, halte Markt",
        "19.30 welkom",
        "Ans de Vries",
        "vragen@example.org",
        "Heb je een dieetwens?",
        "toestemming",
        event.organiser_name,
    ):
        assert text in html, text


def test_the_video_link_is_only_for_people_with_a_confirmed_place(
    client, client_for, resident, outsider, region
):
    event = EventFactory(
        online=True,
        video_url="https://video.example.org/kamer",
        municipality=None,
        address="",
        venue="",
        capacity=1,
    )
    url = reverse("agenda:event", args=[event.pk])
    assert "video.example.org" not in client.get(url).content.decode()
    register(event, resident.email, user=resident)
    register(event, outsider.email, user=outsider)  # waiting list
    assert "video.example.org" in client_for(resident).get(url).content.decode()
    assert "video.example.org" not in client_for(outsider).get(url).content.decode()


def test_a_closed_event_is_only_reached_through_its_invitation(client, client_for, outsider, region):
    event = EventFactory(visibility=Visibility.CLOSED, title="Sessie op maat")
    assert client.get(reverse("agenda:event", args=[event.pk])).status_code == 404
    assert client_for(outsider).get(reverse("agenda:event", args=[event.pk])).status_code == 404
    assert client.get(reverse("agenda:event_ics", args=[event.pk])).status_code == 404
    assert client.get(reverse("agenda:invitation", args=[event.pk, "0" * 32])).status_code == 404
    assert client.get(reverse("agenda:register", args=[event.pk])).status_code == 404
    good = reverse("agenda:invitation", args=[event.pk, invite_token(event)])
    response = client.get(good)
    assert response.status_code == 200 and "Sessie op maat" in response.content.decode()
    event.invite_version += 1
    event.save()
    assert client.get(good).status_code == 404  # a new link ends the old one


def test_registering_through_an_invitation(client, region):
    event = EventFactory(visibility=Visibility.CLOSED)
    url = reverse("agenda:invitation", args=[event.pk, invite_token(event)])
    response = client.post(url, {"name": "Ans", "email": "ans@example.org", "places": 1, "consent": "on"})
    assert response.status_code == 302 and response.url == reverse("agenda:thanks", args=[event.pk])
    assert event.registrations.get().email == "ans@example.org"


def test_drafts_and_unknown_events_are_not_found(client, region):
    draft = EventFactory(status=EventStatus.DRAFT)
    assert client.get(reverse("agenda:event", args=[draft.pk])).status_code == 404
    assert client.get(reverse("agenda:event", args=[draft.pk + 99])).status_code == 404


def test_the_public_ics_has_no_video_link(client, region):
    event = EventFactory(online=True, video_url="https://video.example.org/kamer", municipality=None)
    response = client.get(reverse("agenda:event_ics", args=[event.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert event.uid in body and "video.example.org" not in body


def test_logged_in_people_see_their_registration_instead_of_the_form(client_for, resident, region):
    event = EventFactory()
    registration = register(event, resident.email, user=resident)
    html = client_for(resident).get(reverse("agenda:event", args=[event.pk])).content.decode()
    assert "Je bent aangemeld." in html and registration_token(registration) in html
