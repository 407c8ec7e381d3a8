"""A breadth-first crawl of the site as one person, shared by the crawl tests.

The Django test client walks the pages (it is fast); each test decides what to do with a page it is
given: send its forms (``core/tests/test_crawl.py``) or show it in a browser and run axe
(``e2e/test_crawl_axe.py``). Starting from the pages a role's menu and home lead to, every internal
link is followed, at most ``per_pattern`` addresses per URL pattern.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.test import Client, override_settings
from django.urls import Resolver404, resolve
from django.utils import timezone

from veerkracht.core.extensions import load_demo

PER_PATTERN = 2
DEMO_LOGINS = ("inwoner", "professional", "ambassadeur", "actiecentrum", "partner", "analist", "beheer")
DEMO_DOMAIN = "demo.veerkracht.nl"
LOGIN_BACKEND = "veerkracht.accounts.backends.LoginBackend"
STARTS = (
    "/",
    "/mijn-spinnenweb/",
    "/actiecentrum/",
    "/initiatieven/",
    "/verbinden/",
    "/agenda/",
    "/monitor/",
    "/mijn-account/",
)
# Forms that end the crawl's own session or switch its language.
SKIP_FORMS = re.compile(r"/(accounts/logout|taal)/")
# Addresses that are not pages: downloads are fetched, not parsed.
OK_STATUSES = {200, 204, 301, 302, 303, 400, 403, 404, 405, 409, 410, 429}
SKIP_PREFIXES = ("/static/", "/media/", "/beheer/")
# What differs between two renderings of the same page: form tokens and script nonces.
_VOLATILE = re.compile(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]*"')
_MAIN = re.compile(r"<main\b.*</main>", re.DOTALL)


@dataclass
class Form:
    method: str
    action: str
    data: dict[str, str] = field(default_factory=dict)


class PageParser(HTMLParser):
    """The links and forms of one page, with the values the page fills in."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._form = Form(method=(a.get("method") or "get").lower(), action=a.get("action") or "")
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "select", "textarea") and a.get("name"):
            kind = (a.get("type") or "").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self._form.data.setdefault(a["name"], a.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None


@dataclass
class Visit:
    """One page the crawl reached (an HTML page answered with 200)."""

    path: str
    pattern: str
    html: str
    links: list[str]
    forms: list[Form]

    def form_action(self, form: Form) -> str:
        return urljoin(self.path, form.action) if form.action else self.path

    @property
    def digest(self) -> str:
        """Equal for two renderings of the same page, whoever asked for it."""
        return _digest(self.html)

    @property
    def main_digest(self) -> str:
        """Equal when the page's main content is the same (the menu around it may differ per role)."""
        main = _MAIN.search(self.html)
        return _digest(main.group(0) if main else self.html)


def _digest(html: str) -> str:
    return hashlib.sha256(_VOLATILE.sub("", html).encode()).hexdigest()


def url_pattern(path: str) -> str | None:
    """The route (or view name) an address resolves to; None when it resolves to nothing."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    return match.route or match.view_name


def load_crawl_demo(region) -> None:
    """The demo data, with the monitor computed from 1 January of the year three months ago: this year's
    months and quarters (at least one closed quarter) instead of every period since 2019, which takes
    minutes (the closed years, audited against their months and quarters, most of all)."""
    year = (timezone.localdate() - timedelta(days=95)).year
    with override_settings(MONITOR_DEMO_FROM_YEAR=year):
        load_demo(region)


def logged_in_client(user) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user, backend=LOGIN_BACKEND)
    return client


def demo_people() -> dict[str, object]:
    """The anonymous visitor and one demo login per role, by name (``"inwoner"``...)."""
    from veerkracht.accounts.models import User

    logins = [f"{name}@{DEMO_DOMAIN}" for name in DEMO_LOGINS]
    users = {user.email.split("@")[0]: user for user in User.objects.filter(email__in=logins)}
    return {"anonymous": None} | {name: users[name] for name in DEMO_LOGINS if name in users}


class Crawl:
    """Iterate over the pages one client reaches; ``problems`` collects the answers that are wrong."""

    def __init__(self, client: Client, starts=STARTS, per_pattern: int = PER_PATTERN) -> None:
        self.client = client
        self.queue = list(starts)
        self.limit = per_pattern
        self.per_pattern: dict[str, int] = defaultdict(int)
        self.problems: list[str] = []
        self._seen: set[str] = set()

    def _next_path(self) -> tuple[str, str] | None:
        while self.queue:
            parts = urlsplit(self.queue.pop(0))
            if parts.netloc and parts.netloc != "testserver":
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            pattern = url_pattern(parts.path)
            if path in self._seen or pattern is None or self.per_pattern[pattern] >= self.limit:
                continue
            if parts.path.startswith(SKIP_PREFIXES):
                continue
            self._seen.add(path)
            self.per_pattern[pattern] += 1
            return path, pattern
        return None

    def __iter__(self) -> Iterator[Visit]:
        while (step := self._next_path()) is not None:
            path, pattern = step
            response = self.client.get(path)
            if response.status_code not in OK_STATUSES:
                self.problems.append(f"GET {path}: {response.status_code}")
                continue
            if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
                continue
            html = response.content.decode()
            page = PageParser()
            page.feed(html)
            self.queue += [
                urljoin(path, link) for link in page.links if not link.startswith(("#", "mailto:", "tel:"))
            ]
            yield Visit(path=path, pattern=pattern, html=html, links=page.links, forms=page.forms)
