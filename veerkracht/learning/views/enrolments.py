"""Enrolling: a learner in a cohort, an organisation admin for their staff; cancelling; "Mijn scholing";
and the coordinator's approval queue and per-cohort list (status and completion, never answers)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from veerkracht.regions.selectors import get_region_or_404

from ..forms.enrolments import DeclineForm, EnrolForm, StaffEnrolForm
from ..models import EnrolmentStatus
from ..permissions import require_coordinator
from ..permissions.catalogue import get_cohort_for_user
from ..permissions.enrolments import (
    get_cohort_to_enrol,
    get_enrolment_for_coordinator,
    get_enrolment_for_user,
    get_organisation_for_user,
)
from ..selectors import enrolments as selectors
from ..services import enrolments as services

DONE = {
    EnrolmentStatus.ENROLLED: gettext_lazy("Je bent ingeschreven. Je krijgt een bevestiging per e-mail."),
    EnrolmentStatus.WAITING: gettext_lazy(
        "De groep is vol: je staat op de wachtlijst. Komt er een plaats vrij, dan krijg je die."
    ),
    EnrolmentStatus.REQUESTED: gettext_lazy(
        "Je aanmelding is ontvangen. De coördinator scholing keurt hem goed of af."
    ),
}


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
@require_POST
def enrol(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_to_enrol(request.user, pk)
    form = EnrolForm(request.POST, organisations=selectors.memberships_of(request.user))
    if not form.is_valid():
        messages.error(request, _("Kies een organisatie waar je bij hoort, of geen."))
        return redirect("learning:course", slug=cohort.course.slug)
    try:
        enrolment = services.enrolment_request(
            cohort=cohort, user=request.user, organisation=form.chosen_organisation()
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("learning:course", slug=cohort.course.slug)
    messages.success(request, str(DONE[enrolment.status]))
    return redirect("learning:mine")


@login_required
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_enrolment_for_user(request.user, pk, write=True)
    if request.method == "POST":
        try:
            services.enrolment_cancel(enrolment=enrolment)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("Je bent afgemeld."))
        return redirect("learning:mine")
    return render(request, "learning/enrolments/cancel.html", {"enrolment": enrolment})


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    enrolments = selectors.my_enrolments(request.user)
    context = {
        "enrolments": enrolments,
        "suggestions": selectors.next_courses(request.user, enrolments),
        "organisations": selectors.admin_organisations(request.user),
    }
    return render(request, "learning/enrolments/mine.html", context)


@login_required
def organisation(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_organisation_for_user(request.user, pk, write=True)
    staff, cohorts = selectors.staff_of(org), list(selectors.open_cohorts(get_region_or_404(request)))
    form = StaffEnrolForm(request.POST or None, staff=staff, cohorts=cohorts)
    if request.method == "POST" and form.is_valid():
        person, cohort = form.staff[form.cleaned_data["user"]], form.cohorts[form.cleaned_data["cohort"]]
        try:
            services.enrolment_request(cohort=cohort, user=person, organisation=org, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s is aangemeld.") % {"name": person.display_name})
            return redirect("learning:organisation", pk=org.pk)
    context = {"organisation": org, "form": form, "enrolments": selectors.organisation_enrolments(org)}
    return render(
        request, "learning/enrolments/organisation.html", context, status=400 if form.errors else 200
    )


# --- The coordinator -----------------------------------------------------------------------------


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    context = {
        "enrolments": selectors.approval_queue(get_region_or_404(request)),
        "decline_form": DeclineForm(),
    }
    return render(request, "learning/enrolments/queue.html", context)


def _back(request: HttpRequest, enrolment) -> HttpResponse:
    if request.POST.get("next") == "cohort":
        return redirect("learning:manage_cohort_enrolments", pk=enrolment.cohort_id)
    return redirect("learning:manage_queue")


@login_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_enrolment_for_coordinator(request.user, pk)
    try:
        enrolment = services.enrolment_approve(enrolment=enrolment, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request,
            _("%(name)s: %(status)s.")
            % {"name": enrolment.user.display_name, "status": enrolment.get_status_display()},
        )
    return _back(request, enrolment)


@login_required
@require_POST
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_enrolment_for_coordinator(request.user, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Schrijf kort op waarom. De deelnemer leest dit."))
        return _back(request, enrolment)
    try:
        services.enrolment_decline(enrolment=enrolment, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("%(name)s is niet toegelaten.") % {"name": enrolment.user.display_name})
    return _back(request, enrolment)


@login_required
def cohort_enrolments(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_user(request.user, pk)
    context = {
        "cohort": cohort,
        "enrolments": selectors.cohort_enrolments(cohort),
        "decline_form": DeclineForm(),
    }
    return render(request, "learning/enrolments/cohort.html", context)


@login_required
@require_POST
def complete(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_enrolment_for_coordinator(request.user, pk)
    if enrolment.status == EnrolmentStatus.ENROLLED:
        services.enrolment_complete(enrolment=enrolment, by=request.user)
        messages.success(
            request, _("%(name)s heeft de cursus afgerond.") % {"name": enrolment.user.display_name}
        )
    elif enrolment.status != EnrolmentStatus.COMPLETED:
        messages.error(request, _("Alleen wie ingeschreven is, kan de cursus afronden."))
    return redirect("learning:manage_cohort_enrolments", pk=enrolment.cohort_id)


@login_required
@require_POST
def remove(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_enrolment_for_coordinator(request.user, pk)
    try:
        services.enrolment_remove(enrolment=enrolment, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request, _("%(name)s staat niet meer in de groep.") % {"name": enrolment.user.display_name}
        )
    return redirect("learning:manage_cohort_enrolments", pk=enrolment.cohort_id)
