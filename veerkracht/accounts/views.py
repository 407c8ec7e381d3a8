from __future__ import annotations

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.core.http import json_attachment
from veerkracht.core.personal_data import export_all, summary_all
from veerkracht.regions.selectors import municipalities_for_region

from . import services
from .forms import AccountDeleteForm, ProfileForm
from .language import set_language_cookie
from .models import Role
from .selectors import memberships_of


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(
        request.POST if request.method == "POST" else None,
        initial={
            "display_name": user.profile.display_name,
            "municipality": user.profile.municipality_id,
            "neighbourhood": user.profile.neighbourhood,
            "age_band": user.profile.age_band,
            "preferred_language": user.profile.preferred_language,
        },
        municipalities=municipalities_for_region(request.region),
    )
    if request.method == "POST" and form.is_valid():
        profile = services.profile_update(user=user, **form.cleaned_data)
        messages.success(request, _("Je gegevens zijn opgeslagen."))
        response = redirect("accounts:profile")
        set_language_cookie(response, profile.preferred_language)
        return response
    context = {
        "form": form,
        "roles": sorted((Role(r).label for r in user.roles if r != Role.RESIDENT), key=str),
        "memberships": memberships_of(user),
        "has_password": user.has_usable_password(),
        "has_mfa": is_mfa_enabled(user),
    }
    return render(request, "accounts/profile.html", context)


@login_required
def export(request: HttpRequest) -> HttpResponse:
    """Everything every app holds about this person, as one JSON file (AVG right of access)."""
    return json_attachment(export_all(request.user), f"mijn-gegevens-{timezone.localdate():%Y-%m-%d}.json")


@login_required
def account_delete(request: HttpRequest) -> HttpResponse:
    """Before the confirmation: what will be deleted, and what stays without the person's name."""
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        services.account_delete(user=user)  # all or nothing: logged out only once it is done
        logout(request)
        messages.success(request, _("Je account en je gegevens zijn verwijderd."))
        return redirect("core:home")
    return render(
        request, "accounts/account_delete.html", {"form": form, "summary": summary_all(request.user)}
    )


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the language (cookie) and, for a logged-in person, remember it in the profile."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language not in dict(settings.LANGUAGES):
        messages.error(request, _("Deze taal kennen we niet."))
        return response
    translation.activate(language)
    if request.user.is_authenticated:
        services.profile_set_language(user=request.user, language=language)
    set_language_cookie(response, language)
    return response
