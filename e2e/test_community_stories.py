"""On phones: a member writes a story with a photo; staff decline it with a reason, the member changes
it and sends it again, staff approve it; readers filter the list, are inspired, respond and report;
staff handle the reports in the moderation queue, hide and restore; the member deletes the story."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from e2e.helpers import log_in_by_code
from veerkracht.community.models import ContentReport, Story, StoryResponse, StoryStatus

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "public"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 200), (40, 140, 60)).save(out, format="JPEG")
    return out.getvalue()


def _write(browser_page) -> None:
    page = browser_page.visit("/verhalen/nieuw/")
    # Sending it empty first gives clear messages and saves nothing.
    browser_page.after(lambda: page.get_by_role("button", name="Verhaal insturen").click())
    expect(page.locator(".vk-error-summary")).to_be_visible()
    page.get_by_label("Titel").fill("Koffie op dinsdag")
    page.get_by_label("Je verhaal").fill("Eerst kwamen er drie buren.\n\nNu zijn het er vijftien.")
    page.get_by_label("Gemeente").select_option(label="Venlo")
    page.get_by_label("Een beweging in de samenleving").check()
    page.get_by_label("Eenzaamheid en meedoen").check()
    page.locator("#id_foto_1").set_input_files(
        {"name": "buren.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}
    )
    page.get_by_label("Wat staat er op foto 1?").fill("Buren aan de koffietafel")
    browser_page.after(lambda: page.get_by_role("button", name="Verhaal insturen").click())
    expect(page.get_by_text("Dit verhaal wacht op goedkeuring")).to_be_visible()
    expect(page.get_by_role("img", name="Buren aan de koffietafel")).to_be_visible()


def test_a_story_from_writing_to_moderation(browser_page, other_browser_page, resident, staff, region):
    page, theirs = browser_page.page, other_browser_page.page
    log_in_by_code(browser_page, resident)
    _write(browser_page)

    # Staff decline with a reason; the member reads it, changes the story and sends it again.
    log_in_by_code(other_browser_page, staff)
    other_browser_page.visit("/moderatie/")
    # Without a reason nothing happens but a clear message.
    other_browser_page.after(lambda: theirs.get_by_role("button", name="Niet plaatsen").click())
    expect(theirs.get_by_text("Er wachten geen verhalen.")).to_have_count(0)
    theirs.get_by_label("Plaats je het niet? Schrijf waarom").fill("Vertel ook wat het de buren bracht.")
    other_browser_page.after(lambda: theirs.get_by_role("button", name="Niet plaatsen").click())
    expect(theirs.get_by_text("Er wachten geen verhalen.")).to_be_visible()
    browser_page.visit("/verhalen/mijn/")
    expect(page.get_by_text("Vertel ook wat het de buren bracht.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("link", name="Aanpassen").click())
    page.get_by_label("Je verhaal").fill("Eerst drie buren.\n\nNu vijftien, en niemand zit meer alleen.")
    browser_page.after(lambda: page.get_by_role("button", name="Verhaal insturen").click())
    expect(page.get_by_text("Dit verhaal wacht op goedkeuring")).to_be_visible()

    # Staff approve: the story is online.
    other_browser_page.visit("/moderatie/")
    other_browser_page.after(lambda: theirs.get_by_role("button", name="Goedkeuren").click())
    story = Story.objects.get()
    assert story.status == StoryStatus.PUBLISHED and story.photos.get().photo

    # A reader filters the list and opens the story; inspired, responds and reports.
    browser_page.visit("/verhalen/")
    page.get_by_text("Zoeken en filteren").click()
    page.get_by_label("Hoe Positieve Gezondheid gebruikt wordt").select_option(
        label="Een beweging in de samenleving"
    )
    browser_page.after(lambda: page.get_by_role("button", name="Toon verhalen").click())
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    browser_page.after(lambda: page.get_by_role("link", name="Koffie op dinsdag").click())
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    browser_page.after(lambda: page.get_by_role("button", name="Dit inspireert me").click())
    expect(page.get_by_text("Dit verhaal inspireert 1 persoon.")).to_be_visible()
    page.get_by_label("Je reactie").fill("Wat mooi, dit wil ik ook!")
    browser_page.after(lambda: page.get_by_role("button", name="Plaats reactie").click())
    expect(page.get_by_text("Wat mooi, dit wil ik ook!")).to_be_visible()
    for link in ("Meld deze reactie", "Meld dit verhaal"):
        browser_page.after(lambda link=link: page.get_by_role("link", name=link).click())
        page.get_by_label("Wat is er mis?").fill("Even testen of melden werkt.")
        browser_page.after(lambda: page.get_by_role("button", name="Verstuur melding").click())
    assert ContentReport.objects.count() == 2

    # Staff dismiss one report, hide the story from the queue and restore it.
    other_browser_page.visit("/moderatie/")
    other_browser_page.after(lambda: theirs.get_by_role("button", name="Niets mis mee").first.click())
    theirs.get_by_text("Verbergen").first.click()
    theirs.get_by_label("Waarom verberg je dit?").first.fill("Even van de site.")
    other_browser_page.after(lambda: theirs.get_by_role("button", name="Verberg het meteen").first.click())
    expect(theirs.get_by_text("Even van de site.")).to_be_visible()
    other_browser_page.after(lambda: theirs.get_by_role("button", name="Weer zichtbaar maken").click())
    expect(theirs.get_by_text("Er is niets verborgen.")).to_be_visible()

    # Staff hide the response on the story's page.
    other_browser_page.visit(f"/verhalen/{story.pk}/")
    section = theirs.locator("#reacties")
    section.get_by_text("Verbergen").click()
    section.get_by_label("Waarom verberg je dit?").fill("Persoonlijke gegevens.")
    other_browser_page.after(lambda: section.get_by_role("button", name="Verberg het meteen").click())
    assert StoryResponse.objects.get().is_hidden
    browser_page.visit(f"/verhalen/{story.pk}/")
    expect(page.get_by_text("Wat mooi, dit wil ik ook!")).to_have_count(0)

    # The member deletes the story.
    browser_page.after(lambda: page.get_by_role("button", name="Verhaal verwijderen").click())
    expect(page.get_by_text("Het verhaal is verwijderd.")).to_be_visible()
    assert not Story.objects.exists()
