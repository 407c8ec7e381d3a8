"""Demo data for `make run`: a year of agenda in Limburg.

Monthly inspiration sessions in Noord-, Midden- and Zuid-Limburg (three series, six months back and six
ahead, one theme a month, going round real places), a few workshops, a lecture, an online session, an
ambassadors' meeting and a closed in-house session for the municipality of Heerlen. Past sessions have
registrations, check-ins, walk-ins, no-shows, evaluations, two reports and ideas that became an
initiative or a request (through the action centre's services); sessions to come have places left,
and one is full with a waiting list and an open offer. The demo ambassador gets the organiser role and
organises the Noord-Limburg sessions and a workshop with the action centre.

Rows are written in bulk (the registration service mails every registration); the numbers follow the
service's rules: places taken are the places of confirmed registrations and open offers. Deterministic
(fixed seed) and idempotent: nothing is added when the region already has events.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from veerkracht.accounts import demo as accounts_demo
from veerkracht.accounts import services as account_services
from veerkracht.accounts.demo import DEMO_DOMAIN
from veerkracht.accounts.models import Organisation, Role, User
from veerkracht.actioncentre.services import initiatives as initiative_services
from veerkracht.actioncentre.services import requests as request_services
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Municipality, Region

from . import demo_content as content
from .models import (
    Evaluation,
    Event,
    EventKind,
    Idea,
    IdeaOutcome,
    Question,
    Registration,
    RegistrationStatus,
    Report,
    Series,
    Visibility,
)

Status = RegistrationStatus
MONTHS_BACK, MONTHS_AHEAD = 6, 6
ORGANISER_NAME = "Actiecentrum Limburg Positief Gezond"
PEOPLE_PER_SUBREGION = 140


@dataclass
class _Demo:
    region: Region
    rng: random.Random
    now: datetime
    munis: dict[str, Municipality]
    staff: User | None
    ambassador: User | None
    resident: User | None
    contact: str
    people: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # subregion → (name, e-mail)
    organisers: list[tuple[Event, list[User]]] = field(default_factory=list)


@transaction.atomic
def load(region: Region) -> list[str]:
    if not Event.objects.filter(region=region).exists():
        demo = _start(region)
        events = _monthly_sessions(demo) + _specials(demo)
        _fill(demo, events)
        _ideas_and_reports(demo, [e for e in events if e.ends_at < demo.now])
    return [_summary(region)]


def _start(region: Region) -> _Demo:
    accounts = {u.email: u for u in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")}
    ambassador = accounts.get(f"ambassadeur@{DEMO_DOMAIN}")
    if ambassador is not None and not ambassador.has_role(Role.ORGANISER):
        account_services.role_grant(user=ambassador, role=Role.ORGANISER)
        # The organiser role sees attendee lists: two-step login, as for every such role.
        accounts_demo.activate_demo_totp(ambassador)
    rng = random.Random(2013)  # noqa: S311 - demo data, not security
    demo = _Demo(
        region=region,
        rng=rng,
        now=timezone.now(),
        munis={m.code: m for m in Municipality.objects.filter(region=region).select_related("subregion")},
        staff=accounts.get(f"actiecentrum@{DEMO_DOMAIN}"),
        ambassador=ambassador,
        resident=accounts.get(f"inwoner@{DEMO_DOMAIN}"),
        contact=region.contact_email or "actiecentrum@limburgpositiefgezond.example",
    )
    for part in content.PLACES:
        demo.people[part] = [_person(rng, part, i) for i in range(PEOPLE_PER_SUBREGION)]
    return demo


def _person(rng: random.Random, part: str, i: int) -> tuple[str, str]:
    first, last = rng.choice(content.FIRST_NAMES), rng.choice(content.LAST_NAMES)
    return f"{first} {last}", f"{first}.{last}.{part}{i}@example.org".lower()


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _event(demo: _Demo, place: content.Place | None, **fields) -> Event:
    municipality = demo.munis[place.municipality] if place else None
    where = {}
    if place is not None:
        where = {
            "venue": place.venue,
            "address": place.address,
            "public_transport": place.public_transport,
            "step_free": place.step_free,
            "hearing_loop": place.hearing_loop,
            "parking": place.parking,
        }
    return Event(
        region=demo.region,
        municipality=municipality,
        subregion=municipality.subregion if municipality else None,
        online=place is None,
        organiser_name=ORGANISER_NAME,
        contact_email=demo.contact,
        **where,
        **fields,
    )


def _monthly_sessions(demo: _Demo) -> list[Event]:
    today = timezone.localdate()
    events = []
    for part, title, rule, (nth, weekday) in content.SERIES:
        series = Series.objects.create(region=demo.region, title=title, rule=rule, created_by=demo.staff)
        for step in range(-MONTHS_BACK, MONTHS_AHEAD):
            month_index = today.year * 12 + today.month - 1 + step
            year, month = divmod(month_index, 12)
            day = nth_weekday(year, month + 1, nth, weekday)
            theme = content.MONTHLY_THEMES[(step + MONTHS_BACK) % len(content.MONTHLY_THEMES)]
            places = content.PLACES[part]
            event = _event(
                demo,
                places[(step + MONTHS_BACK) % len(places)],
                series=series,
                kind=EventKind.INSPIRATION,
                title=f"Inspiratiesessie: {theme.title}",
                theme=theme.theme,
                themes=THEMES.mask(theme.themes),
                dimensions=DIMENSIONS.mask(theme.dimensions),
                description=theme.description,
                programme=content.PROGRAMME,
                speakers=theme.speakers,
                starts_at=_at(day, 19, 30),
                ends_at=_at(day, 21, 30),
                capacity=40,
                max_places=2,
            )
            events.append(event)
            with_ambassador = part == "noord" and demo.ambassador is not None
            demo.organisers.append(
                (event, [demo.staff, demo.ambassador] if with_ambassador else [demo.staff])
            )
    return events


def _specials(demo: _Demo) -> list[Event]:
    heerlen = Organisation.objects.filter(region=demo.region, name="Gemeente Heerlen").first()
    events = []
    for special in content.SPECIALS:
        day = timezone.localdate() + timedelta(days=special.days)
        starts_at = _at(day, 19, 30) if special.kind != EventKind.IN_HOUSE else _at(day, 13, 30)
        event = _event(
            demo,
            special.place,
            kind=special.kind,
            visibility=Visibility.CLOSED if special.closed else Visibility.PUBLIC,
            title=special.title,
            theme=special.theme,
            themes=THEMES.mask(special.themes),
            dimensions=DIMENSIONS.mask(special.dimensions),
            description=special.description,
            programme=special.programme,
            speakers=special.speakers,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=special.hours),
            capacity=special.capacity,
            max_places=1 if special.closed else 2,
            video_url="https://video.example.org/limburg-positief-gezond" if special.place is None else "",
            organisation=heerlen if special.closed else None,
        )
        if special.by_ambassador and demo.ambassador is not None:
            event.organiser_name = f"{demo.ambassador.display_name}, ambassadeur, met het actiecentrum"
        events.append(event)
        organisers = [demo.staff] + ([demo.ambassador] if special.by_ambassador else [])
        demo.organisers.append((event, organisers))
    return events


def _fill(demo: _Demo, events: list[Event]) -> None:
    """Save the events with their organisers, questions, registrations and evaluations."""
    for event in events:
        if event.ends_at < demo.now:
            event.reminders_sent_at = event.starts_at - timedelta(days=1)
            event.evaluation_sent_at = event.ends_at + timedelta(hours=2)
    Event.objects.bulk_create(events)
    through = Event.organisers.through
    through.objects.bulk_create(
        [through(event_id=e.pk, user_id=u.pk) for e, users in demo.organisers for u in users if u is not None]
    )
    Question.objects.bulk_create(
        [
            Question(event=e, text=text, order=i)
            for e in events
            if e.kind == EventKind.INSPIRATION
            for i, text in enumerate(content.QUESTIONS)
        ]
    )
    full = next(
        e for e in events if e.starts_at > demo.now + timedelta(days=7) and e.kind == EventKind.INSPIRATION
    )
    registrations, evaluations = [], []
    for event in events:
        rows = _registrations(demo, event, full=event is full)
        # Walk-ins come on top: the door decides, not the capacity.
        holding = [r for r in rows if r.status in (Status.CONFIRMED, Status.OFFERED) and not r.walk_in]
        event.places_taken = sum(r.places for r in holding)
        registrations += rows
    Event.objects.bulk_update(events, ["places_taken"])
    Registration.objects.bulk_create(registrations)
    for registration in registrations:
        if registration.checked_in_at and demo.rng.random() < 0.55:
            evaluations.append(_evaluation(demo, registration))
    Evaluation.objects.bulk_create(evaluations)
    for event in events:  # when it happened, not today
        before = min(event.starts_at - timedelta(days=3), demo.now - timedelta(days=1))
        Registration.objects.filter(event=event, walk_in=False).update(created_at=before)
        Evaluation.objects.filter(event=event).update(created_at=event.ends_at + timedelta(days=1))


def _subregion_of(event: Event) -> str:
    return event.subregion.slug.split("-")[0] if event.subregion_id else "midden"


def _registrations(demo: _Demo, event: Event, *, full: bool) -> list[Registration]:
    rng = demo.rng
    past = event.ends_at < demo.now
    if full:
        share = 1.0
    elif past:
        share = rng.uniform(0.45, 0.8)
    else:
        share = rng.uniform(0.15, 0.6)
    pool = demo.people[_subregion_of(event)]
    people = rng.sample(pool, min(len(pool), int(event.capacity * share)))
    rows, taken = [], 0
    for name, email in people:
        places = 2 if rng.random() < 0.2 and event.max_places > 1 and not full else 1
        if taken + places > event.capacity:
            continue
        taken += places
        rows.append(_registration(event, name, email, places, Status.CONFIRMED))
    rows += _own(demo, event, taken)
    if full:
        rows += _waiting_list(demo, event, rows)
    return [_happened(demo, r) for r in rows] + (_walk_ins(demo, event) if past else [])


def _registration(event: Event, name: str, email: str, places: int, status: str, **fields) -> Registration:
    return Registration(
        event=event,
        name=name,
        email=email,
        places=places,
        status=status,
        consent_at=min(event.starts_at - timedelta(days=3), timezone.now()),
        sequence_seen=event.sequence,
        **fields,
    )


def _own(demo: _Demo, event: Event, taken: int) -> list[Registration]:
    """The demo resident comes to the Zuid-Limburg sessions (so "Mijn agenda" has a past and a future)."""
    resident = demo.resident
    if resident is None or _subregion_of(event) != "zuid" or event.kind != EventKind.INSPIRATION:
        return []
    if taken >= event.capacity or abs((event.starts_at - demo.now).days) > 70:
        return []
    return [_registration(event, resident.display_name, resident.email, 1, Status.CONFIRMED, user=resident)]


def _waiting_list(demo: _Demo, event: Event, rows: list[Registration]) -> list[Registration]:
    """Full: the last confirmed place is freed and offered to the first on the list; five wait."""
    freed = next(r for r in reversed(rows) if r.places == 1 and r.user_id is None)
    rows.remove(freed)
    taken = {r.email for r in rows}
    waiting = [p for p in demo.people[_subregion_of(event)] if p[1] not in taken][:6]
    offer_until = min(demo.now + timedelta(hours=event.offer_hours - 4), event.starts_at)
    first = _registration(event, *waiting[0], 1, Status.OFFERED, offer_expires_at=offer_until)
    return [first] + [_registration(event, name, email, 1, Status.WAITING) for name, email in waiting[1:]]


def _happened(demo: _Demo, registration: Registration) -> Registration:
    """A past event: most came (checked in at the door), some did not, a few cancelled beforehand."""
    event = registration.event
    if event.ends_at >= demo.now:
        return registration
    registration.reminded_at = event.starts_at - timedelta(days=1)
    registration.evaluation_sent_at = event.evaluation_sent_at
    roll = demo.rng.random()
    if registration.user_id is not None or roll < 0.78:
        registration.checked_in_at = event.starts_at - timedelta(minutes=demo.rng.randint(0, 25))
        registration.checked_in_places = registration.places
    elif roll < 0.85:
        registration.status = Status.CANCELLED
        registration.cancelled_at = event.starts_at - timedelta(days=1)
    return registration


def _walk_ins(demo: _Demo, event: Event) -> list[Registration]:
    rows = []
    for i in range(demo.rng.randint(0, 3)):
        name, email = demo.rng.choice(demo.people[_subregion_of(event)])
        email = email.replace("@", f"+binnen{event.starts_at:%m%d}{i}@")
        rows.append(
            _registration(
                event,
                name,
                email,
                1,
                Status.CONFIRMED,
                walk_in=True,
                checked_in_at=event.starts_at + timedelta(minutes=5),
                checked_in_places=1,
                reminded_at=event.starts_at,
                evaluation_sent_at=event.evaluation_sent_at,
            )
        )
    return rows


def _evaluation(demo: _Demo, registration: Registration) -> Evaluation:
    rng = demo.rng
    base = rng.choices([3, 4, 5], weights=[2, 5, 4])[0]
    scores = [max(1, min(5, base + rng.choice([-1, 0, 0, 0, 1]))) for _ in range(4)]
    return Evaluation(
        event=registration.event,
        registration=registration,
        score_1=scores[0],
        score_2=scores[1],
        score_3=scores[2],
        score_4=scores[3],
        next_step=rng.choice(content.NEXT_STEPS),
    )


def _ideas_and_reports(demo: _Demo, past: list[Event]) -> None:
    """Two initiatives and a request that came out of past sessions, and two published reports."""
    if demo.staff is None:
        return
    monthly = [e for e in past if e.kind == EventKind.INSPIRATION and e.municipality_id]
    chosen = [monthly[i] for i in (1, 4, 8) if i < len(monthly)]
    for event, (title, summary) in zip(chosen, content.IDEA_INITIATIVES, strict=False):
        initiative = initiative_services.initiative_create(
            region=demo.region,
            title=title,
            summary=summary,
            description=f"{summary} Het idee ontstond in de inspiratiesessie van {_day(event)} in "
            f"{event.municipality.name}.",
            municipality=event.municipality,
            who="Iedereen uit de buurt",
            themes=THEMES.keys_of(event.themes),
            dimensions=DIMENSIONS.keys_of(event.dimensions),
            created_by=demo.staff,
        )
        url = reverse("initiatives:detail", args=[initiative.slug])
        _idea(demo, event, IdeaOutcome.INITIATIVE, title, initiative.pk, url)
    if len(chosen) == 3:
        event = chosen[2]
        attendee = Registration.objects.filter(
            event=event, checked_in_at__isnull=False, walk_in=False
        ).first()
        request, _token = request_services.request_submit(
            region=demo.region,
            kind="idea",
            title=content.IDEA_REQUEST[0],
            description=content.IDEA_REQUEST[1],
            municipality=event.municipality,
            name=attendee.name,
            email=attendee.email,
            contact_consent=True,
            base_url="",
        )
        _idea(demo, event, IdeaOutcome.REQUEST, content.IDEA_REQUEST[0], request.pk, "")
    for event in chosen[:2]:
        Report.objects.create(
            event=event,
            text=f"Met zo'n {event.places_taken} mensen praatten we over '{event.theme}'. Er kwamen mooie "
            "ideeën uit, en een ervan is al een initiatief geworden. Dank aan de sprekers en iedereen "
            "die kwam!",
            published_at=event.ends_at + timedelta(days=4),
        )


def _day(event: Event) -> str:
    with translation.override("nl"):
        return date_format(timezone.localtime(event.starts_at), "j F Y")


def _idea(demo: _Demo, event: Event, outcome: str, title: str, target_id: int, url: str) -> None:
    idea = Idea.objects.create(
        event=event, outcome=outcome, title=title, target_id=target_id, target_url=url, created_by=demo.staff
    )
    Idea.objects.filter(pk=idea.pk).update(created_at=event.ends_at + timedelta(days=3))


def _summary(region: Region) -> str:
    now = timezone.now()
    events = Event.objects.filter(region=region)
    past = events.filter(ends_at__lt=now).count()
    registrations = Registration.objects.filter(event__region=region).count()
    return (
        f"  Agenda: {events.count()} sessions ({past} past, {events.count() - past} to come), "
        f"{registrations:,} registrations; ambassadeur@{DEMO_DOMAIN} organises the Noord-Limburg sessions"
    )
