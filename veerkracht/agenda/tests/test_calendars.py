from __future__ import annotations

from datetime import timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from veerkracht.agenda.models import EventStatus, Visibility

from .factories import EventFactory, municipality

pytestmark = pytest.mark.django_db


def _parse(response) -> list:
    cal = icalendar.Calendar.from_ical(response.content)
    return list(cal.walk("VEVENT"))


def test_the_region_feed_lists_public_events_with_cancelled_ones_marked(region, client):
    shown = EventFactory(title="Open sessie", online=True, video_url="https://video.example.org/geheim")
    cancelled = EventFactory(title="Gaat niet door", status=EventStatus.CANCELLED)
    EventFactory(title="Concept", status=EventStatus.DRAFT)
    EventFactory(title="Besloten", visibility=Visibility.CLOSED)
    EventFactory(title="Lang geleden", starts_at=timezone.now() - timedelta(days=60))
    response = client.get(reverse("agenda:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "max-age" in response["Cache-Control"] and response["ETag"]
    items = {str(item["summary"]): item for item in _parse(response)}
    assert set(items) == {"Open sessie", "Gaat niet door"}
    assert str(items["Gaat niet door"]["status"]) == "CANCELLED"
    assert str(items["Open sessie"]["uid"]) == shown.uid and cancelled.uid in response.content.decode()
    assert b"video.example.org" not in response.content


def test_uid_stays_and_sequence_rises_after_a_change(region, client):
    event = EventFactory(title="Sessie")
    before = _parse(client.get(reverse("agenda:feed")))[0]
    event.sequence += 1
    event.title = "Sessie (nieuwe tijd)"
    event.save()
    after = _parse(client.get(reverse("agenda:feed")))[0]
    assert after["uid"] == before["uid"]
    assert int(after["sequence"]) == int(before["sequence"]) + 1


def test_an_unchanged_feed_answers_304_to_its_etag(region, client):
    EventFactory()
    first = client.get(reverse("agenda:feed"))
    again = client.get(reverse("agenda:feed"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_the_subregion_feed_has_only_that_subregions_events(region, client):
    zuid = municipality("GM0935")  # Maastricht
    noord = municipality("GM0983")  # Venlo
    EventFactory(title="In Maastricht", municipality=zuid)
    EventFactory(title="In Venlo", municipality=noord)
    response = client.get(reverse("agenda:feed_subregion", args=[noord.subregion.slug]))
    assert [str(item["summary"]) for item in _parse(response)] == ["In Venlo"]
    assert client.get(reverse("agenda:feed_subregion", args=["bestaat-niet"])).status_code == 404


def test_the_feed_takes_the_same_number_of_queries_for_many_events(region, client, django_assert_num_queries):
    EventFactory()
    client.get(reverse("agenda:feed"))  # the region is looked up and cached
    with django_assert_num_queries(3):
        client.get(reverse("agenda:feed"))
    for _n in range(5):
        EventFactory()
    with django_assert_num_queries(3):
        client.get(reverse("agenda:feed"))


def test_the_subscribe_block_renders_webcal_links(region, rf):
    from django.template.loader import render_to_string

    request = rf.get("/agenda/")
    html = render_to_string("agenda/calendars/_subscribe.html", {"subregions": []}, request=request)
    assert "webcal://testserver/agenda/feed.ics" in html
