"""The public agenda: the list with filters, the page of one event (also by invitation) and its .ics."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from veerkracht.community.selectors.stories import stories_for_event
from veerkracht.regions.selectors import get_region_or_404, municipalities_for_region

from ..calendar import event_ics as make_ics
from ..forms.events import FilterForm
from ..forms.registrations import RegistrationForm
from ..models import Event, RegistrationStatus
from ..permissions.events import get_event_for_user
from ..selectors.events import events_page, questions_of
from ..selectors.registrations import own_registration
from ..selectors.reports import after_event
from ..tokens import invite_token_matches, registration_token
from . import registrations

PER_PAGE = 12  # a phone shows a few cards at a time


def event_list(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    municipalities = list(municipalities_for_region(region))
    subregions = sorted({m.subregion for m in municipalities if m.subregion}, key=lambda s: s.name)
    form = FilterForm(request.GET or None, municipalities=municipalities, subregions=subregions)
    filters = form.filters()
    context = {
        "form": form,
        "page": events_page(region, filters, request.GET.get("page"), per_page=PER_PAGE),
        "filtered": any(filters.values()),
    }
    return render(request, "agenda/events/list.html", context)


def _event_page(request: HttpRequest, event: Event, *, action: str) -> HttpResponse:
    mine = own_registration(request.user, event)
    questions = questions_of(event) if mine is None and event.is_open_for_registration else []
    form = RegistrationForm(
        event=event, questions=questions, initial=RegistrationForm.initial_for(request.user)
    )
    context = {
        "event": event,
        "form": form,
        "action": action,
        "mine": mine,
        "manage_url": reverse("agenda:manage", args=[registration_token(mine)]) if mine else "",
        # The video link is for people whose place is confirmed, nobody else.
        "show_video": bool(mine and mine.status == RegistrationStatus.CONFIRMED and event.online),
        **after_event(event),
        "linked_stories": stories_for_event(event),
    }
    return render(request, "agenda/events/detail.html", context)


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, get_region_or_404(request))
    return _event_page(request, event, action=reverse("agenda:register", args=[event.pk]))


def invitation(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """A closed event through its private invitation link: the page, and registering from it."""
    event = get_event_for_user(request.user, pk, get_region_or_404(request), invite=token)
    if not invite_token_matches(event, token):
        raise Http404
    action = reverse("agenda:invitation", args=[event.pk, token])
    if request.method == "POST":
        return registrations.handle_registration(request, event, action=action)
    response = _event_page(request, event, action=action)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, get_region_or_404(request))
    response = HttpResponse(make_ics(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{event.pk}.ics"'
    return response
