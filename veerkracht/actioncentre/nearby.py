"""What the action centre offers nearby for one part of health (core/nearby.py): initiatives to join
and offers of help, each one tap away."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from veerkracht.core.nearby import Source, Suggestion, register

from .selectors.connect import offers_nearby
from .selectors.initiatives import initiatives_nearby


def _initiatives(region, municipality, dimension: str, limit: int) -> list[Suggestion]:
    return [
        Suggestion(
            title=i.title,
            url=reverse("initiatives:detail", args=[i.slug]),
            text=i.summary,
            where=i.municipality.name,
        )
        for i in initiatives_nearby(region, municipality, dimension, limit=limit)
    ]


def _initiatives_url(region, municipality, dimension: str) -> str:
    query = {"kant": dimension} | ({"gemeente": municipality.code} if municipality else {})
    return f"{reverse('initiatives:list')}?{urlencode(query)}"


def _offers(region, municipality, dimension: str, limit: int) -> list[Suggestion]:
    return [
        Suggestion(
            title=o.title,
            url=reverse("connect:offer", args=[o.pk]),
            text=o.description[:140] + ("…" if len(o.description) > 140 else ""),
            where=o.municipality.name if o.municipality else _("in de hele regio"),
        )
        for o in offers_nearby(region, municipality, dimension, limit=limit)
    ]


def _offers_url(region, municipality, dimension: str) -> str:
    query = f"?{urlencode({'place': f'g{municipality.pk}'})}" if municipality else ""
    return f"{reverse('connect:home')}{query}"


register(
    Source(
        key="actioncentre.initiatives",
        heading=gettext_lazy("Initiatieven om mee te doen"),
        find=_initiatives,
        more_url=_initiatives_url,
        more_label=gettext_lazy("Meer initiatieven"),
        order=10,
    )
)
register(
    Source(
        key="actioncentre.offers",
        heading=gettext_lazy("Mensen en organisaties die hulp aanbieden"),
        find=_offers,
        more_url=_offers_url,
        more_label=gettext_lazy("Meer aanbod"),
        order=20,
    )
)
