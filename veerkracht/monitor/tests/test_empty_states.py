"""Before the first snapshot every monitor page still opens and says there are no figures yet."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_without_any_snapshot_explain_instead_of_failing(region, client):
    for name in (
        "monitor:region",
        "monitor:outcomes",
        "monitor:gap",
        "monitor:definitions",
        "policy:list",
    ):
        assert client.get(reverse(name)).status_code == 200, name
    assert "Er zijn nog geen cijfers" in client.get(reverse("monitor:region")).content.decode()
    assert client.get(reverse("monitor:municipality", args=["GM0935"])).status_code == 200
    assert client.get(reverse("monitor:download", args=["score"])).status_code == 404
