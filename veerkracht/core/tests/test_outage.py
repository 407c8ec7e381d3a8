"""While the database cannot be reached every page answers a calm 503 with Retry-After (never "page
not found", the 500 page or a bare server error, also for a logged-in person), the API a JSON 503, and
the site works again as soon as the database is back."""

from __future__ import annotations

from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = ["/", "/initiatieven/", "/agenda/", "/verhalen/", "/zoeken/?q=wandelen", "/monitor/", "/scholing/"]


@contextmanager
def database_down(error=OperationalError):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper._execute", side_effect=error("connection refused")
    ):
        yield


def _calm(response) -> None:
    assert response.status_code == 503, response.status_code
    assert response["Retry-After"] == "30" and response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", PAGES)
def test_every_public_page_says_we_are_back_soon(path, region):
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get(path)
    _calm(response)
    html = response.content.decode()
    assert "We zijn zo terug" in html and 'lang="nl"' in html and "<h1" in html


def test_a_logged_in_person_gets_the_same_page_not_a_bare_error(client_for, resident):
    client = client_for(resident)
    client.raise_request_exception = False
    with database_down(InterfaceError):
        for path in ("/", "/mijn-account/", "/mijn-spinnenweb/"):
            response = client.get(path)
            _calm(response)
            assert "We zijn zo terug" in response.content.decode()


def test_a_form_sent_during_the_outage_gets_the_page_and_nothing_breaks_afterwards(client_for, resident):
    client = client_for(resident)
    client.raise_request_exception = False
    with database_down():
        _calm(client.post("/actiecentrum/", {"question": "Hallo"}))
    assert client.get("/").status_code == 200  # back by itself


def test_the_api_answers_json(region):
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/api/v1/indicators")
    _calm(response)
    assert "niet bereikbaar" in response.json()["detail"]


def test_other_database_errors_are_no_outage(region):
    from django.db import ProgrammingError

    client = Client(raise_request_exception=False)
    with database_down(ProgrammingError):  # no tables: a site that is not set up, not one that is down
        response = client.get("/initiatieven/")
    assert response.status_code == 404 and "Retry-After" not in response
    with (
        mock.patch("veerkracht.core.views.render_to_string", side_effect=AssertionError),
        mock.patch("veerkracht.actioncentre.views.initiatives.render", side_effect=RuntimeError),
    ):
        response = client.get("/initiatieven/")
    assert response.status_code == 500 and "We zijn zo terug" not in response.content.decode()
