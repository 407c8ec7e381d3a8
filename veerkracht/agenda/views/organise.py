"""Organisers' pages: "Mijn bijeenkomsten", create and change an event, a series, cancelling, and a
new private link for a closed event. Only for people with the organiser right (404 for anyone else)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.regions.selectors import get_region_or_404, municipalities_for_region

from ..forms.organise import CancelForm, EventForm, SeriesForm
from ..permissions.organise import get_event_for_organiser, get_series_for_organiser, require_organiser
from ..selectors import organise as selectors
from ..services import organise as services
from ..services.organise import series_rule_text


def _form(form_class, request: HttpRequest, region, **kwargs):
    return form_class(
        request.POST if request.method == "POST" else None,
        municipalities=municipalities_for_region(region),
        subregions=selectors.subregions_of(region),
        organisations=selectors.organisations_of(request.user),
        **kwargs,
    )


@login_required
def organise(request: HttpRequest) -> HttpResponse:
    require_organiser(request.user)
    upcoming, past = selectors.organised_events(request.user, get_region_or_404(request))
    return render(request, "agenda/organise/list.html", {"upcoming": upcoming, "past": past})


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    require_organiser(request.user)
    region = get_region_or_404(request)
    initial = {"organiser_name": selectors.default_organiser_name(request.user, region)}
    form = _form(EventForm, request, region, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(
                region=region,
                organiser=request.user,
                fields=form.event_fields(),
                questions=form.questions(),
                co_organisers=form.cleaned_data["co_organisers"],
                publish=request.POST.get("action") != "draft",
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De bijeenkomst is opgeslagen."))
            return redirect("agenda:event_edit", event.pk)
    return render(request, "agenda/organise/event_form.html", {"form": form})


def _edit_form(request: HttpRequest, event, region) -> EventForm:
    questions = selectors.questions_of(event)
    initial = EventForm.initial_from(event, questions, selectors.other_organisers(event, request.user))
    return _form(EventForm, request, region, initial=initial, event=event)


@login_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    region = get_region_or_404(request)
    event = get_event_for_organiser(request.user, pk, region)
    form = _edit_form(request, event, region)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(
                event=event,
                actor=request.user,
                fields=form.event_fields(),
                questions=form.questions(),
                co_organisers=form.cleaned_data["co_organisers"],
                publish=request.POST.get("action") == "publish",
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("agenda:event_edit", event.pk)
    invite = request.build_absolute_uri(selectors.invitation_url(event)) if event.is_closed else ""
    context = {"form": form, "event": event, "invite_url": invite}
    return render(request, "agenda/organise/event_form.html", context)


@login_required
@require_POST
def event_new_invite(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_organiser(request.user, pk, get_region_or_404(request))
    services.event_new_invite_link(event=event, actor=request.user)
    messages.success(request, _("Er is een nieuwe link gemaakt. De oude link werkt niet meer."))
    return redirect("agenda:event_edit", event.pk)


@login_required
def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_organiser(request.user, pk, get_region_or_404(request))
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_cancel(event=event, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("De bijeenkomst is afgelast. Iedereen die aangemeld was, krijgt een e-mail.")
            )
            return redirect("agenda:organise")
    return render(request, "agenda/organise/cancel.html", {"form": form, "event": event})


def _create_series(request: HttpRequest, region, form: SeriesForm):
    data = form.cleaned_data
    rule = series_rule_text(
        weekday=data["weekday"], frequency=data["frequency"], starts=data["start_time"], ends=data["end_time"]
    )
    return services.series_create(
        region=region,
        organiser=request.user,
        title=data["title"],
        rule=rule,
        dates=data["dates"],
        starts=data["start_time"],
        ends=data["end_time"],
        fields=form.event_fields(),
        questions=form.questions(),
        co_organisers=data["co_organisers"],
        publish=request.POST.get("action") != "draft",
    )


@login_required
def series_create(request: HttpRequest) -> HttpResponse:
    require_organiser(request.user)
    region = get_region_or_404(request)
    initial = {"organiser_name": selectors.default_organiser_name(request.user, region)}
    form = _form(SeriesForm, request, region, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            series = _create_series(request, region, form)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De reeks is gemaakt, met alle datums."))
            return redirect("agenda:series", series.pk)
    return render(request, "agenda/organise/series_form.html", {"form": form})


@login_required
def series_detail(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_for_organiser(request.user, pk, get_region_or_404(request))
    context = {"series": series, "events": selectors.series_events(series)}
    return render(request, "agenda/organise/series.html", context)
