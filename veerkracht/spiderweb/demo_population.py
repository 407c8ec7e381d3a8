"""Demo spider webs for the monitor (`make run`): residents whose consented webs tell a plausible story.

About 4,000 residents across Limburg's municipalities (more in the large towns and in Parkstad, where
the movement started; a handful in the smallest, so small-number protection shows) fill in webs over
the last 34 closed months; 40% fill in a second one and 15% a third, months later. The scores are
made up but shaped like the real picture: people with a low education score lower, most on body
functions, daily functioning and participation (about one point on 0–10); Parkstad a little lower;
later webs a little higher than a person's first (more so in the low group, so the gap narrows
slowly). Deterministic (fixed seed) and idempotent: nothing happens when the population exists.
The rows are written by the bulk writer (bulk.py), thousands at a time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from veerkracht.accounts.demo import DEMO_DOMAIN
from veerkracht.accounts.models import User
from veerkracht.core.vocabulary import DIMENSION_KEYS
from veerkracht.regions.models import Region

from .bulk import ResidentSpec, WebSpec, answers_for, residents_create
from .models import Instrument
from .services.instruments import instruments_load_bundled

PEOPLE = 4000
MONTHS = 34  # the last 34 closed months (January 2024 to October 2026 when loaded in November 2026)
SEED = 2024
EMAIL = "inwoner-{n:04d}@" + DEMO_DOMAIN

# CBS code: (inhabitants in thousands, how active the movement is there). People are spread by
# inhabitants**0.75 × activity: large towns get more people, but not so many more that every small
# municipality disappears below the privacy threshold.
MUNICIPALITIES = {
    "GM0935": (122, 1.0),  # Maastricht
    "GM0983": (102, 1.0),  # Venlo
    "GM1883": (91, 1.0),  # Sittard-Geleen
    "GM0917": (87, 1.2),  # Heerlen: where Limburg Positief Gezond started
    "GM0957": (59, 1.0),  # Roermond
    "GM0988": (50, 0.9),  # Weert
    "GM0928": (45, 1.3),  # Kerkrade
    "GM0984": (44, 0.9),  # Venray
    "GM1894": (44, 0.8),  # Peel en Maas
    "GM1507": (43, 0.8),  # Horst aan de Maas
    "GM0882": (37, 1.1),  # Landgraaf
    "GM1954": (36, 0.35),  # Beekdaelen: hardly started yet
    "GM1640": (36, 0.8),  # Leudal
    "GM1711": (32, 0.9),  # Echt-Susteren
    "GM0899": (27, 1.2),  # Brunssum
    "GM0971": (25, 1.0),  # Stein
    "GM1903": (25, 0.9),  # Eijsden-Margraten
    "GM1641": (24, 0.9),  # Maasgouw
    "GM1669": (21, 0.9),  # Roerdalen
    "GM0938": (19, 1.0),  # Meerssen
    "GM0907": (17, 0.9),  # Gennep
    "GM0946": (17, 0.9),  # Nederweert
    "GM0994": (16, 1.0),  # Valkenburg aan de Geul
    "GM0888": (16, 1.0),  # Beek
    "GM1729": (14, 0.9),  # Gulpen-Wittem
    "GM0889": (13.5, 0.9),  # Beesel
    "GM0893": (13, 0.9),  # Bergen
    "GM0986": (12.5, 1.0),  # Voerendaal
    "GM0965": (10.5, 0.8),  # Simpelveld
    "GM0981": (10, 0.8),  # Vaals
    "GM0944": (8, 0.8),  # Mook en Middelaar
}
PARKSTAD = {"GM0917", "GM0928", "GM0899", "GM0882", "GM0965", "GM0986", "GM1954"}

AGE_BANDS = {"18-24": 7, "25-34": 13, "35-44": 14, "45-54": 18, "55-64": 20, "65-74": 17, "75+": 11}
EDUCATION = {"low": 30, "middle": 40, "high": 25, "": 5}
CONSENT = 0.92  # share of people who let their scores count in the monitor
SECOND, THIRD = 0.40, 0.15  # share of people with at least two, and with three webs

# Mean score per dimension for the middle education group, outside Parkstad, aged 45–54.
BASE = {"body": 6.7, "mind": 7.1, "meaning": 7.3, "quality": 7.0, "participation": 6.6, "daily": 7.3}


def _per_dimension(*values: float) -> dict[str, float]:
    """Values in the order of DIMENSION_KEYS: body, mind, meaning, quality, participation, daily."""
    return dict(zip(DIMENSION_KEYS, values, strict=True))


# Health inequality: most on body functions, participation and daily functioning.
EDUCATION_EFFECT = {
    "low": _per_dimension(-0.8, -0.35, -0.3, -0.4, -0.75, -0.75),
    "middle": _per_dimension(0, 0, 0, 0, 0, 0),
    "high": _per_dimension(0.45, 0.2, 0.15, 0.25, 0.45, 0.4),
    "": _per_dimension(-0.3, -0.3, -0.3, -0.3, -0.3, -0.3),
}
AGE_EFFECT = {
    "18-24": {"body": 0.5, "mind": -0.4},
    "25-34": {"body": 0.4, "mind": -0.2},
    "35-44": {"body": 0.2},
    "55-64": {"body": -0.3},
    "65-74": {"body": -0.5, "participation": -0.1},
    "75+": {"body": -1.0, "participation": -0.4, "daily": -0.5, "meaning": 0.1},
}
PARKSTAD_EFFECT = -0.35
# Improvement of a later web over the first (grows a little with a third web).
IMPROVEMENT = {"low": 0.55, "middle": 0.35, "high": 0.3, "": 0.4}
INEQUALITY_DIMS = ("body", "participation", "daily")
LOW_TREND_PER_YEAR = 0.12  # the low group's first webs get slowly better over time too
PERSON_SD, DIMENSION_SD, WEB_SD = 1.0, 0.6, 0.8  # together about 1.4 to 1.5


@dataclass(frozen=True)
class Person:
    code: str
    age_band: str
    education: str
    consent: bool
    level: float  # the person's own general level (random effect)
    dims: dict[str, float]  # and per dimension


def exists() -> bool:
    return User.objects.filter(email=EMAIL.format(n=1)).exists()


def load(region: Region, *, people: int = PEOPLE, now: datetime | None = None) -> list[str]:
    """Create the demo population once; returns a line for `setup_demo` to print."""
    if exists():
        return []
    instruments_load_bundled()
    instrument = Instrument.objects.get(slug="volwassenen", is_active=True)
    municipalities = dict(region.municipalities.values_list("code", "pk"))
    codes = [code for code in MUNICIPALITIES if code in municipalities]
    if not codes:
        return []
    today = timezone.localdate(now) if now else timezone.localdate()
    end = date(today.year, today.month, 1)  # webs only in closed months
    start = add_months(end, -MONTHS)
    rng = random.Random(SEED)  # noqa: S311 - demo data, not security
    weights = [MUNICIPALITIES[code][0] ** 0.75 * MUNICIPALITIES[code][1] for code in codes]
    residents = (
        _resident(n, rng, instrument, municipalities, codes, weights, start, end)
        for n in range(1, people + 1)
    )
    created = residents_create(residents, instrument=instrument, batch_size=2000)
    return [f"  Monitor demo: {created.residents:,} residents with {created.webs:,} spider webs"]


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _resident(n, rng, instrument, municipalities, codes, weights, start, end) -> ResidentSpec:
    code = rng.choices(codes, weights)[0]
    education = rng.choices(list(EDUCATION), list(EDUCATION.values()))[0]
    person = Person(
        code=code,
        age_band=rng.choices(list(AGE_BANDS), list(AGE_BANDS.values()))[0],
        education=education,
        consent=rng.random() < CONSENT,
        level=rng.gauss(0, PERSON_SD),
        dims={key: rng.gauss(0, DIMENSION_SD) for key in DIMENSION_KEYS},
    )
    draw = rng.random()
    count = 3 if draw < THIRD else 2 if draw < SECOND else 1
    webs = []
    for index, moment in enumerate(_moments(rng, count, start, end)):
        answers, scores = answers_for(instrument, _scores(rng, person, index, moment, start), rng)
        webs.append(WebSpec(completed_at=moment, answers=answers, scores=scores, minutes=rng.randint(6, 25)))
    return ResidentSpec(
        email=EMAIL.format(n=n),
        municipality_id=municipalities[code],
        age_band=person.age_band,
        research_consent=person.consent,
        education=education if person.consent else "",
        webs=webs,
    )


def _moments(rng: random.Random, count: int, start: date, end: date) -> list[datetime]:
    """When one person fills in `count` webs: the first in a growing stream, the next 3–12 months later."""
    months = (end.year - start.year) * 12 + end.month - start.month
    room = months - 3 * (count - 1)  # the first web leaves room for the later ones
    # More people start each month than the month before (the movement grows).
    first = rng.choices(range(room), [1 + 1.5 * m / max(room - 1, 1) for m in range(room)])[0]
    offsets = [first]
    for _ in range(count - 1):
        left = months - 1 - offsets[-1] - 3 * (count - len(offsets) - 1)
        offsets.append(offsets[-1] + rng.randint(3, max(3, min(12, left))))
    moments = []
    for offset in offsets:
        month = add_months(start, offset)
        days = (add_months(month, 1) - month).days
        day = month + timedelta(days=rng.randrange(days))
        moment = datetime.combine(day, time(rng.randint(8, 21), rng.randrange(60)))
        moments.append(timezone.make_aware(moment))
    return moments


def _scores(
    rng: random.Random, person: Person, index: int, moment: datetime, start: date
) -> dict[str, float]:
    years = (moment.date() - start).days / 365.25
    gain = 0.0 if index == 0 else IMPROVEMENT[person.education] * (1 + 0.3 * (index - 1))
    scores = {}
    for key in DIMENSION_KEYS:
        value = (
            BASE[key]
            + EDUCATION_EFFECT[person.education][key]
            + AGE_EFFECT.get(person.age_band, {}).get(key, 0)
        )
        if person.code in PARKSTAD:
            value += PARKSTAD_EFFECT
        if key in INEQUALITY_DIMS:
            value += gain * 1.2
            if person.education == "low":
                value += LOW_TREND_PER_YEAR * years
        else:
            value += gain * 0.8
        value += person.level + person.dims[key] + rng.gauss(0, WEB_SD)
        scores[key] = min(10.0, max(0.0, value))
    return scores
