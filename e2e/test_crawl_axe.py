"""Every page and every form's error state, as every role, passes axe at 390 and 1280 px; never a 500.

With the demo data, the anonymous visitor and each demo login (resident, professional, ambassador,
action centre, partner, analyst, region admin) crawl the site breadth-first from their menu's pages
(``veerkracht.testing.crawl``: the test client walks the links, at most two addresses per URL pattern
per role). What is visited and what is sampled:

- for each role, one address of every URL pattern the crawl reaches is shown in Chromium and
  checked with axe-core (WCAG 2.1 A/AA) at 390 px wide and, the first time the pattern is shown (for any
  role) and on every role's home page (its menu), on the same page after resizing, at 1280 px too: what
  the width changes is the style sheet's, the same for every role; the other addresses of a pattern
  are fetched (they must not fail) but not shown;
- a page whose main content is byte for byte one already checked (for another role, or another address)
  is not shown again, except the home page: it is checked for every role, so each role's own menu is
  checked too;
- every distinct form (the page's URL pattern, the method, the pattern it sends to and its field names)
  is sent once, empty, in the browser (``required`` removed, ``novalidate`` set) and the page that
  answers, the error state (or where the form leads, a 400 page included), is checked at both widths;
  forms that log out, switch language, delete the account or data or switch off two-step login are not
  sent (their pages are still checked); a search or filter form sent empty shows its page with an empty query;
- every answer the browser gets from the server, pages and their assets, must not be a 500, and the
  browser must land where the test client did (it shares the client's session).

About 320 pages and 130 forms sent empty, in four to six minutes. The test fails with
one report listing every problem: role, width, address, axe rule and elements.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from e2e.a11y import axe_violations
from veerkracht.testing.crawl import (
    DEMO_LOGINS,
    SKIP_FORMS,
    Crawl,
    Form,
    Visit,
    demo_people,
    load_crawl_demo,
    logged_in_client,
)
from veerkracht.testing.crawl import url_pattern as pattern_of

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280)
HEIGHT = 844
# Not sent in the browser: besides logging out and the language switch, forms whose empty submission
# would delete what the rest of the crawl visits or lock a staff role out.
SKIP_BROWSER_FORMS = re.compile(SKIP_FORMS.pattern + r"|/verwijderen/|/wissen/|/2fa/totp/deactivate/")

# The nth form on the page with this action attribute, marked for SUBMIT_EMPTY; false if there is none.
FIND_FORM = """([action, nth]) => {
  const form = Array.from(document.forms).filter(f => (f.getAttribute('action') || '') === action)[nth];
  if (form) form.dataset.crawl = 'send';
  return Boolean(form);
}"""
# Empties the marked form as a person who fills in nothing would send it, then sends it with its first
# button.
SUBMIT_EMPTY = """() => {
  const form = document.querySelector('form[data-crawl=send]');
  form.noValidate = true;
  for (const el of form.elements) {
    if (['hidden', 'submit', 'button', 'reset'].includes(el.type) || el.tagName === 'BUTTON') continue;
    el.required = false;
    if (el.type === 'checkbox' || el.type === 'radio') el.checked = false;
    else if (el.tagName === 'SELECT') el.selectedIndex = -1;
    else if (el.type !== 'file') el.value = '';
  }
  const button = form.querySelector('button:not([type=button]):not([type=reset]), input[type=submit]');
  form.requestSubmit(button);
}"""


class AxeCrawler:
    """One browser context per role; collects problems instead of stopping at the first."""

    def __init__(self, chromium, base_url: str) -> None:
        self.chromium = chromium
        self.base_url = base_url.rstrip("/")
        self.problems: list[str] = []
        self.checked_pages = 0
        self.checked_forms = 0
        self.seen_html: set[str] = set()
        self.sent_forms: set[tuple] = set()
        self.shown_patterns: set[str] = set()
        self.wide_patterns: set[str] = set()  # shown at every width, for some role
        self.who = ""
        self.client = None

    def crawl_as(self, who: str, user) -> set[str]:
        self.who = who
        client = logged_in_client(user)
        self.client = client
        context = self.chromium.new_context(
            viewport={"width": WIDTHS[0], "height": HEIGHT}, locale="nl-NL", bypass_csp=True
        )
        session = client.cookies.get(settings.SESSION_COOKIE_NAME)
        if session is not None:
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session.value, "url": self.base_url}]
            )
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("response", self._on_response)
        crawl = Crawl(client)
        self.shown_patterns = set()
        try:
            for visit in crawl:
                self._check_visit(page, visit)
        finally:
            context.close()
        self.problems += [f"{who}: {problem}" for problem in crawl.problems]
        return set(crawl.per_pattern)

    def _on_response(self, response) -> None:
        if response.status >= 500:
            self.problems.append(f"{self.who}: {response.request.method} {response.url}: {response.status}")

    def _check_visit(self, page: Page, visit: Visit) -> None:
        if visit.pattern in self.shown_patterns:
            return
        if visit.main_digest in self.seen_html and visit.path != "/":
            return
        self.seen_html.add(visit.main_digest)
        self.shown_patterns.add(visit.pattern)
        if not self._goto(page, visit.path):
            return
        wide = visit.pattern not in self.wide_patterns or visit.path == "/"
        self.wide_patterns.add(visit.pattern)
        self._axe(page, visit.path, WIDTHS if wide else WIDTHS[:1])
        self.checked_pages += 1
        on_page = True
        for index, form in enumerate(visit.forms):
            key = self._form_key(visit, form)
            if key is None or key in self.sent_forms:
                continue
            self.sent_forms.add(key)
            if not on_page and not self._goto(page, visit.path):
                return
            self._send_empty(page, visit, index)
            on_page = False

    def _form_key(self, visit: Visit, form: Form) -> tuple | None:
        action = visit.form_action(form)
        if SKIP_BROWSER_FORMS.search(action):
            return None
        # A search or filter form leads to the same page wherever it stands; a POST form's errors show on
        # the page it stands on.
        where = visit.pattern if form.method == "post" else None
        return (where, form.method, pattern_of(action), tuple(sorted(form.data)))

    def _goto(self, page: Page, path: str) -> bool:
        response = page.goto(self.base_url + path)
        if page.url != self.base_url + path:
            # The test client got this page; a browser sent elsewhere is not logged in as the client is.
            self.problems.append(f"{self.who}: {path} took the browser to {page.url}")
            return False
        return _is_page(response)

    def _send_empty(self, page: Page, visit: Visit, index: int) -> None:
        form = visit.forms[index]
        what = f"form {index} ({visit.form_action(form)}) on {visit.path}, sent empty"
        nth = [other.action for other in visit.forms[:index]].count(form.action)
        if not page.evaluate(FIND_FORM, [form.action, nth]):
            if self._still_offered(visit.path, form.action):
                self.problems.append(f"{self.who}: {what}: the browser's page has no such form")
            # else: a form sent before it on this page changed what the page offers (an application
            # accepted with an empty, optional message no longer shows "decline"): nothing to send.
            return
        try:
            with page.expect_navigation(timeout=5_000) as navigation:
                page.evaluate(SUBMIT_EMPTY)
        except PlaywrightTimeout:
            self.problems.append(f"{self.who}: {what}: no page followed")
            return
        response = navigation.value
        self.checked_forms += 1
        if _is_page(response):
            self._axe(page, what)

    def _still_offered(self, path: str, action: str) -> bool:
        response = self.client.get(path)
        return response.status_code == 200 and f'action="{action}"' in response.content.decode()

    def _axe(self, page: Page, where: str, widths: tuple[int, ...] = WIDTHS) -> None:
        for width in widths:
            page.set_viewport_size({"width": width, "height": HEIGHT})
            for violation in axe_violations(page):
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
                self.problems.append(
                    f"{self.who} @ {width}px, {where} ({page.url}): {violation['id']} -> {targets}"
                )
        page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})


def _is_page(response) -> bool:
    """An HTML page a person sees: also a 4xx page (a form sent empty may answer 400 with a page)."""
    return (
        response is not None
        and response.status < 500
        and "text/html" in response.headers.get("content-type", "")
    )


def test_the_crawler_reports_a_violation_at_each_width_with_its_elements(chromium):
    context = chromium.new_context(viewport={"width": WIDTHS[0], "height": HEIGHT})
    page = context.new_page()
    page.set_content(
        '<html lang="nl"><head><title>Proef</title><style>@media (max-width: 600px) {.wide {display: none}}'
        '</style></head><body><main><h1>Proef</h1><img src="data:," class="wide"></main></body></html>'
    )
    crawler = AxeCrawler(chromium, "http://testserver")
    crawler.who = "inwoner"
    crawler._axe(page, "/proef/")
    context.close()
    # The image is only shown on a wide screen: only the 1280 px check sees it.
    assert crawler.problems == ["inwoner @ 1280px, /proef/ (about:blank): image-alt -> ['img']"]


def test_every_page_and_error_state_for_every_role_passes_axe_at_both_widths(
    chromium, transactional_db, live_server, region
):
    load_crawl_demo(region)
    people = demo_people()
    assert len(people) == len(DEMO_LOGINS) + 1
    crawler = AxeCrawler(chromium, live_server.url)
    covered: set[str] = set()
    for who, user in people.items():
        covered |= crawler.crawl_as(who, user)
    report = "\n".join(crawler.problems)
    assert not crawler.problems, f"{len(crawler.problems)} problems:\n{report}"
    assert len(covered) >= 60, sorted(covered)  # the crawl really reaches the site
    assert crawler.checked_pages >= 120 and crawler.checked_forms >= 45, (
        crawler.checked_pages,
        crawler.checked_forms,
    )
