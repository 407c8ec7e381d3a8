"""Taking a course to another region: download its content as one package, and import such a package
as a new, unpublished course (training coordinators and region admins)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from veerkracht.core.ratelimit import too_many
from veerkracht.regions.selectors import get_region_or_404

from ..forms.transfer import ImportForm
from ..permissions import elearning as permissions
from ..selectors.transfer import course_package
from ..services.transfer import course_import


def _posted(request: HttpRequest) -> tuple:
    """The form data of a POST (also when empty, so an empty form shows its errors); None on GET."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


@login_required
@require_safe
def export(request: HttpRequest, course_pk: int) -> HttpResponse:
    course = permissions.get_course_for_author(request.user, course_pk, get_region_or_404(request))
    response = HttpResponse(course_package(course), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="cursus-{course.slug}.zip"'
    response["Cache-Control"] = "private, max-age=0"
    return response


@login_required
def import_package(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    if not permissions.may_author(request.user):
        raise Http404
    form = ImportForm(*_posted(request))
    if request.method == "POST" and form.is_valid():
        if too_many("learning-import", str(request.user.pk), limit=20, seconds=3600):
            form.add_error(
                None, _("Je hebt net al veel pakketten geprobeerd. Probeer het over een uur opnieuw.")
            )
        else:
            try:
                course = course_import(upload=form.cleaned_data["package"], region=region, actor=request.user)
            except ValidationError as error:
                form.add_error("package", error)
            else:
                messages.success(
                    request,
                    _("De cursus ‘%(title)s’ is geïmporteerd. Hij is nog niet gepubliceerd.")
                    % {"title": course.title},
                )
                return redirect("learning:elearning_manage_course", course_pk=course.pk)
    return render(request, "learning/transfer/import.html", {"form": form})
