"""Demo spider webs for `make run`: residents with several webs over two years."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from veerkracht.accounts.models import User
from veerkracht.regions.models import Region

from . import demo_population
from .models import Assessment, Instrument, Status
from .services import instruments as instrument_services
from .services import sharing as sharing_services
from .services import webs as web_services

# (e-mail, instrument slug, starting level per dimension, monthly change)
DEMO_PEOPLE = [
    ("inwoner@demo.veerkracht.nl", "volwassenen", [5.5, 4.5, 5.0, 5.0, 4.0, 6.5], 0.12),
    ("jan.inwoner@demo.veerkracht.nl", "eenvoudig", [6.0, 6.5, 5.0, 5.5, 3.5, 7.0], 0.08),
    ("noor.inwoner@demo.veerkracht.nl", "volwassenen", [7.0, 5.0, 6.0, 6.5, 6.0, 7.5], -0.03),
]
MONTHS_AGO = [24, 18, 12, 6, 1]


def load(region: Region, *, people: int = demo_population.PEOPLE) -> list[str]:
    """The demo residents' own webs and shares, then the population the monitor's figures come from."""
    return _load_people(region) + demo_population.load(region, people=people)


@transaction.atomic
def _load_people(region: Region) -> list[str]:
    instrument_services.instruments_load_bundled()
    rng = random.Random(2026)  # noqa: S311 - demo data, not security
    now = timezone.now()
    for email, slug, levels, trend in DEMO_PEOPLE:
        owner = User.objects.filter(email=email).first()
        if owner is None:
            from veerkracht.accounts.services import user_create

            municipality = region.municipalities.order_by("?").first()
            owner = user_create(
                email=email, display_name=email.split(".")[0].title(), municipality=municipality
            )
        if Assessment.objects.filter(owner=owner, status=Status.COMPLETED).exists():
            continue
        instrument = Instrument.objects.get(slug=slug, is_active=True)
        web_services.research_consent_set(user=owner, given=email != "inwoner@demo.veerkracht.nl")
        for months in MONTHS_AGO:
            elapsed = MONTHS_AGO[0] - months
            answers = {}
            for level, dim in zip(levels, instrument.dimensions, strict=True):
                for item in dim["items"]:
                    value = level + trend * elapsed + rng.uniform(-1.5, 1.5)
                    answers[item["key"]] = max(0, min(10, round(value)))
            talk = [k for k, v in answers.items() if v <= 3][:3]
            web = web_services.assessment_create_from_answers(
                owner=owner, instrument=instrument, answers=answers, talk_about=talk
            )
            when = now - timedelta(days=30 * months)
            Assessment.objects.filter(pk=web.pk).update(started_at=when, completed_at=when)
        latest = Assessment.objects.filter(owner=owner).latest("completed_at")
        web_services.reflection_save(
            assessment=latest,
            matters_most="Dat ik weer vaker buiten kom en mensen zie.",
            focus_dimension="participation",
            want_to_change="Eén keer per week iets doen met anderen, bijvoorbeeld wandelen.",
            needs="Iemand die de eerste keer met me meegaat.",
            who_can_help="Mijn buurvrouw, of de wijkcoach.",
        )
    _load_shares(now)
    return []


def _load_shares(now) -> None:
    """The demo professional has webs shared with them: two active (one with notes), one expired."""
    from veerkracht.accounts.demo import DEMO_DOMAIN
    from veerkracht.spiderweb.models import Share, ShareScope

    professional = User.objects.filter(email=f"professional@{DEMO_DOMAIN}").first()
    if professional is None or Share.objects.filter(professional=professional).exists():
        return
    plans = [
        # (resident, scope, days until expiry, note by the professional)
        (
            "inwoner@demo.veerkracht.nl",
            ShareScope.FUTURE,
            90,
            "Fijn gesprek gehad. Afgesproken: volgende week samen kijken naar de wandelgroep in de wijk.",
        ),
        ("jan.inwoner@demo.veerkracht.nl", ShareScope.ONE, 30, ""),
        ("noor.inwoner@demo.veerkracht.nl", ShareScope.ONE, -10, ""),
    ]
    for email, scope, days, note in plans:
        owner = User.objects.filter(email=email).first()
        web = (
            Assessment.objects.filter(owner=owner, status=Status.COMPLETED).order_by("-completed_at").first()
        )
        if web is None:
            continue
        share, code = sharing_services.share_create(
            web=web, scope=scope, expires_at=now + timedelta(days=max(days, 1)), include_reflection=bool(note)
        )
        share = sharing_services.share_claim(professional=professional, code=code)
        if note:
            sharing_services.share_log_view(viewer=professional, web=web, share=share)
            sharing_services.note_add(share=share, web=web, author=professional, text=note)
        if days < 0:  # an ended share: the professional sees it has ended, the resident sees it in the list
            Share.objects.filter(pk=share.pk).update(
                created_at=now + timedelta(days=days - 60), expires_at=now + timedelta(days=days)
            )
