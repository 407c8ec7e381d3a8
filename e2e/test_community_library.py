"""On phones: a partner's admin adds a practice guide with a file to the knowledge library, staff approve
it, hide and show it again; a visitor filters the library and finds it beside a lesson of an initiative.
Staff write news with a photo; the page offers share links and the news feed."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from e2e.helpers import log_in_by_code
from veerkracht.accounts.models import MembershipRole
from veerkracht.accounts.services import membership_set
from veerkracht.accounts.tests.factories import OrganisationFactory
from veerkracht.actioncentre.models import Initiative
from veerkracht.actioncentre.tests.factories import InitiativeFactory
from veerkracht.community.models import LibraryItem, LibraryReview, NewsItem

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "public"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 90)).save(out, format="JPEG")
    return out.getvalue()


def test_a_partner_adds_a_guide_staff_approve_and_a_visitor_finds_it(
    browser_page, other_browser_page, partner_admin, staff, region
):
    organisation = OrganisationFactory(name="Welzijn Zuid")
    membership_set(organisation=organisation, user=partner_admin, role=MembershipRole.ADMIN)
    initiative = InitiativeFactory(title="Moestuin aan de Maas")
    Initiative.objects.filter(pk=initiative.pk).update(phase="stopped", lesson="Begin met een kleine groep.")

    # 1. The partner's admin adds a guide with a PDF; sending it empty first gives clear messages.
    log_in_by_code(browser_page, partner_admin)
    page = browser_page.page
    browser_page.visit("/kennisbank/")
    browser_page.after(lambda: page.get_by_role("link", name="Iets toevoegen").click())
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan").click())
    expect(page.locator(".vk-error-summary")).to_be_visible()
    page.get_by_label("Praktijkgids").check()
    page.get_by_label("Titel").fill("Gids voor de koffieochtend")
    page.get_by_label("In een paar zinnen").fill("Hoe je een koffieochtend in de wijk opzet.")
    page.locator("#id_file").set_input_files(
        files=[{"name": "Onze gids.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7 gids"}]
    )
    page.get_by_label("Micro: het gesprek en het team").check()
    page.get_by_label("Vrijwilligers", exact=True).check()
    page.get_by_label("Namens welke organisatie?").select_option(label="Welzijn Zuid")
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan").click())
    expect(page.get_by_text("Het actiecentrum kijkt ernaar")).to_be_visible()
    item = LibraryItem.objects.get()
    assert item.review == LibraryReview.PENDING and item.file_name == "onze-gids.pdf"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # 2. Staff approve it from the queue, hide it with a reason and show it again.
    staff_page = other_browser_page.page
    log_in_by_code(other_browser_page, staff)
    other_browser_page.visit("/kennisbank/mijn/")
    other_browser_page.after(
        lambda: staff_page.get_by_role("link", name="Gids voor de koffieochtend").click()
    )
    staff_page.get_by_label("Plaatsen", exact=True).check()
    other_browser_page.after(lambda: staff_page.get_by_role("button", name="Beslissing opslaan").click())
    expect(staff_page.get_by_text("Geplaatst.")).to_be_visible()
    staff_page.get_by_label("Waarom verberg je dit?").fill("Even nakijken")
    other_browser_page.after(lambda: staff_page.get_by_role("button", name="Verbergen").click())
    expect(staff_page.get_by_text("Het is verborgen.")).to_be_visible()
    other_browser_page.after(lambda: staff_page.get_by_role("button", name="Weer laten zien").click())
    expect(staff_page.get_by_text("Het is weer te zien.")).to_be_visible()
    assert LibraryItem.objects.get().is_public

    # 3. Filter the library on a level: the guide is there; the lesson shows without a level filter.
    browser_page.visit("/kennisbank/")
    expect(page.get_by_role("link", name="Wat we leerden: Moestuin aan de Maas")).to_be_visible()
    page.get_by_text("Filteren").click()
    page.get_by_label("Niveau").select_option(value="micro")
    browser_page.after(lambda: page.get_by_role("button", name="Toon resultaten").click())
    expect(page.get_by_role("link", name="Gids voor de koffieochtend")).to_be_visible()
    expect(page.get_by_text("Moestuin aan de Maas")).to_have_count(0)
    browser_page.after(lambda: page.get_by_role("link", name="Gids voor de koffieochtend").click())
    expect(page.get_by_role("link", name=re.compile("Download onze-gids.pdf"))).to_be_visible()
    expect(page.get_by_role("link", name="WhatsApp")).to_be_visible()
    assert page.locator('meta[property="og:title"]').get_attribute("content") == "Gids voor de koffieochtend"


def test_staff_write_news_with_a_photo_and_hide_it(browser_page, staff, region):
    log_in_by_code(browser_page, staff)
    page = browser_page.page
    browser_page.visit("/nieuws/")
    browser_page.after(lambda: page.get_by_role("link", name="Nieuw bericht schrijven").click())
    page.get_by_label("Titel").fill("")
    browser_page.after(lambda: page.get_by_role("button", name="Bericht opslaan").click())
    expect(page.locator(".vk-error-summary")).to_be_visible()
    page.get_by_label("Titel").fill("De moestuin bloeit")
    page.get_by_label("Tekst").fill("Twintig buren oogsten samen.")
    page.locator("#id_photo").set_input_files(
        files=[{"name": "tuin.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}]
    )
    page.get_by_label("Wat staat er op de foto?").fill("Buren tussen de bonen")
    browser_page.after(lambda: page.get_by_role("button", name="Bericht opslaan").click())
    expect(page.get_by_role("heading", name="De moestuin bloeit")).to_be_visible()
    image = page.get_by_role("img", name="Buren tussen de bonen")
    image.scroll_into_view_if_needed()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    og_image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert og_image.startswith("http") and "/media/nieuws/" in og_image
    expect(page.get_by_role("link", name="LinkedIn")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_label("Waarom verberg je dit?").fill("Foto zonder toestemming")
    browser_page.after(lambda: page.get_by_role("button", name="Verbergen").click())
    expect(page.get_by_text("Het bericht is verborgen.")).to_be_visible()
    assert NewsItem.objects.get().hidden_reason == "Foto zonder toestemming"
    browser_page.visit("/nieuws/")
    expect(page.get_by_text("Er is nu geen nieuws.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("link", name="Alle berichten beheren").click())
    expect(page.get_by_text("verborgen", exact=False).first).to_be_visible()
