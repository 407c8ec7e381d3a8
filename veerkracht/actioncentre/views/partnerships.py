"""An organisation's admins answer initiatives that want to name it as a partner."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.regions.selectors import get_region_or_404

from ..permissions.partnerships import get_organisation_as_admin, get_partner_request_of
from ..selectors.partnerships import partner_requests_of
from ..services import partnerships as services


@login_required
def requests(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_as_admin(request.user, slug, get_region_or_404(request))
    context = {"organisation": organisation, "links": list(partner_requests_of(organisation)[:200])}
    return render(request, "actioncentre/partnerships/requests.html", context)


@login_required
@require_POST
def decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = get_organisation_as_admin(request.user, slug, get_region_or_404(request))
    link = get_partner_request_of(organisation, pk)
    if request.POST.get("decision") not in {"accept", "decline"}:
        raise Http404
    accept = request.POST["decision"] == "accept"
    services.partner_link_decide(link=link, actor=request.user, accept=accept)
    title = link.initiative.title
    if accept:
        messages.success(
            request, _("Gelukt. Jullie staan nu als partner bij “%(title)s”.") % {"title": title}
        )
    else:
        messages.success(
            request, _("Gelukt. Jullie staan niet als partner bij “%(title)s”.") % {"title": title}
        )
    return redirect("partnerships:requests", organisation.slug)
