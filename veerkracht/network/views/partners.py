"""Partners: "Word partner" (the application form and the applicant's own page), and staff pages to
review applications and to change an organisation's role (under /netwerk/beheer/partners/)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from veerkracht.core.forms import add_service_errors
from veerkracht.core.submissions import once
from veerkracht.regions.selectors import get_region_or_404, municipalities_for_region

from ..forms.partners import AcceptForm, DeclineForm, PartnerApplicationForm, RoleChangeForm
from ..models import PartnerApplicationStatus
from ..permissions import require_network_staff
from ..permissions.partners import get_application_for_staff, get_organisation_for_staff, get_own_application
from ..selectors import partners as selectors
from ..services import partners as services


def _submit(request: HttpRequest, region, form: PartnerApplicationForm) -> str:
    services.partner_application_submit(user=request.user, region=region, **form.cleaned_data)
    return "network:partner_application_mine"


def apply(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    if not request.user.is_authenticated:
        # What joining means, with a way to log in or make an account first (the applicant is the contact).
        return render(request, "network/partners/apply.html", {"login_next": request.get_full_path()})
    form = PartnerApplicationForm(request.POST or None, municipalities=municipalities_for_region(region))
    open_application = selectors.open_application_of(request.user)
    if request.method == "POST" and open_application is not None:
        form.is_valid()
        form.add_error(None, services.open_application_error())
    elif request.method == "POST" and form.is_valid():
        try:
            target = once(request, "network.partner_application", lambda: _submit(request, region, form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Je aanmelding is verstuurd. Het actiecentrum neemt contact met je op.")
            )
            return redirect(target)
    context = {"form": form, "open_application": open_application}
    return render(request, "network/partners/apply.html", context, status=400 if form.errors else 200)


@login_required
@require_safe
def my_applications(request: HttpRequest) -> HttpResponse:
    context = {"applications": selectors.applications_of(request.user)}
    return render(request, "network/partners/mine.html", context)


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_own_application(request.user, pk)
    try:
        services.partner_application_withdraw(application=application, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Je aanmelding is ingetrokken."))
    return redirect("network:partner_application_mine")


@login_required
@require_safe
def manage(request: HttpRequest) -> HttpResponse:
    require_network_staff(request.user)
    region = get_region_or_404(request)
    status = request.GET.get("stand", PartnerApplicationStatus.SUBMITTED)
    if status not in PartnerApplicationStatus.values:
        status = PartnerApplicationStatus.SUBMITTED
    counts = selectors.application_counts(region)
    context = {
        "status": status,
        "statuses": [(value, label, counts[value]) for value, label in PartnerApplicationStatus.choices],
        "applications": selectors.applications_for_staff(region, status=status),
        "organisations": selectors.organisations_with_roles(region),
    }
    return render(request, "network/partners/manage.html", context)


def _review_page(request: HttpRequest, application, *, accept=None, decline=None) -> HttpResponse:
    context = {
        "application": application,
        "accept_form": accept or AcceptForm(),
        "decline_form": decline or DeclineForm(),
    }
    status = 400 if (accept and accept.errors) or (decline and decline.errors) else 200
    return render(request, "network/partners/review.html", context, status=status)


@login_required
@require_safe
def review(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_page(request, get_application_for_staff(request.user, pk, get_region_or_404(request)))


@login_required
@require_POST
def decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    application = get_application_for_staff(request.user, pk, get_region_or_404(request))
    form = (AcceptForm if decision == "accept" else DeclineForm)(request.POST)
    if form.is_valid():
        try:
            if decision == "accept":
                services.partner_application_accept(
                    application=application, actor=request.user, **form.cleaned_data
                )
            else:
                services.partner_application_decline(
                    application=application, actor=request.user, reason=form.cleaned_data["message"]
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            done = (
                _("De organisatie is nu partner.")
                if decision == "accept"
                else _("De aanmelding is afgewezen.")
            )
            messages.success(request, done)
            return redirect("network:partner_manage")
    forms = {"accept": form} if decision == "accept" else {"decline": form}
    return _review_page(request, application, **forms)


@login_required
def roles(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for_staff(request.user, slug, get_region_or_404(request))
    form = RoleChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_role_change(organisation=organisation, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De nieuwe rol is opgeslagen."))
            return redirect("network:partner_roles", slug=organisation.slug)
    context = {"organisation": organisation, "roles": selectors.role_timeline(organisation), "form": form}
    return render(request, "network/partners/roles.html", context, status=400 if form.errors else 200)
