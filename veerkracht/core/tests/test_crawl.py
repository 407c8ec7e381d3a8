"""A crawl of the whole site with the demo data, as every role: never a 500.

Starting from the pages each role's menu and home lead to, every internal link is followed (at most a
few addresses per URL pattern), and every form a page shows is sent once empty and once as the page
filled it in. Any 500 fails, and so does an answer other than a page, a redirect, or a clear 4xx.
The browser crawl (``e2e/test_crawl_axe.py``) runs axe on the same pages; this one makes sure no
address or form, for any role, breaks.
"""

from __future__ import annotations

import pytest
from django.test import Client

from veerkracht.testing.crawl import (
    DEMO_LOGINS,
    OK_STATUSES,
    SKIP_FORMS,
    Crawl,
    Visit,
    demo_people,
    load_crawl_demo,
    logged_in_client,
)

pytestmark = pytest.mark.django_db


def _send_forms(client: Client, visit: Visit) -> list[str]:
    problems = []
    for form in visit.forms:
        action = visit.form_action(form)
        if form.method != "post" or SKIP_FORMS.search(action):
            continue
        token = {"csrfmiddlewaretoken": form.data.get("csrfmiddlewaretoken", "")}
        for label, data in (("empty", token), ("as shown", form.data)):
            response = client.post(action, data)
            if response.status_code not in OK_STATUSES:
                problems.append(f"POST {action} ({label}, from {visit.path}): {response.status_code}")
    return problems


@pytest.fixture
def demo(region):
    load_crawl_demo(region)
    return region


def test_every_role_crawls_the_whole_site_without_a_single_500(demo):
    # One demo login per role (the demo's thousands of residents behind the monitor are all alike).
    people = demo_people()
    assert len(people) == len(DEMO_LOGINS) + 1
    covered: set[str] = set()
    problems: list[str] = []
    for who, user in people.items():
        client = logged_in_client(user)
        crawl = Crawl(client)
        for visit in crawl:
            problems += [f"{who}: {problem}" for problem in _send_forms(client, visit)]
        covered |= set(crawl.per_pattern)
        problems += [f"{who}: {problem}" for problem in crawl.problems]
    assert problems == []
    assert len(covered) >= 60, sorted(covered)  # the crawl really reaches the site
