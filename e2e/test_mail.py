"""On a phone: action-centre staff find a mail that could not be sent, read why, and send it again."""

from __future__ import annotations

import pytest
from django.core import mail
from playwright.sync_api import expect

from e2e.helpers import log_in_by_code
from veerkracht.core.models import OutgoingMail

pytestmark = pytest.mark.browser


def test_staff_send_a_failed_mail_again(browser_page, staff):
    OutgoingMail.objects.create(
        key="e2e:1",
        message_id="<e2e-1@veerkracht.localhost>",
        to="bram@example.org",
        from_email="Veerkracht <noreply@veerkracht.localhost>",
        subject="Limburg Positief Gezond: we hebben je bericht ontvangen",
        body="Hallo Bram,",
        status=OutgoingMail.Status.FAILED,
        attempts=7,
        last_error="SMTPRecipientsRefused: mailbox unavailable",
    )
    log_in_by_code(browser_page, staff)
    page = browser_page.visit("/e-mail/niet-verstuurd/")
    expect(page.get_by_role("heading", name="E-mail die niet verstuurd kon worden")).to_be_visible()
    expect(page.get_by_text("mailbox unavailable")).to_be_visible()
    browser_page.after(
        lambda: page.get_by_role("button", name="Opnieuw versturen aan bram@example.org").click()
    )
    expect(page.get_by_text("De e-mail aan bram@example.org wordt opnieuw verstuurd.")).to_be_visible()
    expect(page.get_by_text("Er zijn geen e-mails die niet verstuurd konden worden.")).to_be_visible()
    assert OutgoingMail.objects.get(key="e2e:1").status == OutgoingMail.Status.SENT
    assert mail.outbox[-1].to == ["bram@example.org"]
