"""Intervision groups: the member's and facilitator's pages (meetings, reflections, a link to the
closed group in the community app), attendance for the facilitator, and the training coordinator's
pages to make a group from a cohort and plan its meetings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.regions.selectors import get_region_or_404

from ..forms.intervision import GroupForm, PlanForm, ReflectionForm
from ..permissions import require_coordinator
from ..permissions.intervision import get_group_for_attendance, get_group_for_user, is_member
from ..selectors import intervision as selectors
from ..services import intervision as services


def _apply_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(request, "learning/intervision/mine.html", {"groups": selectors.groups_of(request.user)})


def _group_page(request: HttpRequest, group, *, status: int = 200, failed=None) -> HttpResponse:
    reflections = selectors.reflections_by_meeting(group)
    now = timezone.now()
    meetings = []
    for event in selectors.meetings_of(group):
        own = next((r for r in reflections.get(event.pk, []) if r.author_id == request.user.pk), None)
        form = (
            failed[1]
            if failed and failed[0] == event.pk
            else ReflectionForm(initial={"text": own.text if own else ""})
        )
        meetings.append(
            {
                "event": event,
                "past": event.ends_at <= now,
                "reflections": reflections.get(event.pk, []),
                "own": own,
                "form": form,
            }
        )
    context = {
        "group": group,
        "meetings": meetings,
        "member": is_member(group, request.user),
        "facilitator": group.cohort.facilitator_id == request.user.pk,
        "errors": failed[1].non_field_errors() if failed else [],
    }
    return render(request, "learning/intervision/group.html", context, status=status)


@login_required
def group(request: HttpRequest, pk: int) -> HttpResponse:
    return _group_page(request, get_group_for_user(request.user, pk))


@login_required
def for_community_group(request: HttpRequest, community_pk: int) -> HttpResponse:
    """From the community app's group page to the reflections of the same intervision group."""
    found = selectors.group_of_community_group(request.user, community_pk)
    if found is None:
        raise Http404
    return redirect("learning:intervision_group", pk=found.pk)


@login_required
@require_POST
def reflection(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    group = get_group_for_user(request.user, pk)
    form = ReflectionForm(request.POST)
    if form.is_valid():
        try:
            services.reflection_save(
                group=group, event_id=event_pk, author=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Je reflectie is bewaard."))
            return redirect("learning:intervision_group", pk=group.pk)
    return _group_page(request, group, status=400, failed=(event_pk, form))


@login_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    group = get_group_for_attendance(request.user, pk)
    members = selectors.members_of(group)
    meetings = selectors.meetings_of(group)
    rows = selectors.attendance(group, members, meetings)
    context = {"group": group, "meetings": meetings, "rows": rows}
    return render(request, "learning/intervision/attendance.html", context)


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    region = get_region_or_404(request)
    context = {
        "groups": selectors.groups_for_coordinator(region),
        "cohorts": selectors.cohorts_with_intervision(region),
    }
    return render(request, "learning/intervision/manage.html", context)


@login_required
def create(request: HttpRequest, cohort_pk: int) -> HttpResponse:
    require_coordinator(request.user)
    cohort = selectors.cohort_for_intervision(get_region_or_404(request), cohort_pk)
    if cohort is None:
        raise Http404
    learners = selectors.learners_without_group(cohort)
    form = GroupForm(request.POST or None, learners=learners)
    if request.method == "POST" and form.is_valid():
        chosen = [user for user in learners if str(user.pk) in form.cleaned_data["members"]]
        try:
            made = services.intervision_group_create(
                cohort=cohort, name=form.cleaned_data["name"], members=chosen, actor=request.user
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("De intervisiegroep is gemaakt. Plan nu de bijeenkomsten."))
            return redirect("learning:intervision_manage_group", pk=made.pk)
    context = {"cohort": cohort, "form": form, "learners": learners}
    return render(request, "learning/intervision/create.html", context, status=400 if form.errors else 200)


@login_required
def manage_group(request: HttpRequest, pk: int) -> HttpResponse:
    group = get_group_for_user(request.user, pk, write=True)
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.intervision_meetings_plan(group=group, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("De bijeenkomsten staan in de agenda."))
            return redirect("learning:intervision_manage_group", pk=group.pk)
    context = {
        "group": group,
        "members": selectors.members_of(group),
        "meetings": selectors.meetings_of(group),
        "form": form,
    }
    return render(
        request, "learning/intervision/manage_group.html", context, status=400 if form.errors else 200
    )
