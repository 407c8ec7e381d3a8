"""Steps several browser tests share."""

from __future__ import annotations

import re

from django.conf import settings
from django.core import mail
from django.test import Client


def log_in_by_code(browser_page, user) -> None:
    """Log in with the e-mailed code; staff roles also enter their current two-step code."""
    page = browser_page.visit("/accounts/login/")
    page.get_by_label("E-mailadres").first.fill(user.email)
    browser_page.after(lambda: page.get_by_role("button", name="Stuur mij een inlogcode").click())
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.outbox[-1].body, re.M).group(1)
    page.get_by_label("Code").fill(code)
    browser_page.after(lambda: page.get_by_role("button", name=re.compile("^Bevestig")).click())
    if "/accounts/2fa/authenticate/" in page.url:
        from veerkracht.accounts.tests.factories import totp_code

        page.locator("#id_code").fill(totp_code(user))
        browser_page.after(lambda: page.get_by_role("button", name="Inloggen").click())


def log_in(browser_page, user) -> None:
    """A session for `user` without the login flow (that has its own tests): cookies of an earlier
    user go, the new session's cookie is set in the browser."""
    browser_page.page.context.clear_cookies()
    client = Client()
    client.force_login(user, backend="veerkracht.accounts.backends.LoginBackend")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    browser_page.page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": browser_page.base_url}]
    )
