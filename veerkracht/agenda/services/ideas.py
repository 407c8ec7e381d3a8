"""Ideas that came up in an event become an action-centre request (an intake) or an initiative, one
action each, through the action centre's own services; the agenda keeps an Idea row that points to it.
All in one transaction: if the action centre refuses, nothing is saved here either."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from veerkracht.actioncentre.services import initiatives as initiative_services
from veerkracht.actioncentre.services import requests as request_services
from veerkracht.core.audit import log_action

from ..models import Event, Idea, IdeaOutcome

IDEA_KIND = "idea"  # the action centre's request kind for an idea


def origin_label(event: Event) -> str:
    """ "Ontstaan in de sessie van 12 maart 2026 in Venlo", in the site's language (it is stored)."""
    with translation.override(settings.LANGUAGE_CODE):
        date = formats.date_format(timezone.localtime(event.starts_at), "j F Y")
        if event.online or not event.municipality_id:
            return _("Ontstaan in de online sessie van %(date)s") % {"date": date}
        return _("Ontstaan in de sessie van %(date)s in %(place)s") % {
            "date": date,
            "place": event.municipality.name,
        }


def _check(event: Event, outcome: str, title: str, description: str) -> None:
    if not event.has_started:
        raise ValidationError(
            _("Ideeën uit een bijeenkomst kun je vastleggen als de bijeenkomst is begonnen.")
        )
    if outcome not in IdeaOutcome.values:
        raise ValidationError(_("Kies wat er met het idee moet gebeuren."))
    if len(title.strip()) < 3:
        raise ValidationError(_("Geef het idee een korte naam."))
    if not description.strip():
        raise ValidationError(_("Vertel in een paar zinnen wat het idee is."))


def _initiative(event: Event, actor, *, title, summary, description, municipality, who) -> tuple[int, str]:
    if not summary.strip():
        raise ValidationError(_("Vertel in één zin wat het initiatief is."))
    if not who.strip():
        raise ValidationError(_("Vertel wie ermee aan de slag gaan."))
    initiative = initiative_services.initiative_create(
        region=event.region,
        owner=actor,
        title=title,
        summary=summary,
        description=description,
        municipality=municipality,
        who=who,
        themes=[],
        dimensions=[],
        created_by=actor,
        origin_label=origin_label(event),
        origin_url=event.get_absolute_url(),
    )
    return initiative.pk, reverse("initiatives:detail", args=[initiative.slug])


def _request(event: Event, actor, *, title, description, municipality) -> tuple[int, str]:
    text = f"{description.strip()}\n\n{origin_label(event)}: {settings.SITE_URL}{event.get_absolute_url()}"
    request, _token = request_services.request_submit(
        region=event.region,
        kind=IDEA_KIND,
        title=title,
        description=text,
        municipality=municipality,
        name=actor.display_name,
        email=actor.email,
        contact_consent=True,
        sender=actor,
        base_url=settings.SITE_URL,
    )
    return request.pk, reverse("actioncentre:request", args=[request.pk])


@transaction.atomic
def idea_create(
    *,
    event: Event,
    outcome: str,
    title: str,
    description: str,
    municipality,
    actor,
    summary: str = "",
    who: str = "",
) -> Idea:
    """Turn an idea of this event into an initiative or a request; returns the Idea that links them."""
    _check(event, outcome, title, description)
    if municipality is None:
        raise ValidationError(_("Kies de gemeente waar het idee over gaat."))
    if outcome == IdeaOutcome.INITIATIVE:
        target_id, url = _initiative(
            event,
            actor,
            title=title,
            summary=summary,
            description=description,
            municipality=municipality,
            who=who,
        )
    else:
        target_id, url = _request(
            event, actor, title=title, description=description, municipality=municipality
        )
    idea = Idea(event=event, outcome=outcome, title=title.strip()[:120], target_id=target_id, target_url=url)
    idea.created_by = actor
    idea.full_clean(exclude=["event", "created_by"])
    idea.save()
    log_action(
        "agenda.idea.created", actor=actor, subject=event, data={"outcome": outcome, "target": target_id}
    )
    return idea
