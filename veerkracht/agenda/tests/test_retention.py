from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from veerkracht.agenda.models import Evaluation, Event, Registration, RegistrationStatus
from veerkracht.agenda.retention import ATTENDEE_KEEP
from veerkracht.core.retention import apply_all, rules

from .factories import EventFactory, register

pytestmark = pytest.mark.django_db
Status = RegistrationStatus


def move(event: Event, starts_at) -> Event:
    Event.objects.filter(pk=event.pk).update(starts_at=starts_at, ends_at=starts_at + timedelta(hours=2))
    event.refresh_from_db()
    return event


@pytest.fixture
def session(region):
    """A full session (two places) with one on the waiting list and one offer, checked in and rated."""
    event = EventFactory(capacity=2, questions=["Waar wil je het over hebben?"])
    question = str(event.questions.get().pk)
    came = register(event, "kwam@example.org", name="Kwam Wel", answers={question: "over mijn buurt"})
    stayed_away = register(event, "niet@example.org", name="Kwam Niet")
    waiting = register(event, "wacht@example.org", name="Wacht Nog")
    move(event, timezone.now() - timedelta(days=400))
    Registration.objects.filter(pk=came.pk).update(checked_in_at=event.starts_at, checked_in_places=1)
    Evaluation.objects.create(
        event=event,
        registration=came,
        score_1=4,
        score_2=4,
        score_3=3,
        score_4=5,
        next_step="Ik bel Jo Smeets",
    )
    return event, came, stayed_away, waiting


def test_attendees_personal_data_goes_12_months_after_the_event_and_the_counts_stay(session):
    event, _came, _stayed_away, waiting = session
    rule = next(r for r in rules() if r.key == "agenda.attendees")
    assert rule.keep == ATTENDEE_KEEP == timedelta(days=365)

    # 11 months after the event: nothing yet, but the waiting list of a past event is closed.
    assert rule.apply(event.ends_at + timedelta(days=330)) == 0
    waiting.refresh_from_db()
    assert waiting.status == Status.EXPIRED and waiting.name == "Wacht Nog"

    assert rule.apply(event.ends_at + timedelta(days=366)) == 3
    rows = Registration.objects.filter(event=event).order_by("pk")
    assert {r.name for r in rows} == {"[verwijderd]"}
    assert not any("example.org" in r.email for r in rows) and all(r.email.endswith(".invalid") for r in rows)
    assert [r.answers for r in rows] == [{}, {}, {}] and all(r.erased_at for r in rows)
    # Counted as before: who was registered, who came with how many places, who did not.
    assert [(r.status, r.checked_in_places) for r in rows] == [
        (Status.CONFIRMED, 1),
        (Status.CONFIRMED, 0),
        (Status.EXPIRED, 0),
    ]
    evaluation = Evaluation.objects.get(event=event)
    assert (
        evaluation.scores == [4, 4, 3, 5] and evaluation.next_step == "" and evaluation.registration is None
    )
    # Once is enough: the next night finds nothing to do.
    assert rule.apply(event.ends_at + timedelta(days=367)) == 0


def test_the_private_links_of_an_erased_registration_stop_working(session):
    from veerkracht.agenda.tokens import registration_token, registration_token_matches

    event, came, _stayed_away, _waiting = session
    token = registration_token(came)
    next(r for r in rules() if r.key == "agenda.attendees").apply(event.ends_at + timedelta(days=366))
    assert not registration_token_matches(Registration.objects.get(pk=came.pk), token)


def test_recent_and_coming_sessions_keep_their_attendees(region):
    coming = EventFactory()
    registration = register(coming, "komt@example.org", name="Komt Nog")
    apply_all(timezone.now() + timedelta(days=30))  # the event is a little over three weeks past then
    registration.refresh_from_db()
    assert registration.name == "Komt Nog" and registration.erased_at is None


def test_the_privacy_statement_lists_the_period(client, region):
    html = client.get("/privacy/").content.decode()
    assert "12 maanden na de bijeenkomst" in html


def test_many_registrations_are_anonymised_in_batches(region, monkeypatch):
    from veerkracht.agenda.services import retention as services

    monkeypatch.setattr(services, "BATCH", 2)
    event = EventFactory(capacity=10)
    for i in range(5):
        register(event, f"p{i}@example.org")
    move(event, timezone.now() - timedelta(days=400))
    assert services.registrations_anonymise(registrations=event.registrations.all(), now=timezone.now()) == 5
    assert not Registration.objects.filter(email__endswith="@example.org").exists()
