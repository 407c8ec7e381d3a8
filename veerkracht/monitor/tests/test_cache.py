"""Monitor pages are kept per snapshot: a new snapshot shows at once, for visitors and analysts."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from veerkracht.monitor.models import Figure, Period

from .conftest import MAASTRICHT

pytestmark = pytest.mark.django_db


def _score(period_filter) -> Figure:
    return Figure.objects.get(
        period__in=Period.objects.filter(**period_filter),
        indicator="score",
        area_code=MAASTRICHT,
        breakdown="",
    )


@pytest.mark.parametrize("persona", [None, "analyst"])
def test_a_new_snapshot_shows_at_once_and_nothing_else_changes_the_page(
    monitor_data, client_for, persona, request
):
    client = client_for(request.getfixturevalue(persona)) if persona else Client()
    url = reverse("monitor:municipality", args=[MAASTRICHT]) + "?periode=2025"
    assert "25 deelnemers" in client.get(url).content.decode()
    figure = _score({"kind": "year", "start__year": 2025})
    Figure.objects.filter(pk=figure.pk).update(n=26)  # not through a snapshot run: not shown yet
    assert "25 deelnemers" in client.get(url).content.decode()
    Period.objects.filter(pk=figure.period_id).update(taken_at=timezone.now())  # what a snapshot run does
    assert "26 deelnemers" in client.get(url).content.decode()
