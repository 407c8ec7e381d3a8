from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from veerkracht.agenda.models import EventStatus, Registration, RegistrationStatus
from veerkracht.agenda.services import registrations as services
from veerkracht.agenda.services.notifications import QR_CONTENT_ID, check_in_url
from veerkracht.agenda.tokens import CHECK_IN, registration_token
from veerkracht.agenda.views import registrations as views

from .factories import EventFactory, register

pytestmark = pytest.mark.django_db
Status = RegistrationStatus


def _form(**extra) -> dict:
    return {"name": "Ans de Vries", "email": "ans@example.org", "places": 1, "consent": "on", **extra}


def _manage(registration) -> str:
    return reverse("agenda:manage", args=[registration_token(registration)])


def test_registering_confirms_and_mails_the_calendar_entry_and_qr_code(
    client, region, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(questions=["Heb je een dieetwens?"])
    question = event.questions.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("agenda:register", args=[event.pk]),
            _form(places=2, **{f"vraag_{question.pk}": "Vegetarisch"}),
        )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == Status.CONFIRMED and registration.places == 2
    assert registration.answers == {str(question.pk): "Vegetarisch"}
    thanks = client.get(response.url).content.decode()
    assert "Je bent aangemeld!" in thanks and _manage(registration) in thanks
    message = mailoutbox[-1]
    assert message.attachments[0][0].endswith(".ics")
    html = message.alternatives[0][0]
    assert f"cid:{QR_CONTENT_ID}" in html
    raw = message.message().as_string()
    assert f"Content-ID: <{QR_CONTENT_ID}>" in raw and "multipart/related" in raw


def test_a_full_event_puts_people_on_the_waiting_list_and_says_so(client, region):
    event = EventFactory(capacity=1)
    register(event)
    detail = client.get(reverse("agenda:event", args=[event.pk])).content.decode()
    assert "Zet mij op de wachtlijst" in detail
    response = client.post(reverse("agenda:register", args=[event.pk]), _form())
    assert "Je staat op de wachtlijst" in client.get(response.url).content.decode()
    assert Registration.objects.get(email="ans@example.org").status == Status.WAITING


def test_registering_twice_says_so_and_sends_the_link_again(
    client, region, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    register(event, "ans@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("agenda:register", args=[event.pk]), _form(email="ANS@example.org"))
    assert response.status_code == 200
    assert "al aangemeld" in response.content.decode() and "opnieuw gestuurd" in response.content.decode()
    assert Registration.objects.count() == 1 and "wijzigen" in mailoutbox[-1].body


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (_form(name=""), "Vul je naam in."),
        (_form(email="geen-adres"), "geldig e-mailadres"),
        (_form(consent=""), "Vink dit aan"),
        (_form(places=9), "Kies hoeveel plaatsen"),
    ],
)
def test_bad_input_comes_back_in_plain_dutch_and_nothing_is_saved(client, region, data, words):
    event = EventFactory()
    response = client.post(reverse("agenda:register", args=[event.pk]), data)
    assert response.status_code == 200 and words in response.content.decode()
    assert not Registration.objects.exists()


def test_a_required_question_must_be_answered(client, region):
    event = EventFactory()
    event.questions.create(text="Wat wil je bespreken?", required=True)
    response = client.post(reverse("agenda:register", args=[event.pk]), _form())
    assert "Geef hier antwoord op." in response.content.decode() and not Registration.objects.exists()


def test_cancelled_and_past_events_refuse_registrations(client, region):
    cancelled = EventFactory(status=EventStatus.CANCELLED)
    past = EventFactory(starts_at=timezone.now() - timedelta(days=2))
    for event, words in ((cancelled, "gaat niet door"), (past, "voorbij")):
        response = client.post(reverse("agenda:register", args=[event.pk]), _form())
        assert response.status_code == 200 and words in response.content.decode()
        assert words in client.get(reverse("agenda:event", args=[event.pk])).content.decode()
    assert not Registration.objects.exists()


def test_too_many_registrations_from_one_connection_are_refused(client, region, monkeypatch):
    monkeypatch.setattr(views, "REGISTER_PER_IP", (2, 3600))
    event = EventFactory()
    for n in range(2):
        assert (
            client.post(
                reverse("agenda:register", args=[event.pk]), _form(email=f"a{n}@example.org")
            ).status_code
            == 302
        )
    response = client.post(reverse("agenda:register", args=[event.pk]), _form(email="c@example.org"))
    assert response.status_code == 429 and "later opnieuw" in response.content.decode()
    assert Registration.objects.count() == 2


def test_the_form_is_prefilled_for_logged_in_people_who_then_see_it_in_mijn_agenda(
    client_for, resident, region
):
    resident.profile.display_name = "Casper Janssen"
    resident.profile.save()
    event = EventFactory(title="Wandelen en praten")
    client = client_for(resident)
    html = client.get(reverse("agenda:register", args=[event.pk])).content.decode()
    assert 'value="Casper Janssen"' in html and f'value="{resident.email}"' in html
    client.post(
        reverse("agenda:register", args=[event.pk]), _form(name="Casper Janssen", email=resident.email)
    )
    assert Registration.objects.get().user == resident
    mine = client.get(reverse("agenda:mine")).content.decode()
    assert "Wandelen en praten" in mine


def test_mijn_agenda_needs_a_login_and_shows_only_ones_own(client, client_for, resident, outsider, region):
    assert client.get(reverse("agenda:mine")).status_code == 302
    register(EventFactory(title="Van de ander"), outsider.email, user=outsider)
    assert "Van de ander" not in client_for(resident).get(reverse("agenda:mine")).content.decode()


def test_the_private_page_shows_status_qr_code_and_calendar(client, region):
    registration = register(EventFactory(max_places=3))
    html = client.get(_manage(registration)).content.decode()
    assert "Je bent aangemeld, met 1 plaats." in html and "<svg" in html
    assert "private" in client.get(_manage(registration))["Cache-Control"]
    ics = client.get(reverse("agenda:manage_ics", args=[registration_token(registration)]))
    assert registration.event.uid in ics.content.decode()
    assert check_in_url(registration).endswith(
        f"/agenda/inchecken/{registration_token(registration, CHECK_IN)}/"
    )


def test_changing_places_and_cancelling_through_the_private_page(client, region):
    event = EventFactory(capacity=4, max_places=3)
    registration = register(event)
    register(event, places=2)
    token = registration_token(registration)
    client.post(reverse("agenda:manage_places", args=[token]), {"places": 2})
    registration.refresh_from_db()
    assert registration.places == 2
    response = client.post(reverse("agenda:manage_places", args=[token]), {"places": 3})
    assert "niet genoeg plaatsen" in client.get(response.url).content.decode()
    registration.refresh_from_db()
    assert registration.places == 2
    assert "Wil je je afmelden?" in client.get(reverse("agenda:manage_cancel", args=[token])).content.decode()
    client.post(reverse("agenda:manage_cancel", args=[token]))
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    html = client.get(_manage(registration)).content.decode()
    assert "Je bent afgemeld." in html and "Opnieuw aanmelden" in html


def test_accepting_an_offered_place(client, region):
    event = EventFactory(capacity=1)
    first = register(event)
    second = register(event)
    services.registration_cancel(registration=first)
    second.refresh_from_db()
    assert second.status == Status.OFFERED
    html = client.get(_manage(second)).content.decode()
    assert "Neem de plaats aan vóór" in html
    response = client.post(reverse("agenda:manage_accept", args=[registration_token(second)]))
    assert "Je hebt de plaats aangenomen" in client.get(response.url).content.decode()
    second.refresh_from_db()
    assert second.status == Status.CONFIRMED


def test_forged_altered_other_purpose_and_ended_links_are_not_found(client, region):
    registration = register(EventFactory())
    token = registration_token(registration)
    other = register(EventFactory())
    forged = [
        "1-" + "0" * 32,
        token[:-1] + ("a" if token[-1] != "a" else "b"),
        f"{other.pk}-{token.partition('-')[2]}",
        registration_token(registration, CHECK_IN),
        "niets",
    ]
    for bad in forged:
        for name in ("manage", "manage_cancel", "manage_ics"):
            assert client.get(reverse(f"agenda:{name}", args=[bad])).status_code == 404, (bad, name)
        assert client.post(reverse("agenda:manage_accept", args=[bad])).status_code == 404
        assert client.post(reverse("agenda:manage_places", args=[bad]), {"places": 1}).status_code == 404
        assert client.post(reverse("agenda:manage_cancel", args=[bad])).status_code == 404
    services.registration_new_links(registration=registration)
    assert client.get(reverse("agenda:manage", args=[token])).status_code == 404


def test_the_thanks_page_is_only_for_the_browser_that_registered(client, region):
    event = EventFactory()
    register(event)
    assert client.get(reverse("agenda:thanks", args=[event.pk])).status_code == 302
