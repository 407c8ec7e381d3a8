from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from veerkracht.regions.selectors import region_for_request

# The six dimensions of Positive Health (Huber et al. 2016), in plain language.
DIMENSIONS = [
    (
        _("Lichaamsfuncties"),
        _("Hoe gaat het met je lichaam? Denk aan je energie, slapen, eten, bewegen en pijn."),
    ),
    (
        _("Mentaal welbevinden"),
        _("Hoe voel je je van binnen? Kun je goed nadenken, omgaan met zorgen en jezelf zijn?"),
    ),
    (
        _("Zingeving"),
        _("Wat geeft je leven zin? Waar word je blij van en waar kijk je naar uit?"),
    ),
    (
        _("Kwaliteit van leven"),
        _("Geniet je van het leven? Voel je je veilig, heb je een fijn huis en genoeg geld?"),
    ),
    (
        _("Meedoen"),
        _("Heb je goed contact met anderen? Hoor je erbij en doe je mee, met werk of vrijwilligerswerk?"),
    ),
    (
        _("Dagelijks functioneren"),
        _("Lukt het om voor jezelf te zorgen, je dag te plannen en hulp te vragen als dat nodig is?"),
    ),
]


def home(request: HttpRequest) -> HttpResponse:
    region = region_for_request(request)
    names = [s.name for s in region.subregions.all()] if region else []
    areas = f"{', '.join(names[:-1])} {_('en')} {names[-1]}" if len(names) > 1 else "".join(names)
    return render(request, "core/home.html", {"dimensions": DIMENSIONS, "areas": areas})


def positive_health(request: HttpRequest) -> HttpResponse:
    return render(request, "core/positive_health.html", {"dimensions": DIMENSIONS})


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "core/contact.html")


def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # Keep this page free of database work: the error may be the database itself.
    return render(request, "500.html", {"main_nav": [], "region": None}, status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
