"""On a phone: an organiser makes an event with a question and a series, changes one date, works the door
(check-in, a walk-in, the CSV) and cancels an event."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from e2e.helpers import log_in_by_code
from veerkracht.agenda.models import Event, EventStatus, Question, Registration, Series
from veerkracht.agenda.tests.factories import EventFactory, register

pytestmark = pytest.mark.browser


def _fill_event(page, title: str) -> None:
    page.get_by_label("Titel", exact=True).fill(title)
    page.get_by_label("Waar gaat het over?").fill("We praten over wat je gezond houdt.")
    page.get_by_label("In welke gemeente?").select_option(label="Maastricht")
    page.get_by_label("Naam van de plek").fill("Buurthuis De Ster")
    page.get_by_label(re.compile("^Adres")).fill("Markt 1")
    page.get_by_label("Begintijd").fill("19:30")
    page.get_by_label("Eindtijd").fill("21:30")
    page.get_by_label("Aantal plaatsen").fill("25")


def test_an_organiser_makes_events_and_works_the_door(browser_page, staff, region):
    page = browser_page.page
    log_in_by_code(browser_page, staff)
    browser_page.visit("/agenda/organiseren/")

    # 1. One event with a question; an empty form first gets clear messages.
    browser_page.after(lambda: page.get_by_role("link", name="Nieuwe bijeenkomst").click())
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan en in de agenda zetten").click())
    expect(page.locator(".vk-error-summary")).to_contain_text("Titel")
    _fill_event(page, "Samen aan tafel")
    page.get_by_label("Datum").fill((timezone.localdate() + timedelta(days=14)).isoformat())
    page.get_by_role("textbox", name=re.compile("^Vraag 1 ")).fill("Heb je een dieetwens?")
    page.get_by_label("Vraag 1 moet beantwoord worden").check()
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan en in de agenda zetten").click())
    expect(page.get_by_text("De bijeenkomst is opgeslagen.")).to_be_visible()
    event = Event.objects.get(title="Samen aan tafel")
    assert event.status == EventStatus.PUBLISHED and Question.objects.filter(event=event).count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # 2. A series: every second Tuesday for three months; then one date changes on its own.
    browser_page.visit("/agenda/organiseren/reeks/nieuw/")
    _fill_event(page, "Inspiratiesessie Roermond")
    page.get_by_label("Op welke dag van de week?").select_option(label="Dinsdag")
    page.get_by_label("Hoe vaak?").select_option(value="2")
    first = timezone.localdate() + timedelta(days=1)
    page.get_by_label("Vanaf").fill(first.isoformat())
    page.get_by_label("Tot en met").fill((first + timedelta(days=92)).isoformat())
    browser_page.after(lambda: page.get_by_role("button", name="Reeks maken en in de agenda zetten").click())
    series = Series.objects.get()
    dates = list(series.events.order_by("starts_at"))
    assert len(dates) >= 2
    expect(page.get_by_text("elke tweede dinsdag van de maand")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("link", name="Aanpassen").first.click())
    expect(page.get_by_text("Onderdeel van reeks")).to_be_visible()
    page.get_by_label("Eindtijd").fill("22:00")
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan", exact=True).click())
    expect(page.get_by_text("De wijzigingen zijn opgeslagen.")).to_be_visible()
    changed = Event.objects.get(pk=dates[0].pk)
    assert f"{timezone.localtime(changed.ends_at):%H:%M}" == "22:00"
    assert f"{timezone.localtime(dates[1].ends_at):%H:%M}" == "21:30"

    # 3. At the door of today's session: search, check in, a walk-in, the CSV.
    today = EventFactory(
        organisers=[staff], title="Vanavond", starts_at=timezone.now() + timedelta(minutes=30)
    )
    register(today, "ans@example.org", name="Ans Jansen")
    register(today, "bob@example.org", name="Bob Peters")
    browser_page.visit(f"/agenda/organiseren/{today.pk}/deelnemers/")
    page.get_by_label("Zoek op naam of e-mailadres").fill("jansen")
    browser_page.after(lambda: page.get_by_role("button", name="Zoeken").click())
    expect(page.get_by_text("Bob Peters")).to_have_count(0)
    browser_page.after(lambda: page.get_by_role("button", name="Ans Jansen is binnen").click())
    expect(page.get_by_text("Ans Jansen is binnen.")).to_be_visible()
    assert Registration.objects.get(email="ans@example.org").checked_in
    browser_page.after(lambda: page.get_by_role("link", name="Iemand zonder aanmelding toevoegen").click())
    page.get_by_label("Naam").fill("Piet")
    page.get_by_label("Met hoeveel personen?").fill("2")
    browser_page.after(lambda: page.get_by_role("button", name="Toevoegen").click())
    expect(page.get_by_text("Piet is toegevoegd en binnen.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Lijst downloaden (CSV)").click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "Ans Jansen" in content and "Piet" in content

    # 4. Cancel the first event: a confirm step with a reason.
    browser_page.visit(f"/agenda/organiseren/{event.pk}/")
    browser_page.after(lambda: page.get_by_role("link", name="Bijeenkomst afgelasten").click())
    browser_page.after(lambda: page.get_by_role("button", name="Afgelasten").click())
    expect(page.locator(".vk-error-summary")).to_be_visible()
    page.get_by_label("Waarom gaat de bijeenkomst niet door?").fill("De zaal is niet beschikbaar.")
    page.get_by_label("Ja, de bijeenkomst gaat niet door").check()
    mail.outbox.clear()
    browser_page.after(lambda: page.get_by_role("button", name="Afgelasten").click())
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    expect(page.get_by_role("heading", name="Mijn bijeenkomsten")).to_be_visible()
