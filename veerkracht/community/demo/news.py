"""Demo news items (in our own words): some current, one scheduled, one expired."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from veerkracht.accounts.demo import DEMO_DOMAIN
from veerkracht.accounts.models import User
from veerkracht.regions.models import Region

from ..models import NewsItem


def _staff() -> User | None:
    return User.objects.filter(email=f"actiecentrum@{DEMO_DOMAIN}").first()


# --- news ------------------------------------------------------------------------------------------

NEWS = [
    (
        -40,
        None,
        "Honderd ambassadeurs in Limburg",
        "Deze maand heeft de honderdste ambassadeur de training afgerond. Ambassadeurs zijn inwoners en "
        "professionals die in hun eigen buurt of werk vertellen over Positieve Gezondheid. Ze stellen de "
        "vraag: wat is voor jou belangrijk? Wil je ook ambassadeur worden? Kijk in de agenda voor de "
        "volgende training.",
    ),
    (
        -25,
        None,
        "Nieuwe praktijkgids: het goede gesprek aan de keukentafel",
        "Samen met wijkteams uit Heerlen en Venlo schreven we een gids voor het gesprek aan de keukentafel. "
        "Hij staat in de kennisbank. Er staan vragen in die je kunt stellen, en verhalen van mensen die "
        "het al deden.",
    ),
    (
        -12,
        None,
        "Inspiratiesessies in het najaar",
        "In september, oktober en november zijn er weer inspiratiesessies in Noord-, Midden- en "
        "Zuid-Limburg. Je ontmoet mensen uit je eigen regio en hoort wat zij doen. Meedoen is gratis.",
    ),
    (
        -5,
        -1,
        "Laatste kans: aanmelden voor de werkplaats beleid",
        "Voor beleidsmakers van gemeenten is er een werkplaats over Positieve Gezondheid in beleid. "
        "Aanmelden kon tot gisteren. Dit bericht is daarom verlopen.",
    ),
    (
        -2,
        None,
        "Twintig initiatieven kregen hulp via het actiecentrum",
        "Dit jaar vonden twintig initiatieven via het actiecentrum een partner, een ruimte of vrijwilligers. "
        "Van een wandelgroep in Roermond tot een moestuin bij een school in Sittard. Heb jij ook een idee? "
        "Het actiecentrum denkt met je mee.",
    ),
    (
        7,
        None,
        "Aangekondigd: de dag van de veerkracht",
        "Volgende week zetten we alle initiatieven in het zonnetje. Dit bericht staat klaar en verschijnt "
        "vanzelf op de dag zelf.",
    ),
]


def load(region: Region) -> list[str]:
    if not NewsItem.objects.filter(region=region).exists():
        now, staff = timezone.now(), _staff()
        NewsItem.objects.bulk_create(
            NewsItem(
                region=region,
                title=title,
                text=text,
                published_at=now + timedelta(days=days),
                expires_at=now + timedelta(days=expires) if expires is not None else None,
                author=staff,
            )
            for days, expires, title, text in NEWS
        )
    return [f"Nieuws: {NewsItem.objects.filter(region=region).count()} berichten"]
