"""Activities: the ambassador's one-minute form with "Jouw jaar" below it (a year switcher), changing
and deleting what they logged, and the year overview with a thank-you (PDF). Their own only."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.core.submissions import once
from veerkracht.regions.selectors import get_region_or_404

from ..forms.activities import ActivityForm
from ..permissions.activities import get_activity_for_user, get_ambassador_for_user
from ..presenters.activities import (
    SHOWN,
    activity_rows,
    month_rows,
    months_svg,
    summary_sentence,
    year_overview_pdf,
)
from ..selectors.activities import municipalities_of, year_of, years_of
from ..services.activities import activity_delete, activity_log, activity_update

FIRST_YEAR = 2000


def _year(value) -> int:
    this_year = timezone.localdate().year
    if value is None:
        return this_year
    if not FIRST_YEAR <= value <= this_year:
        raise Http404
    return value


def _form(request: HttpRequest, ambassador, activity=None) -> ActivityForm:
    return ActivityForm(
        request.POST if request.method == "POST" else None,
        municipalities=municipalities_of(ambassador.region),
        ambassador=ambassador,
        initial=ActivityForm.initial_for(activity) if activity else None,
    )


def _log(request: HttpRequest, ambassador, form: ActivityForm) -> str:
    activity = activity_log(ambassador=ambassador, data=form.data_for_service())
    messages.success(request, _("Dank je wel! Je activiteit staat erin."))
    return reverse("network:activities_year", args=[activity.on.year])


@login_required
def year_page(request: HttpRequest, year: int | None = None) -> HttpResponse:
    ambassador = get_ambassador_for_user(request.user)
    shown = _year(year)
    form = _form(request, ambassador)
    if request.method == "POST" and form.is_valid():
        try:
            return redirect(once(request, "network.activity", lambda: _log(request, ambassador, form)))
        except ValidationError as exc:
            form.add_error(None, exc)
    summary = year_of(ambassador, shown)
    context = {
        "form": form,
        "ambassador": ambassador,
        "year": summary,
        "years": years_of(ambassador, current=timezone.localdate().year),
        "months_svg": months_svg(summary),
        "month_rows": month_rows(summary),
        "rows": activity_rows(summary, limit=None if request.GET.get("alles") else SHOWN),
        "summary": summary_sentence(summary),
    }
    status = 400 if form.errors else 200
    return render(request, "network/activities/year.html", context, status=status)


@login_required
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, write=True)
    form = _form(request, activity.ambassador, activity)
    if request.method == "POST" and form.is_valid():
        try:
            activity = activity_update(activity=activity, data=form.data_for_service())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Je activiteit is aangepast."))
            return redirect("network:activities_year", activity.on.year)
    status = 400 if form.errors else 200
    return render(
        request, "network/activities/edit.html", {"form": form, "activity": activity}, status=status
    )


@login_required
def activity_remove(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, write=True)
    if request.method == "POST":
        activity_delete(activity=activity)
        messages.success(request, _("De activiteit is weggehaald."))
        return redirect("network:activities_year", activity.on.year)
    return render(request, "network/activities/delete.html", {"activity": activity})


@login_required
def overview_pdf(request: HttpRequest, year: int) -> HttpResponse:
    ambassador = get_ambassador_for_user(request.user)
    body = year_overview_pdf(
        ambassador=ambassador, year=year_of(ambassador, _year(year)), region=get_region_or_404(request)
    )
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="ambassadeur-{year}.pdf"'
    return response
