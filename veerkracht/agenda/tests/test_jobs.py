from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from veerkracht.agenda.models import Registration, RegistrationStatus
from veerkracht.agenda.services.calendars import reminders_send
from veerkracht.agenda.services.evaluations import evaluations_send
from veerkracht.core.schedule import get

from .factories import EventFactory, register, register_past

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _registered_days_ago(event, email, days=3):
    registration = register(event, email)
    Registration.objects.filter(pk=registration.pk).update(created_at=timezone.now() - timedelta(days=days))
    return registration


def test_the_agenda_jobs_are_registered():
    assert get("agenda.reminders").run is reminders_send
    assert get("agenda.evaluations").run is evaluations_send
    assert get("agenda.offers_expire").cron == {"minute": "*/10"}


def test_a_reminder_goes_once_the_day_before_with_place_access_and_link(region, mailoutbox, committed):
    now = timezone.now()
    event = EventFactory(starts_at=now + timedelta(hours=30), step_free=True, public_transport="Bus 5")
    registration = _registered_days_ago(event, "ans@example.org")
    with committed():
        assert reminders_send(now=now) == 0  # 30 hours before: not yet
    later = now + timedelta(hours=7)  # a missed run does not matter: the window stays open
    with committed():
        assert reminders_send(now=later) == 1
    with committed():
        assert reminders_send(now=later + timedelta(hours=1)) == 0
    reminders = [m for m in mailoutbox if "Morgen" in m.subject]
    assert len(reminders) == 1 and reminders[0].to == ["ans@example.org"]
    body = reminders[0].body
    assert "Markt 1" in body and "drempels" in body and "Bus 5" in body
    from veerkracht.agenda.services.notifications import manage_url

    registration.refresh_from_db()
    assert manage_url(registration) in body and registration.reminded_at is not None


def test_no_reminder_for_cancelled_registrations_or_late_registrations(region, mailoutbox, committed):
    now = timezone.now()
    event = EventFactory(starts_at=now + timedelta(hours=10))
    cancelled = _registered_days_ago(event, "weg@example.org")
    Registration.objects.filter(pk=cancelled.pk).update(status=RegistrationStatus.CANCELLED)
    register(event, "laat@example.org")  # registered just now: the confirmation is enough
    with committed():
        assert reminders_send(now=now) == 0


def test_the_evaluation_goes_once_to_attendees_who_were_checked_in(region, mailoutbox, committed):
    now = timezone.now()
    event = EventFactory(starts_at=now - timedelta(hours=6), ends_at=now - timedelta(hours=4))
    came = register_past(event, "kwam@example.org", checked_in=True)
    register_past(event, "niet@example.org", checked_in=False)
    with committed():
        assert evaluations_send(now=now) == 1
        assert evaluations_send(now=now) == 0
    mails = [m for m in mailoutbox if m.to == ["kwam@example.org"]]
    assert len(mails) == 1 and "/agenda/evaluatie/" in mails[0].body
    came.refresh_from_db()
    assert came.evaluation_sent_at is not None


def test_no_evaluation_before_a_few_hours_after_the_end(region, committed):
    now = timezone.now()
    event = EventFactory(starts_at=now - timedelta(hours=3), ends_at=now - timedelta(hours=1))
    register_past(event, "kwam@example.org", checked_in=True)
    assert evaluations_send(now=now) == 0
