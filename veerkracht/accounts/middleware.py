from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .language import set_language_cookie
from .permissions import needs_mfa


class PreferredLanguageMiddleware:
    """A logged-in person sees the site in the language saved in their profile.

    Only when no language cookie is set yet (e.g. right after logging in on a new device); the
    language switch writes both the cookie and the profile.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = None
        if request.user.is_authenticated and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            profile = getattr(request.user, "profile", None)
            if profile is not None and profile.preferred_language in dict(settings.LANGUAGES):
                language = profile.preferred_language
                translation.activate(language)
                request.LANGUAGE_CODE = language
        response = self.get_response(request)
        # The language switch sets its own cookie in this very response: that choice wins.
        if language and settings.LANGUAGE_COOKIE_NAME not in response.cookies:
            set_language_cookie(response, language)
        return response


# Paths a person without two-step login may still use: setting it up, logging out, static files.
MFA_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/taal/", "/dev/", "/privacy/", "/toegankelijkheid/")


class RequireMFAMiddleware:
    """People with a staff role must set up two-step login (TOTP) before using the platform."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(MFA_EXEMPT_PREFIXES)
            and needs_mfa(user)
            and not _has_totp(user)
        ):
            messages.warning(
                request,
                _(
                    "Je hebt een rol waarmee je gegevens van anderen kunt zien. Stel daarom eerst "
                    "inloggen in twee stappen in."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


def _has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
