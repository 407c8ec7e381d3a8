from __future__ import annotations

from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from veerkracht.core.mail import mail_enqueue_message
from veerkracht.regions.selectors import current_region

from .models import Role


def _site(request: HttpRequest | None) -> SimpleNamespace:
    """E-mails name the movement, not the host name (we do not use django.contrib.sites)."""
    region = current_region()
    base = settings.SITE_URL or (request.build_absolute_uri("/").rstrip("/") if request else "")
    return SimpleNamespace(name=region.movement_name if region else "Veerkracht", domain=base)


# Where each role's work is, most specific first: after logging in (without a `next`) a person lands
# there, not on the profile form. URL names, not imports: an app that is not installed is skipped.
LANDING = (
    (Role.STAFF, "actioncentre:board"),
    (Role.PROFESSIONAL, "spiderweb:shared_home"),
    (Role.ANALYST, "monitor:region"),
    (Role.REGION_ADMIN, "admin:index"),
    (Role.PARTNER_ADMIN, "connect:partners"),
    (Role.AMBASSADOR, "connect:home"),
    (Role.RESIDENT, "spiderweb:home"),
)


def landing_url(user) -> str:
    """The page where this person's work is (see LANDING); the profile when none is installed."""
    roles = user.roles
    for role, name in LANDING:
        if role == Role.RESIDENT or role in roles:
            try:
                return reverse(name)
            except NoReverseMatch:
                continue
    return reverse(settings.LOGIN_REDIRECT_URL)


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return landing_url(request.user)

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return getattr(settings, "SIGNUP_OPEN", True)

    def format_email_subject(self, subject: str) -> str:
        return f"{_site(None).name}: {subject}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Every account mail goes through the job queue, ahead of everything else in it: someone waits
        for the code on the page they are on (README "Background jobs"). A request never talks to the
        mail server itself, so a slow or hanging one cannot hold it, nor a database lock."""
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": _site(request)}
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        mail_enqueue_message(message, urgent=True)

    def save_user(self, request: HttpRequest, user, form, commit: bool = True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            profile = user.profile
            profile.display_name = (form.cleaned_data.get("display_name") or "").strip()
            lang = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
            profile.preferred_language = lang if lang in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
            profile.full_clean()
            profile.save()
        return user
