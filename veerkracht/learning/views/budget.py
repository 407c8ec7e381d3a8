"""The budget report (page, CSV, PDF) and the coordinator's forms for funding sources, budget lines and
targets, under /scholing/beheer/budget/."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from veerkracht.lib.charts import Bar, bar_chart_svg
from veerkracht.lib.pdf import html_to_pdf
from veerkracht.regions.selectors import get_region_or_404

from ..forms.budget import BudgetLineForm, FundingSourceForm, TargetForm
from ..models import BudgetLine, FundingSource, Target
from ..permissions import require_coordinator
from ..selectors import budget as selectors
from ..services import budget as services
from ..services.budget import euros_text

SECTIONS = (
    ("sources", gettext_lazy("Per financieringsbron")),
    ("lines", gettext_lazy("Per budgetregel")),
    ("target_groups", gettext_lazy("Per doelgroep")),
    ("organisations", gettext_lazy("Per organisatie")),
    ("subregions", gettext_lazy("Per deel van de regio")),
)


def _money(cents: int | None) -> str:
    return "" if cents is None else euros_text(cents)


def _row(row: selectors.Row, label: str) -> dict:
    return {
        "label": label,
        "budget": _money(row.budget),
        "committed": _money(row.committed),
        "spent": _money(row.spent),
        "left": _money(row.left),
        "is_over": row.is_over,
        "over_budget": row.over_budget,
        "key": row.key,
    }


def report_sections(report: selectors.BudgetReport) -> list[dict]:
    """The report's tables as text, the same for page, CSV and PDF."""
    sections = []
    for key, title in SECTIONS:
        rows = [_row(row, row.label or _("onbekend")) for row in getattr(report, key)]
        if key == "sources" and (report.uncovered.committed or report.uncovered.spent):
            rows.append(_row(report.uncovered, _("niet gedekt (geen budgetregel)")))
        if key == "sources":
            rows.append(_row(report.total, _("totaal")))
        sections.append({"key": key, "title": title, "rows": rows})
    return sections


def targets_chart(report: selectors.BudgetReport) -> str:
    bars = [
        Bar(
            label=f"{p.target.get_target_group_display()} {p.target.starts_on.year}–{p.target.ends_on.year}",
            value=p.percent,
            text=f"{p.reached} / {p.target.people}",
        )
        for p in report.targets
    ]
    return bar_chart_svg(
        bars=bars, title=_("Doelen: hoe ver zijn we?"), max_value=100, legend=_("procent van het doel")
    )


def _report_context(request: HttpRequest) -> dict:
    region = get_region_or_404(request)
    report = selectors.budget_report(region)
    return {
        "report": report,
        "sections": report_sections(report),
        "chart": targets_chart(report) if report.targets else "",
        "today": timezone.localdate(),
        "region": region,
    }


@login_required
@require_safe
def budget_report(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    context = _report_context(request)
    context["lines"] = selectors.budget_lines(context["region"])
    return render(request, "learning/budget/report.html", context)


@login_required
@require_safe
def budget_report_csv(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    context = _report_context(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="budget-{context["today"]:%Y-%m-%d}.csv"'
    response.write("\ufeff")  # so a spreadsheet opens it as UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("onderdeel"), _("naam"), _("budget"), _("vastgelegd"), _("uitgegeven"), _("over")])
    for section in context["sections"]:
        for row in section["rows"]:
            writer.writerow(
                [section["title"], row["label"], row["budget"], row["committed"], row["spent"], row["left"]]
            )
    writer.writerow([_("doelen"), _("doel"), _("aantal mensen"), _("bereikt"), _("procent"), ""])
    for progress in context["report"].targets:
        target = progress.target
        label = f"{target.get_target_group_display()} {target.starts_on:%d-%m-%Y} – {target.ends_on:%d-%m-%Y}"
        writer.writerow([_("doelen"), label, target.people, progress.reached, progress.percent, ""])
    return response


@login_required
@require_safe
def budget_report_pdf(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    html = render_to_string("learning/budget/report_pdf.html", _report_context(request), request=request)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="budget-{timezone.localdate():%Y-%m-%d}.pdf"'
    return response


def _save(request: HttpRequest, form, save, done: str) -> HttpResponse | None:
    """Save a valid form through its service; the form with a message on bad input (nothing saved)."""
    if not form.is_valid():
        return None
    try:
        save(form.save(commit=False), by=request.user)
    except services.BudgetError as error:
        form.add_error(
            None if error.field == "amount" and "amount" not in form.fields else error.field, error.message
        )
        return None
    messages.success(request, done)
    return redirect("learning:budget_report")


def _form_page(request: HttpRequest, form, save, done: str, title: str) -> HttpResponse:
    """The coordinator's form for a source, a line or a target: saved on a valid POST, else shown."""
    if request.method == "POST":
        saved = _save(request, form, save, done)
        if saved:
            return saved
    context = {"form": form, "title": title, "button": _("Opslaan")}
    return render(request, "learning/budget/form.html", context)


@login_required
def funding_source_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_coordinator(request.user)
    region = get_region_or_404(request)
    source = selectors.get_funding_source(region, pk) if pk else FundingSource(region=region)
    form = FundingSourceForm(request.POST or None, instance=source)
    title = _("Financieringsbron aanpassen") if pk else _("Nieuwe financieringsbron")
    return _form_page(
        request,
        form,
        lambda s, by: services.funding_source_save(source=s, by=by),
        _("De financieringsbron is opgeslagen."),
        title,
    )


@login_required
def budget_line_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_coordinator(request.user)
    region = get_region_or_404(request)
    line = selectors.get_budget_line(region, pk) if pk else BudgetLine()
    form = BudgetLineForm(
        request.POST or None,
        instance=line,
        sources=selectors.funding_sources(region),
        courses=selectors.plan_courses(region),
    )
    title = _("Budgetregel aanpassen") if pk else _("Nieuwe budgetregel")
    return _form_page(
        request,
        form,
        lambda ln, by: services.budget_line_save(line=ln, by=by),
        _("De budgetregel is opgeslagen."),
        title,
    )


@login_required
def target_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_coordinator(request.user)
    region = get_region_or_404(request)
    target = selectors.get_target(region, pk) if pk else Target(region=region)
    form = TargetForm(request.POST or None, instance=target)
    title = _("Doel aanpassen") if pk else _("Nieuw doel")
    return _form_page(
        request,
        form,
        lambda t, by: services.target_save(target=t, by=by),
        _("Het doel is opgeslagen."),
        title,
    )
