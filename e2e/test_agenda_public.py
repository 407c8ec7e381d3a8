"""On a phone, without an account: find a session in the agenda, register, then change and cancel
through the private link from the e-mail."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from veerkracht.agenda.models import Registration, RegistrationStatus
from veerkracht.agenda.tests.factories import EventFactory, municipality

pytestmark = pytest.mark.browser


def test_a_visitor_filters_registers_changes_places_and_cancels(browser_page, region):
    venlo = municipality("GM0983")
    EventFactory(title="Samen aan tafel in Venlo", municipality=venlo, max_places=3, step_free=True)
    EventFactory(title="Lezing in Maastricht")
    page = browser_page.page

    # 1. Filter the agenda on a municipality.
    browser_page.visit("/agenda/")
    page.get_by_text("Zoeken en filteren").click()
    page.get_by_label("Gemeente").select_option(label="Venlo")
    browser_page.after(lambda: page.get_by_role("button", name="Toon bijeenkomsten").click())
    expect(page.get_by_role("link", name="Samen aan tafel in Venlo")).to_be_visible()
    expect(page.get_by_text("Lezing in Maastricht")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # 2. Open the event and register (sending it empty first gives clear messages).
    browser_page.after(lambda: page.get_by_role("link", name="Samen aan tafel in Venlo").click())
    expect(page.get_by_text("Zonder drempels of trappen")).to_be_visible()
    browser_page.after(lambda: page.locator("form.vk-form").get_by_role("button", name="Aanmelden").click())
    expect(page.locator(".vk-error-summary")).to_contain_text("Vul je naam in.")
    page.get_by_label("Je naam").fill("Mieke")
    page.get_by_label("Je e-mailadres").fill("mieke@example.org")
    page.get_by_label("2 plaatsen").check()
    page.get_by_label("Ik geef toestemming").check()
    browser_page.after(lambda: page.locator("form.vk-form").get_by_role("button", name="Aanmelden").click())
    expect(page.get_by_role("heading", name="Je bent aangemeld!")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # 3. The private link from the e-mail: change the places, then cancel.
    message = next(m for m in reversed(mail.outbox) if m.to == ["mieke@example.org"])
    link = re.search(r"https?://\S+/agenda/aanmelding/\S+/", message.body).group(0)
    browser_page.visit(urlsplit(link).path)
    expect(page.get_by_text("Je bent aangemeld, met 2 plaatsen.")).to_be_visible()
    expect(page.get_by_role("img", name="QR-code voor bij de deur")).to_be_visible()
    page.get_by_label("1 plaats", exact=True).check()
    browser_page.after(lambda: page.get_by_role("button", name="Aantal plaatsen opslaan").click())
    expect(page.get_by_text("Je bent aangemeld, met 1 plaats.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("link", name="Afmelden").click())
    browser_page.after(lambda: page.get_by_role("button", name="Ja, meld mij af").click())
    expect(page.get_by_text("Je bent afgemeld.").first).to_be_visible()
    registration = Registration.objects.get(email="mieke@example.org")
    assert registration.status == RegistrationStatus.CANCELLED and registration.places == 1
