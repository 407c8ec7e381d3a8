"""Certificates: "Mijn certificaten" with the PDF and the Open Badges credential (the learner's own
only), the public verification page (name, course, date and status, nothing else), and the training
coordinator's list with revoking."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from veerkracht.core.ratelimit import client_ip, too_many
from veerkracht.regions.selectors import get_region_or_404

from .. import documents
from ..forms.certificates import RevokeForm, SearchForm, VerifyForm
from ..permissions import require_coordinator
from ..permissions.certificates import get_certificate_for_user
from ..selectors.certificates import certificate_by_number, certificates_of, certificates_page
from ..services.certificates import certificate_reissue, certificate_revoke

VERIFY_LIMIT = (60, 600)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(request, "learning/certificates/mine.html", {"certificates": certificates_of(request.user)})


@login_required
def pdf(request: HttpRequest, number: str) -> HttpResponse:
    certificate = get_certificate_for_user(request.user, number)
    body = documents.certificate_pdf(certificate, get_region_or_404(request))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificaat-{certificate.number}.pdf"'
    return response


@login_required
def badge(request: HttpRequest, number: str) -> HttpResponse:
    certificate = get_certificate_for_user(request.user, number)
    data = documents.credential(certificate, get_region_or_404(request))
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="badge-{certificate.number}.json"'
    return response


@login_required
def badge_jwt(request: HttpRequest, number: str) -> HttpResponse:
    certificate = get_certificate_for_user(request.user, number)
    token = documents.credential_jwt(certificate, get_region_or_404(request))
    response = HttpResponse(token, content_type="application/vc+jwt")
    response["Content-Disposition"] = f'attachment; filename="badge-{certificate.number}.jwt"'
    return response


@require_GET
def issuer(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        {"@context": [documents.OB_CONTEXT], **documents.issuer_profile(get_region_or_404(request))}
    )


@require_GET
def keys(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"keys": [documents.public_jwk()]})


@never_cache
def verify_form(request: HttpRequest) -> HttpResponse:
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        return redirect("learning:certificate_verify", number=form.cleaned_data["nummer"].strip()[:40])
    return render(request, "learning/certificates/verify_form.html", {"form": form})


@never_cache
def verify(request: HttpRequest, number: str) -> HttpResponse:
    if too_many(
        "learning.certificate.verify",
        client_ip(request),
        limit=VERIFY_LIMIT[0],
        seconds=VERIFY_LIMIT[1],
    ):
        return render(request, "429.html", status=429)
    certificate = certificate_by_number(number)
    context = {"certificate": certificate, "number": number[:40], "form": VerifyForm()}
    status = 200 if certificate is not None else 404
    response = render(request, "learning/certificates/verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    form = SearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    page = certificates_page(get_region_or_404(request), q=q, number=request.GET.get("pagina"))
    return render(request, "learning/certificates/manage.html", {"form": form, "page": page, "q": q})


@login_required
def revoke(request: HttpRequest, number: str) -> HttpResponse:
    certificate = get_certificate_for_user(request.user, number, write=True)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            certificate_revoke(
                certificate=certificate, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error(None if not hasattr(exc, "error_dict") else "reason", exc)
        else:
            messages.success(request, _("Het certificaat is ingetrokken."))
            return redirect("learning:certificates_manage")
    status = 400 if form.errors else 200
    context = {"certificate": certificate, "form": form}
    return render(request, "learning/certificates/revoke.html", context, status=status)


@login_required
@require_POST
def reissue(request: HttpRequest, number: str) -> HttpResponse:
    certificate = get_certificate_for_user(request.user, number, write=True)
    try:
        new = certificate_reissue(certificate=certificate, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Er is een nieuw certificaat uitgegeven: %(number)s.") % {"number": new.number}
        )
    return redirect("learning:certificates_manage")
