from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from veerkracht.accounts.models import Organisation, RoleAssignment, User
from veerkracht.monitor.compute.periods import Span, add_months, span_of
from veerkracht.monitor.models import AreaLevel, PeriodKind
from veerkracht.spiderweb.models import Assessment, ResearchConsent
from veerkracht.spiderweb.services.webs import compute_scores

pytestmark = pytest.mark.django_db

PEOPLE = 1200  # a smaller population than `make run` loads (4,000), to keep the test fast


@pytest.fixture
def loaded(region):
    from veerkracht.spiderweb import demo_population

    demo_population.load(region, people=PEOPLE)
    return region


def test_it_loads_once_and_a_second_run_adds_nothing(loaded):
    from veerkracht.spiderweb import demo_population

    residents = User.objects.filter(email__startswith="inwoner-").count()
    webs = Assessment.objects.count()
    assert residents == PEOPLE
    assert PEOPLE * 1.4 < webs < PEOPLE * 1.7  # 40% fill in a second web, 15% a third

    assert demo_population.load(loaded, people=PEOPLE) == []

    assert User.objects.filter(email__startswith="inwoner-").count() == residents
    assert Assessment.objects.count() == webs


def test_the_demo_takes_the_monitor_snapshot_after_every_app_loaded_its_data(region, monkeypatch):
    from veerkracht.core.extensions import app_modules, load_demo
    from veerkracht.monitor import demo
    from veerkracht.monitor.compute.snapshots import RunResult

    calls = []
    for module in app_modules("demo"):
        if module is not demo:
            name = module.__name__.split(".")[1]
            monkeypatch.setattr(module, "load", lambda region, name=name: calls.append(name) or [])
    monkeypatch.setattr(
        demo,
        "snapshot_run",
        lambda region, since: calls.append("snapshot") or RunResult(computed=["2025"], figures=7),
    )

    lines = load_demo(region)

    # The spider web's population (the outcomes) and the policy register come before the snapshot.
    assert {"spiderweb", "actioncentre"} <= set(calls)
    assert calls.index("snapshot") == len(calls) - 1
    assert "1 periods computed" in lines[-1]


def test_the_webs_are_valid_and_mirror_consent_and_education(loaded):
    consent = dict(ResearchConsent.objects.filter(given=True).values_list("user_id", "education"))
    for web in Assessment.objects.select_related("instrument").order_by("pk")[:200]:
        assert all(0 <= value <= 10 for value in web.answers.values())
        assert set(web.answers) == set(web.instrument.item_keys)
        scores = compute_scores(web.instrument, web.answers)
        assert scores == {key: web.score_for(key) for key in scores}
        assert web.research_consent == (web.owner_id in consent)
        assert web.education == consent.get(web.owner_id, "")
        assert web.completed_at < timezone.now()


def _outcomes(region, spans):
    """The outcome sums the snapshot would protect and freeze for these closed periods."""
    from veerkracht.core.indicators import categories
    from veerkracht.monitor.compute import outcomes
    from veerkracht.monitor.compute.areas import AreaTree
    from veerkracht.monitor.compute.snapshots import to_date, to_datetime

    return outcomes.compute(
        region,
        AreaTree.of(region),
        score_spans=spans,
        change_spans=[s for s in spans if s.kind == PeriodKind.YEAR],
        categories=categories("age_band", "education"),
        to_datetime=to_datetime,
        to_date=to_date,
    )


def _mean(cell, dimension: str) -> float:
    from veerkracht.core.vocabulary import DIMENSION_KEYS

    return cell.sums[DIMENSION_KEYS.index(dimension)] / cell.n


def test_the_picture_is_plausible(loaded):
    today = timezone.localdate()
    year = Span(PeriodKind.YEAR, date(today.year - 1, 1, 1))
    quarter = span_of(PeriodKind.QUARTER, add_months(today, -3))  # the last closed quarter
    sums = _outcomes(loaded, [year, quarter])
    region = (AreaLevel.REGION, loaded.slug)

    scores = sums[("score", year.slug)]
    low, high = scores[(*region, "education", "low")], scores[(*region, "education", "high")]
    assert low.n >= 10 and high.n >= 10
    assert _mean(high, "body") - _mean(low, "body") > 0.5  # the health gap
    # largest on body functions
    assert _mean(high, "body") - _mean(low, "body") > _mean(high, "meaning") - _mean(low, "meaning")
    change = sums[("change", year.slug)][(*region, "", "")]
    assert change.n >= 10 and change.sums[0] / change.n > 0  # later webs a little better

    municipalities = [
        cell.n
        for (level, code, breakdown, _c), cell in sums[("score", quarter.slug)].items()
        if level == AreaLevel.MUNICIPALITY and code != "onbekend" and not breakdown
    ]
    assert any(0 < n < 10 for n in municipalities)  # small municipalities: hidden
    assert any(n >= 10 for n in municipalities)


def test_organisations_and_roles_have_a_history_since_2019(region):
    from veerkracht.accounts import demo as accounts_demo
    from veerkracht.actioncentre import demo as actioncentre_demo

    accounts_demo.load(region)
    actioncentre_demo.load(region)
    before = sorted(Organisation.objects.values_list("pk", "created_at"))
    accounts_demo.load(region)
    actioncentre_demo.load(region)

    assert sorted(Organisation.objects.values_list("pk", "created_at")) == before
    years = {moment.year for _pk, moment in before}
    assert min(years) == 2019 and len(years) >= 4
    assert all(moment.date() < timezone.localdate() for _pk, moment in before)
    ambassadors = RoleAssignment.objects.filter(role="ambassador")
    assert ambassadors.count() >= 60
    assert ambassadors.filter(created_at__date__lt=date(2022, 1, 1)).exists()
    assert ambassadors.filter(created_at__date__gte=date(2024, 1, 1)).count() > ambassadors.count() / 4
