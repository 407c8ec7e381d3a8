"""Demo newsletter: three sent issues in the archive and confirmed subscribers (example.org)."""

from __future__ import annotations

import random
import secrets
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from veerkracht.core.vocabulary import THEMES
from veerkracht.regions.models import Region

from ..models import Delivery, DeliveryStatus, Issue, IssueItem, IssueStatus, Subscriber

NEWSLETTER_SUBSCRIBERS = 90
NEWSLETTER_ISSUES = [
    (
        "Deze maand draait alles om elkaar ontmoeten. In heel Limburg gingen mensen samen wandelen, koken "
        "en praten over wat hen gezond houdt. Lees hieronder waar je kunt aanschuiven.",
        [
            (
                "session",
                "Samen aan tafel in het buurthuis",
                "/agenda/",
                "Een avond koken en eten met buren.",
                "noord-limburg",
            ),
            (
                "session",
                "Inspiratiesessie: wat geeft jou energie?",
                "/agenda/",
                "We praten over de zes kanten van gezondheid.",
                "",
            ),
            (
                "initiative",
                "Wandelclub De Groene Route zoekt begeleiders",
                "/initiatieven/",
                "Wie loopt op dinsdag een rondje mee?",
                "zuid-limburg",
            ),
        ],
    ),
    (
        "De dagen worden korter. Juist nu is het fijn om niet alleen thuis te zitten. Daarom veel tips om "
        "mensen in je buurt te ontmoeten.",
        [
            (
                "session",
                "Koffieochtend voor nieuwe buurtbewoners",
                "/agenda/",
                "Kennismaken met een kop koffie.",
                "midden-limburg",
            ),
            (
                "initiative",
                "Moestuin achter de school zoekt handen",
                "/initiatieven/",
                "Zaaien, wieden en oogsten met kinderen.",
                "noord-limburg",
            ),
            (
                "session",
                "Workshop: het gesprek over gezondheid",
                "/agenda/",
                "Voor professionals en vrijwilligers.",
                "",
            ),
        ],
    ),
    (
        "Wat fijn dat je meeleest! Deze maand vertellen ambassadeurs wat zij leerden van een jaar "
        "Positieve Gezondheid in hun wijk.",
        [
            (
                "initiative",
                "Repair Café zoekt een nieuwe plek",
                "/initiatieven/",
                "Een ruimte voor één zaterdag per maand.",
                "zuid-limburg",
            ),
            (
                "session",
                "Lezing: veerkracht in moeilijke tijden",
                "/agenda/",
                "Met tijd voor vragen uit de zaal.",
                "",
            ),
            (
                "session",
                "Ambassadeursavond Noord-Limburg",
                "/agenda/",
                "Ervaringen delen en elkaar verder helpen.",
                "noord-limburg",
            ),
        ],
    ),
]


def _months_back(today: date, n: int) -> date:
    month = today.replace(day=1)
    for _i in range(n):
        month = (month - timedelta(days=1)).replace(day=1)
    return month


@transaction.atomic
def load(region: Region) -> list[str]:
    if Issue.objects.filter(region=region).exists():
        return []
    rng = random.Random(14)  # noqa: S311 (demo data, fixed seed)
    subregions = list(region.subregions.all())
    now = timezone.now()
    subscribers = []
    for n in range(NEWSLETTER_SUBSCRIBERS):
        subscriber = Subscriber.objects.create(
            region=region,
            email=f"lezer{n + 1}@example.org",
            nonce=secrets.token_hex(16),
            themes=THEMES.mask(rng.sample(THEMES.keys, rng.choice([0, 0, 1, 2]))),
            confirmed_at=now - timedelta(days=rng.randint(1, 200)),
        )
        if subregions and rng.random() < 0.6:
            subscriber.subregions.set([rng.choice(subregions)])
        subscribers.append(subscriber)
    for age, (introduction, items) in zip((3, 2, 1), NEWSLETTER_ISSUES, strict=True):
        month = _months_back(timezone.localdate(), age)
        sent_at = timezone.make_aware(datetime(month.year, month.month, 3, 10, 0))
        issue = Issue.objects.create(
            region=region,
            month=month,
            introduction=introduction,
            status=IssueStatus.SENT,
            sent_at=sent_at,
        )
        IssueItem.objects.bulk_create(
            IssueItem(
                issue=issue, section=section, position=i, title=title, url=url, text=text, subregion=sub
            )
            for i, (section, title, url, text, sub) in enumerate(items)
        )
        readers = [s for s in subscribers if s.confirmed_at < sent_at]
        Delivery.objects.bulk_create(
            Delivery(issue=issue, subscriber=s, status=DeliveryStatus.QUEUED) for s in readers
        )
        Issue.objects.filter(pk=issue.pk).update(recipients=len(readers))
    return [f"Nieuwsbrief: {len(NEWSLETTER_ISSUES)} verstuurde nieuwsbrieven, {len(subscribers)} abonnees"]
