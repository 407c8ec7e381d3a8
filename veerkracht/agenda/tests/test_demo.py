from __future__ import annotations

import time

import pytest
from django.utils import timezone

from veerkracht.accounts.models import Role, User
from veerkracht.agenda.models import (
    Evaluation,
    Event,
    EventKind,
    Idea,
    IdeaOutcome,
    Registration,
    RegistrationStatus,
    Series,
    Visibility,
)

pytestmark = pytest.mark.django_db
Status = RegistrationStatus


@pytest.fixture
def loaded(region):
    from veerkracht.accounts import demo as accounts_demo
    from veerkracht.agenda import demo

    accounts_demo.load(region)
    started = time.monotonic()
    lines = demo.load(region)
    return region, lines, time.monotonic() - started


def test_a_year_of_monthly_sessions_in_every_part_of_the_region(loaded):
    region, lines, seconds = loaded
    now = timezone.now()
    monthly = Event.objects.filter(region=region, kind=EventKind.INSPIRATION, series__isnull=False)
    assert monthly.count() == 36 and Series.objects.count() == 3
    assert set(monthly.values_list("subregion__slug", flat=True)) == {
        "noord-limburg",
        "midden-limburg",
        "zuid-limburg",
    }
    assert monthly.filter(ends_at__lt=now).count() >= 17 and monthly.filter(starts_at__gt=now).count() >= 17
    assert Event.objects.filter(kind=EventKind.WORKSHOP).count() >= 2
    assert Event.objects.filter(kind=EventKind.LECTURE).exists()
    assert Event.objects.filter(online=True).exclude(video_url="").exists()
    closed = Event.objects.get(visibility=Visibility.CLOSED)
    assert closed.kind == EventKind.IN_HOUSE and closed.organisation.name == "Gemeente Heerlen"
    assert "Agenda:" in lines[0] and seconds < 20


def test_past_sessions_have_attendance_evaluations_and_ideas(loaded):
    past = Registration.objects.filter(event__ends_at__lt=timezone.now())
    assert past.filter(checked_in_at__isnull=False, walk_in=False).count() > 200
    assert past.filter(walk_in=True).exists()
    assert past.filter(status=Status.CONFIRMED, checked_in_at__isnull=True).exists()  # no-shows
    assert Evaluation.objects.count() > 100
    assert Evaluation.objects.exclude(next_step="").exists()
    assert set(Idea.objects.values_list("outcome", flat=True)) == {
        IdeaOutcome.INITIATIVE,
        IdeaOutcome.REQUEST,
    }
    # No job mails a past session's people again: reminders and evaluations count as sent.
    assert not past.filter(reminded_at__isnull=True).exists()
    assert not past.filter(evaluation_sent_at__isnull=True).exists()


def test_sessions_to_come_have_places_left_and_one_is_full_with_a_waiting_list(loaded):
    region, _lines, _seconds = loaded
    coming = Event.objects.filter(region=region, starts_at__gt=timezone.now())
    full = [e for e in coming if e.is_full]
    assert len(full) == 1 and sum(1 for e in coming if e.places_left > 0) > 15
    event = full[0]
    assert event.registrations.filter(status=Status.OFFERED).count() == 1
    assert event.registrations.filter(status=Status.WAITING).count() == 5
    # The numbers follow the service's rule: confirmed places and open offers are the places taken.
    for e in Event.objects.filter(region=region):
        holding = e.registrations.filter(status__in=[Status.CONFIRMED, Status.OFFERED], walk_in=False)
        assert e.places_taken == sum(holding.values_list("places", flat=True)) <= e.capacity


def test_the_demo_ambassador_organises_and_the_resident_has_an_agenda(loaded):
    ambassador = User.objects.get(email="ambassadeur@demo.veerkracht.nl")
    assert ambassador.has_role(Role.ORGANISER)
    assert ambassador.organised_events.filter(subregion__slug="noord-limburg").count() >= 12
    resident = User.objects.get(email="inwoner@demo.veerkracht.nl")
    mine = Registration.objects.filter(user=resident)
    assert mine.filter(event__starts_at__gt=timezone.now()).exists()
    assert mine.filter(checked_in_at__isnull=False).exists()


def test_it_loads_once(loaded):
    from veerkracht.agenda import demo

    region, _lines, _seconds = loaded
    counts = (Event.objects.count(), Registration.objects.count(), Idea.objects.count())
    demo.load(region)
    assert (Event.objects.count(), Registration.objects.count(), Idea.objects.count()) == counts
