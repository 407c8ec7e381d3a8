from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.agenda.models import Registration, RegistrationStatus
from veerkracht.agenda.services.registrations import registration_cancel
from veerkracht.agenda.tokens import CHECK_IN, registration_token
from veerkracht.core.models import AuditLogEntry

from .factories import EventFactory, register

pytestmark = pytest.mark.django_db
Status = RegistrationStatus


@pytest.fixture
def event(staff):
    # Today, in an hour: the door is open.
    return EventFactory(
        organisers=[staff],
        capacity=3,
        questions=["Heb je een dieetwens?"],
        starts_at=timezone.now() + timedelta(minutes=5),
    )


def test_the_list_shows_answers_and_counts_with_constant_queries(
    client_for, staff, event, django_assert_num_queries
):
    question = event.questions.get()
    register(event, "ans@example.org", name="Ans", answers={str(question.pk): "vegetarisch"})
    client = client_for(staff)
    url = reverse("agenda:attendees", args=[event.pk])
    client.get(url)
    with django_assert_num_queries(10) as first:
        page = client.get(url).content.decode()
    assert "Ans" in page and "vegetarisch" in page
    for n in range(5):
        register(event, f"p{n}@example.org")
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(url)


def test_search_and_status_filter(client_for, staff, event):
    register(event, "ans@example.org", name="Ans Jansen")
    register(event, "bob@example.org", name="Bob Peters")
    waiting = register(event, "cor@example.org", name="Cor Wachter", places=2)
    assert waiting.status == Status.WAITING
    client = client_for(staff)
    url = reverse("agenda:attendees", args=[event.pk])
    page = client.get(url, {"q": "jansen"}).content.decode()
    assert "Ans Jansen" in page and "Bob Peters" not in page
    page = client.get(url, {"q": "BOB@example"}).content.decode()
    assert "Bob Peters" in page and "Ans Jansen" not in page
    page = client.get(url, {"status": "waiting"}).content.decode()
    assert "Cor Wachter" in page and "Bob Peters" not in page
    assert client.get(url, {"status": "<script>"}).status_code == 200


def test_check_in_and_undo_by_post(client_for, staff, event):
    registration = register(event, "ans@example.org", name="Ans", places=2)
    client = client_for(staff)
    response = client.post(reverse("agenda:check_in", args=[event.pk, registration.pk]), {"query": "q=ans"})
    assert response.url == reverse("agenda:attendees", args=[event.pk]) + "?q=ans"
    registration.refresh_from_db()
    assert registration.checked_in and registration.checked_in_places == 2
    response = client.post(reverse("agenda:check_in", args=[event.pk, registration.pk]), follow=True)
    assert "al binnen" in response.content.decode()
    client.post(reverse("agenda:check_in_undo", args=[event.pk, registration.pk]))
    registration.refresh_from_db()
    assert not registration.checked_in
    assert client.get(reverse("agenda:check_in", args=[event.pk, registration.pk])).status_code == 405


def test_check_in_waits_for_the_day_of_the_event(client_for, staff):
    later = EventFactory(organisers=[staff], starts_at=timezone.now() + timedelta(days=3))
    registration = register(later)
    response = client_for(staff).post(
        reverse("agenda:check_in", args=[later.pk, registration.pk]), follow=True
    )
    assert "vanaf de dag" in response.content.decode()
    registration.refresh_from_db()
    assert not registration.checked_in


def test_walk_ins_take_no_bookable_place_and_may_come_without_an_address(client_for, staff, event):
    register(event, places=2)
    register(event)
    client = client_for(staff)
    url = reverse("agenda:walk_in", args=[event.pk])
    assert client.get(url).status_code == 200
    for name in ("Piet", "Truus"):
        response = client.post(url, {"name": name, "email": "", "places": "2"})
        assert response.status_code == 302
    event.refresh_from_db()
    assert event.places_taken == 3 == event.capacity
    walk_ins = Registration.objects.filter(walk_in=True)
    assert walk_ins.count() == 2 and all(w.checked_in and w.status == Status.CONFIRMED for w in walk_ins)
    response = client.post(url, {"name": "", "email": "geen", "places": "0"})
    assert response.status_code == 200 and Registration.objects.filter(walk_in=True).count() == 2
    registration_cancel(registration=walk_ins.first(), by_organiser=staff)
    event.refresh_from_db()
    assert event.places_taken == 3  # a walk-in released nothing
    page = client.get(reverse("agenda:attendees", args=[event.pk])).content.decode()
    assert "Truus" in page


def test_a_walk_in_with_a_registered_address_is_sent_to_the_list(client_for, staff, event):
    register(event, "ans@example.org", name="Ans")
    response = client_for(staff).post(
        reverse("agenda:walk_in", args=[event.pk]), {"name": "Ans", "email": "ANS@example.org", "places": "1"}
    )
    assert "al aangemeld, door Ans" in response.content.decode()


def test_the_organiser_cancels_for_someone_and_the_place_is_offered(client_for, staff, event, mailoutbox):
    first = register(event, places=2)
    register(event)
    waiting = register(event)
    client_for(staff).post(reverse("agenda:attendee_cancel", args=[event.pk, first.pk]))
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == Status.CANCELLED and waiting.status == Status.OFFERED
    assert AuditLogEntry.objects.filter(code="agenda.registration.cancelled", actor=staff).exists()


def test_csv_export_is_safe_against_formulas_and_audit_logged(client_for, staff, event):
    question = event.questions.get()
    register(event, "ans@example.org", name='=HYPERLINK("x")', answers={str(question.pk): "+31 6 123"})
    cancelled = register(event, "weg@example.org", name="Weg")
    registration_cancel(registration=cancelled)
    response = client_for(staff).get(reverse("agenda:attendees_csv", args=[event.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Naam" and rows[0][-1] == "Heb je een dieetwens?"
    assert rows[1][0] == '\'=HYPERLINK("x")' and rows[1][-1] == "'+31 6 123"
    assert len(rows) == 2  # the cancelled one is not on the door list
    assert AuditLogEntry.objects.filter(code="agenda.attendees.exported", actor=staff).exists()


def test_the_qr_code_checks_in_for_an_organiser_of_that_event(client, client_for, staff, event):
    registration = register(event, "ans@example.org", name="Ans")
    url = reverse("agenda:check_in_token", args=[registration_token(registration, CHECK_IN)])
    assert client.get(url).status_code == 302  # anonymous: log in first
    other = UserFactory(email="ander@example.org", roles=[Role.ORGANISER])
    assert client_for(other).get(url).status_code == 404
    manage = reverse("agenda:check_in_token", args=[registration_token(registration)])
    assert client_for(staff).get(manage).status_code == 404  # the private link is not a QR code
    forged = reverse("agenda:check_in_token", args=[f"{registration.pk}-{'0' * 32}"])
    assert client.get(forged).status_code == 404
    page = client_for(staff).get(url).content.decode()
    assert "Ans" in page and "Inchecken" in page
    client_for(staff).post(url)
    registration.refresh_from_db()
    assert registration.checked_in
    assert "al binnen" in client_for(staff).get(url).content.decode()


@pytest.mark.parametrize("who", ["anonymous", "resident", "other_organiser"])
def test_attendee_data_is_for_the_event_s_own_organisers_only(client, client_for, resident, event, who):
    registration = register(event, "ans@example.org", name="Ans")
    user = {
        "anonymous": None,
        "resident": resident,
        "other_organiser": UserFactory(email="ander@example.org", roles=[Role.STAFF]),
    }[who]
    c = client if user is None else client_for(user)
    expected = 302 if user is None else 404
    for url in (
        reverse("agenda:attendees", args=[event.pk]),
        reverse("agenda:attendees_csv", args=[event.pk]),
        reverse("agenda:walk_in", args=[event.pk]),
    ):
        assert c.get(url).status_code == expected, url
    for name in ("check_in", "check_in_undo", "attendee_cancel"):
        assert c.post(reverse(f"agenda:{name}", args=[event.pk, registration.pk])).status_code == expected
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED and not registration.checked_in
    assert not AuditLogEntry.objects.filter(code="agenda.attendees.exported").exists()
