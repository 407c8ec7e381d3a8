from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.agenda.models import Event, EventStatus, Question, RegistrationStatus, Series
from veerkracht.agenda.services import organise as services
from veerkracht.agenda.tokens import invite_token

from .factories import EventFactory, municipality, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def organiser(region):
    return UserFactory(email="organisator@example.org", roles=[Role.ORGANISER])


def _data(**changes) -> dict:
    day = timezone.localdate() + timedelta(days=10)
    data = {
        "kind": "inspiration",
        "visibility": "public",
        "title": "Samen aan tafel",
        "description": "We praten over eenzaamheid.",
        "date": day.isoformat(),
        "start_time": "19:30",
        "end_time": "21:30",
        "municipality": municipality().pk,
        "venue": "Buurthuis De Ster",
        "address": "Markt 1",
        "capacity": "20",
        "max_places": "2",
        "offer_hours": "24",
        "organiser_name": "Limburg Positief Gezond",
        "themes": ["loneliness"],
        "dimensions": ["participation"],
        "question_1": "Heb je een dieetwens?",
        "question_1_required": "on",
        "action": "publish",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_an_organiser_creates_an_event_with_a_question(client_for, organiser):
    response = client_for(organiser).post(reverse("agenda:event_create"), _data())
    event = Event.objects.get()
    assert response.status_code == 302 and response.url == reverse("agenda:event_edit", args=[event.pk])
    assert event.status == EventStatus.PUBLISHED and list(event.organisers.all()) == [organiser]
    assert event.subregion == municipality().subregion
    assert f"{timezone.localtime(event.starts_at):%H:%M}" == "19:30"
    question = Question.objects.get(event=event)
    assert question.text == "Heb je een dieetwens?" and question.required
    assert event.theme_labels and event.dimension_labels


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"end_time": "19:00"}, "eindtijd moet later"),
        ({"date": (timezone.localdate() - timedelta(days=2)).isoformat()}, "al voorbij"),
        ({"online": "on", "municipality": None}, "link naar de videoverbinding"),
        ({"online": "on", "video_url": "http://meet.example.org/x"}, "https://"),
        ({"municipality": None}, "gemeente"),
        ({"capacity": "0"}, "minstens 1"),
        ({"co_organisers": "inwoner@example.org"}, "geen bijeenkomsten organiseren"),
    ],
)
def test_bad_input_comes_back_in_dutch_and_nothing_is_saved(client_for, organiser, resident, changes, words):
    response = client_for(organiser).post(reverse("agenda:event_create"), _data(**changes))
    assert response.status_code == 200 and words in response.content.decode()
    assert not Event.objects.exists()


def test_co_organisers_by_email_see_the_event(client_for, organiser, staff):
    client_for(organiser).post(reverse("agenda:event_create"), _data(co_organisers=staff.email.upper()))
    event = Event.objects.get()
    assert set(event.organisers.all()) == {organiser, staff}
    assert client_for(staff).get(reverse("agenda:attendees", args=[event.pk])).status_code == 200


def test_an_online_event_keeps_no_place(client_for, organiser, region):
    subregion = region.subregions.first()
    data = _data(online="on", video_url="https://meet.example.org/abc", subregion=subregion.pk)
    client_for(organiser).post(reverse("agenda:event_create"), data)
    event = Event.objects.get()
    assert event.online and event.municipality is None and event.venue == "" and event.subregion == subregion


def test_a_draft_is_saved_and_published_later(client_for, organiser):
    client = client_for(organiser)
    client.post(reverse("agenda:event_create"), _data(action="draft"))
    event = Event.objects.get()
    assert event.status == EventStatus.DRAFT
    client.post(reverse("agenda:event_edit", args=[event.pk]), _data(action="publish"))
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED


def test_a_change_of_time_mails_everyone_with_a_higher_sequence(client_for, staff, mailoutbox, committed):
    event = EventFactory(organisers=[staff], capacity=1)
    confirmed, waiting = register(event, "a@example.org"), register(event, "b@example.org")
    assert waiting.status == RegistrationStatus.WAITING
    local = timezone.localtime(event.starts_at)
    data = _data(date=local.date().isoformat(), start_time="10:00", end_time="12:00", capacity="1")
    mailoutbox.clear()
    with committed():
        response = client_for(staff).post(reverse("agenda:event_edit", args=[event.pk]), data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.sequence == 1
    assert sorted(m.to[0] for m in mailoutbox) == ["a@example.org", "b@example.org"]
    ics = mailoutbox[0].attachments[0][1]
    assert "SEQUENCE:1" in ics and event.uid in ics and "METHOD:REQUEST" in ics
    with committed():  # saving again without a change sends nothing
        client_for(staff).post(reverse("agenda:event_edit", args=[event.pk]), data)
    assert len(mailoutbox) == 2
    confirmed.refresh_from_db()
    assert confirmed.sequence_seen == 1


def test_capacity_below_taken_places_is_refused_and_more_goes_to_the_waiting_list(client_for, staff):
    event = EventFactory(organisers=[staff], capacity=2)
    register(event, places=2)
    waiting = register(event)
    local = timezone.localtime(event.starts_at)
    base = {
        "date": local.date().isoformat(),
        "start_time": f"{local:%H:%M}",
        "end_time": f"{timezone.localtime(event.ends_at):%H:%M}",
        "question_1": None,
        "question_1_required": None,
    }
    response = client_for(staff).post(
        reverse("agenda:event_edit", args=[event.pk]), _data(capacity="1", **base)
    )
    assert "al 2 plaatsen bezet" in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 2
    client_for(staff).post(reverse("agenda:event_edit", args=[event.pk]), _data(capacity="3", **base))
    waiting.refresh_from_db()
    event.refresh_from_db()
    assert event.capacity == 3 and waiting.status == RegistrationStatus.OFFERED and event.places_taken == 3


def test_a_past_event_keeps_its_date(staff):
    event = EventFactory(organisers=[staff], starts_at=timezone.now() - timedelta(days=2))
    with pytest.raises(Exception, match="al begonnen"):
        services.event_update(event=event, actor=staff, fields={"capacity": 50})


def test_cancelling_needs_a_reason_and_mails_a_cancel_entry(client_for, staff, mailoutbox, committed):
    event = EventFactory(organisers=[staff], capacity=1)
    register(event, "a@example.org")
    offered = register(event, "b@example.org")
    url = reverse("agenda:event_cancel", args=[event.pk])
    assert client_for(staff).get(url).status_code == 200
    response = client_for(staff).post(url, {"reason": "", "confirm": "on"})
    assert (
        "Dit veld is verplicht" in response.content.decode() or "waarom" in response.content.decode().lower()
    )
    mailoutbox.clear()
    with committed():
        response = client_for(staff).post(url, {"reason": "De spreker is ziek.", "confirm": "on"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED and event.cancelled_reason == "De spreker is ziek."
    assert len(mailoutbox) == 2 and "METHOD:CANCEL" in mailoutbox[0].attachments[0][1]
    assert "De spreker is ziek." in mailoutbox[0].body
    offered.refresh_from_db()
    # editing a cancelled event is refused
    response = client_for(staff).post(reverse("agenda:event_edit", args=[event.pk]), _data())
    event.refresh_from_db()
    assert event.title != "Samen aan tafel"


def test_a_series_makes_every_second_tuesday_at_once(client_for, organiser):
    first = timezone.localdate() + timedelta(days=1)
    data = _data(
        date=None,
        weekday="1",
        frequency="2",
        first_date=first.isoformat(),
        last_date=(first + timedelta(days=180)).isoformat(),
    )
    response = client_for(organiser).post(reverse("agenda:series_create"), data)
    series = Series.objects.get()
    assert response.url == reverse("agenda:series", args=[series.pk])
    dates = [timezone.localtime(e.starts_at) for e in series.events.all()]
    assert 5 <= len(dates) <= 7
    assert all(d.weekday() == 1 and 8 <= d.day <= 14 and f"{d:%H:%M}" == "19:30" for d in dates)
    assert "tweede dinsdag" in series.rule
    page = client_for(organiser).get(reverse("agenda:series", args=[series.pk]))
    assert page.status_code == 200 and page.content.decode().count("Aanpassen") == len(dates)
    edit = client_for(organiser).get(reverse("agenda:event_edit", args=[series.events.first().pk]))
    assert "Onderdeel van reeks" in edit.content.decode()


def test_a_series_longer_than_a_year_is_refused(client_for, organiser):
    first = timezone.localdate() + timedelta(days=1)
    data = _data(
        date=None,
        weekday="1",
        frequency="weekly",
        first_date=first.isoformat(),
        last_date=(first + timedelta(days=400)).isoformat(),
    )
    response = client_for(organiser).post(reverse("agenda:series_create"), data)
    assert "hoogstens een jaar" in response.content.decode() and not Event.objects.exists()


@pytest.mark.parametrize(
    ("frequency", "first", "last", "expected"),
    [
        (
            "last",
            date(2027, 1, 1),
            date(2027, 3, 31),
            [date(2027, 1, 26), date(2027, 2, 23), date(2027, 3, 30)],
        ),
        ("fortnightly", date(2027, 1, 1), date(2027, 1, 31), [date(2027, 1, 5), date(2027, 1, 19)]),
        ("1", date(2027, 1, 6), date(2027, 2, 28), [date(2027, 2, 2)]),
    ],
)
def test_series_dates(frequency, first, last, expected):
    assert services.series_dates(weekday=1, frequency=frequency, first=first, last=last) == expected


def test_a_closed_event_shows_its_link_and_a_new_one_ends_the_old(client_for, staff):
    event = EventFactory(organisers=[staff], visibility="closed")
    old = invite_token(event)
    page = client_for(staff).get(reverse("agenda:event_edit", args=[event.pk])).content.decode()
    assert old in page
    client_for(staff).post(reverse("agenda:event_new_invite", args=[event.pk]))
    event.refresh_from_db()
    assert event.invite_version == 2 and invite_token(event) != old


def test_my_events_lists_upcoming_and_past_with_constant_queries(
    client_for, staff, django_assert_num_queries
):
    client = client_for(staff)
    EventFactory(organisers=[staff])
    client.get(reverse("agenda:organise"))
    with django_assert_num_queries(7) as first:
        client.get(reverse("agenda:organise"))
    for n in range(4):
        event = EventFactory(organisers=[staff], starts_at=timezone.now() + timedelta(days=n - 2))
        if n >= 3:
            register(event)
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(reverse("agenda:organise"))
    assert response.content.decode().count("Deelnemers") == 5


@pytest.mark.parametrize("who", ["anonymous", "resident", "other_organiser"])
def test_no_access_for_others(client, client_for, resident, organiser, staff, who):
    event = EventFactory(organisers=[staff])
    series = Series.objects.create(region=event.region, title="Reeks", rule="x")
    event.series = series
    event.save()
    user = {"anonymous": None, "resident": resident, "other_organiser": organiser}[who]
    c = client if user is None else client_for(user)
    urls = [
        reverse("agenda:event_edit", args=[event.pk]),
        reverse("agenda:event_cancel", args=[event.pk]),
        reverse("agenda:series", args=[series.pk]),
    ]
    if who != "other_organiser":
        urls += [reverse("agenda:organise"), reverse("agenda:event_create"), reverse("agenda:series_create")]
    for url in urls:
        response = c.get(url)
        assert response.status_code == (302 if user is None else 404), url
    response = c.post(reverse("agenda:event_new_invite", args=[event.pk]))
    assert response.status_code in (302, 404)
    event.refresh_from_db()
    assert event.invite_version == 1


def test_saving_an_untouched_form_tells_nobody(client_for, staff, mailoutbox, committed):
    # The factory's times have seconds; the form shows minutes.
    event = EventFactory(organisers=[staff])
    register(event, "a@example.org")
    page = client_for(staff).get(reverse("agenda:event_edit", args=[event.pk]))
    data = {k: v for k, v in page.context["form"].initial.items() if v not in (None, False, "")}
    local, end = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
    data.update(date=local.date().isoformat(), start_time=f"{local:%H:%M}", end_time=f"{end:%H:%M}")
    data.update(municipality=event.municipality_id, action="save")
    mailoutbox.clear()
    with committed():
        response = client_for(staff).post(reverse("agenda:event_edit", args=[event.pk]), data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.sequence == 0 and mailoutbox == []


def test_a_retried_change_mail_is_sent_once(staff, mailoutbox, committed):
    from veerkracht.agenda.services import notifications

    event = EventFactory(organisers=[staff])
    registration = register(event, "a@example.org")
    event.sequence = 3
    registration.event = event
    mailoutbox.clear()
    with committed():
        notifications.event_changed(registration)
        notifications.event_changed(registration)
    assert len(mailoutbox) == 1
