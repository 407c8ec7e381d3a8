"""On phones: an owner changes a public initiative's texts and names a partner; staff approve the
texts, the organisation's admin accepts. Nothing shows publicly before that."""

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
from veerkracht.actioncentre.models import InitiativePartner, InitiativeUpdate, PartnerStatus
from veerkracht.actioncentre.services import initiatives as initiative_services

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "public"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 90)).save(out, format="JPEG")
    return out.getvalue()


def _expect_image_loads(image) -> None:
    image.scroll_into_view_if_needed()
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")


def test_changed_texts_wait_for_staff_and_a_partner_accepts(
    browser_page, other_browser_page, resident, staff, partner_admin, region
):
    initiative = initiative_services.initiative_create(
        region=region,
        owner=resident,
        created_by=staff,
        title="Wandelgroep",
        summary="Samen wandelen in de wijk.",
        description="Elke dinsdag om tien uur.",
        municipality=region.municipalities.get(code="GM0935"),
        who="Buren uit de wijk",
        themes=[],
        dimensions=[],
    )
    club = OrganisationFactory(name="Sportclub Heer")
    membership_set(organisation=club, user=partner_admin, role=MembershipRole.ADMIN)
    page, theirs = browser_page.page, other_browser_page.page
    detail = f"/initiatieven/{initiative.slug}/"

    # 1. The owner changes the name: it waits, the page keeps the old name.
    log_in_by_code(browser_page, resident)
    browser_page.visit(f"{detail}bewerken/")
    page.get_by_label("Naam van het initiatief").fill("Wandelgroep Oost")
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan").click())
    expect(page.get_by_text("Je wijziging wacht op goedkeuring").first).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wandelgroep")

    # News waits too; the owner takes it back.
    browser_page.visit(f"{detail}nieuws/")
    page.get_by_label("Wat is er nieuw?").fill("Dinsdag liepen we met twintig mensen.")
    browser_page.after(lambda: page.get_by_role("button", name="Plaatsen").click())
    expect(page.get_by_text("Je bericht wacht op goedkeuring")).to_be_visible()
    expect(page.get_by_text("Alleen jullie en het actiecentrum zien dit bericht.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("button", name="Bericht intrekken").click())
    expect(page.get_by_text("Dinsdag liepen we met twintig mensen.")).to_have_count(0)
    browser_page.visit(f"{detail}nieuws/")
    page.get_by_label("Wat is er nieuw?").fill("De nieuwe route is klaar.")
    page.locator("#id_photo").set_input_files(
        files=[{"name": "route.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}]
    )
    page.get_by_label("Wat staat er op de foto?").fill("Een bord met de route")
    browser_page.after(lambda: page.get_by_role("button", name="Plaatsen").click())
    _expect_image_loads(page.get_by_role("img", name="Een bord met de route"))  # only for them

    # 2. The owner names a partner: it is asked, not shown.
    browser_page.visit(f"{detail}partners/")
    page.get_by_label("Sportclub Heer").check()
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan").click())
    expect(page.get_by_text("wacht op antwoord van de organisatie")).to_be_visible()

    # 3. Staff find the new texts in the queue; a "no" without a reason is refused, then they approve.
    log_in_by_code(other_browser_page, staff)
    other_browser_page.visit("/initiatieven/goedkeuren/")
    texts = theirs.locator("#teksten + p + ul")
    other_browser_page.after(lambda: texts.get_by_role("link", name="Wandelgroep").click())
    expect(theirs.get_by_text("Wandelgroep Oost")).to_be_visible()
    other_browser_page.after(lambda: theirs.get_by_role("button", name="Niet goedkeuren").click())
    expect(theirs.get_by_text("Schrijf kort op waarom niet").first).to_be_visible()
    button = theirs.get_by_role("button", name="Goedkeuren en op de website zetten")
    other_browser_page.after(lambda: button.click())
    expect(theirs.get_by_text("Er wachten geen nieuwe teksten.")).to_be_visible()
    news = theirs.locator("#nieuws + ul")
    other_browser_page.after(lambda: news.get_by_role("link", name="Wandelgroep Oost").click())
    _expect_image_loads(theirs.get_by_role("img", name="Een bord met de route"))
    button = theirs.get_by_role("button", name="Goedkeuren en op de website zetten")
    other_browser_page.after(lambda: button.click())
    expect(theirs.get_by_text("Er wacht geen nieuws.")).to_be_visible()

    browser_page.visit(detail)
    expect(page.get_by_role("heading", level=1)).to_have_text("Wandelgroep Oost")
    expect(page.get_by_role("link", name="Sportclub Heer")).to_have_count(0)
    photo = InitiativeUpdate.objects.get()
    assert photo.is_public and photo.photo and not photo.pending_photo
    _expect_image_loads(page.locator(f'img[src="{photo.photo.url}"]'))
    browser_page.after(lambda: page.get_by_role("link", name="Eerdere teksten bekijken").click())
    expect(page.get_by_text("Wandelgroep Oost").first).to_be_visible()

    # 4. The club's admin says yes, on the owner's phone after the owner has gone.
    page.context.clear_cookies()
    log_in_by_code(browser_page, partner_admin)
    browser_page.visit(f"/verbinden/partners/{club.slug}/verzoeken/")
    accept = page.get_by_role("button", name=re.compile("^Ja, we doen mee"))
    browser_page.after(lambda: accept.click())
    assert InitiativePartner.objects.get().status == PartnerStatus.ACCEPTED
    browser_page.visit(detail)
    expect(page.get_by_role("link", name="Sportclub Heer")).to_be_visible()
    browser_page.visit(f"/verbinden/partners/{club.slug}/")
    expect(page.get_by_role("link", name="Wandelgroep Oost")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
