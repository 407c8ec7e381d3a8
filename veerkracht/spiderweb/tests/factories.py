"""factory_boy factories for spider webs and shares, built through the services as the app does."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.spiderweb.models import Assessment, Instrument, Share, ShareScope
from veerkracht.spiderweb.services import instruments as instrument_services
from veerkracht.spiderweb.services import sharing as sharing_services
from veerkracht.spiderweb.services import webs as web_services


def instrument(slug: str = "volwassenen") -> Instrument:
    found = Instrument.objects.filter(slug=slug, is_active=True).first()
    if found is None:
        instrument_services.instruments_load_bundled()
        found = Instrument.objects.get(slug=slug, is_active=True)
    return found


class WebFactory(factory.Factory):
    """A completed web: every item answered with `score` (or a function of the item key)."""

    class Meta:
        model = Assessment

    owner = factory.SubFactory(UserFactory)
    slug = "volwassenen"
    score = 6
    talk: tuple[str, ...] = ()

    @classmethod
    def _create(cls, model_class, *args, owner, slug, score, talk, **kwargs) -> Assessment:
        used = instrument(slug)
        answers = {key: (score(key) if callable(score) else score) for key in used.item_keys}
        return web_services.assessment_create_from_answers(
            owner=owner, instrument=used, answers=answers, talk_about=talk, **kwargs
        )


class ShareFactory(factory.Factory):
    """A share of a web for `days` days; claimed by `professional` when one is given.

    The one-time code is on the share as ``share.code`` (the database keeps only its hash).
    """

    class Meta:
        model = Share

    web = factory.SubFactory(WebFactory)
    scope = ShareScope.ONE
    days = 30
    invite_email = ""
    professional = None

    @classmethod
    def _create(cls, model_class, *args, web, days, professional, **kwargs) -> Share:
        share, code = sharing_services.share_create(
            web=web, expires_at=timezone.now() + timedelta(days=days), **kwargs
        )
        if professional is not None:
            share = sharing_services.share_claim(professional=professional, code=code)
        share.code = code
        return share


def fill_in_without_account(client, instrument: Instrument, value: str = "6") -> str:
    """Start and fill in a whole web in `client`'s session (no account); returns the result's URL."""
    from django.urls import reverse

    url = client.post(reverse("spiderweb:start"), {"instrument": instrument.slug}).url
    for index in range(len(instrument.dimensions)):
        answers = {f"item-{i['key']}": value for i in instrument.dimension(index)["items"]}
        response = client.post(url, {**answers, "direction": "next"})
        assert response.status_code == 302, response.content.decode()[:500]
        url = response.url
    return url
