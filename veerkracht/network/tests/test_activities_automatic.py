"""Automatic activities: sessions an ambassador organised in the agenda and introductions they proposed
in the action centre are added once (by source key), whatever how often the job runs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.actioncentre.models import Connection
from veerkracht.actioncentre.tests.factories import NeedFactory
from veerkracht.agenda.models import EventStatus
from veerkracht.agenda.services.attendees import walk_in_add
from veerkracht.agenda.tests.factories import EventFactory, factory_organiser
from veerkracht.network.jobs.activities import activities_sync_all  # noqa: F401  (registers the job)
from veerkracht.network.models import Activity, AmbassadorStatus
from veerkracht.network.services.activities import activities_from_agenda, activities_from_introductions
from veerkracht.network.tests.factories.activities import make_ambassador

pytestmark = pytest.mark.django_db


def _past_event(organisers, **fields):
    start = timezone.now() - timedelta(days=3)
    return EventFactory(starts_at=start, ends_at=start + timedelta(hours=2), organisers=organisers, **fields)


def test_a_session_the_ambassador_organised_is_added_once(region, resident):
    ambassador = make_ambassador(region, user=resident)
    event = _past_event([resident, factory_organiser()])
    assert activities_from_agenda(region=region) == 1
    assert activities_from_agenda(region=region) == 0
    activity = Activity.objects.get()
    assert (activity.ambassador, activity.kind, activity.source) == (ambassador, "session", "agenda")
    assert activity.source_key == f"agenda.event:{event.pk}"
    assert activity.on == timezone.localdate(event.starts_at)
    assert activity.municipality == event.municipality and activity.note == event.title


def test_only_published_events_that_started_of_ambassadors_count(region, resident, outsider):
    make_ambassador(region, user=resident)
    _past_event([resident], status=EventStatus.CANCELLED)
    EventFactory(organisers=[resident])  # next week
    _past_event([outsider])  # not an ambassador
    make_ambassador(region, user=UserFactory(), status=AmbassadorStatus.STOPPED)
    assert activities_from_agenda(region=region) == 0
    assert not Activity.objects.exists()


def test_check_ins_add_the_session_at_once_with_the_people_inside(
    region, resident, staff, django_capture_on_commit_callbacks
):
    make_ambassador(region, user=resident)
    start = timezone.now() - timedelta(minutes=30)
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=2), organisers=[resident])
    with django_capture_on_commit_callbacks(execute=True):
        walk_in_add(event=event, actor=staff, name="Bezoeker Een", places=3)
    assert Activity.objects.get().people == 3
    with django_capture_on_commit_callbacks(execute=True):
        walk_in_add(event=event, actor=staff, name="Bezoeker Twee", places=2)
    activity = Activity.objects.get()
    assert activity.people == 5 and activity.source_key == f"agenda.event:{event.pk}"


def _connection(need, proposed_by, n: int) -> Connection:
    return Connection.objects.create(
        region=need.initiative.region,
        need=need,
        asker_name="Vrager",
        asker_email=f"vrager{n}@example.org",
        helper_name="Helper",
        helper_email=f"helper{n}@example.org",
        message="Jullie kunnen elkaar helpen.",
        proposed_by=proposed_by,
        asker_token_hash=f"a{n}".ljust(64, "0"),
        helper_token_hash=f"h{n}".ljust(64, "0"),
    )


def test_introductions_the_ambassador_proposed_are_added_once(region, resident, staff):
    ambassador = make_ambassador(region, user=resident)
    need = NeedFactory()
    mine = _connection(need, resident, 1)
    _connection(need, staff, 2)  # staff are no ambassador
    assert activities_from_introductions(region=region) == 1
    assert activities_from_introductions(region=region) == 0
    activity = Activity.objects.get()
    assert (activity.ambassador, activity.kind, activity.people) == (ambassador, "introduction", 2)
    assert activity.source_key == f"actioncentre.connection:{mine.pk}" and activity.source == "connect"
    assert activity.municipality_id == need.initiative.municipality_id


def test_the_hourly_job_is_registered_and_runs_twice_safely(region, resident):
    from veerkracht.core.schedule import get

    make_ambassador(region, user=resident)
    _past_event([resident])
    job = get("network.activities_sync")
    assert job.run() == 1
    assert job.run() == 0
    assert Activity.objects.count() == 1
