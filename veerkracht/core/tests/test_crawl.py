"""A crawl of the whole site with the demo data, as every role: never a 500.

Starting from the pages each role's menu and home lead to, every internal link is followed (at most a
few addresses per URL pattern), and every form a page shows is sent once empty and once as the page
filled it in. Any 500 fails, and so does an answer other than a page, a redirect, or a clear 4xx.
The browser tests run axe on the pages people walk through; this one makes sure no address or form,
for any role, breaks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from veerkracht.accounts.models import User
from veerkracht.core.extensions import load_demo

pytestmark = pytest.mark.django_db

PER_PATTERN = 2
DEMO_LOGINS = ("inwoner", "professional", "ambassadeur", "actiecentrum", "partner", "analist", "beheer")
# Forms that end the crawl's own session or switch its language.
SKIP_FORMS = re.compile(r"/(accounts/logout|i18n/setlang)/")
# Addresses that are not pages: downloads are fetched, not parsed.
OK_STATUSES = {200, 204, 301, 302, 303, 400, 403, 404, 405, 409, 410, 429}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict] = []
        self._form: dict | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._form = {
                "method": (a.get("method") or "get").lower(),
                "action": a.get("action") or "",
                "data": {},
            }
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "select", "textarea") and a.get("name"):
            kind = (a.get("type") or "").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self._form["data"].setdefault(a["name"], a.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None


def _pattern(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.route or match.view_name


def _crawl(client: Client, starts: list[str]) -> tuple[dict[str, int], list[str]]:
    """Visit pages breadth-first; returns {pattern: pages seen} and the problems found."""
    seen_paths: set[str] = set()
    per_pattern: dict[str, int] = defaultdict(int)
    problems: list[str] = []
    queue = list(starts)
    while queue:
        url = queue.pop(0)
        parts = urlsplit(url)
        if parts.netloc and parts.netloc != "testserver":
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        pattern = _pattern(parts.path)
        if path in seen_paths or pattern is None or per_pattern[pattern] >= PER_PATTERN:
            continue
        if parts.path.startswith(("/static/", "/media/", "/beheer/")):
            continue
        seen_paths.add(path)
        per_pattern[pattern] += 1
        response = client.get(path)
        if response.status_code not in OK_STATUSES:
            problems.append(f"GET {path}: {response.status_code}")
            continue
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            continue
        page = _Page()
        page.feed(response.content.decode())
        queue += [urljoin(path, link) for link in page.links if not link.startswith(("#", "mailto:", "tel:"))]
        problems += _send_forms(client, path, page.forms)
    return per_pattern, problems


def _send_forms(client: Client, path: str, forms: list[dict]) -> list[str]:
    problems = []
    for form in forms:
        action = urljoin(path, form["action"]) if form["action"] else path
        if form["method"] != "post" or SKIP_FORMS.search(action):
            continue
        token = {"csrfmiddlewaretoken": form["data"].get("csrfmiddlewaretoken", "")}
        for label, data in (("empty", token), ("as shown", form["data"])):
            response = client.post(action, data)
            if response.status_code not in OK_STATUSES:
                problems.append(f"POST {action} ({label}, from {path}): {response.status_code}")
    return problems


@pytest.fixture
def demo(region):
    load_demo(region)
    return region


def test_every_role_crawls_the_whole_site_without_a_single_500(demo):
    starts = [
        "/",
        "/mijn-spinnenweb/",
        "/actiecentrum/",
        "/initiatieven/",
        "/verbinden/",
        "/monitor/",
        "/mijn-account/",
    ]
    # One demo login per role (the demo's thousands of residents behind the monitor are all alike).
    logins = [f"{name}@demo.veerkracht.nl" for name in DEMO_LOGINS]
    people = {"anonymous": None} | {
        user.email.split("@")[0]: user for user in User.objects.filter(email__in=logins)
    }
    assert len(people) == len(DEMO_LOGINS) + 1
    covered: set[str] = set()
    problems: list[str] = []
    for who, user in people.items():
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user, backend="veerkracht.accounts.backends.LoginBackend")
        per_pattern, found = _crawl(client, starts)
        covered |= set(per_pattern)
        problems += [f"{who}: {problem}" for problem in found]
    assert problems == []
    assert len(covered) >= 60, sorted(covered)  # the crawl really reaches the site
