"""Caching per data version (core/pagecache.py): anonymous copies, their CSRF tokens and headers, and
that nothing personal is ever kept or marked public."""

from __future__ import annotations

import gzip
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from veerkracht.core import pagecache

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def test_a_bumped_or_lost_version_is_never_an_old_one():
    first = pagecache.version("things:1")
    assert pagecache.version("things:1") == first
    pagecache.bump("things:1")
    second = pagecache.version("things:1")
    assert second != first
    cache.delete("version:things:1")  # the cache lost it (restart, eviction)
    assert pagecache.version("things:1") not in {first, second}


def test_remember_computes_once_per_key():
    calls = []
    for _ in range(3):
        value = pagecache.remember("k:1", lambda: calls.append(1) or "made", 60)
    assert value == "made" and len(calls) == 1


def test_an_anonymous_copy_gives_every_visitor_a_working_token_of_their_own(region):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    one = first.get(reverse("core:home"))
    two = second.get(reverse("core:home"))  # served from the kept copy
    assert one.status_code == two.status_code == 200
    assert "ETag" in two and "no-cache" in two["Cache-Control"] and "public" not in two["Cache-Control"]
    assert "@@csrf@@" not in two.content.decode()
    token_one, token_two = TOKEN.search(one.content.decode())[1], TOKEN.search(two.content.decode())[1]
    assert token_one != token_two
    # The second visitor's token belongs to their own cookie: the language switch works for them.
    switch = {"language": "en", "next": "/"}
    refused = second.post(reverse("set_language"), {**switch, "csrfmiddlewaretoken": token_one})
    assert refused.status_code == 403  # the first visitor's token is no good with another cookie
    switched = second.post(reverse("set_language"), {**switch, "csrfmiddlewaretoken": token_two})
    assert switched.status_code == 302


def test_a_browser_that_has_the_page_gets_a_304(region):
    client = Client()
    client.get(reverse("core:home"))  # gets the CSRF cookie
    page = client.get(reverse("core:home"))
    again = client.get(reverse("core:home"), HTTP_IF_NONE_MATCH=page["ETag"])
    assert again.status_code == 304 and not again.content


def test_a_browser_that_asks_gets_the_page_compressed_and_its_304_too(region):
    client = Client(HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    client.get(reverse("core:home"))
    page = client.get(reverse("core:home"))
    assert page["Content-Encoding"] == "gzip" and "Accept-Encoding" in page["Vary"]
    html = gzip.decompress(page.content).decode()
    assert "@@csrf@@" not in html and "</html>" in html
    assert len(page.content) < len(html) / 3
    assert page["ETag"].startswith('W/"')  # the same page, other bytes on the wire
    again = client.get(reverse("core:home"), HTTP_IF_NONE_MATCH=page["ETag"])
    assert again.status_code == 304


def test_a_logged_in_page_is_never_the_anonymous_copy_nor_public(region, resident, client_for):
    Client().get(reverse("core:home"))  # an anonymous copy exists
    response = client_for(resident).get(reverse("core:home"))
    assert response["Cache-Control"] == "private, no-store" and "ETag" not in response
    assert "Uitloggen" in response.content.decode()


def test_a_logged_in_answer_of_the_open_data_api_is_never_public(region, analyst, client_for):
    anonymous = Client().get("/api/v1/areas")
    assert anonymous.status_code == 200 and "public" in anonymous["Cache-Control"]
    assert "Cookie" in anonymous["Vary"] and not anonymous.cookies
    logged_in = client_for(analyst).get("/api/v1/areas")
    assert logged_in.status_code == 200 and logged_in["Cache-Control"] == "private, no-store"


def test_a_page_with_a_message_is_not_kept(region):
    bogus = reverse("monitor:region") + "?periode=1999"
    first = Client().get(bogus)
    assert first.status_code == 200 and "ETag" not in first
    assert "Voor die periode zijn er geen cijfers" in first.content.decode()


def test_a_visitor_with_a_session_gets_a_fresh_page(region):
    client = Client()
    client.get(reverse("core:home"))
    client.cookies["veerkracht_session"] = "whatever"
    assert "ETag" not in client.get(reverse("core:home"))
