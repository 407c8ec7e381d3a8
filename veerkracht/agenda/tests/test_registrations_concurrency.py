"""Never overbooked: 50 people send the form at the same moment for the last 10 places (issue: "a test
with real concurrent requests", on SQLite and on PostgreSQL). Real HTTP requests from 50 threads against
a threaded server, each with its own session and CSRF token, released together by a barrier.

The server is our own, not the `live_server` fixture: on an in-memory SQLite test database that fixture
hands every request thread the test's one connection, and transactions of concurrent requests on one
connection are not what production does (and can crash SQLite). Here every request thread opens its
own connection, as gunicorn workers do."""

from __future__ import annotations

import re
import sqlite3
import threading

import pytest
import requests
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.db import connection, connections
from django.urls import reverse

from veerkracht.agenda.models import RegistrationStatus
from veerkracht.agenda.views import registrations as views

from .factories import EventFactory, register

PEOPLE = 50
LAST_PLACES = 10
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _prepared(url: str) -> tuple[requests.Session, str]:
    session = requests.Session()
    page = session.get(url, timeout=30)
    page.raise_for_status()
    return session, CSRF.search(page.text).group(1)


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server(transactional_db, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    httpd = ThreadedWSGIServer(("127.0.0.1", 0), _QuietHandler, allow_reuse_address=False)
    httpd.set_app(WSGIHandler())
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)


def _on_a_database_file(monkeypatch, tmp_path) -> str | None:
    """SQLite tests run on a shared in-memory database, whose table locks fail at once instead of
    waiting. Serve the burst from a copy in a file, as a real installation has (WAL, busy timeout):
    the server's request threads open their connections to it. Returns its path (None on PostgreSQL)."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        return None
    path = str(tmp_path / "burst.sqlite3")
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    monkeypatch.setitem(connections.settings["default"], "NAME", path)
    return path


def _outcome(event_pk: int, path: str | None) -> tuple[dict, tuple[int, int]]:
    count = (
        "SELECT status, COUNT(*) FROM agenda_registration WHERE event_id = %s AND email LIKE 'persoon%%' "
        "GROUP BY status"
    )
    places = "SELECT places_taken, capacity FROM agenda_event WHERE id = %s"
    if path is None:
        with connection.cursor() as cursor:
            cursor.execute(count, [event_pk])
            by_status = dict(cursor.fetchall())
            cursor.execute(places, [event_pk])
            return by_status, tuple(cursor.fetchone())
    with sqlite3.connect(path) as db:
        by_status = dict(db.execute(count.replace("%s", "?").replace("%%", "%"), [event_pk]).fetchall())
        return by_status, tuple(db.execute(places.replace("%s", "?"), [event_pk]).fetchone())


def test_fifty_at_once_for_the_last_ten_places_gives_ten_confirmed_and_forty_waiting(
    server, region, monkeypatch, tmp_path
):
    monkeypatch.setattr(views, "REGISTER_PER_IP", (1000, 3600))  # all threads come from one address
    event = EventFactory(capacity=12, max_places=2)
    register(event, places=2)  # only the last 10 places are left
    path = _on_a_database_file(monkeypatch, tmp_path)
    url = server + reverse("agenda:register", args=[event.pk])
    prepared = [_prepared(url) for _ in range(PEOPLE)]
    barrier = threading.Barrier(PEOPLE)
    statuses: list[int] = []

    def send(n: int) -> None:
        session, token = prepared[n]
        data = {
            "csrfmiddlewaretoken": token,
            "name": f"Persoon {n}",
            "email": f"persoon{n}@example.org",
            "places": "1",
            "consent": "on",
        }
        barrier.wait(timeout=60)
        response = session.post(url, data=data, headers={"Referer": url}, allow_redirects=False, timeout=60)
        statuses.append(response.status_code)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert statuses == [302] * PEOPLE, sorted(statuses)
    by_status, (taken, capacity) = _outcome(event.pk, path)
    assert by_status == {
        RegistrationStatus.CONFIRMED: LAST_PLACES,
        RegistrationStatus.WAITING: PEOPLE - LAST_PLACES,
    }
    assert taken == capacity == 12
