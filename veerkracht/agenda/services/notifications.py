"""The mails of a registration, queued after the commit (core.mail): confirmation with the calendar
entry and the QR code for the door, waiting list, an offered place, an ended offer, a cancellation,
and the link once more.

Each mail has a key, so a service that runs twice (a retried job) queues it once. Links are rebuilt
from the registration (tokens.py); nothing secret is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from veerkracht.core.mail import mail_enqueue

from ..calendar import event_ics
from ..qr import qr_png_base64
from ..tokens import CHECK_IN, registration_token

QR_CONTENT_ID = "qr-code@veerkracht"


def manage_url(registration) -> str:
    return settings.SITE_URL + reverse("agenda:manage", args=[registration_token(registration)])


def check_in_url(registration) -> str:
    """What the QR code at the door holds: the organiser's check-in page for this registration."""
    return f"{settings.SITE_URL}/agenda/inchecken/{registration_token(registration, CHECK_IN)}/"


def qr_attachment(registration) -> dict:
    return {
        "filename": "qr-code.png",
        "content": qr_png_base64(check_in_url(registration)),
        "mimetype": "image/png",
        "base64": True,
        "content_id": QR_CONTENT_ID,
    }


def ics_attachment(event) -> dict:
    return {
        "filename": "bijeenkomst.ics",
        "content": event_ics(event, for_attendee=True).decode(),
        "mimetype": "text/calendar; charset=utf-8",
    }


def _send(
    registration,
    template: str,
    key: str,
    *,
    with_calendar: bool = False,
    attachments: list | None = None,
    html: bool = False,
    **extra,
) -> None:
    """Render `agenda/email/<template>` (subject, text, and html when `html`) and queue the mail."""
    event = registration.event
    attachments = [*([ics_attachment(event)] if with_calendar else []), *(attachments or [])]
    context = {
        "registration": registration,
        "event": event,
        "manage_url": manage_url(registration),
        "event_url": settings.SITE_URL + event.get_absolute_url(),
        "qr_content_id": QR_CONTENT_ID,
        **extra,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"agenda/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"agenda/email/{template}.txt", context)
        html_body = render_to_string(f"agenda/email/{template}.html", context) if html else ""
    mail_enqueue(
        subject=subject,
        body=body,
        html_body=html_body,
        to=[registration.email],
        key=f"agenda.{key}:{registration.pk}",
        attachments=attachments or None,
    )


def confirmed(registration) -> None:
    # The calendar entry, and the QR code for the door inside the html part (the text part says where
    # to find it: on the private page).
    _send(
        registration,
        "confirmed",
        f"confirmed:{registration.event.sequence}",
        with_calendar=True,
        attachments=[] if registration.event.online else [qr_attachment(registration)],
        html=True,
    )


def waiting(registration) -> None:
    _send(registration, "waiting", "waiting")


def offered(registration) -> None:
    # An offer can come more than once (after an expired one, a new waiting turn): key on its deadline.
    _send(registration, "offered", f"offered:{registration.offer_expires_at:%Y%m%d%H%M%S}")


def offer_expired(registration) -> None:
    _send(registration, "offer_expired", "offer_expired")


def cancelled(registration) -> None:
    _send(registration, "cancelled", "cancelled")


def link_again(registration) -> None:
    # Asked for again on purpose: no key, every request sends (the rate limit is in the view).
    _send(registration, "link", f"link:{registration.updated_at:%Y%m%d%H%M%S%f}")


def event_changed(registration) -> None:
    # One mail per version of the event: a retried job sends nothing twice, a later change sends again.
    _send(registration, "event_changed", f"changed:{registration.event.sequence}", with_calendar=True)


def event_cancelled(registration) -> None:
    _send(
        registration,
        "event_cancelled",
        f"event_cancelled:{registration.event.sequence}",
        with_calendar=True,
        agenda_url=settings.SITE_URL + reverse("agenda:list"),
    )
