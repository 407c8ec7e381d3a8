"""On a phone: a visitor subscribes to the newsletter without an account and confirms through the mail;
an editor puts an issue together, reorders, writes the introduction, sends a test, then sends; the
visitor gets only their part of the region and unsubscribes with the link in the mail."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from e2e.helpers import log_in_by_code
from veerkracht.agenda.tests.factories import EventFactory, municipality
from veerkracht.community.models import Issue, IssueStatus, Subscriber

pytestmark = pytest.mark.browser


def _last_mail_to(address: str):
    return next(m for m in reversed(mail.outbox) if m.to == [address])


def test_subscribe_compose_send_and_unsubscribe(browser_page, region, staff):
    soon = timezone.now() + timedelta(days=5)
    EventFactory(title="Samen wandelen in Venlo", municipality=municipality("GM0983"), starts_at=soon)
    EventFactory(title="Koken in Maastricht", municipality=municipality("GM0935"), starts_at=soon)
    page = browser_page.page

    # 1. Subscribe without an account; sending it empty first gives a clear message.
    browser_page.visit("/nieuwsbrief/")
    browser_page.after(lambda: page.get_by_role("link", name="Aanmelden voor de nieuwsbrief").first.click())
    browser_page.after(lambda: page.locator("form.vk-form").get_by_role("button", name="Aanmelden").click())
    expect(page.locator(".vk-error-summary")).to_contain_text("Vul je e-mailadres in.")
    page.get_by_label("Je e-mailadres").fill("mieke@example.org")
    page.get_by_label("Noord-Limburg").check()
    browser_page.after(lambda: page.locator("form.vk-form").get_by_role("button", name="Aanmelden").click())
    expect(page.get_by_role("heading", name="Kijk in je e-mail")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # 2. Confirm with the link from the mail, then change the topics on the private page.
    link = re.search(r"https?://\S+/nieuwsbrief/bevestigen/\S+/", _last_mail_to("mieke@example.org").body)
    browser_page.visit(urlsplit(link.group(0)).path)
    browser_page.after(lambda: page.get_by_role("button", name="Ja, stuur mij de nieuwsbrief").click())
    expect(page.get_by_text("Gelukt! Je bent aangemeld voor de nieuwsbrief.")).to_be_visible()
    page.get_by_label("Bewegen en sport").check()
    browser_page.after(lambda: page.get_by_role("button", name="Keuzes opslaan").click())
    expect(page.get_by_text("Je keuzes zijn opgeslagen.")).to_be_visible()
    assert Subscriber.objects.get(email="mieke@example.org").confirmed_at is not None

    # 3. The editor makes a draft, reorders, writes the introduction, sends a test, then sends.
    log_in_by_code(browser_page, staff)
    browser_page.visit("/nieuwsbrief/redactie/")
    browser_page.after(lambda: page.get_by_role("button", name="Concept maken").click())
    expect(page.get_by_text("Het concept staat klaar.")).to_be_visible()
    titles = page.locator("ol.vk-cards h3")
    expect(titles).to_have_text(["Samen wandelen in Venlo", "Koken in Maastricht"])
    browser_page.after(lambda: page.get_by_role("button", name="Omlaag: Samen wandelen in Venlo").click())
    expect(titles).to_have_text(["Koken in Maastricht", "Samen wandelen in Venlo"])
    page.get_by_label("Inleiding").fill("Fijn dat je meeleest!")
    browser_page.after(lambda: page.get_by_role("button", name="Inleiding opslaan").click())
    expect(page.get_by_text("De inleiding is opgeslagen.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("button", name="Stuur mij een test").click())
    expect(page.get_by_text(f"De test is verstuurd naar {staff.email}.")).to_be_visible()
    assert _last_mail_to(staff.email).subject.startswith("[Test]")
    browser_page.after(lambda: page.get_by_role("link", name="De e-mail", exact=True).click())
    expect(page.get_by_role("link", name="Afmelden voor de nieuwsbrief")).to_be_visible()
    page.go_back()
    browser_page.after(lambda: page.get_by_role("link", name="Zoals op de website").click())
    expect(page.get_by_text("Fijn dat je meeleest!")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("link", name="Terug naar het concept").click())
    browser_page.after(lambda: page.get_by_role("button", name="Nu versturen aan alle abonnees").click())
    expect(page.get_by_text("De nieuwsbrief wordt verstuurd.")).to_be_visible()
    assert Issue.objects.get().status == IssueStatus.SENT

    # 4. The subscriber's mail: only Noord-Limburg and the whole region; one-click unsubscribe.
    issue_mail = _last_mail_to("mieke@example.org")
    assert "Samen wandelen in Venlo" in issue_mail.body and "Koken in Maastricht" not in issue_mail.body
    assert issue_mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = issue_mail.extra_headers["List-Unsubscribe"].strip("<>")
    browser_page.visit(urlsplit(unsubscribe).path)
    browser_page.after(lambda: page.get_by_role("button", name="Ja, meld mij af").click())
    expect(page.get_by_role("heading", name="Je bent afgemeld")).to_be_visible()
    assert not Subscriber.objects.filter(email="mieke@example.org").exists()

    # 5. The archive shows the sent issue.
    browser_page.visit("/nieuwsbrief/")
    expect(page.locator("main .utrecht-link-list a")).to_have_count(1)
    browser_page.after(lambda: page.locator("main .utrecht-link-list a").click())
    expect(page.get_by_text("Fijn dat je meeleest!")).to_be_visible()
