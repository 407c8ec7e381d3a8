"""After an event, on phones: the organiser writes the report with a photo and publishes it, turns an
idea into an initiative that says where it came from, and an attendee answers the evaluation."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from e2e.helpers import log_in_by_code
from veerkracht.agenda.models import Evaluation, Report
from veerkracht.agenda.services.evaluations import evaluations_send
from veerkracht.agenda.tests.factories import EventFactory, municipality, register_past

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "public"


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (20, 120, 90)).save(out, format="JPEG")
    return out.getvalue()


def test_report_idea_and_evaluation_after_the_event(browser_page, other_browser_page, staff, region):
    now = timezone.now()
    event = EventFactory(
        title="Samen gezond in Venlo",
        starts_at=now - timedelta(hours=6),
        ends_at=now - timedelta(hours=4),
        municipality=municipality("GM0983"),
        organisers=[staff],
    )
    page = browser_page.page
    log_in_by_code(browser_page, staff)

    # 1. The report: text first (empty is refused), then a photo, then publish.
    browser_page.visit(f"/agenda/{event.pk}/verslag/")
    browser_page.after(lambda: page.get_by_role("button", name="Verslag bewaren").click())
    expect(page.locator(".vk-error-summary")).to_contain_text("Schrijf eerst wat er gebeurd is.")
    page.get_by_label("Wat is er gebeurd?").fill("We praatten met twintig buren over eenzaamheid.")
    browser_page.after(lambda: page.get_by_role("button", name="Verslag bewaren").click())
    page.get_by_label("Foto", exact=True).check()
    page.locator("#id_upload").set_input_files(
        {"name": "kring.jpg", "mimeType": "image/jpeg", "buffer": _photo()}
    )
    page.get_by_label("Wat staat erop?").fill("Buren in een kring")
    browser_page.after(lambda: page.get_by_role("button", name="Bestand toevoegen").click())
    expect(page.get_by_role("link", name="Buren in een kring")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("button", name="Verslag op de pagina zetten").click())
    expect(page.get_by_text("Het verslag staat op de pagina van de bijeenkomst.").first).to_be_visible()
    assert Report.objects.get(event=event).published_at is not None

    # 2. An idea becomes an initiative; its page says where it came from.
    browser_page.after(
        lambda: page.get_by_role("link", name=re.compile("^Ideeën uit deze bijeenkomst")).click()
    )
    page.get_by_label(re.compile("maak er een initiatief van")).check()
    page.get_by_label("Naam van het idee").fill("Wandelen op woensdag")
    page.get_by_label("Wat is het idee?").fill("Elke woensdag een rondje door de wijk.")
    browser_page.after(lambda: page.get_by_role("button", name="Idee doorgeven").click())
    expect(page.locator(".vk-error-summary")).to_contain_text("Vertel in één zin wat het initiatief is.")
    page.get_by_label("In één zin").fill("Samen wandelen tegen eenzaamheid.")
    page.get_by_label("Wie gaan ermee aan de slag?").fill("Drie buren")
    browser_page.after(lambda: page.get_by_role("button", name="Idee doorgeven").click())
    browser_page.after(lambda: page.get_by_role("link", name="Wandelen op woensdag").click())
    expect(page.get_by_role("link", name=re.compile("Ontstaan in de sessie van .* in Venlo"))).to_be_visible()

    # 3. An attendee answers the evaluation from the mail's link, on their own phone.
    register_past(event, "kwam@example.org", checked_in=True)
    assert evaluations_send(now=now) == 1
    message = next(m for m in reversed(mail.outbox) if m.to == ["kwam@example.org"])
    link = re.search(r"https?://\S+/agenda/evaluatie/\S+/", message.body).group(0)
    theirs = other_browser_page.visit("/agenda/" + link.split("/agenda/", 1)[1])
    theirs.get_by_role("group", name=re.compile("Hoe vond je de bijeenkomst")).get_by_label(
        "5 – heel goed"
    ).check()
    for question in ("Heb je iets nieuws", "Heb je mensen ontmoet", "Zou je een ander"):
        theirs.get_by_role("group", name=re.compile(question)).get_by_label("4 – ja", exact=True).check()
    theirs.get_by_label("Wat ga je nu doen?").fill("Meelopen op woensdag")
    other_browser_page.after(lambda: theirs.get_by_role("button", name="Versturen").click())
    expect(theirs.get_by_text("Bedankt voor je antwoorden!")).to_be_visible()
    assert Evaluation.objects.get().scores == [5, 4, 4, 4]
