from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from veerkracht.agenda.models import EventStatus, Registration, RegistrationStatus
from veerkracht.agenda.services import registrations as services
from veerkracht.agenda.services.registrations import AlreadyRegistered, Applicant

from .factories import EventFactory, register

pytestmark = pytest.mark.django_db
Status = RegistrationStatus


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what waits for the commit (the queued mails) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_it_confirms_while_places_are_free_then_puts_people_on_the_waiting_list(region):
    event = EventFactory(capacity=3)
    first = register(event, places=2)
    second = register(event, places=2)
    third = register(event)
    event.refresh_from_db()
    assert [first.status, second.status, third.status] == [Status.CONFIRMED, Status.WAITING, Status.CONFIRMED]
    assert event.places_taken == 3 and event.is_full


def test_the_confirmation_mail_has_the_calendar_entry_and_the_private_link(region, mailoutbox, committed):
    event = EventFactory()
    with committed():
        registration = register(event, "ans@example.org")
    message = mailoutbox[-1]
    assert message.to == ["ans@example.org"]
    assert event.title in message.subject
    filename, content, _mimetype = message.attachments[0]
    assert filename.endswith(".ics") and "BEGIN:VEVENT" in content and event.uid in content
    assert services.notifications.manage_url(registration) in message.body


def test_a_second_registration_with_the_same_address_is_refused_and_gets_the_link_again(
    region, mailoutbox, committed
):
    event = EventFactory()
    with committed():
        register(event, "Ans@Example.org")
    with committed(), pytest.raises(AlreadyRegistered):
        register(event, "ans@example.org")
    assert Registration.objects.filter(event=event).count() == 1
    assert len(mailoutbox) == 2 and "wijzigen" in mailoutbox[-1].body


def test_cancelling_offers_the_place_to_the_first_on_the_waiting_list_who_fits(region, mailoutbox, committed):
    event = EventFactory(capacity=2)
    confirmed = register(event, places=2)
    big = register(event, places=2)
    assert big.status == Status.WAITING
    services.registration_change_places(registration=confirmed, places=1)
    big.refresh_from_db()
    small = register(event)  # the freed place is not held for a waiter who needs two
    assert big.status == Status.WAITING and small.status == Status.CONFIRMED
    services.registration_cancel(registration=confirmed)
    big.refresh_from_db()
    assert big.status == Status.WAITING  # one place free, two needed
    with committed():
        services.registration_cancel(registration=small)
    big.refresh_from_db()
    event.refresh_from_db()
    assert big.status == Status.OFFERED and event.places_taken == 2
    assert any("plaats vrij" in m.subject for m in mailoutbox if m.to == [big.email])


def test_an_offer_runs_out_and_goes_to_the_next(region):
    event = EventFactory(capacity=1, offer_hours=24)
    first = register(event)
    second, third = register(event), register(event)
    services.registration_cancel(registration=first)
    second.refresh_from_db()
    assert second.status == Status.OFFERED
    later = timezone.now() + timedelta(hours=25)
    assert services.offers_expire(now=later) == 1
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Status.EXPIRED and third.status == Status.OFFERED
    with pytest.raises(ValidationError, match="geen plaats"):
        services.offer_accept(registration=second)
    services.offer_accept(registration=third)
    third.refresh_from_db()
    event.refresh_from_db()
    assert third.status == Status.CONFIRMED and event.places_taken == 1


def test_nobody_registers_for_a_cancelled_or_past_event(region):
    cancelled = EventFactory(status=EventStatus.CANCELLED)
    past = EventFactory(starts_at=timezone.now() - timedelta(days=1))
    for event, words in ((cancelled, "gaat niet door"), (past, "voorbij")):
        with pytest.raises(ValidationError, match=words):
            register(event)
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("applicant", "consent", "words"),
    [
        (Applicant(name="", email="a@example.org"), True, "naam"),
        (Applicant(name="Ans", email="geen-adres"), True, "geldig e-mailadres"),
        (Applicant(name="Ans", email="a@example.org", places=3), True, "1 tot en met 2"),
        (Applicant(name="Ans", email="a@example.org"), False, "toestemming"),
        (Applicant(name="Ans", email="a@example.org", answers={"999": "x"}), True, "niet bij deze"),
    ],
)
def test_bad_input_is_refused_in_plain_dutch_and_nothing_is_saved(region, applicant, consent, words):
    event = EventFactory()
    with pytest.raises(ValidationError, match=words):
        services.registration_create(event=event, applicant=applicant, consent=consent)
    event.refresh_from_db()
    assert not Registration.objects.exists() and event.places_taken == 0
