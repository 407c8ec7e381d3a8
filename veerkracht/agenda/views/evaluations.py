"""The evaluation after an event: the form behind the mail's link, and the results for organisers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from veerkracht.regions.selectors import get_region_or_404

from ..forms.evaluations import EvaluationForm
from ..permissions.evaluations import get_series_for_organiser
from ..permissions.events import get_event_for_organiser
from ..permissions.registrations import get_registration_for_token
from ..selectors.evaluations import MIN_ANSWERS, event_summary, has_answered, series_events, series_summary
from ..services import evaluations as services
from ..tokens import EVALUATE


def evaluate(request: HttpRequest, token: str) -> HttpResponse:
    registration = get_registration_for_token(token, EVALUATE)
    if not registration.checked_in:
        raise Http404  # the link is only mailed to people who were there
    answered = has_answered(registration)
    is_open = services.evaluation_is_open(registration.event)
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and not answered and is_open and form.is_valid():
        try:
            services.evaluation_submit(
                registration=registration, scores=form.scores(), next_step=form.cleaned_data["next_step"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Bedankt voor je antwoorden!"))
            return redirect("agenda:evaluate", token=token)
    elif request.method == "POST" and answered:
        messages.info(request, _("Je hebt deze vragen al beantwoord. Bedankt! Er is niets veranderd."))
        return redirect("agenda:evaluate", token=token)
    context = {"event": registration.event, "form": form, "answered": answered, "is_open": is_open}
    return render(request, "agenda/evaluations/form.html", context)


@login_required
def evaluation_results(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_organiser(request.user, pk, get_region_or_404(request))
    summary = event_summary(event, chart_title=_("Gemiddeld antwoord per vraag"))
    context = {"event": event, "summary": summary, "min_answers": MIN_ANSWERS}
    return render(request, "agenda/evaluations/results.html", context)


@login_required
def series_evaluation_results(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_for_organiser(request.user, pk, get_region_or_404(request))
    summary = series_summary(series, request.user, chart_title=_("Gemiddeld antwoord per vraag"))
    context = {
        "series": series,
        "events": series_events(series, request.user),
        "summary": summary,
        "min_answers": MIN_ANSWERS,
    }
    return render(request, "agenda/evaluations/results.html", context)
