"""Becoming an ambassador (the application and its page), "Mijn ambassadeurschap" with the onboarding
checklist, pause and stop; and for network staff: the applications, one ambassador's page, and the
lessons of those who stopped."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.core.submissions import once
from veerkracht.regions.selectors import get_region_or_404

from ..forms.ambassadors import (
    AcceptForm,
    ApplicationForm,
    DeclineForm,
    InviteForm,
    PauseForm,
    StopForm,
    TickForm,
)
from ..models import AmbassadorStatus
from ..permissions import require_network_staff
from ..permissions.ambassadors import (
    get_ambassador_for_staff,
    get_application_for_staff,
    get_own_ambassador,
    get_own_application,
)
from ..presenters import activities as activity_presenters
from ..selectors import activities as activity_selectors
from ..selectors import ambassadors as selectors
from ..services import ambassadors as services

TEMPLATES = "network/ambassadors/"
STAFF_SHOWN = 10  # the latest activities on the staff page of an ambassador


def _error(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


# --- Becoming one --------------------------------------------------------------------------------


def _submit(request: HttpRequest, region, form: ApplicationForm) -> str:
    data = form.cleaned_data
    application = services.application_submit(user=request.user, region=region, **data)
    messages.success(
        request, _("Dank je wel! Je aanmelding is verstuurd. Het actiecentrum neemt contact met je op.")
    )
    return str(application.pk)


def become(request: HttpRequest) -> HttpResponse:
    """The explanation for everyone; the form for a logged-in person who is not (yet) an ambassador."""
    region = get_region_or_404(request)
    user = request.user
    context = {
        "ambassador": selectors.current_ambassador_of(user),
        "open_application": selectors.open_application_of(user) if user.is_authenticated else None,
    }
    may_apply = user.is_authenticated and not (context["ambassador"] or context["open_application"])
    form = ApplicationForm(request.POST or None, region=region) if may_apply else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            pk = once(request, "network.application", lambda: _submit(request, region, form))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("network:ambassador_application", pk=int(pk))
    context["form"] = form
    return render(request, TEMPLATES + "become.html", context, status=400 if form and form.errors else 200)


@login_required
def application(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_own_application(request.user, pk)
    return render(request, TEMPLATES + "application.html", {"application": found})


@login_required
@require_POST
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_own_application(request.user, pk)
    try:
        services.application_withdraw(application=found, user=request.user)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Je aanmelding is ingetrokken."))
    return redirect("network:ambassador_application", pk=found.pk)


# --- Mijn ambassadeurschap -----------------------------------------------------------------------


def _mine_context(user, **forms) -> dict:
    ambassador = selectors.ambassador_of(user)
    context = {"ambassador": ambassador, "applications": selectors.applications_of(user)}
    if ambassador is not None:
        context |= {"checklist": selectors.checklist(ambassador), "events": selectors.events_of(ambassador)}
    return context | {"pause_form": PauseForm(), "stop_form": StopForm()} | forms


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(request, TEMPLATES + "mine.html", _mine_context(request.user))


ACTIONS = {
    "pause": (PauseForm, "pause_form", _("Je ambassadeurschap staat op pauze.")),
    "resume": (None, "", _("Fijn dat je er weer bent!")),
    "stop": (StopForm, "stop_form", _("Je bent gestopt als ambassadeur. Dank je wel voor alles.")),
}


def _do(action: str, ambassador, actor, data: dict) -> None:
    if action == "pause":
        services.ambassador_pause(ambassador=ambassador, actor=actor, reason=data.get("reason", ""))
    elif action == "resume":
        services.ambassador_resume(ambassador=ambassador, actor=actor)
    else:
        services.ambassador_stop(ambassador=ambassador, actor=actor, reason=data.get("reason", ""))


def _status_change(request: HttpRequest, ambassador, action: str) -> tuple[bool, dict]:
    """Run a pause/resume/stop from a POST: (done, forms with errors to show again)."""
    form_class, name, done = ACTIONS[action]
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        return False, {name: form}
    try:
        _do(action, ambassador, request.user, form.cleaned_data if form else {})
    except ValidationError as error:
        if form is None:
            _error(request, error)
            return True, {}
        form.add_error(None, error)
        return False, {name: form}
    messages.success(request, str(done))
    return True, {}


@login_required
@require_POST
def mine_change(request: HttpRequest, action: str) -> HttpResponse:
    ambassador = get_own_ambassador(request.user)
    ok, forms = _status_change(request, ambassador, action)
    if ok:
        return redirect("network:ambassador_mine")
    return render(request, TEMPLATES + "mine.html", _mine_context(request.user, **forms), status=400)


# --- For network staff ---------------------------------------------------------------------------


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    require_network_staff(request.user)
    region = get_region_or_404(request)
    status = request.GET.get("stand", "")
    context = {
        "open": selectors.open_applications(region),
        "decided": selectors.recently_decided(region),
        "ambassadors": selectors.ambassadors_for_staff(region, status=status),
        "counts": selectors.status_counts(region),
        "statuses": AmbassadorStatus.choices,
        "status": status,
    }
    return render(request, TEMPLATES + "manage.html", context)


def _application_page(request: HttpRequest, found, status: int = 200, **forms) -> HttpResponse:
    context = {
        "application": found,
        "invite_form": InviteForm(),
        "accept_form": AcceptForm(),
        "decline_form": DeclineForm(),
    } | forms
    return render(request, TEMPLATES + "manage_application.html", context, status=status)


@login_required
def manage_application(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_application_for_staff(request.user, get_region_or_404(request), pk)
    return _application_page(request, found)


DECISIONS = {
    "invite": (InviteForm, "invite_form", _("De uitnodiging is verstuurd.")),
    "accept": (AcceptForm, "accept_form", _("Aangenomen: de nieuwe ambassadeur krijgt een welkomstmail.")),
    "decline": (DeclineForm, "decline_form", _("Afgewezen: de aanvrager krijgt je bericht.")),
}


def _decide(action: str, found, actor, data: dict):
    if action == "invite":
        return services.application_invite(application=found, actor=actor, message=data["message"])
    if action == "accept":
        return services.application_accept(application=found, actor=actor, **data)
    return services.application_decline(application=found, actor=actor, reason=data["reason"])


@login_required
@require_POST
def manage_decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    found = get_application_for_staff(request.user, get_region_or_404(request), pk)
    form_class, name, done = DECISIONS[action]
    form = form_class(request.POST)
    if form.is_valid():
        try:
            result = _decide(action, found, request.user, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, str(done))
            if action == "accept":
                return redirect("network:manage_ambassador", pk=result.pk)
            return redirect("network:manage_application", pk=found.pk)
    return _application_page(request, found, 400, **{name: form})


def _ambassador_page(request: HttpRequest, ambassador, status: int = 200, **forms) -> HttpResponse:
    year = activity_selectors.year_of(ambassador, timezone.localdate().year)
    context = {
        "ambassador": ambassador,
        "year": year,
        "year_summary": activity_presenters.summary_sentence(year),
        "year_rows": activity_presenters.activity_rows(year, limit=STAFF_SHOWN),
        "checklist": selectors.checklist(ambassador),
        "events": selectors.events_of(ambassador),
        "pause_form": PauseForm(),
        "stop_form": StopForm(),
        "tick_form": TickForm(),
    } | forms
    return render(request, TEMPLATES + "manage_ambassador.html", context, status=status)


@login_required
def manage_ambassador(request: HttpRequest, pk: int) -> HttpResponse:
    ambassador = get_ambassador_for_staff(request.user, get_region_or_404(request), pk)
    return _ambassador_page(request, ambassador)


@login_required
@require_POST
def manage_change(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    ambassador = get_ambassador_for_staff(request.user, get_region_or_404(request), pk)
    ok, forms = _status_change(request, ambassador, action)
    if ok:
        return redirect("network:manage_ambassador", pk=ambassador.pk)
    return _ambassador_page(request, ambassador, 400, **forms)


def _onboarding_step(request: HttpRequest, ambassador, step: str) -> None:
    if step == "tick":
        form = TickForm(request.POST)
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        on = None if form.cleaned_data["undo"] else form.cleaned_data["on"]
        services.ambassador_tick(
            ambassador=ambassador, item=form.cleaned_data["item"], on=on, actor=request.user
        )
    elif step == "done":
        services.ambassador_onboarding_done(ambassador=ambassador, actor=request.user)
    else:
        services.ambassador_add_to_group(ambassador=ambassador, actor=request.user)


@login_required
@require_POST
def manage_onboarding(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """Staff tick the checklist, mark the start as done, or add the ambassador to the group."""
    ambassador = get_ambassador_for_staff(request.user, get_region_or_404(request), pk)
    try:
        _onboarding_step(request, ambassador, step)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _ambassador_page(request, ambassador, 400)
    messages.success(request, _("Bijgewerkt."))
    return redirect("network:manage_ambassador", pk=ambassador.pk)


@login_required
def manage_lessons(request: HttpRequest) -> HttpResponse:
    require_network_staff(request.user)
    lessons = selectors.lessons(get_region_or_404(request))
    return render(request, TEMPLATES + "lessons.html", {"lessons": lessons})
