from __future__ import annotations

import sys

from django.contrib import messages
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from . import retention
from .http import absolute_url
from .mail import mail_resend
from .pagecache import anonymous_page
from .selectors import failed_mail_page, get_failed_mail_for_user, require_mail_staff
from .sitemaps import collected as collected_sitemaps
from .vocabulary import DIMENSION_KEYS, DIMENSION_NAMES, DIMENSION_QUESTIONS

# The six dimensions with the question each asks, for the home page and the explanation page.
DIMENSIONS = [(DIMENSION_NAMES[key], DIMENSION_QUESTIONS[key]) for key in DIMENSION_KEYS]


def _no_data_versions(request: HttpRequest) -> tuple[str, ...]:
    return ()  # the page shows only the region's areas, which change with a new region load at most


@anonymous_page(_no_data_versions, seconds=300)
def home(request: HttpRequest) -> HttpResponse:
    region = request.region
    names = [s.name for s in region.subregions.all()] if region else []
    areas = f"{', '.join(names[:-1])} {_('en')} {names[-1]}" if len(names) > 1 else "".join(names)
    return render(request, "core/home.html", {"dimensions": DIMENSIONS, "areas": areas})


def positive_health(request: HttpRequest) -> HttpResponse:
    return render(request, "core/positive_health.html", {"dimensions": DIMENSIONS})


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html", {"retention_rules": retention.rules()})


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "core/contact.html")


def failed_mail(request: HttpRequest) -> HttpResponse:
    """Mails that could not be sent after every retry, with the reason, for staff to send again."""
    require_mail_staff(request.user)
    return render(request, "core/failed_mail.html", {"mails": failed_mail_page(request.user)})


@require_POST
def failed_mail_resend(request: HttpRequest, pk: int) -> HttpResponse:
    mail = get_failed_mail_for_user(request.user, pk)
    mail_resend(mail=mail, actor=request.user)
    messages.success(request, _("De e-mail aan %(to)s wordt opnieuw verstuurd.") % {"to": mail.to})
    return redirect("core:failed_mail")


def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


# A connection that failed or broke (PostgreSQL down or restarting, SQLite's file unreadable or locked
# past its timeout): the site is unavailable for a moment, not broken.
OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def outage_response(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After, made without the database: a calm page, or JSON for the API."""
    if request.path.startswith("/api/"):
        message = "De gegevens zijn even niet bereikbaar. Probeer het over een minuut opnieuw."
        response: HttpResponse = JsonResponse({"detail": message}, status=503)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def error_500(request: HttpRequest) -> HttpResponse:
    # Called while the error is being handled: when it is the database, say so calmly (503).
    if isinstance(sys.exc_info()[1], OUTAGE_ERRORS):
        return outage_response(request)
    # Keep this page free of database work: the error may be the database itself.
    return render(request, "500.html", {"main_nav": [], "region": None}, status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


# --- Visible outside: robots.txt and sitemap.xml ---------------------------------------------------

# Nothing private is indexed: the back office, accounts, the personal pages and every page reached by a
# private token (registrations, invitations, unsubscribe links, the intake's thank-you page).
ROBOTS_DISALLOW = (
    "/beheer/",
    "/accounts/",
    "/mijn-account/",
    "/mijn-spinnenweb/",
    "/actiecentrum/volgen/",
    "/actiecentrum/bedankt/",
    "/actiecentrum/bord/",
    "/verbinden/antwoord/",
    "/agenda/aanmelding/",
    "/agenda/inchecken/",
    "/agenda/evaluatie/",
    "/agenda/organiseren/",
    "/agenda/mijn-agenda/",
    "/agenda/*/uitnodiging/",
    "/initiatieven/afmelden/",
    "/initiatieven/goedkeuren/",
    "/kennisbank/mijn/",
    "/nieuws/beheren/",
    "/nieuwsbrief/bevestigen/",
    "/nieuwsbrief/instellingen/",
    "/nieuwsbrief/afmelden/",
    "/nieuwsbrief/redactie/",
    "/groepen/",
    "/moderatie/",
    "/melden/",
    "/verhalen/mijn/",
    "/zoeken/",
    "/e-mail/",
    "/taal/",
    "/dev/",
)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {absolute_url(request, reverse('core:sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def sitemap_xml(request: HttpRequest) -> HttpResponse:
    return sitemap_view(request, sitemaps=collected_sitemaps())
