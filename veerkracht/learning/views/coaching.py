"""Implementation coaching: "Mijn organisaties" for coaches, an organisation's plan page (goals, steps,
contact log), the contact form, and the coordinator's page under /scholing/beheer/coaching/."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from veerkracht.core.forms import add_service_errors
from veerkracht.regions.selectors import get_region_or_404

from ..forms.coaching import CoachLinkForm, ContactForm, GoalsForm, StepForm
from ..permissions import require_coordinator
from ..permissions.coaching import get_link_for_coordinator, get_plan_access_for_user, get_step_for_user
from ..selectors import coaching as selectors
from ..services import coaching as services


@login_required
@require_safe
def my_organisations(request: HttpRequest) -> HttpResponse:
    rows = selectors.my_organisations(request.user, get_region_or_404(request))
    return render(request, "learning/coaching/mine.html", {"rows": rows})


def _plan_page(request: HttpRequest, access, **forms) -> HttpResponse:
    page = selectors.plan_page(access.organisation)
    context = {"access": access, "organisation": access.organisation, "page": page}
    if access.can_edit:
        context["goals_form"] = forms.get("goals_form") or GoalsForm(
            initial={"goals": page.plan.goals if page.plan else ""}
        )
        context["step_form"] = forms.get("step_form") or StepForm()
    status = 400 if forms else 200
    return render(request, "learning/coaching/plan.html", context, status=status)


@login_required
@require_safe
def organisation_plan(request: HttpRequest, pk: int) -> HttpResponse:
    return _plan_page(request, get_plan_access_for_user(request.user, pk, get_region_or_404(request)))


@login_required
@require_POST
def plan_goals(request: HttpRequest, pk: int) -> HttpResponse:
    access = get_plan_access_for_user(request.user, pk, get_region_or_404(request), write=True)
    form = GoalsForm(request.POST)
    if not form.is_valid():
        return _plan_page(request, access, goals_form=form)
    services.plan_goals_save(
        organisation=access.organisation, goals=form.cleaned_data["goals"], by=request.user
    )
    messages.success(request, _("De doelen zijn opgeslagen."))
    return redirect("learning:coaching_plan", pk=pk)


@login_required
@require_POST
def plan_step_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = get_plan_access_for_user(request.user, pk, get_region_or_404(request), write=True)
    form = StepForm(request.POST)
    if not form.is_valid():
        return _plan_page(request, access, step_form=form)
    services.plan_step_add(organisation=access.organisation, by=request.user, **form.cleaned_data)
    messages.success(request, _("De stap staat in het plan."))
    return redirect("learning:coaching_plan", pk=pk)


@login_required
@require_POST
def plan_step_done(request: HttpRequest, pk: int, step_pk: int) -> HttpResponse:
    access = get_plan_access_for_user(request.user, pk, get_region_or_404(request))
    step = get_step_for_user(access, step_pk)
    done = request.POST.get("done") == "1"
    services.plan_step_mark_done(step=step, done=done, by=request.user)
    messages.success(request, _("De stap is afgevinkt.") if done else _("De stap staat weer open."))
    return redirect("learning:coaching_plan", pk=pk)


@login_required
def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = get_plan_access_for_user(request.user, pk, get_region_or_404(request), write=True)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.coaching_contact_add(
                organisation=access.organisation, author=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het contact staat in het logboek."))
            return redirect("learning:coaching_plan", pk=pk)
    return render(
        request, "learning/coaching/contact.html", {"form": form, "organisation": access.organisation}
    )


def _link_form(request: HttpRequest, region) -> CoachLinkForm:
    return CoachLinkForm(
        request.POST or None,
        coaches=selectors.coaches_of_region(region),
        organisations=selectors.organisations_of(region),
    )


@login_required
def manage_coaching(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    region = get_region_or_404(request)
    form = _link_form(request, region)
    if request.method == "POST" and form.is_valid():
        try:
            services.coach_link_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De coach is gekoppeld aan de organisatie."))
            return redirect("learning:coaching_manage")
    context = {"form": form, "overview": selectors.coaching_overview(region)}
    return render(request, "learning/coaching/manage.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def coach_link_end(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_link_for_coordinator(request.user, pk, get_region_or_404(request))
    services.coach_link_end(link=link, by=request.user)
    messages.success(request, _("De koppeling is gestopt."))
    return redirect("learning:coaching_manage")
