from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from veerkracht.agenda.models import Evaluation, Series
from veerkracht.agenda.tokens import EVALUATE, MANAGE, registration_token

from .factories import EventFactory, factory_organiser, limburg, register_past

pytestmark = pytest.mark.django_db
ANSWERS = {"score_1": "5", "score_2": "4", "score_3": "3", "score_4": "5", "next_step": "Buurvrouw bellen"}


@pytest.fixture
def past_event(region):
    now = timezone.now()
    return EventFactory(starts_at=now - timedelta(days=1, hours=2), ends_at=now - timedelta(days=1))


def _url(registration, purpose=EVALUATE):
    return reverse("agenda:evaluate", args=[registration_token(registration, purpose)])


def test_an_attendee_answers_once_and_a_second_submit_changes_nothing(past_event, client):
    registration = register_past(past_event, "kwam@example.org", checked_in=True)
    page = client.get(_url(registration))
    assert (
        page.status_code == 200
        and "<fieldset" in page.content.decode()
        and "heel goed" in page.content.decode()
    )
    response = client.post(_url(registration), ANSWERS, follow=True)
    assert "Bedankt voor je antwoorden" in response.content.decode()
    evaluation = Evaluation.objects.get()
    assert evaluation.scores == [5, 4, 3, 5] and evaluation.next_step == "Buurvrouw bellen"
    again = client.post(_url(registration), {**ANSWERS, "score_1": "1"}, follow=True)
    assert "al beantwoord" in again.content.decode()
    assert Evaluation.objects.get().scores == [5, 4, 3, 5]


def test_bad_answers_give_the_form_back_in_dutch_and_save_nothing(past_event, client):
    registration = register_past(past_event, "kwam@example.org", checked_in=True)
    response = client.post(_url(registration), {**ANSWERS, "score_2": "9", "score_3": ""})
    assert response.status_code == 200
    assert "Kies een antwoord bij deze vraag" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_forged_other_purpose_or_not_attended_links_are_404(past_event, client):
    registration = register_past(past_event, "kwam@example.org", checked_in=True)
    absent = register_past(past_event, "niet@example.org", checked_in=False)
    assert client.get(_url(registration)[:-3] + "00/").status_code == 404
    assert client.get(_url(registration, MANAGE)).status_code == 404
    assert client.get(_url(absent)).status_code == 404


def test_the_evaluation_closes_30_days_after_the_event(region, client):
    now = timezone.now()
    event = EventFactory(
        starts_at=now - timedelta(days=40), ends_at=now - timedelta(days=40) + timedelta(hours=2)
    )
    registration = register_past(event, "kwam@example.org", checked_in=True)
    response = client.post(_url(registration), ANSWERS)
    assert "gesloten" in response.content.decode() and not Evaluation.objects.exists()


def _answers(event, n, start=0):
    for i in range(start, start + n):
        registration = register_past(event, f"p{event.pk}-{i}@example.org", checked_in=True)
        Evaluation.objects.create(
            event=event,
            registration=registration,
            score_1=4,
            score_2=2,
            score_3=3,
            score_4=5,
            next_step=f"Plan {i}",
        )


def test_organisers_see_means_texts_and_a_chart_without_names(
    past_event, client_for, django_assert_num_queries
):
    organiser = factory_organiser()
    _answers(past_event, 3)
    client = client_for(organiser)
    url = reverse("agenda:evaluation_results", args=[past_event.pk])
    client.get(url)
    with django_assert_num_queries(8) as first:
        html = client.get(url).content.decode()
    assert "<svg" in html and "Plan 0" in html and "3,0" in html and "p" + str(past_event.pk) not in html
    _answers(past_event, 5, start=3)
    with django_assert_num_queries(len(first)):
        client.get(url)


def test_small_groups_show_no_results(past_event, client_for):
    _answers(past_event, 2)
    html = (
        client_for(factory_organiser())
        .get(reverse("agenda:evaluation_results", args=[past_event.pk]))
        .content
    )
    assert b"Plan 0" not in html and b"vk-chart" not in html


def test_series_results_combine_the_dates(region, client_for):
    organiser = factory_organiser()
    series = Series.objects.create(region=limburg(), title="Elke maand in Venlo", rule="elke tweede dinsdag")
    now = timezone.now()
    for days in (40, 10):
        event = EventFactory(
            series=series,
            starts_at=now - timedelta(days=days),
            ends_at=now - timedelta(days=days) + timedelta(hours=2),
        )
        _answers(event, 2)
    html = (
        client_for(organiser)
        .get(reverse("agenda:series_evaluation_results", args=[series.pk]))
        .content.decode()
    )
    assert "4 mensen" in html and "Plan 1" in html


def test_other_people_get_404_for_the_results(past_event, client_for, staff, resident, client):
    url = reverse("agenda:evaluation_results", args=[past_event.pk])
    assert client_for(staff).get(url).status_code == 404  # an organiser, but not of this event
    assert client_for(resident).get(url).status_code == 404
    assert client.get(url).status_code == 302  # to the login page
    series = Series.objects.create(region=limburg(), title="Reeks", rule="elke maand")
    assert (
        client_for(staff).get(reverse("agenda:series_evaluation_results", args=[series.pk])).status_code
        == 404
    )
