from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from veerkracht.agenda.models import Evaluation, EventKind, EventStatus, Idea, IdeaOutcome, Registration
from veerkracht.core.indicators import Window, get_indicator

from .factories import EventFactory, municipality, register

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime(2026, 4, 1))
END = timezone.make_aware(datetime(2026, 7, 1))


def held(event, when: datetime):
    """Move an event (made in the future, so people could register) to `when`."""
    type(event).objects.filter(pk=event.pk).update(starts_at=when, ends_at=when + timedelta(hours=2))
    event.refresh_from_db()
    return event


def check_in(registration: Registration, places: int | None = None) -> Registration:
    Registration.objects.filter(pk=registration.pk).update(
        checked_in_at=registration.event.starts_at,
        checked_in_places=places or registration.places,
    )
    registration.refresh_from_db()
    return registration


def walk_in(event, email: str, places: int = 1) -> Registration:
    return Registration.objects.create(
        event=event,
        name="Binnenloper",
        email=email,
        places=places,
        status="confirmed",
        consent_at=event.starts_at,
        walk_in=True,
        checked_in_at=event.starts_at,
        checked_in_places=places,
    )


def rows(key: str, region, *, start=START, end=END, as_of=END) -> list:
    return list(get_indicator(key).rows(Window(region=region, start=start, end=end, as_of=as_of)))


def test_sessions_held_count_per_place_and_kind_and_leave_out_cancelled_online_has_no_place(region):
    may = START + timedelta(days=40)
    held(EventFactory(), may)
    held(EventFactory(kind=EventKind.WORKSHOP, online=True, municipality=None), may)
    held(EventFactory(status=EventStatus.CANCELLED), may)
    held(EventFactory(status=EventStatus.DRAFT), may)
    held(EventFactory(), END + timedelta(days=1))  # next period
    EventFactory()  # still to come

    assert sorted(rows("agenda_sessions", region), key=repr) == [
        ("GM0935", {"event_kind": "inspiration"}),
        (None, {"event_kind": "workshop"}),
    ]


def test_a_session_of_a_running_period_counts_only_once_it_is_over(region):
    event = held(EventFactory(), START + timedelta(days=3))
    assert rows("agenda_sessions", region, as_of=event.ends_at - timedelta(minutes=1)) == []
    assert len(rows("agenda_sessions", region, as_of=event.ends_at)) == 1


def test_registrations_count_those_standing_at_the_start_and_attendance_counts_places_checked_in(region):
    event = EventFactory(capacity=4, municipality=municipality("GM0983"))
    came = register(event, "a@example.org", places=2)
    no_show = register(event, "b@example.org")
    gone = register(event, "c@example.org")
    from veerkracht.agenda.services.registrations import registration_cancel

    registration_cancel(registration=gone)
    register(event, "d@example.org", places=2)  # waiting: only one place left
    held(event, START + timedelta(days=10))
    check_in(came)
    walk_in(event, "e@example.org", places=3)

    assert rows("agenda_registrations", region) == [("GM0983", {})] * 2
    assert no_show.status == "confirmed"
    attendance = rows("agenda_attendance", region)
    assert len(attendance) == 5 and {code for code, _kind in attendance} == {"GM0983"}


def test_people_reached_are_distinct_addresses_at_their_last_event_and_first_timers_are_among_them(region):
    earlier, venlo, maastricht = (
        EventFactory(),
        EventFactory(municipality=municipality("GM0983")),
        EventFactory(),
    )
    online = EventFactory(online=True, municipality=None)
    came = [
        register(earlier, "vaste@example.org"),
        register(venlo, "Vaste@Example.org"),
        register(venlo, "nieuw@example.org"),
        register(maastricht, "NIEUW@example.org"),
        register(online, "online@example.org"),
    ]
    register(maastricht, "thuisgebleven@example.org")  # registered, never came
    held(earlier, START - timedelta(days=30))
    held(venlo, START + timedelta(days=5))
    held(maastricht, START + timedelta(days=50))
    held(online, START + timedelta(days=60))
    for registration in came:
        check_in(Registration.objects.select_related("event").get(pk=registration.pk))

    assert Counter(code for code, _ in rows("agenda_reach", region)) == Counter(
        {"GM0983": 1, "GM0935": 1, None: 1}
    )
    # "vaste" came before the period; "nieuw" counts once, in the place of their last session.
    assert Counter(code for code, _ in rows("agenda_first_visits", region)) == Counter({"GM0935": 1, None: 1})
    assert get_indicator("agenda_reach").about_residents
    assert get_indicator("agenda_first_visits").about_residents
    assert get_indicator("agenda_reach").contains == ("agenda_first_visits",)


def test_erased_attendees_still_count_as_present_but_no_longer_as_people(region):
    from veerkracht.agenda.services.retention import registrations_anonymise

    event = EventFactory()
    registration = register(event, "weg@example.org")
    held(event, START + timedelta(days=5))
    registration = check_in(Registration.objects.select_related("event").get(pk=registration.pk))
    registrations_anonymise(registrations=Registration.objects.filter(pk=registration.pk), now=timezone.now())

    assert rows("agenda_reach", region) == []
    assert len(rows("agenda_attendance", region)) == 1


def test_the_rating_is_the_median_of_each_evaluations_mean(region):
    event = held(EventFactory(), START + timedelta(days=5))
    Evaluation.objects.create(event=event, score_1=5, score_2=4, score_3=4, score_4=5)
    Evaluation.objects.create(event=event, score_1=1, score_2=2, score_3=2, score_4=3)
    indicator = get_indicator("agenda_rating")
    assert indicator.aggregate == "median" and indicator.unit == "rating"
    assert sorted(rows("agenda_rating", region)) == [("GM0935", 2.0), ("GM0935", 4.5)]


def test_ideas_that_became_requests_or_initiatives_count_in_the_place_of_the_session(region):
    event = held(EventFactory(municipality=municipality("GM0983")), START + timedelta(days=5))
    Idea.objects.create(event=event, outcome=IdeaOutcome.INITIATIVE, title="Wandelclub", target_id=1)
    Idea.objects.create(event=event, outcome=IdeaOutcome.REQUEST, title="Hulp bij formulieren", target_id=2)
    now = timezone.now()
    assert sorted(rows("agenda_ideas", region, end=now + timedelta(seconds=1)), key=repr) == [
        ("GM0983", {"idea_outcome": "initiative"}),
        ("GM0983", {"idea_outcome": "request"}),
    ]
    assert rows("agenda_ideas", region) == []  # they were made now, after the period


def test_the_monitor_snapshot_publishes_the_figures_and_hides_small_numbers_of_people(region):
    from veerkracht.monitor.compute.snapshots import snapshot_run
    from veerkracht.monitor.models import Figure

    maastricht, venlo = (
        EventFactory(capacity=30),
        EventFactory(capacity=30, municipality=municipality("GM0983")),
    )
    came = [register(maastricht, f"m{i}@example.org") for i in range(12)]
    came += [register(venlo, f"v{i}@example.org") for i in range(3)]
    held(maastricht, START + timedelta(days=5))
    held(venlo, START + timedelta(days=6))
    Registration.objects.filter(pk__in=[r.pk for r in came]).update(checked_in_at=START, checked_in_places=1)

    snapshot_run(region=region, now=END + timedelta(days=40))

    def figure(indicator, level, code):
        return Figure.objects.get(
            period__kind="quarter", period__start=START.date(), indicator=indicator, area_level=level,
            area_code=code, breakdown="",
        )  # fmt: skip

    assert figure("agenda_sessions", "region", "limburg").value == 2
    assert figure("agenda_reach", "region", "limburg").value == 15
    assert figure("agenda_reach", "municipality", "GM0983").suppressed  # 3 people: hidden
    # ... and so is Maastricht's 12: with the region's 15 published it would give the 3 away.
    assert figure("agenda_reach", "municipality", "GM0935").suppressed
    assert figure("agenda_first_visits", "municipality", "GM0983").suppressed
    assert figure("agenda_attendance", "municipality", "GM0983").value == 3  # visits, not people
    assert get_indicator("agenda_first_visits").periods == ("quarter",)
