"""Calendar files (RFC 5545, built with the `icalendar` library): one event, or a feed of many.

Every event keeps one UID for ever; SEQUENCE goes up with every change attendees are told about, and a
cancelled event is sent with STATUS:CANCELLED (and METHOD:CANCEL in a mail), so a calendar that already
holds the entry updates or removes it instead of adding a second one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

import icalendar
from django.conf import settings
from django.utils import timezone

PRODID = "-//Veerkracht//Agenda//NL"
REQUEST, CANCEL, PUBLISH = "REQUEST", "CANCEL", "PUBLISH"


def _place(event) -> str:
    if event.online:
        return "Online"
    parts = [event.venue, event.address, event.municipality.name if event.municipality_id else ""]
    return ", ".join(p for p in parts if p)


def _vevent(event, *, show_video: bool) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", event.uid)
    item.add("sequence", event.sequence)
    item.add("dtstamp", timezone.now())
    item.add("last-modified", event.updated_at)
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("summary", event.title)
    description = event.description
    if show_video and event.online and event.video_url:
        description = f"{description}\n\n{event.video_url}"
    item.add("description", description)
    item.add("location", _place(event))
    item.add("url", f"{settings.SITE_URL}{event.get_absolute_url()}")
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if not event.is_cancelled:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", event.title)
        alarm.add("trigger", -timedelta(hours=2))
        item.add_component(alarm)
    return item


def calendar_bytes(
    events: Iterable, *, name: str = "", method: str = PUBLISH, show_video: bool = False
) -> bytes:
    """An .ics file with these events. `show_video` only for a person who registered (the video link is
    for them only); feeds never include it."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
        cal.add("name", name)
    cal.add("x-published-ttl", "PT6H")
    for event in events:
        cal.add_component(_vevent(event, show_video=show_video))
    return cal.to_ical()


def event_ics(event, *, for_attendee: bool = False) -> bytes:
    """One event, as attached to a mail (METHOD REQUEST, or CANCEL once cancelled) or downloaded."""
    method = (CANCEL if event.is_cancelled else REQUEST) if for_attendee else PUBLISH
    return calendar_bytes([event], method=method, show_video=for_attendee)
