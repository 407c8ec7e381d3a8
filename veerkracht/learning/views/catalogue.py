"""The catalogue for everyone (courses, a course's page, learning paths) and the training coordinator's
pages for courses, cohorts and learning paths under /scholing/beheer/."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.regions.selectors import get_region_or_404

from ..forms.catalogue import CatalogueFilterForm, CohortForm, CourseForm, PathForm
from ..forms.enrolments import EnrolForm
from ..manage_links import manage_links
from ..models import Cohort, Course, LearningPath
from ..permissions import require_coordinator
from ..permissions.catalogue import get_cohort_for_user, get_course_for_user, get_path_for_user
from ..selectors import catalogue as selectors
from ..selectors.enrolments import memberships_of
from ..services import catalogue as services


def catalogue(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    form = CatalogueFilterForm(request.GET or None, subregions=list(selectors.subregions(region)))
    courses = selectors.catalogue(region, form.filters())
    return render(request, "learning/catalogue/list.html", {"form": form, "courses": courses})


def course_detail(request: HttpRequest, slug: str) -> HttpResponse:
    course = selectors.course_for_page(get_region_or_404(request), slug)
    mine = selectors.own_enrolments_in(request.user, course)
    for cohort in course.upcoming:
        cohort.mine = mine.get(cohort.pk)
    context = {
        "course": course,
        "rules": selectors.completion_sentence(course),
        "enrol_form": EnrolForm(organisations=memberships_of(request.user)),
        "past": [e for e in mine.values() if e.cohort_id not in {c.pk for c in course.upcoming}],
    }
    return render(request, "learning/catalogue/course.html", context)


def paths(request: HttpRequest) -> HttpResponse:
    context = {"paths": selectors.paths(get_region_or_404(request))}
    return render(request, "learning/catalogue/paths.html", context)


def path_detail(request: HttpRequest, slug: str) -> HttpResponse:
    path = selectors.path_for_page(get_region_or_404(request), slug)
    context = {"path": path, "done": selectors.completed_course_ids(request.user)}
    return render(request, "learning/catalogue/path.html", context)


# --- The coordinator's area ----------------------------------------------------------------------


@login_required
def manage_index(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    return render(request, "learning/catalogue/manage_index.html", {"links": manage_links()})


@login_required
def manage_courses(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    context = {"courses": selectors.courses_to_manage(get_region_or_404(request))}
    return render(request, "learning/catalogue/manage_courses.html", context)


def _course_form(request: HttpRequest, course: Course) -> HttpResponse:
    form = CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        course = form.save(commit=False)
        try:
            services.course_save(course=course, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if form.cleaned_data["publish"] != (course.published_at is not None):
                services.course_publish(course=course, by=request.user, publish=form.cleaned_data["publish"])
            messages.success(request, _("De cursus is bewaard."))
            return redirect("learning:manage_course", pk=course.pk)
    context = {"form": form, "course": course, "cohorts": selectors.cohorts_of(course) if course.pk else []}
    return render(request, "learning/catalogue/course_form.html", context, status=400 if form.errors else 200)


@login_required
def course_create(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    return _course_form(request, Course(region=get_region_or_404(request)))


@login_required
def course_edit(request: HttpRequest, pk: int) -> HttpResponse:
    course = get_course_for_user(request.user, pk)
    if course.region_id != get_region_or_404(request).pk:
        raise Http404
    return _course_form(request, course)


def _cohort_form(request: HttpRequest, cohort: Cohort) -> HttpResponse:
    region = get_region_or_404(request)
    form = CohortForm(
        request.POST or None,
        instance=cohort,
        events=selectors.meeting_choices(region),
        subregions=selectors.subregions(region),
        facilitators=selectors.facilitators(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.cohort_save(
                cohort=form.save(commit=False), meetings=form.cleaned_data["meetings"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De groep is bewaard."))
            return redirect("learning:manage_course", pk=cohort.course_id)
    context = {"form": form, "cohort": cohort, "course": cohort.course}
    return render(request, "learning/catalogue/cohort_form.html", context, status=400 if form.errors else 200)


@login_required
def cohort_create(request: HttpRequest, pk: int) -> HttpResponse:
    course = get_course_for_user(request.user, pk)
    return _cohort_form(request, Cohort(course=course))


@login_required
def cohort_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _cohort_form(request, get_cohort_for_user(request.user, pk))


@login_required
def manage_paths(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    context = {"paths": selectors.paths_to_manage(get_region_or_404(request))}
    return render(request, "learning/catalogue/manage_paths.html", context)


def _path_form(request: HttpRequest, path: LearningPath) -> HttpResponse:
    courses = selectors.courses_of_region(path.region)
    form = PathForm(request.POST or None, instance=path, courses=courses, order=selectors.path_order(path))
    if request.method == "POST" and form.is_valid():
        try:
            services.path_save(
                path=form.save(commit=False), course_order=form.course_order(), by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De leerlijn is bewaard."))
            return redirect("learning:manage_paths")
    context = {"form": form, "path": path}
    return render(request, "learning/catalogue/path_form.html", context, status=400 if form.errors else 200)


@login_required
def path_create(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    return _path_form(request, LearningPath(region=get_region_or_404(request)))


@login_required
def path_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _path_form(request, get_path_for_user(request.user, pk))


@login_required
@require_POST
def course_publish(request: HttpRequest, pk: int) -> HttpResponse:
    course = get_course_for_user(request.user, pk)
    publish = request.POST.get("publish") == "1"
    services.course_publish(course=course, by=request.user, publish=publish)
    messages.success(
        request, _("De cursus staat in de catalogus.") if publish else _("De cursus is uit de catalogus.")
    )
    return redirect("learning:manage_courses")
