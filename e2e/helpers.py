"""Steps several browser tests share."""

from __future__ import annotations

import re

from django.core import mail


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
