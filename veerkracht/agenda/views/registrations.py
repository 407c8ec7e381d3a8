"""Registering, the thanks page, the private page to change or cancel, and "Mijn agenda"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.core.ratelimit import client_ip, too_many
from veerkracht.core.submissions import once
from veerkracht.regions.selectors import get_region_or_404

from ..calendar import event_ics
from ..forms.registrations import HONEYPOT_FIELD, PlacesForm, RegistrationForm
from ..models import Event, RegistrationStatus
from ..permissions.events import get_event_for_user
from ..permissions.registrations import get_registration_for_token
from ..qr import qr_svg
from ..selectors.events import questions_of
from ..selectors.registrations import registration_in_session, registrations_of_user
from ..services import registrations as services
from ..services.notifications import check_in_url
from ..tokens import invite_token, registration_token

# Registrations need no account: limit how many one connection makes (a bot filling the waiting list).
REGISTER_PER_IP = (20, 60 * 60)
# The registration this browser just made, for the thanks page.
SESSION_REGISTERED = "agenda_registered"
Status = RegistrationStatus


def _private(response: HttpResponse) -> HttpResponse:
    """A page about one person's registration: no indexing, no caching. The site's referrer policy
    (same-origin) keeps the private link in the address out of other sites' logs."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


def _manage_path(registration) -> str:
    return reverse("agenda:manage", args=[registration_token(registration)])


def _event_link(event: Event) -> str:
    """Where to register again: the event page, or for a closed event its invitation link."""
    if event.is_closed:
        return reverse("agenda:invitation", args=[event.pk, invite_token(event)])
    return event.get_absolute_url()


def _render_form(request: HttpRequest, event: Event, form, action: str, status: int = 200) -> HttpResponse:
    context = {"event": event, "form": form, "action": action}
    return render(request, "agenda/registrations/register.html", context, status=status)


def _limited(request: HttpRequest) -> bool:
    limit, seconds = REGISTER_PER_IP
    return too_many("agenda.register.ip", client_ip(request), limit=limit, seconds=seconds)


def handle_registration(request: HttpRequest, event: Event, *, action: str) -> HttpResponse:
    """The registration form sent from the event page, its own page or an invitation."""
    if request.POST.get(HONEYPOT_FIELD):
        return redirect("agenda:list")  # a bot filled the hidden field: keep nothing
    initial = RegistrationForm.initial_for(request.user)
    form = RegistrationForm(request.POST, event=event, questions=questions_of(event), initial=initial)
    if not form.is_valid():
        return _render_form(request, event, form, action)
    if _limited(request):
        form.add_error(
            None,
            _(
                "Vanaf deze verbinding zijn het afgelopen uur al veel aanmeldingen gedaan. "
                "Probeer het later opnieuw."
            ),
        )
        return _render_form(request, event, form, action, status=429)
    try:
        registered = once(request, "agenda.register", lambda: _register(request, event, form))
    except ValidationError as exc:
        form.add_error(None, exc)
        return _render_form(request, event, form, action)
    request.session[SESSION_REGISTERED] = int(registered)
    return redirect("agenda:thanks", event.pk)


def _register(request: HttpRequest, event: Event, form: RegistrationForm) -> str:
    """The registration's id (sent again: the first one's, core/submissions.py)."""
    registration = services.registration_create(
        event=event, applicant=form.applicant(request.user), consent=form.cleaned_data["consent"]
    )
    return str(registration.pk)


def register(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, get_region_or_404(request))
    action = reverse("agenda:register", args=[event.pk])
    if request.method == "POST":
        return handle_registration(request, event, action=action)
    initial = RegistrationForm.initial_for(request.user)
    form = RegistrationForm(event=event, questions=questions_of(event), initial=initial)
    return _render_form(request, event, form, action)


def thanks(request: HttpRequest, pk: int) -> HttpResponse:
    registration = registration_in_session(request.session.get(SESSION_REGISTERED), event_pk=pk)
    if registration is None:
        return redirect("agenda:list")
    context = {
        "registration": registration,
        "event": registration.event,
        "manage_url": _manage_path(registration),
    }
    return _private(render(request, "agenda/registrations/thanks.html", context))


def manage(request: HttpRequest, token: str) -> HttpResponse:
    registration = get_registration_for_token(token)
    event = registration.event
    confirmed = registration.status == Status.CONFIRMED
    context = {
        "registration": registration,
        "event": event,
        "token": token,
        "places_form": PlacesForm(event=event, initial={"places": registration.places}),
        "qr_svg": qr_svg(check_in_url(registration), label=_("QR-code voor bij de deur"))
        if confirmed and not event.online
        else "",
        "show_video": confirmed and event.online and bool(event.video_url),
        "event_link": _event_link(event),
    }
    return _private(render(request, "agenda/registrations/manage.html", context))


def _act(request: HttpRequest, token: str, action, done: str) -> HttpResponse:
    """Run a change on the registration; its message (done or why not) on the private page."""
    try:
        action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect("agenda:manage", token)


@require_POST
def manage_places(request: HttpRequest, token: str) -> HttpResponse:
    registration = get_registration_for_token(token)
    form = PlacesForm(request.POST, event=registration.event)
    if not form.is_valid():
        messages.error(request, _("Kies hoeveel plaatsen je nodig hebt."))
        return redirect("agenda:manage", token)
    places = form.cleaned_data["places"]
    return _act(
        request,
        token,
        lambda: services.registration_change_places(registration=registration, places=places),
        _("Gelukt. Het aantal plaatsen is aangepast."),
    )


def manage_cancel(request: HttpRequest, token: str) -> HttpResponse:
    registration = get_registration_for_token(token)
    if request.method == "POST":
        return _act(
            request,
            token,
            lambda: services.registration_cancel(registration=registration),
            _("Je bent afgemeld. Je krijgt hierover nog een e-mail."),
        )
    context = {"registration": registration, "event": registration.event, "token": token}
    return _private(render(request, "agenda/registrations/cancel.html", context))


@require_POST
def manage_accept(request: HttpRequest, token: str) -> HttpResponse:
    registration = get_registration_for_token(token)
    return _act(
        request,
        token,
        lambda: services.offer_accept(registration=registration),
        _("Gelukt! Je hebt de plaats aangenomen. Je bent aangemeld."),
    )


def manage_ics(request: HttpRequest, token: str) -> HttpResponse:
    registration = get_registration_for_token(token)
    # The attendee's version (with the video link) only once the place is confirmed.
    content = event_ics(registration.event, for_attendee=registration.status == Status.CONFIRMED)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{registration.event_id}.ics"'
    return _private(response)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    groups = registrations_of_user(request.user)
    context = {
        name: [(registration, _manage_path(registration)) for registration in rows]
        for name, rows in groups.items()
    }
    return render(request, "agenda/registrations/mine.html", context)
