"""Het andere gesprek: a resident shares webs with a professional, who reads them and adds notes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.accounts.models import Role
from veerkracht.core.http import base_url
from veerkracht.core.ratelimit import client_ip, too_many

from ..forms import ClaimForm, NoteForm, ShareForm
from ..permissions import get_assessment_for_user, get_share_for_owner, get_shared_web_for_professional
from ..presenters import result_context
from ..selectors import (
    access_log_for,
    active_shares_for_professional,
    ended_shares_for_professional,
    notes_on,
    shares_of,
    webs_per_share,
)
from ..services import sharing as services

# Attempts to open a shared web with a code, per hour (a professional needs one per resident).
CLAIMS_PER_PROFESSIONAL = (10, 60 * 60)
CLAIMS_PER_ADDRESS = (20, 60 * 60)


@login_required
def share_create(request: HttpRequest, pk: int) -> HttpResponse:
    web = get_assessment_for_user(request.user, pk)
    if not web.is_completed:
        raise Http404
    form = ShareForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            share, code = services.share_create(
                web=web, **form.service_arguments(), base_url=base_url(request)
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            # The code is shown once, right now; afterwards only its hash exists.
            return render(request, "spiderweb/share_created.html", {"share": share, "code": code, "web": web})
    return render(request, "spiderweb/share_form.html", {"form": form, "web": web})


@login_required
def sharing(request: HttpRequest) -> HttpResponse:
    log = list(access_log_for(request.user)[:100])
    for entry in log:  # the web's date is stored as ISO text; show it as a date
        entry.web_date = parse_date(str((entry.data or {}).get("date") or ""))
    context = {"shares": shares_of(request.user), "log": log, "now": timezone.now()}
    return render(request, "spiderweb/sharing.html", context)


@login_required
@require_POST
def share_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    services.share_revoke(share=get_share_for_owner(request.user, pk))
    messages.success(request, _("Het delen is gestopt. De professional kan niets meer zien."))
    return redirect("spiderweb:sharing")


@login_required
def shared_home(request: HttpRequest) -> HttpResponse:
    if not request.user.has_role(Role.PROFESSIONAL):
        raise Http404
    form = ClaimForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if _claims_limited(request):
            form.add_error(
                "code", _("Je hebt te vaak een code geprobeerd. Wacht een uur en probeer het dan opnieuw.")
            )
            status = 429
        else:
            try:
                share = services.share_claim(professional=request.user, code=form.cleaned_data["code"])
            except ValidationError as exc:
                services.share_claim_failed(professional=request.user)
                form.add_error("code", exc)
            else:
                messages.success(request, _("Gelukt. Je kunt het spinnenweb nu bekijken."))
                if share.assessment_id is None:  # the first web was deleted; later ones are listed below
                    return redirect("spiderweb:shared_home")
                return redirect("spiderweb:shared_web", share.pk, share.assessment_id)
    shares = webs_per_share(list(active_shares_for_professional(request.user)))
    ended = ended_shares_for_professional(request.user)
    context = {"form": form, "shares": shares, "ended": ended}
    return render(request, "spiderweb/shared_home.html", context, status=status)


def _claims_limited(request: HttpRequest) -> bool:
    """A code has 32^8 values; guessing is stopped long before: per professional and per address."""
    limit, seconds = CLAIMS_PER_PROFESSIONAL
    if too_many("spiderweb.claim.user", str(request.user.pk), limit=limit, seconds=seconds):
        return True
    limit, seconds = CLAIMS_PER_ADDRESS
    return too_many("spiderweb.claim.ip", client_ip(request), limit=limit, seconds=seconds)


@login_required
def shared_web(request: HttpRequest, share_pk: int, web_pk: int) -> HttpResponse:
    share, web = get_shared_web_for_professional(request.user, share_pk, web_pk)
    form = NoteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.note_add(share=share, web=web, author=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("Je notitie is opgeslagen. De inwoner kan hem lezen."))
        return redirect("spiderweb:shared_web", share.pk, web.pk)
    services.share_log_view(viewer=request.user, web=web, share=share)
    context = result_context(web, compare=None, others=[]) | {
        "share": share,
        "note_form": form,
        # Only this share's notes: notes written under an earlier (ended) share are not for this reader.
        "notes": notes_on(web, share),
        "reflection": getattr(web, "reflection", None) if share.include_reflection else None,
    }
    return render(request, "spiderweb/shared_web.html", context)
