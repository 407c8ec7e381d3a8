"""Writes at the door: check-in (and undo), walk-ins, and cancelling for someone.

Walk-ins and places: a walk-in is a registration with ``walk_in=True``, status CONFIRMED and checked in
at once, that never counts in ``Event.places_taken``. Those places are the ones people can book on the
website before the event; who comes in at the door is the organiser's call, so a full room can still
take a walk-in and the constraint ``places_taken <= capacity`` stays true. Cancelling a walk-in
therefore releases nothing (registrations.registration_cancel skips it too).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action

from ..models import ACTIVE, Event, Registration, RegistrationStatus
from ..signals import attendee_checked_in
from .registrations import registration_cancel

MAX_WALK_IN_PLACES = 20


def _door_open(event: Event) -> None:
    """Check-in and walk-ins: from the day of the event on, and not for a cancelled one."""
    if event.is_cancelled:
        raise ValidationError(_("Deze bijeenkomst gaat niet door."))
    if timezone.localdate() < timezone.localdate(event.starts_at):
        raise ValidationError(_("Inchecken kan vanaf de dag van de bijeenkomst."))


def _locked(registration: Registration) -> Registration:
    return Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)


@transaction.atomic
def registration_check_in(*, registration: Registration, actor) -> Registration:
    """Mark someone (with all their places) as inside. Raises when they are not confirmed or already in."""
    registration = _locked(registration)
    _door_open(registration.event)
    if registration.checked_in:
        raise ValidationError(
            _("%(name)s is al binnen (sinds %(time)s).")
            % {"name": registration.name, "time": f"{timezone.localtime(registration.checked_in_at):%H:%M}"}
        )
    if registration.status != RegistrationStatus.CONFIRMED:
        raise ValidationError(
            _(
                "%(name)s heeft geen plaats (%(status)s). Laat je hem of haar toch binnen? Voeg dan een "
                "binnenloper toe."
            )
            % {"name": registration.name, "status": registration.get_status_display()}
        )
    registration.checked_in_at = timezone.now()
    registration.checked_in_places = registration.places
    registration.save(update_fields=["checked_in_at", "checked_in_places", "updated_at"])
    attendee_checked_in.send(sender=Registration, registration=registration)
    return registration


@transaction.atomic
def registration_undo_check_in(*, registration: Registration, actor) -> Registration:
    """Undo a check-in pressed by mistake (a walk-in is cancelled instead)."""
    registration = _locked(registration)
    if registration.walk_in:
        raise ValidationError(_("Iemand die zonder aanmelding binnenkwam, haal je weg met Afmelden."))
    registration.checked_in_at = None
    registration.checked_in_places = 0
    registration.save(update_fields=["checked_in_at", "checked_in_places", "updated_at"])
    return registration


def _walk_in_email(event: Event, email: str) -> str:
    email = (email or "").strip()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Vul een geldig e-mailadres in, of laat het leeg.")}) from None
    existing = Registration.objects.filter(event=event, email__iexact=email, status__in=ACTIVE).first()
    if existing is not None:
        raise ValidationError(
            {
                "email": _(
                    "Dit e-mailadres is al aangemeld, door %(name)s. Zoek de naam in de lijst en druk "
                    "daar op Binnen."
                )
                % {"name": existing.name}
            }
        )
    return email


@transaction.atomic
def walk_in_add(*, event: Event, actor, name: str, email: str = "", places: int = 1) -> Registration:
    """Someone who came without registering: confirmed and inside at once; takes no bookable place."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    _door_open(event)
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Vul een naam in.")})
    if not 1 <= places <= MAX_WALK_IN_PLACES:
        raise ValidationError(
            {"places": _("Kies 1 tot en met %(max)s personen.") % {"max": MAX_WALK_IN_PLACES}}
        )
    now = timezone.now()
    registration = Registration(
        event=event,
        name=name[:100],
        email=_walk_in_email(event, email),
        places=places,
        status=RegistrationStatus.CONFIRMED,
        walk_in=True,
        consent_at=now,
        checked_in_at=now,
        checked_in_places=places,
        sequence_seen=event.sequence,
    )
    registration.full_clean(exclude=["event", "user", *([] if registration.email else ["email"])])
    registration.save()
    log_action("agenda.walk_in.added", actor=actor, subject=registration)
    attendee_checked_in.send(sender=Registration, registration=registration)
    return registration


def attendee_cancel(*, registration: Registration, actor) -> Registration:
    """The organiser cancels for someone; their places go to the waiting list (registrations.py)."""
    return registration_cancel(registration=registration, by_organiser=actor)


@transaction.atomic
def attendees_exported(*, event: Event, actor, rows: int) -> None:
    """The attendee list left the site as a file: write it in the audit log."""
    log_action("agenda.attendees.exported", actor=actor, subject=event, data={"rows": rows})
