"""Attendees, for the organisers of that event only: the list with search, the CSV for the door,
check-in (by name, or by the QR code from the confirmation mail), walk-ins, cancelling for someone."""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from veerkracht.regions.selectors import get_region_or_404

from ..forms.attendees import SearchForm, WalkInForm
from ..permissions.attendees import get_attendee_for_organiser, get_registration_for_check_in
from ..permissions.events import get_event_for_organiser
from ..selectors import attendees as selectors
from ..selectors.organise import questions_of
from ..services import attendees as services

PAGE_SIZE = 100
CSV_HEADER = (
    gettext_lazy("Naam"),
    gettext_lazy("E-mailadres"),
    gettext_lazy("Plaatsen"),
    gettext_lazy("Status"),
    gettext_lazy("Zonder aanmelding"),
    gettext_lazy("Binnen (plaatsen)"),
)


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _back(request: HttpRequest, pk: int) -> HttpResponse:
    """Back to the list with the same search (re-encoded, never echoed) and at the same person."""
    params = QueryDict(request.POST.get("query", ""))
    kept = {k: params[k] for k in ("q", "status", "pagina") if params.get(k)}
    url = reverse("agenda:attendees", args=[pk])
    return redirect(f"{url}?{urlencode(kept)}" if kept else url)


@login_required
def attendees(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_organiser(request.user, pk, get_region_or_404(request))
    form = SearchForm(request.GET or None)
    questions = questions_of(event)
    page = Paginator(selectors.attendees(event, **form.filters()), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    context = {
        "event": event,
        "form": form,
        "page": page,
        "rows": selectors.with_answers(list(page.object_list), questions),
        "counts": selectors.attendee_counts(event),
        "query": request.GET.urlencode(),
        "walk_in_form": WalkInForm(),
    }
    return _private(render(request, "agenda/attendees/list.html", context))


@login_required
def attendees_csv(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_organiser(request.user, pk, get_region_or_404(request))
    rows = list(selectors.csv_rows(event, questions_of(event), [str(h) for h in CSV_HEADER]))
    services.attendees_exported(event=event, actor=request.user, rows=len(rows) - 1)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="deelnemers-{event.pk}.csv"'
    response.write("\ufeff")  # so a spreadsheet opens it as UTF-8
    csv.writer(response, delimiter=";").writerows(rows)
    return _private(response)


def _act(request: HttpRequest, pk: int, reg_pk: int, act, done: str) -> HttpResponse:
    _event, registration = get_attendee_for_organiser(request.user, pk, reg_pk, get_region_or_404(request))
    try:
        act(registration=registration, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done % {"name": registration.name})
    return _back(request, pk)


@login_required
@require_POST
def check_in(request: HttpRequest, pk: int, reg: int) -> HttpResponse:
    return _act(request, pk, reg, services.registration_check_in, _("%(name)s is binnen."))


@login_required
@require_POST
def check_in_undo(request: HttpRequest, pk: int, reg: int) -> HttpResponse:
    return _act(
        request, pk, reg, services.registration_undo_check_in, _("%(name)s staat weer op niet binnen.")
    )


@login_required
@require_POST
def attendee_cancel(request: HttpRequest, pk: int, reg: int) -> HttpResponse:
    return _act(request, pk, reg, services.attendee_cancel, _("%(name)s is afgemeld."))


@login_required
def walk_in(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_organiser(request.user, pk, get_region_or_404(request))
    form = WalkInForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.walk_in_add(event=event, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("%(name)s is toegevoegd en binnen.") % {"name": added.name})
            return redirect("agenda:attendees", event.pk)
    return _private(render(request, "agenda/attendees/walk_in.html", {"form": form, "event": event}))


def check_in_token(request: HttpRequest, token: str) -> HttpResponse:
    """The QR code from the confirmation mail, scanned at the door with the organiser's phone."""
    registration = get_registration_for_check_in(token)  # a forged code: 404 for everyone
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    event = get_event_for_organiser(request.user, registration.event_id, get_region_or_404(request))
    if request.method == "POST":
        try:
            services.registration_check_in(registration=registration, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(name)s is binnen.") % {"name": registration.name})
        return redirect("agenda:check_in_token", token)
    context = {"event": event, "registration": registration}
    return _private(render(request, "agenda/attendees/check_in.html", context))
