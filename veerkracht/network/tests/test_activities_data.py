"""Activities in the monitor (per kind and municipality; municipalities with an active ambassador), in
"download my data" and account deletion, and in the demo."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.core.indicators import Window, get_indicator
from veerkracht.core.personal_data import export_all, summary_all
from veerkracht.network.demo import activities as demo
from veerkracht.network.models import Activity, AmbassadorEvent, AmbassadorStatus, EventKind
from veerkracht.network.personal_data import activities as part
from veerkracht.network.tests.factories.activities import make_activity, make_ambassador

pytestmark = pytest.mark.django_db


def _window(region, start: date, end: date, as_of: date | None = None) -> Window:
    def moment(day):
        return timezone.make_aware(datetime.combine(day, datetime.min.time()))

    return Window(region=region, start=moment(start), end=moment(end), as_of=moment(as_of or end))


def test_activities_count_per_kind_and_municipality_in_their_period(region, resident):
    ambassador = make_ambassador(region, user=resident)
    make_activity(ambassador, on=date(2025, 3, 1), kind="talk", municipality="GM0917")
    make_activity(ambassador, on=date(2025, 3, 31), kind="conversation", municipality=None)
    make_activity(ambassador, on=date(2025, 4, 1), kind="talk")  # the next month
    rows = list(get_indicator("network_activities").rows(_window(region, date(2025, 3, 1), date(2025, 4, 1))))
    assert sorted(rows, key=str) == sorted(
        [("GM0917", {"activity_kind": "talk"}), (None, {"activity_kind": "conversation"})], key=str
    )


def test_a_municipality_counts_once_while_an_ambassador_is_active_there(region):
    indicator = get_indicator("network_municipalities_covered")
    make_ambassador(region, municipality="GM0935")
    make_ambassador(region, municipality="GM0935")
    make_ambassador(region, municipality="GM0983", status=AmbassadorStatus.PAUSED)
    history = make_ambassador(region, municipality="GM0917", status=AmbassadorStatus.PAUSED)
    AmbassadorEvent.objects.create(ambassador=history, kind=EventKind.STARTED, on=date(2025, 1, 10))
    AmbassadorEvent.objects.create(ambassador=history, kind=EventKind.PAUSED, on=date(2025, 6, 1))
    in_march = list(indicator.rows(_window(region, date(2025, 3, 1), date(2025, 4, 1))))
    assert sorted(in_march) == [("GM0917", {}), ("GM0935", {})]
    in_july = list(indicator.rows(_window(region, date(2025, 7, 1), date(2025, 8, 1))))
    assert in_july == [("GM0935", {})]


def test_activities_are_in_the_download_and_go_with_the_account(region, resident, outsider):
    mine = make_ambassador(region, user=resident)
    make_activity(mine, kind="talk", people=12, note="Bij de bieb")
    make_activity(make_ambassador(region, user=outsider), note="Van iemand anders")
    exported = export_all(resident)["network_activities"]
    assert [(a["kind"], a["people"], a["note"]) for a in exported] == [("talk", 12, "Bij de bieb")]
    assert any("1 activiteit" in line for line in summary_all(resident).deleted)
    part.PART.erase(resident)
    assert list(Activity.objects.values_list("note", flat=True)) == ["Van iemand anders"]


def test_the_demo_gives_active_ambassadors_a_year_once(region):
    ambassadors = [make_ambassador(region) for _ in range(4)]
    make_ambassador(region, status=AmbassadorStatus.STOPPED)
    lines = demo.load(region)
    assert lines and "activiteiten van 4 ambassadeurs" in lines[0]
    today = timezone.localdate()
    for ambassador in ambassadors:
        rows = list(ambassador.activities.all())
        assert 3 <= len(rows) <= 40
        assert all(today - timedelta(days=366) <= row.on <= today for row in rows)
    count = Activity.objects.count()
    assert demo.load(region) == []
    assert Activity.objects.count() == count
    assert {row.kind for row in Activity.objects.all()} >= {"conversation", "talk"}


def test_no_ambassadors_no_demo_activities(region):
    UserFactory()
    assert demo.load(region) == []
