"""Writes for organisers: create and change an event, a series of dates at once, cancel, and a new
private link for a closed event.

A change attendees must know about (date, time, place, video link) raises the event's SEQUENCE and
mails everyone registered (confirmed, offered or waiting) the updated calendar entry with the same UID,
so their calendar moves the entry instead of adding a second one. Cancelling mails them a CANCEL entry.
Changes of places go through the event's row lock, as in registrations.py: capacity never drops below
the places already taken, and more capacity is offered to the waiting list at once.
"""

from __future__ import annotations

import calendar as month_calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from veerkracht.core.audit import log_action

from ..models import ACTIVE, Event, EventStatus, Question, Registration, RegistrationStatus, Series
from . import notifications
from .registrations import offer_free_places

# Fields whose change an attendee must hear about (and that update their calendar entry).
ATTENDEE_FIELDS = ("starts_at", "ends_at", "online", "video_url", "municipality", "venue", "address")
# Fields that make no sense to change once the event has begun.
LOCKED_AFTER_START = (*ATTENDEE_FIELDS, "capacity", "max_places")
MAX_QUESTIONS = 5
MAX_SERIES_DATES = 60
MAX_SERIES_DAYS = 366

WEEKLY, FORTNIGHTLY, LAST = "weekly", "fortnightly", "last"
ORDINALS = {
    "1": gettext_lazy("eerste"),
    "2": gettext_lazy("tweede"),
    "3": gettext_lazy("derde"),
    "4": gettext_lazy("vierde"),
    LAST: gettext_lazy("laatste"),
}
WEEKDAY_NAMES = (
    gettext_lazy("maandag"),
    gettext_lazy("dinsdag"),
    gettext_lazy("woensdag"),
    gettext_lazy("donderdag"),
    gettext_lazy("vrijdag"),
    gettext_lazy("zaterdag"),
    gettext_lazy("zondag"),
)


@dataclass(frozen=True)
class QuestionText:
    text: str
    required: bool = False


def at(day: date, moment: time) -> datetime:
    """A local date and time (Europe/Amsterdam) as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, moment))


# --- Series: which dates ------------------------------------------------------------------------


def _nth_weekday(year: int, month: int, weekday: int, which: str) -> date:
    if which == LAST:
        last = date(year, month, month_calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (int(which) - 1))


def series_dates(*, weekday: int, frequency: str, first: date, last: date, limit: int = 400) -> list[date]:
    """The dates of a rule between `first` and `last` (both included), at most `limit`.

    `frequency`: "weekly", "fortnightly", or the week of the month: "1".."4" or "last".
    """
    dates: list[date] = []
    if frequency in (WEEKLY, FORTNIGHTLY):
        step = timedelta(days=7 if frequency == WEEKLY else 14)
        day = first + timedelta(days=(weekday - first.weekday()) % 7)
        while day <= last and len(dates) < limit:
            dates.append(day)
            day += step
        return dates
    year, month = first.year, first.month
    while date(year, month, 1) <= last and len(dates) < limit:
        day = _nth_weekday(year, month, weekday, frequency)
        if first <= day <= last:
            dates.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dates


def series_rule_text(*, weekday: int, frequency: str, starts: time, ends: time) -> str:
    """In words: "elke tweede dinsdag van de maand, 19:30–21:30"."""
    times = f"{starts:%H:%M}–{ends:%H:%M}"
    day = WEEKDAY_NAMES[weekday]
    if frequency == WEEKLY:
        words = _("elke %(day)s") % {"day": day}
    elif frequency == FORTNIGHTLY:
        words = _("om de week op %(day)s") % {"day": day}
    else:
        words = _("elke %(which)s %(day)s van de maand") % {"which": ORDINALS[frequency], "day": day}
    return f"{words}, {times}"


# --- Create and change --------------------------------------------------------------------------


def _set_questions(event: Event, questions: list[QuestionText]) -> None:
    """Questions by position: the first stays the first (its answers keep their meaning when only the
    wording changes); the ones left out are removed."""
    questions = [q for q in questions if q.text.strip()][:MAX_QUESTIONS]
    existing = list(Question.objects.filter(event=event).order_by("order", "id"))
    for order, wanted in enumerate(questions):
        item = existing[order] if order < len(existing) else Question(event=event)
        item.text, item.required, item.order = wanted.text.strip(), wanted.required, order
        item.full_clean(exclude=["event"])
        item.save()
    stale = [q.pk for q in existing[len(questions) :]]
    if stale:
        Question.objects.filter(pk__in=stale).delete()


def _new_event(*, region, fields: dict, publish: bool, series: Series | None = None) -> Event:
    event = Event(
        region=region,
        series=series,
        status=EventStatus.PUBLISHED if publish else EventStatus.DRAFT,
        **fields,
    )
    event.full_clean(exclude=["region", "series", "municipality", "subregion", "organisation"])
    event.save()
    return event


def _not_in_past(starts_at: datetime) -> None:
    if starts_at <= timezone.now():
        raise ValidationError(
            {"date": _("Deze datum en tijd zijn al voorbij. Kies een moment in de toekomst.")}
        )


@transaction.atomic
def event_create(
    *,
    region,
    organiser,
    fields: dict,
    questions: list[QuestionText] = (),
    co_organisers=(),
    publish: bool = True,
) -> Event:
    """A new event organised by `organiser` (and the co-organisers); a draft unless `publish`."""
    _not_in_past(fields["starts_at"])
    event = _new_event(region=region, fields=fields, publish=publish)
    event.organisers.set({organiser, *co_organisers})
    _set_questions(event, list(questions))
    log_action("agenda.event.created", actor=organiser, subject=event)
    return event


def _check_change(event: Event, fields: dict) -> list[str]:
    """The attendee fields that change; raises for a change that makes no sense (any more)."""
    if event.is_cancelled:
        raise ValidationError(_("Deze bijeenkomst gaat niet door. Je kunt hem niet meer aanpassen."))
    locked = [f for f in LOCKED_AFTER_START if f in fields and getattr(event, f) != fields[f]]
    if event.has_started and locked:
        raise ValidationError(
            _(
                "Deze bijeenkomst is al begonnen of voorbij. Datum, tijd, plaats en het aantal plaatsen "
                "kun je niet meer veranderen. Teksten wel."
            )
        )
    if fields.get("starts_at", event.starts_at) != event.starts_at:
        _not_in_past(fields["starts_at"])
    if fields.get("capacity", event.capacity) < event.places_taken:
        raise ValidationError(
            {
                "capacity": _(
                    "Er zijn al %(taken)s plaatsen bezet (aangemeld of aangeboden). Kies minstens "
                    "%(taken)s plaatsen, of meld eerst mensen af."
                )
                % {"taken": event.places_taken}
            }
        )
    return [f for f in ATTENDEE_FIELDS if f in fields and getattr(event, f) != fields[f]]


def _registered(event: Event) -> list[Registration]:
    """Everyone who should hear about a change: confirmed, offered and waiting, with an address."""
    return list(Registration.objects.filter(event=event, status__in=ACTIVE).exclude(email="").order_by("pk"))


def _tell(event: Event, registrations: list[Registration], send) -> None:
    for registration in registrations:
        registration.event = event
        send(registration)
    Registration.objects.filter(pk__in=[r.pk for r in registrations]).update(sequence_seen=event.sequence)


@transaction.atomic
def event_update(
    *,
    event: Event,
    actor,
    fields: dict,
    questions: list[QuestionText] | None = None,
    co_organisers=None,
    publish: bool = False,
) -> Event:
    """Change an event. `publish` publishes a draft (a published event stays published).

    Raises ValidationError (with the field it is about where there is one) and changes nothing for a
    cancelled event, a date or place change after the start, a start in the past, or fewer places
    than are taken.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    changed = _check_change(event, fields)
    more_places = fields.get("capacity", event.capacity) > event.capacity
    for name, value in fields.items():
        setattr(event, name, value)
    if publish and event.status == EventStatus.DRAFT:
        event.status = EventStatus.PUBLISHED
    tell = _registered(event) if changed and event.status == EventStatus.PUBLISHED else []
    if tell:
        event.sequence += 1
    event.full_clean(exclude=["region", "series", "municipality", "subregion", "organisation"])
    event.save()
    if co_organisers is not None:
        event.organisers.set({actor, *co_organisers})
    if questions is not None:
        _set_questions(event, list(questions))
    if more_places:
        offer_free_places(event)
    _tell(event, tell, notifications.event_changed)
    log_action("agenda.event.changed", actor=actor, subject=event, data={"changed": changed})
    return event


@transaction.atomic
def event_cancel(*, event: Event, actor, reason: str) -> Event:
    """Cancel: everyone registered gets a mail with the calendar entry that removes it. Open offers end
    (their places are released, so the counts stay right); the other registrations stay as they were,
    for the record."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    reason = " ".join((reason or "").split())
    if event.is_cancelled:
        raise ValidationError(_("Deze bijeenkomst was al afgelast."))
    if event.is_past:
        raise ValidationError(_("Deze bijeenkomst is al voorbij. Afgelasten kan niet meer."))
    if not reason:
        raise ValidationError(
            {"reason": _("Schrijf op waarom de bijeenkomst niet doorgaat. Dat lezen de deelnemers.")}
        )
    tell = _registered(event)
    offered = [r for r in tell if r.status == RegistrationStatus.OFFERED]
    if offered:
        Registration.objects.filter(pk__in=[r.pk for r in offered]).update(
            status=RegistrationStatus.CANCELLED, cancelled_at=timezone.now(), offer_expires_at=None
        )
        freed = sum(r.places for r in offered)
        Event.objects.filter(pk=event.pk).update(places_taken=F("places_taken") - freed)
        event.refresh_from_db(fields=["places_taken"])
    event.status = EventStatus.CANCELLED
    event.cancelled_reason = reason[:300]
    event.sequence += 1
    event.save(update_fields=["status", "cancelled_reason", "sequence", "updated_at"])
    _tell(event, tell, notifications.event_cancelled)
    log_action("agenda.event.cancelled", actor=actor, subject=event, data={"told": len(tell)})
    return event


@transaction.atomic
def event_new_invite_link(*, event: Event, actor) -> Event:
    """A new private registration link for a closed event; the old one stops working at once."""
    Event.objects.filter(pk=event.pk).update(invite_version=F("invite_version") + 1)
    event.refresh_from_db(fields=["invite_version"])
    log_action("agenda.event.invite_renewed", actor=actor, subject=event)
    return event


# --- Series -------------------------------------------------------------------------------------


@transaction.atomic
def series_create(
    *,
    region,
    organiser,
    title: str,
    rule: str,
    dates: list[date],
    starts: time,
    ends: time,
    fields: dict,
    questions: list[QuestionText] = (),
    co_organisers=(),
    publish: bool = True,
) -> Series:
    """A series and all its dates at once (all or nothing); each date is an Event of its own."""
    if not dates:
        raise ValidationError(_("Tussen deze datums valt geen enkele bijeenkomst. Kies andere datums."))
    if len(dates) > MAX_SERIES_DATES:
        raise ValidationError(
            _("Deze reeks heeft %(n)s datums. Dat mogen er hoogstens %(max)s zijn.")
            % {"n": len(dates), "max": MAX_SERIES_DATES}
        )
    _not_in_past(at(dates[0], starts))
    series = Series(region=region, title=title, rule=rule[:200], created_by=organiser)
    series.full_clean(exclude=["region", "created_by"])
    series.save()
    organisers = {organiser, *co_organisers}
    for day in dates:
        event = _new_event(
            region=region,
            series=series,
            publish=publish,
            fields={**fields, "starts_at": at(day, starts), "ends_at": at(day, ends)},
        )
        event.organisers.set(organisers)
        _set_questions(event, list(questions))
    log_action("agenda.series.created", actor=organiser, subject=series, data={"dates": len(dates)})
    return series


@transaction.atomic
def event_record_held(*, region, organiser, fields: dict, attendees=()) -> Event:
    """An event that already took place, with the people who were there (checked in): for history other
    apps bring in, like the demo of an intervision group. `attendees` are (name, e-mail, user) triples."""
    if fields["ends_at"] > timezone.now():
        raise ValidationError(_("Deze bijeenkomst is nog niet voorbij."))
    event = _new_event(region=region, fields=fields, publish=True)
    event.organisers.set({organiser})
    for name, email, user in attendees:
        registration = Registration(
            event=event,
            user=user,
            name=name[:100],
            email=email,
            status=RegistrationStatus.CONFIRMED,
            consent_at=fields["starts_at"],
            checked_in_at=fields["starts_at"],
            checked_in_places=1,
        )
        registration.full_clean(exclude=["event", "user"])
        registration.save()
    Event.objects.filter(pk=event.pk).update(places_taken=F("places_taken") + len(attendees))
    log_action("agenda.event.recorded", actor=organiser, subject=event, data={"attendees": len(attendees)})
    return event
