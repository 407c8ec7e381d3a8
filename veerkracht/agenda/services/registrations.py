"""Writes for registrations: register, change, cancel, and the waiting list with its offers.

Never overbooked. Every write that changes the places of an event first locks the event's row
(``select_for_update``; on SQLite every write transaction is IMMEDIATE and so already one at a time),
takes places only with a conditional UPDATE (``places_taken + n <= capacity``), and the database
refuses a row that breaks ``places_taken <= capacity`` (constraint ``event_never_overbooked``). Places
held by an open waiting-list offer count as taken, so a newcomer cannot take a place that was offered.

When places come free (a cancellation, fewer places, an expired offer, more capacity) they are offered
at once, in the same transaction, to the first people on the waiting list whose number of places fits;
each has ``event.offer_hours`` to accept before the place goes to the next (``offers_expire``, a
scheduled job). Mails go through the queue after the commit (``notifications.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action

from ..models import ACTIVE, Event, EventStatus, Registration, RegistrationStatus
from ..models.registrations import new_nonce
from . import notifications

Status = RegistrationStatus


class AlreadyRegistered(ValidationError):
    """This address already has an active registration for the event; `registration` is that one."""

    def __init__(self, registration: Registration) -> None:
        super().__init__(
            _(
                "Dit e-mailadres is al aangemeld voor deze bijeenkomst. We hebben de link om je "
                "aanmelding te bekijken of te wijzigen opnieuw gestuurd."
            )
        )
        self.registration = registration


@dataclass(frozen=True)
class Applicant:
    name: str
    email: str
    places: int = 1
    answers: dict | None = None
    user: object = None


def _lock(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _take(event: Event, places: int) -> bool:
    """Take `places` if they are free; False (and nothing taken) if not."""
    return bool(
        Event.objects.filter(pk=event.pk, places_taken__lte=F("capacity") - places).update(
            places_taken=F("places_taken") + places
        )
    )


def _release(event: Event, places: int) -> None:
    Event.objects.filter(pk=event.pk).update(places_taken=F("places_taken") - places)


def _check_answers(event: Event, answers: dict | None) -> dict:
    answers = {str(k): str(v).strip()[:1000] for k, v in (answers or {}).items() if str(v).strip()}
    questions = list(event.questions.all())
    known = {str(q.pk) for q in questions}
    if set(answers) - known:
        raise ValidationError(_("Er zat een antwoord bij op een vraag die niet bij deze bijeenkomst hoort."))
    missing = [q.text for q in questions if q.required and str(q.pk) not in answers]
    if missing:
        raise ValidationError(_("Geef ook antwoord op: %(questions)s") % {"questions": "; ".join(missing)})
    return answers


def check_open(event: Event, *, now: datetime | None = None) -> None:
    """Raise a plain-language error when nobody can register for this event (any more)."""
    now = now or timezone.now()
    if event.status == EventStatus.CANCELLED:
        raise ValidationError(_("Deze bijeenkomst gaat niet door. Aanmelden kan daarom niet meer."))
    if event.status != EventStatus.PUBLISHED:
        raise ValidationError(_("Voor deze bijeenkomst kun je je nog niet aanmelden."))
    if event.starts_at <= now:
        raise ValidationError(_("Deze bijeenkomst is al begonnen of voorbij. Aanmelden kan niet meer."))


def _validate(event: Event, who: Applicant, *, consent: bool) -> tuple[str, str, dict]:
    name = " ".join((who.name or "").split())
    email = (who.email or "").strip()
    if not name:
        raise ValidationError(_("Vul je naam in."))
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(_("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")) from None
    if not 1 <= who.places <= event.max_places:
        raise ValidationError(
            _("Je kunt 1 tot en met %(max)s plaatsen aanvragen.") % {"max": event.max_places}
        )
    if not consent:
        raise ValidationError(_("Geef toestemming om je gegevens voor deze bijeenkomst te gebruiken."))
    return name[:100], email, _check_answers(event, who.answers)


def registration_create(*, event: Event, applicant: Applicant, consent: bool) -> Registration:
    """Register someone: confirmed if the places are free, else on the waiting list.

    Raises ValidationError for bad input or a closed event, and AlreadyRegistered (a ValidationError)
    when the address is already registered: the link to that registration is mailed again.
    """
    check_open(event)
    name, email, answers = _validate(event, applicant, consent=consent)
    try:
        return _create(event, applicant, name=name, email=email, answers=answers)
    except AlreadyRegistered as exc:
        notifications.link_again(exc.registration)  # after the rollback, so the mail is not undone
        raise
    except IntegrityError:
        # Another request registered the same address at the same moment: all of ours rolled back.
        existing = Registration.objects.filter(event=event, email__iexact=email, status__in=ACTIVE).first()
        if existing is None:
            raise
        notifications.link_again(existing)
        raise AlreadyRegistered(existing) from None


@transaction.atomic
def _create(event: Event, who: Applicant, *, name: str, email: str, answers: dict) -> Registration:
    event = _lock(event)
    check_open(event)  # again, under the lock: it may have been cancelled meanwhile
    existing = Registration.objects.filter(event=event, email__iexact=email, status__in=ACTIVE).first()
    if existing is not None:
        raise AlreadyRegistered(existing)
    user = who.user if who.user is not None and who.user.is_authenticated else None
    confirmed = _take(event, who.places)
    registration = Registration(
        event=event,
        user=user,
        name=name,
        email=email,
        places=who.places,
        answers=answers,
        status=Status.CONFIRMED if confirmed else Status.WAITING,
        consent_at=timezone.now(),
        sequence_seen=event.sequence,
    )
    registration.full_clean(exclude=["event", "user"])
    registration.save()
    if confirmed:
        notifications.confirmed(registration)
    else:
        notifications.waiting(registration)
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration, by_organiser=None) -> Registration:
    """Cancel (also a waiting-list place or an offer); freed places go to the waiting list at once."""
    event = _lock(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not registration.is_active:
        raise ValidationError(_("Deze aanmelding was al afgemeld."))
    held = registration.holds_places
    registration.status = Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "cancelled_at", "offer_expires_at", "updated_at"])
    if held and not registration.walk_in:  # a walk-in never took places (services/attendees.py)
        _release(event, registration.places)
    if by_organiser is not None:
        log_action("agenda.registration.cancelled", actor=by_organiser, subject=registration)
    if not event.has_started:
        offer_free_places(event)
    notifications.cancelled(registration)
    return registration


@transaction.atomic
def registration_change_places(*, registration: Registration, places: int) -> Registration:
    """Ask for more or fewer places. More only if they are free (a waiting one just changes)."""
    event = _lock(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    check_open(event)
    if not registration.is_active:
        raise ValidationError(_("Deze aanmelding is afgemeld. Meld je opnieuw aan als je toch wilt komen."))
    if registration.walk_in:
        raise ValidationError(_("Je kwam zonder aanmelding binnen. Vraag de organisator om een wijziging."))
    if not 1 <= places <= event.max_places:
        raise ValidationError(
            _("Je kunt 1 tot en met %(max)s plaatsen aanvragen.") % {"max": event.max_places}
        )
    difference = places - registration.places
    if difference == 0:
        return registration
    if registration.holds_places:
        if difference > 0 and not _take(event, difference):
            raise ValidationError(
                _("Er zijn niet genoeg plaatsen meer vrij. Je houdt je %(n)s plaats(en).")
                % {"n": registration.places}
            )
        if difference < 0:
            _release(event, -difference)
    registration.places = places
    registration.save(update_fields=["places", "updated_at"])
    if difference < 0:
        offer_free_places(event)
    return registration


def offer_free_places(event: Event, *, now: datetime | None = None) -> list[Registration]:
    """Offer the free places to the waiting list, first come first served (call inside the lock)."""
    now = now or timezone.now()
    offered = []
    event.refresh_from_db(fields=["places_taken", "capacity", "status", "starts_at"])
    if event.status != EventStatus.PUBLISHED or event.starts_at <= now:
        return offered
    waiting = Registration.objects.filter(event=event, status=Status.WAITING).order_by("created_at", "id")
    for registration in waiting:
        if event.places_left <= 0:
            break
        if registration.places > event.places_left or not _take(event, registration.places):
            continue
        event.places_taken += registration.places
        registration.status = Status.OFFERED
        # Never past the start: an offer that runs out later than that is of no use.
        registration.offer_expires_at = min(now + timedelta(hours=event.offer_hours), event.starts_at)
        registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
        notifications.offered(registration)
        offered.append(registration)
    return offered


@transaction.atomic
def offer_accept(*, registration: Registration, now: datetime | None = None) -> Registration:
    now = now or timezone.now()
    _lock(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Status.CONFIRMED:
        raise ValidationError(_("Je had deze plaats al aangenomen. Je bent aangemeld."))
    if registration.status != Status.OFFERED:
        raise ValidationError(_("Er staat geen plaats voor je klaar. Misschien ben je nog op de wachtlijst."))
    if registration.offer_expires_at and registration.offer_expires_at <= now:
        _expire(registration)
        offer_free_places(registration.event, now=now)
        raise ValidationError(
            _(
                "De tijd om deze plaats aan te nemen is voorbij. De plaats is naar de volgende op de "
                "wachtlijst gegaan."
            )
        )
    registration.status = Status.CONFIRMED
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
    notifications.confirmed(registration)
    return registration


def _expire(registration: Registration) -> None:
    registration.status = Status.EXPIRED
    registration.save(update_fields=["status", "updated_at"])
    _release(registration.event, registration.places)
    notifications.offer_expired(registration)


def offers_expire(*, now: datetime | None = None) -> int:
    """Scheduled: end offers whose time ran out and offer their places to the next. Returns how many."""
    now = now or timezone.now()
    done = 0
    due = Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
    for pk, event_pk in due.values_list("pk", "event_id")[:1000]:
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=event_pk)
            registration = Registration.objects.select_for_update().select_related("event").get(pk=pk)
            if registration.status != Status.OFFERED:
                continue  # accepted or cancelled meanwhile
            _expire(registration)
            offer_free_places(event, now=now)
            done += 1
    return done


def registration_new_links(*, registration: Registration) -> Registration:
    """End every private link of this registration (a new nonce) and mail the new one."""
    registration.nonce = new_nonce()
    registration.save(update_fields=["nonce", "updated_at"])
    notifications.link_again(registration)
    return registration
