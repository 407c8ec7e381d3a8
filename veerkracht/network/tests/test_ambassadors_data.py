"""Ambassadors' data: the personal-data export and erasure (a stop's lesson stays without the name),
the retention of declined applications (with frozen time), and the monitor's figures from the history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from veerkracht.accounts.services import account_delete
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.core import retention
from veerkracht.core.indicators import Window, get_indicator
from veerkracht.core.personal_data import REMOVED, export_all, summary_all
from veerkracht.network.models import Ambassador, AmbassadorApplication, AmbassadorEvent, EventKind
from veerkracht.network.services import ambassadors as services
from veerkracht.network.tests.factories.ambassadors import make_ambassador, make_application

pytestmark = pytest.mark.django_db


def test_the_export_has_the_motivation_the_checklist_and_the_steps(region, resident, staff):
    ambassador = make_ambassador(region, staff, resident)
    services.ambassador_tick(ambassador=ambassador, item="intro", on=timezone.localdate(), actor=staff)
    data = export_all(resident)
    [application] = data["network_ambassador_applications"]
    assert application["motivation"].startswith("Ik wil mijn buurt") and application["status"] == "accepted"
    assert data["network_ambassador"]["intro_held_on"] == timezone.localdate().isoformat()
    assert [s["kind"] for s in data["network_ambassador"]["steps"]] == ["started"]


def test_erasing_keeps_only_the_lesson_without_the_name(region, resident, staff):
    resident.profile.display_name = "Petra Wolters"
    resident.profile.save()
    ambassador = make_ambassador(region, staff, resident)
    services.ambassador_stop(ambassador=ambassador, actor=resident, reason="Ik, Petra, heb het te druk.")
    summary = summary_all(resident)
    assert any("motivatie" in line for line in summary.deleted)
    assert any("les voor de beweging" in line for line in summary.kept)
    account_delete(user=resident)
    assert not AmbassadorApplication.objects.exists() and not Ambassador.objects.exists()
    lesson = AmbassadorEvent.objects.get()
    assert lesson.ambassador_id is None and lesson.reason == f"Ik, {REMOVED}, heb het te druk."


def test_erasing_staff_keeps_their_decisions_without_them(region, resident, staff):
    application = make_application(region, resident)
    services.application_decline(application=application, actor=staff, reason="Nu niet.")
    account_delete(user=staff)
    application.refresh_from_db()
    assert application.decided_by is None and application.status == "declined"


def test_declined_and_withdrawn_applications_go_six_months_after_the_decision(region, staff):
    t0 = datetime(2026, 1, 5, 10, tzinfo=UTC)
    with time_machine.travel(t0, tick=False):
        declined = make_application(region)
        services.application_decline(application=declined, actor=staff, reason="Nu niet.")
        withdrawn = make_application(region)
        services.application_withdraw(application=withdrawn, user=withdrawn.user)
        kept = make_application(region)  # still open
        accepted = make_application(region)
        services.application_accept(application=accepted, actor=staff)
    rule = next(r for r in retention.rules() if r.key == "network.ambassador_applications")
    with time_machine.travel(t0 + timedelta(days=180), tick=False):
        assert rule.apply(timezone.now()) == 0
    with time_machine.travel(t0 + timedelta(days=184), tick=False):
        assert rule.apply(timezone.now()) == 2
    assert set(AmbassadorApplication.objects.values_list("pk", flat=True)) == {kept.pk, accepted.pk}


def test_the_privacy_statement_names_the_period(client, region):
    page = client.get("/privacy/").content.decode()
    assert "6 maanden na het besluit" in page


def _window(region, start: date, end: date) -> Window:
    moment = lambda day: timezone.make_aware(datetime.combine(day, datetime.min.time()))  # noqa: E731
    return Window(region=region, start=moment(start), end=moment(end), as_of=moment(end))


def _rows(key: str, window: Window) -> list:
    return sorted(get_indicator(key).rows(window), key=str)


def _step(ambassador, kind: str, on: date) -> None:
    AmbassadorEvent.objects.create(ambassador=ambassador, region=ambassador.region, kind=kind, on=on)


def test_active_new_and_stopped_come_from_the_history(region, staff):
    maastricht = region.municipalities.get(code="GM0935")
    a = make_ambassador(region, staff, UserFactory(), municipality=maastricht)
    b = make_ambassador(region, staff, UserFactory(), municipality=maastricht, background="professional")
    AmbassadorEvent.objects.all().delete()
    _step(a, EventKind.STARTED, date(2025, 1, 10))
    _step(b, EventKind.STARTED, date(2025, 2, 10))
    _step(b, EventKind.PAUSED, date(2025, 3, 5))
    _step(b, EventKind.RESUMED, date(2025, 4, 5))
    _step(a, EventKind.STOPPED, date(2025, 4, 20))
    res, pro = {"amb_background": "resident"}, {"amb_background": "professional"}
    march = _window(region, date(2025, 3, 1), date(2025, 4, 1))
    assert _rows("network_ambassadors_active", march) == [("GM0935", res)]  # b paused
    april = _window(region, date(2025, 4, 1), date(2025, 5, 1))
    assert _rows("network_ambassadors_active", april) == [("GM0935", pro)]
    assert _rows("network_ambassadors_stopped", april) == [("GM0935", res)]
    first_quarter = _window(region, date(2025, 1, 1), date(2025, 4, 1))
    expected = sorted([("GM0935", res), ("GM0935", pro)], key=str)
    assert _rows("network_ambassadors_new", first_quarter) == expected
    assert not get_indicator("network_ambassadors_active").about_residents  # as public as the coverage page
