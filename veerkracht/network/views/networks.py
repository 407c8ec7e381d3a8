"""Regional networks: the region's overview (/netwerk/), a network's page with its goals, and the forms
of staff and the network's coordinator (network, goals, progress by hand)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from veerkracht.core.forms import add_service_errors
from veerkracht.core.submissions import once
from veerkracht.regions.selectors import get_region_or_404

from ..forms.networks import GoalForm, NetworkForm, ProgressForm
from ..permissions.networks import (
    get_goal_for_manager,
    get_network,
    get_network_for_manager,
    may_choose_coordinator,
    may_create_network,
    may_manage_network,
)
from ..presenters.networks import STATUS_LABELS, goal_view, network_summary
from ..selectors import networks as selectors
from ..services import networks as services


@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    summaries = [network_summary(network) for network in selectors.networks_of(region)]
    context = {"summaries": summaries, "may_create": may_create_network(request.user)}
    return render(request, "network/networks/overview.html", context)


@require_safe
def network_page(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_network(get_region_or_404(request), slug)
    page = selectors.network_page(network)
    today = timezone.localdate()
    context = {
        "page": page,
        "network": network,
        "goals": [goal_view(goal, today) for goal in page.goals],
        "statuses": STATUS_LABELS,
        "may_manage": may_manage_network(request.user, network),
    }
    return render(request, "network/networks/network.html", context)


def _network_form(request: HttpRequest, region, *, initial=None, with_coordinator: bool) -> NetworkForm:
    return NetworkForm(
        request.POST or None,
        initial=initial,
        subregions=selectors.subregions_of(region),
        municipalities=selectors.municipalities_of(region),
        organisations=selectors.organisations_of(region),
        find_user=selectors.active_user_by_email if with_coordinator else None,
    )


def _form_page(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    return render(request, template, context, status=400 if context["form"].errors else 200)


@login_required
def network_create(request: HttpRequest) -> HttpResponse:
    if not may_create_network(request.user):
        raise Http404
    region = get_region_or_404(request)
    form = _network_form(request, region, with_coordinator=True)
    if request.method == "POST" and form.is_valid():
        try:
            slug = once(request, "network.network", lambda: _create_network(request, region, form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het netwerk is aangemaakt. Voeg nu de doelen toe."))
            return redirect("network:network", slug=slug)
    return _form_page(request, "network/networks/network_form.html", {"form": form, "network": None})


def _create_network(request: HttpRequest, region, form: NetworkForm) -> str:
    return services.network_create(region=region, by=request.user, **form.network_data()).slug


@login_required
def network_edit(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_region_or_404(request)
    network = get_network_for_manager(request.user, region, slug)
    initial = selectors.network_initial(network)
    form = _network_form(
        request, region, initial=initial, with_coordinator=may_choose_coordinator(request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            network = services.network_update(network=network, by=request.user, **form.network_data())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het netwerk is opgeslagen."))
            return redirect("network:network", slug=network.slug)
    return _form_page(request, "network/networks/network_form.html", {"form": form, "network": network})


def _goal_form(request: HttpRequest, network, *, initial=None) -> GoalForm:
    return GoalForm(
        request.POST or None,
        initial=initial,
        owners=selectors.members_of(network),
        sources=selectors.source_choices(),
    )


@login_required
def goal_create(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_network_for_manager(request.user, get_region_or_404(request), slug)
    form = _goal_form(request, network, initial={"starts_on": network.starts_on})
    if request.method == "POST" and form.is_valid():
        try:
            once(request, "network.goal", lambda: _create_goal(request, network, form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het doel is toegevoegd."))
            return redirect("network:network", slug=network.slug)
    context = {"form": form, "network": network, "goal": None}
    return _form_page(request, "network/networks/goal_form.html", context)


def _create_goal(request: HttpRequest, network, form: GoalForm) -> str:
    return str(services.goal_create(network=network, by=request.user, **form.cleaned_data).pk)


@login_required
def goal_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    goal = get_goal_for_manager(request.user, get_region_or_404(request), slug, pk)
    form = _goal_form(request, goal.network, initial=selectors.goal_initial(goal))
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_update(goal=goal, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het doel is opgeslagen."))
            return redirect("network:network", slug=goal.network.slug)
    context = {"form": form, "network": goal.network, "goal": goal}
    return _form_page(request, "network/networks/goal_form.html", context)


@login_required
def goal_progress(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    goal = get_goal_for_manager(request.user, get_region_or_404(request), slug, pk)
    form = ProgressForm(request.POST or None) if not goal.is_linked else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                services.goal_progress_add(goal=goal, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("De stand is opgeslagen."))
                return redirect("network:network", slug=goal.network.slug)
    today = timezone.localdate()
    context = {"form": form, "network": goal.network, "view": goal_view(goal, today)}
    context["entries"] = selectors.goal_entries(goal)
    status = 400 if form is not None and form.errors else 200
    return render(request, "network/networks/progress.html", context, status=status)
