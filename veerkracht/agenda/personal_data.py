"""What the agenda holds about a person, and what happens to it when their account goes.

Held: registrations (name, e-mail address, places, answers to the organiser's questions, check-in,
the account they were made with), the evaluations they filled in (scores and "what will you do now?"),
and for organisers the events they organise (their name or address may be in the event's texts), the
series they made and the ideas from an event they turned into a request or an initiative.

Registrations are theirs when made with their account or, without one, from one of the account's
e-mail addresses (matched case-insensitively). On deletion:

- a registration for an event still to come is deleted; its places go to the waiting list as after a
  cancellation. No cancellation mail goes to them: their address is being deleted with the account;
- a registration for an event that is over is anonymised as the retention rule does after 12 months
  (services/retention.py): the event's counts stay, their name, address, answers and evaluation words
  go; the evaluation's scores stay without a link to anyone;
- events they organise stay in the agenda (others registered for them): they are no longer an
  organiser, and their names and addresses are replaced by "[verwijderd]" in the event's texts, its
  report and captions; an organiser name that was only theirs becomes the organisation's name when
  the event has one. Series and ideas they made stay without their name.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.accounts.selectors import identity_of
from veerkracht.core.personal_data import (
    DELETED,
    KEPT,
    REMOVED,
    Identity,
    Line,
    PersonalData,
    register,
    scrub_rows,
)

from .models import Evaluation, Event, Idea, Registration, Report, ReportFile, Series
from .services.retention import registration_forget, registrations_anonymise


def _any_email(field: str, identity: Identity) -> Q:
    found = Q(pk__in=[])
    for email in identity.emails:
        found |= Q(**{f"{field}__iexact": email})
    return found


def _registrations_of(user, identity: Identity) -> QuerySet[Registration]:
    return Registration.objects.filter(Q(user=user) | _any_email("email", identity)).filter(
        erased_at__isnull=True
    )


def _events_of(user, identity: Identity) -> QuerySet[Event]:
    """Events they organise, or whose contact address is theirs."""
    return Event.objects.filter(Q(organisers=user) | _any_email("contact_email", identity)).distinct()


# --- Download my data -----------------------------------------------------------------------------


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _registration_export(r: Registration) -> dict:
    questions = {str(q.pk): q.text for q in r.event.questions.all()}
    evaluation = getattr(r, "evaluation", None)
    return {
        "event": r.event.title,
        "starts_at": _iso(r.event.starts_at),
        "place": "online" if r.event.online else ", ".join(filter(None, [r.event.venue, r.event.address])),
        "name": r.name,
        "email": r.email,
        "places": r.places,
        "status": r.status,
        "answers": {questions.get(key, key): answer for key, answer in r.answers.items()},
        "walk_in": r.walk_in,
        "checked_in_at": _iso(r.checked_in_at),
        "registered_at": _iso(r.created_at),
        "cancelled_at": _iso(r.cancelled_at),
        "with_account": r.user_id is not None,
        "evaluation": None
        if evaluation is None
        else {
            "scores": evaluation.scores,
            "next_step": evaluation.next_step,
            "given_at": _iso(evaluation.created_at),
        },
    }


def export(user) -> dict:
    identity = identity_of(user)
    registrations = (
        _registrations_of(user, identity)
        .select_related("event", "evaluation")
        .prefetch_related("event__questions")
        .order_by("event__starts_at", "pk")
    )
    events = _events_of(user, identity).order_by("starts_at", "pk")
    return {
        "event_registrations": [_registration_export(r) for r in registrations],
        "events_organised": [
            {
                "title": e.title,
                "starts_at": _iso(e.starts_at),
                "status": e.status,
                "organiser_name": e.organiser_name,
                "contact_email": e.contact_email,
                "you_organise": e.organisers.filter(pk=user.pk).exists(),
            }
            for e in events
        ],
        "event_series_made": [
            {"title": s.title, "rule": s.rule} for s in Series.objects.filter(created_by=user).order_by("pk")
        ],
        "event_ideas_recorded": [
            {"event": i.event.title, "title": i.title, "became": i.outcome}
            for i in Idea.objects.filter(created_by=user).select_related("event").order_by("pk")
        ],
    }


# --- Delete my account ----------------------------------------------------------------------------


def erase(user) -> None:
    """See the module's docstring for what goes and what stays without a name."""
    now = timezone.now()
    identity = identity_of(user)
    registrations = _registrations_of(user, identity)
    # The name they gave when registering may differ from their account's: out of kept texts too.
    identity = identity.with_names(set(registrations.values_list("name", flat=True)))
    for registration in registrations.filter(event__ends_at__gt=now).select_related("event"):
        registration_forget(registration=registration)
    registrations_anonymise(registrations=registrations.filter(event__ends_at__lte=now), now=now)
    _erase_organiser(user, identity)


def _erase_organiser(user, identity: Identity) -> None:
    events = list(_events_of(user, identity).select_related("organisation"))
    for event in events:
        event.organisers.remove(user)
        scrub_rows(Event.objects.filter(pk=event.pk), identity)
        if event.organisation_id and REMOVED in Event.objects.get(pk=event.pk).organiser_name:
            Event.objects.filter(pk=event.pk).update(organiser_name=event.organisation.name[:150])
    event_pks = [event.pk for event in events]
    scrub_rows(Report.objects.filter(event__in=event_pks), identity)
    scrub_rows(ReportFile.objects.filter(report__event__in=event_pks), identity)
    made = Series.objects.filter(created_by=user)
    scrub_rows(made, identity)
    made.update(created_by=None)
    ideas = Idea.objects.filter(created_by=user)
    scrub_rows(ideas, identity, skip=("target_url",))
    ideas.update(created_by=None)


# --- What the deletion page says ------------------------------------------------------------------


def _registration_lines(coming: int, past: int) -> list[Line]:
    lines = []
    if coming:
        text = ngettext(
            "Je aanmelding voor een bijeenkomst die nog komt. Je plaats gaat naar de wachtlijst.",
            "Je %(count)s aanmeldingen voor bijeenkomsten die nog komen. "
            "Je plaatsen gaan naar de wachtlijst.",
            coming,
        )
        lines.append(Line(DELETED, text % {"count": coming}))
    if past:
        text = ngettext(
            "Dat je je aanmeldde voor een bijeenkomst die voorbij is, blijft meetellen, zonder je naam, "
            "e-mailadres en antwoorden.",
            "Dat je je aanmeldde voor %(count)s bijeenkomsten die voorbij zijn, blijft meetellen, zonder je "
            "naam, e-mailadres en antwoorden.",
            past,
        )
        lines.append(Line(KEPT, text % {"count": past}))
    return lines


def summary(user) -> list[Line]:
    identity = identity_of(user)
    now = timezone.now()
    registrations = _registrations_of(user, identity)
    lines = _registration_lines(
        registrations.filter(event__ends_at__gt=now).count(),
        registrations.filter(event__ends_at__lte=now).count(),
    )
    if Evaluation.objects.filter(registration__in=registrations.filter(event__ends_at__lte=now)).exists():
        text = _("Je cijfers in de evaluatie van een bijeenkomst blijven, zonder je naam en wat je schreef.")
        lines.append(Line(KEPT, text))
    organised = Event.objects.filter(organisers=user).count()
    if organised:
        text = ngettext(
            "De bijeenkomst die je organiseerde blijft in de agenda. Je naam staat er niet meer bij.",
            "De %(count)s bijeenkomsten die je organiseerde blijven in de agenda. "
            "Je naam staat er niet meer bij.",
            organised,
        )
        lines.append(Line(KEPT, text % {"count": organised}))
    return lines


register(
    PersonalData(
        app="agenda",
        models=(
            "agenda.Registration",
            "agenda.Evaluation",
            "agenda.Event",
            "agenda.Series",
            "agenda.Idea",
            "agenda.Report",
            "agenda.ReportFile",
        ),
        export=export,
        erase=erase,
        summary=summary,
    )
)
