"""Moderation after approval: staff decide on new texts and news; authors see and take back theirs."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.regions.selectors import get_region_or_404

from ..forms.moderation import DECISIONS, DecisionForm
from ..permissions.initiatives import get_initiative_for_user
from ..permissions.moderation import (
    get_own_waiting_revision,
    get_own_waiting_update,
    get_revision_for_review,
    get_update_for_review,
    get_waiting_photo,
)
from ..selectors.moderation import revisions_of
from ..services import moderation as services
from ..storage import private_storage


def _decide(request: HttpRequest, approve, reject) -> HttpResponse | DecisionForm:
    """Run the decision the pressed button asks for; the form back (with its errors) when it fails."""
    decision = request.POST.get("decision", "")
    if decision not in DECISIONS:
        raise Http404
    form = DecisionForm(request.POST, decision=decision)
    if form.is_valid():
        try:
            if decision == "approve":
                approve()
            else:
                reject(form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if decision == "approve":
                messages.success(request, _("Goedgekeurd. Het staat nu op de website."))
            else:
                messages.success(request, _("Niet goedgekeurd. De schrijver krijgt een e-mail met de reden."))
            return redirect("initiatives:review")
    return form


@login_required
def revision_review(request: HttpRequest, pk: int) -> HttpResponse:
    revision = get_revision_for_review(request.user, pk, get_region_or_404(request))
    form = DecisionForm()
    if request.method == "POST":
        result = _decide(
            request,
            lambda: services.revision_approve(revision=revision, actor=request.user),
            lambda reason: services.revision_reject(revision=revision, actor=request.user, reason=reason),
        )
        if isinstance(result, HttpResponse):
            return result
        form = result
    rows = [
        (revision._meta.get_field(name).verbose_name, revision.before.get(name, ""), value)
        for name, value in revision.texts().items()
    ]
    context = {"revision": revision, "initiative": revision.initiative, "rows": rows, "form": form}
    return render(request, "actioncentre/moderation/revision_review.html", context)


@login_required
def update_review(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_update_for_review(request.user, pk, get_region_or_404(request))
    form = DecisionForm()
    if request.method == "POST":
        result = _decide(
            request,
            lambda: services.update_approve(update=update, actor=request.user),
            lambda reason: services.update_reject(update=update, actor=request.user, reason=reason),
        )
        if isinstance(result, HttpResponse):
            return result
        form = result
    context = {"update": update, "initiative": update.initiative, "form": form}
    return render(request, "actioncentre/moderation/update_review.html", context)


@login_required
def history(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, get_region_or_404(request), write=True)
    context = {"initiative": initiative, "revisions": revisions_of(initiative)}
    return render(request, "actioncentre/moderation/history.html", context)


@login_required
@require_POST
def revision_withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, get_region_or_404(request), write=True)
    services.revision_withdraw(
        revision=get_own_waiting_revision(request.user, initiative), actor=request.user
    )
    messages.success(request, _("Je wijziging is ingetrokken. De pagina blijft zoals hij was."))
    return redirect("initiatives:detail", initiative.slug)


@login_required
@require_POST
def update_withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    initiative = get_initiative_for_user(request.user, slug, get_region_or_404(request), write=True)
    try:
        services.update_withdraw(
            update=get_own_waiting_update(request.user, initiative, pk), actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Je bericht is ingetrokken en verwijderd."))
    return redirect("initiatives:detail", initiative.slug)


@login_required
def waiting_photo(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """A photo that waits for approval: only for the people who manage the initiative, and staff."""
    initiative = get_initiative_for_user(request.user, slug, get_region_or_404(request), write=True)
    update = get_waiting_photo(initiative, pk)
    try:
        handle = private_storage.open(update.pending_photo.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response
