"""Shared monitor fixtures: a small dataset with known numbers, frozen into snapshots.

Use ``monitor_data`` in any monitor test (pages, downloads, API, PDF) and assert exact numbers; the
docstring of the fixture lists everything it contains.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from veerkracht.regions.models import Region

AMS = ZoneInfo("Europe/Amsterdam")

MAASTRICHT, HEERLEN, VAALS = "GM0935", "GM0917", "GM0981"
ZUID_LIMBURG = "zuid-limburg"

FEB = datetime(2025, 2, 10, 12, 0, tzinfo=AMS)
SEP = datetime(2025, 9, 15, 12, 0, tzinfo=AMS)
# The snapshot is taken "now": 2025 and its months and quarters are closed, 2026-02 and 2026-K1 open.
SNAPSHOT_AT = datetime(2026, 2, 15, 12, 0, tzinfo=AMS)


@dataclass(frozen=True)
class MonitorData:
    """What ``monitor_data`` built; ``expected`` holds the numbers tests can assert exactly."""

    region: Region
    now: datetime
    residents: dict[str, list] = field(default_factory=dict)  # group name -> users
    expected: dict = field(default_factory=dict)


@pytest.fixture
def monitor_data(region, make_web, staff) -> MonitorData:
    """A small known dataset in the Limburg test region, snapshotted at 15 February 2026 (12:00).

    Spider webs (instrument "volwassenen"; every item answered with the same score, so each of the six
    dimension scores equals that score). Every score is in the middle band (4 to 7), so the score-band
    cells add up exactly like the people cells and small-number protection hides no more than the
    cells named below. Everyone gave research consent, except where noted:

    - Maastricht (GM0935, subregion zuid-limburg), 25 consenting residents:
      - "paired": 10 people, education "low", age band "35-44": a first web on 10 Feb 2025 (score 4)
        and a second on 15 Sep 2025 (score 5);
      - "low": 5 people, education "low", age band "35-44": one web on 15 Sep 2025 (score 5);
      - "high": 10 people, education "high", age band "65-74": one web on 15 Sep 2025 (score 6);
      - "no_consent": 2 more people, age band "35-44", NO research consent: one web on 15 Sep 2025
        (score 7). They count for reach, not for scores.
    - Heerlen (GM0917, zuid-limburg), "heerlen": 12 people, education "low", age band "35-44": one web
      on 15 Sep 2025 (score 6).
    - Vaals (GM0981, zuid-limburg), "vaals": 3 people, education "low", age band "35-44": one web on
      15 Sep 2025 (score 5).

    Indicator "score", period "2025" (and "2025-K3", which holds the same latest webs), mean = the same
    for all six dimensions, bands [low, middle, high] % = [0, 100, 0] wherever n > 0:
    - limburg and zuid-limburg: n = 40, mean 5.55; education low n = 30 mean 5.4, high n = 10 mean 6.0;
      age 35-44 n = 30 mean 5.4, 65-74 n = 10 mean 6.0; every other category n = 0.
    - Maastricht: n = 25, mean 5.4; education low n = 15 mean 5.0, high n = 10 mean 6.0; age 35-44
      n = 15 mean 5.0, 65-74 n = 10 mean 6.0.
    - Suppressed (value, n and data NULL): Vaals (3 < 10) and, as complementary suppression, Heerlen
      (else Vaals = zuid-limburg - Maastricht - Heerlen): their totals, "35-44" and education "low"
      cells. Nothing else is suppressed in score 2025. Every other municipality: n = 0, data NULL.
    - "2025-K1": only the 10 paired first webs: Maastricht, zuid-limburg, limburg n = 10, mean 4.0.
    - "gap" 2025: Maastricht 1.0 (low 5.0 n 15, high 6.0 n 10); zuid-limburg and limburg 0.6 (low
      5.4 n 30, high 6.0 n 10); Heerlen and Vaals suppressed.
    - "change" 2025: Maastricht, zuid-limburg and limburg n = 10, mean +1.0, CI [1.0, 1.0], all in
      education "low".
    - "reach" 2025 (value = n): Maastricht 27 (35-44: 17, 65-74: 10), zuid-limburg and limburg 42
      (35-44: 32, 65-74: 10); Heerlen and Vaals suppressed.

    Action centre: one request (idea) from Maastricht on 5 Mar 2025, one (question) from Heerlen on
    20 May 2025, neither answered; one public initiative in Maastricht started 1 Apr 2025 (inspire)
    and moved to "connect" on 1 Jun 2025. So "requests" 2025: limburg 2, Maastricht 1, Heerlen 1;
    "initiatives" (a stock) at the end of 2025: 1, phase "connect"; "phase_transitions" 2025-06: 1.

    ``expected`` repeats the key numbers; all of it is in the stored snapshots (every period from
    2025-01 up to the open 2026-02, 2026-K1 and 2026).
    """
    from veerkracht.accounts.models import AgeBand
    from veerkracht.accounts.tests.factories import UserFactory
    from veerkracht.actioncentre.models import Initiative, PhaseChange, Request
    from veerkracht.actioncentre.services.initiatives import initiative_change_phase, initiative_create
    from veerkracht.actioncentre.services.requests import request_submit
    from veerkracht.monitor.compute.snapshots import snapshot_run
    from veerkracht.spiderweb.models import Assessment
    from veerkracht.spiderweb.services.webs import research_consent_set

    municipalities = {m.code: m for m in region.municipalities.filter(code__in=[MAASTRICHT, HEERLEN, VAALS])}
    groups = [
        # name, municipality, age band, education (None: no consent), webs as (moment, score)
        ("paired", MAASTRICHT, AgeBand.A35_44, "low", 10, [(FEB, 4), (SEP, 5)]),
        ("low", MAASTRICHT, AgeBand.A35_44, "low", 5, [(SEP, 5)]),
        ("high", MAASTRICHT, AgeBand.A65_74, "high", 10, [(SEP, 6)]),
        ("no_consent", MAASTRICHT, AgeBand.A35_44, None, 2, [(SEP, 7)]),
        ("heerlen", HEERLEN, AgeBand.A35_44, "low", 12, [(SEP, 6)]),
        ("vaals", VAALS, AgeBand.A35_44, "low", 3, [(SEP, 5)]),
    ]
    residents: dict[str, list] = {}
    moments: dict[datetime, list[int]] = {}
    for name, code, age, education, count, webs in groups:
        residents[name] = []
        for i in range(count):
            user = UserFactory(
                email=f"monitor-{name}-{i}@example.org", municipality=municipalities[code], age_band=age
            )
            if education is not None:
                research_consent_set(user=user, given=True, education=education)
            for moment, score in webs:
                moments.setdefault(moment, []).append(make_web(user, score=score).pk)
            residents[name].append(user)
    for moment, pks in moments.items():
        Assessment.objects.filter(pk__in=pks).update(started_at=moment, completed_at=moment)

    for kind, code, when in (
        ("idea", MAASTRICHT, datetime(2025, 3, 5, 10, 0, tzinfo=AMS)),
        ("question", HEERLEN, datetime(2025, 5, 20, 10, 0, tzinfo=AMS)),
    ):
        request, _token = request_submit(
            region=region,
            kind=kind,
            title="Samen wandelen",
            description="Elke week samen wandelen in de wijk.",
            municipality=municipalities[code],
            name="Anna",
            email=f"{kind}@example.org",
            contact_consent=True,
            base_url="https://example.test",
        )
        Request.objects.filter(pk=request.pk).update(created_at=when, status_changed_at=when)
        request.events.update(created_at=when)

    initiative = initiative_create(
        region=region,
        title="Samen koken",
        summary="We koken elke week samen.",
        description="Buren koken samen en eten samen.",
        municipality=municipalities[MAASTRICHT],
        who="Een groep buren",
        themes=["loneliness"],
        dimensions=["participation"],
        created_by=staff,
    )
    initiative_change_phase(initiative=initiative, to_phase="connect", actor=staff, reason="Er is een team.")
    started, moved = datetime(2025, 4, 1, 10, 0, tzinfo=AMS), datetime(2025, 6, 1, 10, 0, tzinfo=AMS)
    Initiative.objects.filter(pk=initiative.pk).update(created_at=started)
    PhaseChange.objects.filter(initiative=initiative, from_phase="").update(changed_at=started)
    PhaseChange.objects.filter(initiative=initiative, to_phase="connect").update(changed_at=moved)

    snapshot_run(region=region, now=SNAPSHOT_AT)

    expected = {
        "score_2025_n": {"limburg": 40, ZUID_LIMBURG: 40, MAASTRICHT: 25},
        "score_2025_mean": {"limburg": 5.55, ZUID_LIMBURG: 5.55, MAASTRICHT: 5.4},
        "score_2025_education_maastricht": {"low": (15, 5.0), "high": (10, 6.0)},
        "score_2025_age_maastricht": {"35-44": 15, "65-74": 10},
        "score_2025_suppressed_municipalities": {HEERLEN, VAALS},
        "score_2025_K1_maastricht": (10, 4.0),
        "gap_2025_maastricht": 1.0,
        "gap_2025_zuid_limburg": 0.6,
        "change_2025_maastricht": (10, 1.0),
        "reach_2025": {"limburg": 42, ZUID_LIMBURG: 42, MAASTRICHT: 27},
        "requests_2025": {"limburg": 2, MAASTRICHT: 1, HEERLEN: 1},
        "initiatives_2025_connect": 1,
    }
    return MonitorData(region=region, now=SNAPSHOT_AT, residents=residents, expected=expected)
