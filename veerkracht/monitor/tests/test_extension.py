"""Apps extend the monitor, not the other way round: each app's indicators.py is found at start-up,
and a new indicator shows on the definitions page and in the open-data API without any monitor change."""

from __future__ import annotations

import pytest
from django.urls import reverse

from veerkracht.core import indicators
from veerkracht.core.extensions import app_modules
from veerkracht.core.indicators import Indicator

pytestmark = pytest.mark.django_db


def test_every_app_registers_its_own_indicators():
    found = {module.__name__ for module in app_modules("indicators")}
    assert {
        "veerkracht.accounts.indicators",
        "veerkracht.spiderweb.indicators",
        "veerkracht.actioncentre.indicators",
        "veerkracht.monitor.indicators",
    } <= found
    sources = {
        key: indicators.get_indicator(key).rows.__module__ for key in ("partners", "reach", "connections")
    }
    assert sources == {
        "partners": "veerkracht.network.indicators.partners",
        "reach": "veerkracht.spiderweb.indicators",
        "connections": "veerkracht.actioncentre.indicators",
    }


@pytest.fixture
def sessions_indicator(monkeypatch):
    """What an agenda app's indicators.py would register."""
    indicator = Indicator(
        key="sessions",
        name="Inspiratiesessies gehouden",
        definition="Inspiratiesessies die in de periode plaatsvonden.",
        unit="count",
        source="Agenda in Veerkracht",
        group="movement",
        rows=lambda window: [("GM0935", {"phase": "inspire"})],
        breakdowns=("phase",),
    )
    monkeypatch.setitem(indicators._indicators, indicator.key, indicator)
    return indicator


def test_a_new_indicator_is_defined_on_the_page_and_in_the_api(client, region, sessions_indicator):
    html = client.get(reverse("monitor:definitions")).content.decode()
    assert (
        "Inspiratiesessies gehouden" in html and "Inspiratiesessies die in de periode plaatsvonden." in html
    )
    listed = {item["key"]: item for item in client.get("/api/v1/indicators").json()}
    assert listed["sessions"]["source"] == "Agenda in Veerkracht"
    assert [b["key"] for b in listed["sessions"]["breakdowns"]] == ["phase"]


def test_an_indicator_with_an_unknown_breakdown_is_refused(monkeypatch):
    broken = Indicator(
        key="broken",
        name="x",
        definition="x",
        unit="count",
        source="x",
        group="movement",
        rows=None,
        breakdowns=("colour",),
    )
    monkeypatch.setitem(indicators._indicators, broken.key, broken)
    with pytest.raises(ValueError, match="colour"):
        indicators.check()


def test_every_breakdown_and_indicator_name_fits_the_api():
    import re

    for key in indicators.breakdowns():
        assert re.fullmatch(r"[a-z_]{1,20}", key), key  # the API's ?breakdown= takes at most 20
    for indicator in indicators.indicators():
        assert re.fullmatch(r"[a-z_]{1,40}", indicator.key), indicator.key
