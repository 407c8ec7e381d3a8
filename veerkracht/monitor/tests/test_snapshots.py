"""Snapshots: exact indicator values on the known dataset, idempotent runs, history kept, gaps filled."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from veerkracht.core import indicators
from veerkracht.core.indicators import Indicator
from veerkracht.monitor.compute.snapshots import snapshot_run
from veerkracht.monitor.models import Figure, Period

from .conftest import AMS, HEERLEN, MAASTRICHT, VAALS, ZUID_LIMBURG

pytestmark = pytest.mark.django_db


def value(indicator: str, period: str, code: str, breakdown: str = "", category: str = "") -> Figure:
    kind = {4: "year", 7: "quarter" if "K" in period else "month"}[len(period)]
    year = int(period[:4])
    if kind == "year":
        start = f"{year}-01-01"
    elif kind == "quarter":
        start = f"{year}-{(int(period[-1]) - 1) * 3 + 1:02d}-01"
    else:
        start = f"{period}-01"
    return Figure.objects.get(
        indicator=indicator,
        period__kind=kind,
        period__start=start,
        area_code=code,
        breakdown=breakdown,
        category=category,
    )


def test_indicators_give_the_exact_numbers_of_the_known_dataset(monitor_data):
    expected = monitor_data.expected
    for code, n in expected["requests_2025"].items():
        assert value("requests", "2025", code).value == n
    assert value("requests", "2025", MAASTRICHT, "request_kind", "idea").value == 1
    assert (
        value("initiatives", "2025", "limburg", "phase", "connect").value
        == expected["initiatives_2025_connect"]
    )
    assert value("initiatives", "2025-03", "limburg").value == 0  # it started in April
    assert value("phase_transitions", "2025-06", ZUID_LIMBURG, "phase", "connect").value == 1
    assert value("phase_transitions", "2025-06", MAASTRICHT).value == 1  # months: municipality totals only
    assert value("phase_transitions", "2025-04", MAASTRICHT).value == 0  # a start is not a transition
    for code, n in expected["reach_2025"].items():
        assert value("reach", "2025", code).value == n
    assert value("reach", "2025", VAALS).suppressed
    score = value("score", "2025", MAASTRICHT)
    assert score.n == expected["score_2025_n"][MAASTRICHT]
    assert score.data["body"]["mean"] == expected["score_2025_mean"][MAASTRICHT]
    n, mean = expected["score_2025_K1_maastricht"]
    assert value("score", "2025-K1", MAASTRICHT).n == n
    assert value("score", "2025-K1", MAASTRICHT).data["mind"]["mean"] == mean
    change = value("change", "2025", MAASTRICHT)
    assert (change.n, change.data["body"]["mean"]) == expected["change_2025_maastricht"]
    assert value("gap", "2025", MAASTRICHT).data["daily"]["gap"] == expected["gap_2025_maastricht"]
    for code in expected["score_2025_suppressed_municipalities"]:
        assert value("score", "2025", code).suppressed
    assert not value("score", "2025", ZUID_LIMBURG).suppressed


def test_figures_about_residents_only_for_closed_periods(monitor_data):
    open_year = Period.objects.get(kind="year", start="2026-01-01")
    assert not open_year.is_closed
    indicators = set(open_year.figures.values_list("indicator", flat=True))
    assert "ambassadors" in indicators and "requests" in indicators
    assert not indicators & {"reach", "sharers", "score", "gap", "change"}


def _state() -> list[tuple]:
    return sorted(
        Figure.objects.filter(period__is_closed=True).values_list(
            "period__kind", "period__start", "indicator", "area_code", "breakdown", "category", "value", "n"
        )
    )


def test_a_second_run_changes_nothing_and_recomputes_only_open_periods(monitor_data):
    before = _state()
    result = snapshot_run(region=monitor_data.region, now=monitor_data.now)
    assert _state() == before
    assert sorted(result.computed) == ["2026", "2026-02", "2026-K1"]
    assert result.skipped == Period.objects.filter(is_closed=True).count()


def test_a_run_killed_half_way_keeps_every_published_period_and_the_next_run_finishes(
    monitor_data, monkeypatch
):
    from veerkracht.monitor.compute import snapshots

    before = _state()
    Period.objects.filter(start__gte="2025-04-01", start__lt="2025-10-01").exclude(kind="year").delete()
    missing_before = set(Period.objects.values_list("kind", "start"))
    real, calls = snapshots._insert, []

    def dies_on_the_third(period, published):
        calls.append(period)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the worker is killed while writing its third period
        return real(period, published)

    monkeypatch.setattr(snapshots, "_insert", dies_on_the_third)
    with pytest.raises(KeyboardInterrupt):
        snapshot_run(region=monitor_data.region, now=monitor_data.now)
    published = set(Period.objects.values_list("kind", "start"))
    assert missing_before <= published  # nothing that was published went away
    assert len(published - missing_before) == 2  # two whole periods were added, not half a third
    assert all(p.figures.exists() for p in Period.objects.filter(is_closed=True))
    monkeypatch.setattr(snapshots, "_insert", real)
    snapshot_run(region=monitor_data.region, now=monitor_data.now)
    assert _state() == before


def test_since_leaves_out_the_periods_before_it_and_a_later_run_fills_them(monitor_data):
    Period.objects.all().delete()
    result = snapshot_run(region=monitor_data.region, now=monitor_data.now, since=date(2026, 1, 1))
    assert sorted(result.computed) == ["2026", "2026-01", "2026-02", "2026-K1"]
    assert not Period.objects.filter(start__lt="2026-01-01").exists()
    snapshot_run(region=monitor_data.region, now=monitor_data.now)
    assert value("score", "2025", MAASTRICHT).n == 25


def test_closed_periods_keep_their_history_when_rows_change_later(monitor_data):
    from veerkracht.spiderweb.models import Assessment

    before = value("score", "2025", MAASTRICHT).n
    Assessment.objects.filter(owner__in=monitor_data.residents["high"]).delete()
    snapshot_run(region=monitor_data.region, now=monitor_data.now + timedelta(days=1))
    assert value("score", "2025", MAASTRICHT).n == before


def test_missing_periods_are_filled_in_after_a_gap(monitor_data):
    before = _state()
    Period.objects.filter(start__gte="2025-04-01", start__lt="2025-10-01").exclude(kind="year").delete()
    result = snapshot_run(region=monitor_data.region, now=monitor_data.now)
    assert {"2025-04", "2025-09", "2025-K2", "2025-K3"} <= set(result.computed)
    assert _state() == before


def test_a_new_indicator_only_needs_registering(monitor_data, monkeypatch):
    def _sessions(window):
        return [(MAASTRICHT, {}), (HEERLEN, {})]

    monkeypatch.setitem(
        indicators._indicators,
        "sessions",
        Indicator(
            key="sessions",
            name="Inspiratiesessies",
            definition="Sessies in de periode.",
            unit="count",
            source="test",
            group="movement",
            rows=_sessions,
        ),
    )
    before = _published()
    result = snapshot_run(region=monitor_data.region, now=monitor_data.now)
    assert value("sessions", "2025", "limburg").value == 2
    assert value("sessions", "2025", ZUID_LIMBURG).value == 2
    assert value("sessions", "2025-K3", "limburg").value == 2
    # Filled in once, next to what was published: nothing published changed.
    assert [row for row in _published() if row[2] != "sessions"] == before
    again = snapshot_run(region=monitor_data.region, now=monitor_data.now)
    assert sorted(again.computed) == ["2026", "2026-02", "2026-K1"]
    assert "2025" in result.computed


def _published() -> list[tuple]:
    """Every published figure, value, n and details included, with when it was taken."""
    return sorted(
        Figure.objects.filter(period__is_closed=True).values_list(
            "period__kind",
            "period__start",
            "indicator",
            "area_level",
            "area_code",
            "breakdown",
            "category",
            "value",
            "n",
            "suppressed",
            "data",
            "period__taken_at",
        ),
        key=repr,
    )


def test_a_published_period_never_changes_when_consent_is_withdrawn(monitor_data, make_web):
    """Old minus new figures of one period would give the person's six scores: a withdrawal counts from
    the next period that is computed, and what was published stays exactly as it was."""
    from veerkracht.accounts.tests.factories import UserFactory
    from veerkracht.spiderweb.models import Assessment
    from veerkracht.spiderweb.services.webs import research_consent_set

    published = _published()
    leaving = monitor_data.residents["high"][0]
    research_consent_set(user=leaving, given=False)
    snapshot_run(region=monitor_data.region, now=monitor_data.now + timedelta(days=1))
    assert _published() == published
    assert value("score", "2025", MAASTRICHT).n == 25  # still with them, as published

    # Eleven people make a web in March 2026; one of them withdraws before the quarter is computed.
    march = datetime(2026, 3, 2, 12, 0, tzinfo=AMS)
    newcomers = []
    for i in range(11):
        user = UserFactory(email=f"maart-{i}@example.org", municipality=leaving.profile.municipality)
        research_consent_set(user=user, given=True, education="high")
        Assessment.objects.filter(pk=make_web(user, score=6).pk).update(started_at=march, completed_at=march)
        newcomers.append(user)
    research_consent_set(user=newcomers[0], given=False)
    snapshot_run(region=monitor_data.region, now=datetime(2026, 4, 15, 12, 0, tzinfo=AMS))
    assert value("score", "2026-K1", MAASTRICHT).n == 10
    before = {row[:2] for row in published}
    assert [row for row in _published() if row[:2] in before] == published


def test_a_quarter_is_named_in_the_page_s_language():
    from datetime import date

    from django.utils import translation

    from veerkracht.monitor.compute.periods import Span
    from veerkracht.monitor.models import PeriodKind

    quarter = Span(kind=PeriodKind.QUARTER, start=date(2025, 4, 1))
    with translation.override("nl"):
        assert quarter.short_label == "K2 2025"
    with translation.override("en"):
        assert quarter.short_label == "Q2 2025"
    assert quarter.slug == "2025-K2"  # the address stays the same in every language
