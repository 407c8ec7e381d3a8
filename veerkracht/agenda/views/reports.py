"""The report of an event, for its organisers: text, photos and slides, publish or take back."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.regions.selectors import get_region_or_404

from ..forms.reports import ReportFileForm, ReportForm
from ..permissions.events import get_event_for_organiser
from ..permissions.reports import get_report_file_for_event
from ..selectors.reports import files_of, report_of
from ..services import reports as services


def _event(request: HttpRequest, pk: int):
    return get_event_for_organiser(request.user, pk, get_region_or_404(request))


def _page(request: HttpRequest, event, *, form=None, file_form=None, status: int = 200) -> HttpResponse:
    report = report_of(event)
    context = {
        "event": event,
        "report": report,
        "files": files_of(report),
        "form": form or ReportForm(initial={"text": report.text if report else ""}),
        "file_form": file_form or ReportFileForm(),
    }
    return render(request, "agenda/reports/report.html", context, status=status)


@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_save(event=event, text=form.cleaned_data["text"], actor=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Het verslag is bewaard."))
            return redirect("agenda:report", pk=event.pk)
    return _page(request, event, form=form if request.method == "POST" else None)


@login_required
@require_POST
def report_file_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    report = report_of(event)
    if report is None:
        messages.error(request, _("Schrijf en bewaar eerst het verslag. Daarna kun je foto’s toevoegen."))
        return redirect("agenda:report", pk=event.pk)
    form = ReportFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.report_file_add(report=report, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("upload", exc)
        else:
            messages.success(request, _("Het bestand is toegevoegd."))
            return redirect("agenda:report", pk=event.pk)
    return _page(request, event, file_form=form)


@login_required
@require_POST
def report_file_delete(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    event = _event(request, pk)
    services.report_file_delete(item=get_report_file_for_event(event, file_pk), actor=request.user)
    messages.success(request, _("Het bestand is weggehaald."))
    return redirect("agenda:report", pk=event.pk)


@login_required
@require_POST
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    report = report_of(event)
    publish = request.POST.get("publish") == "1"
    try:
        if report is None:
            raise ValidationError(_("Schrijf eerst het verslag. Daarna kun je het laten zien."))
        services.report_publish(report=report, publish=publish, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Het verslag staat op de pagina van de bijeenkomst.")
            if publish
            else _("Het verslag is van de pagina gehaald."),
        )
    return redirect("agenda:report", pk=event.pk)
