"""How long the agenda keeps what: the personal data of attendees, 12 months after the event.

Then the registration is anonymised (services/retention.py): the name, the e-mail address, the answers
to the organiser's questions, the link to an account and what someone wrote in the evaluation go; the
row stays without them, so the counts of the event and the monitor (registered, present, no-shows,
the scores of the evaluation) stay right. Waiting lists of events that are over are closed at once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils.translation import gettext_lazy as _

from veerkracht.core.retention import Rule, register

from .models import Registration
from .services.retention import registrations_anonymise, waiting_lists_close

ATTENDEE_KEEP = timedelta(days=365)


def _attendees(now: datetime) -> int:
    waiting_lists_close(now=now)
    old = Registration.objects.filter(event__ends_at__lt=now - ATTENDEE_KEEP, erased_at__isnull=True)
    return registrations_anonymise(registrations=old, now=now)


register(
    Rule(
        key="agenda.attendees",
        what=_(
            "Je aanmelding voor een bijeenkomst: je naam, je e-mailadres, je antwoorden op de vragen bij het "
            "aanmelden en wat je schreef in de evaluatie. We tellen daarna alleen nog dat er iemand was, "
            "en de cijfers van de evaluatie, zonder naam"
        ),
        period=_("12 maanden na de bijeenkomst"),
        keep=ATTENDEE_KEEP,
        apply=_attendees,
        order=40,
    )
)
