"""The moderation queue for staff: stories that wait for approval and open reports over every kind of
community content; hiding (with a reason), restoring and dismissing a report. And the readers' "melden"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.core.ratelimit import client_ip, too_many
from veerkracht.regions.selectors import get_region_or_404

from ..forms.stories import ReasonForm, ReportForm
from ..permissions.moderation import (
    get_moderated_for_user,
    get_report_for_user,
    get_reportable,
    require_moderator,
)
from ..permissions.stories import get_story_to_moderate
from ..selectors.moderation import link_of, open_reports, recently_decided, recently_hidden, snippet
from ..selectors.stories import waiting_stories
from ..services import moderation as moderation_services
from ..services import stories as story_services


def _back(request: HttpRequest, fallback: str = "community:moderation"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    require_moderator(request.user)
    context = {
        "stories": waiting_stories(get_region_or_404(request)),
        "reports": open_reports(),
        "hidden": recently_hidden(),
        "decided": recently_decided(),
        "reason_form": ReasonForm(),
    }
    return render(request, "community/moderation/queue.html", context)


@login_required
@require_POST
def story_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """One form per waiting story with two buttons: publish, or not with a reason the writer reads."""
    story = get_story_to_moderate(request.user, pk, get_region_or_404(request))
    decision = request.POST.get("decision")
    try:
        if decision == "approve":
            story_services.story_approve(story=story, actor=request.user)
            messages.success(request, _("Het verhaal staat online. De schrijver krijgt een e-mail."))
        elif decision == "decline":
            story_services.story_decline(
                story=story, actor=request.user, reason=request.POST.get("reason", "")
            )
            messages.success(
                request, _("Het verhaal is niet geplaatst. De schrijver krijgt de reden per e-mail.")
            )
        else:
            messages.error(request, _("Kies: goedkeuren of niet plaatsen."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("community:moderation")


@login_required
@require_POST
def content_hide(request: HttpRequest, content_type: int, pk: int) -> HttpResponse:
    obj = get_moderated_for_user(request.user, content_type, pk)
    try:
        moderation_services.content_hide(obj=obj, actor=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Het is verborgen. Niemand ziet het nog, behalve de schrijver."))
    return _back(request)


@login_required
@require_POST
def content_restore(request: HttpRequest, content_type: int, pk: int) -> HttpResponse:
    obj = get_moderated_for_user(request.user, content_type, pk)
    moderation_services.content_restore(obj=obj, actor=request.user)
    messages.success(request, _("Het is weer zichtbaar."))
    return _back(request)


@login_required
@require_POST
def report_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    moderation_services.report_dismiss(report=report, actor=request.user)
    messages.success(request, _("De melding is afgehandeld: er is niets mis mee."))
    return redirect("community:moderation")


def content_report(request: HttpRequest, content_type: int, pk: int) -> HttpResponse:
    """Anyone reports something (no account needed), a few times an hour per address."""
    obj = get_reportable(content_type, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if too_many("community.report", client_ip(request), limit=10, seconds=3600):
            messages.error(request, _("Je hebt net veel meldingen gedaan. Probeer het later nog eens."))
        else:
            moderation_services.content_report(
                obj=obj, reason=form.cleaned_data["reason"], reporter=request.user
            )
            messages.success(request, _("Dank je wel voor je melding. Het actiecentrum kijkt ernaar."))
        return redirect(link_of(obj) or "community:stories")
    context = {"form": form, "snippet": snippet(obj), "url": link_of(obj)}
    return render(request, "community/moderation/report.html", context)
