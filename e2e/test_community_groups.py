"""On a phone: staff make a working group, its admin invites by e-mail and link, members post, share and
download a file, a meeting from the agenda is linked, a member is removed, and a member leaves."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.helpers import log_in
from veerkracht.agenda.tests.factories import EventFactory
from veerkracht.community.models import Group, GroupFile, GroupPost, Membership
from veerkracht.community.tokens import group_invite_token

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def test_a_closed_group_from_start_to_leaving(
    browser_page, other_browser_page, staff, resident, ambassador, outsider, tmp_path
):
    # Distinct names: the buttons are named after people, and random first names may be equal.
    for person, name in (
        (staff, "Sanne Staf"),
        (resident, "Rik Inwoner"),
        (ambassador, "Anna Ambassadeur"),
        (outsider, "Otto Buiten"),
    ):
        person.profile.display_name = name
        person.profile.save(update_fields=["display_name"])
    page, other = browser_page.page, other_browser_page.page
    EventFactory(title="Werkplaatsdag Transformatie")

    # 1. Staff make the group with the resident as its admin (an empty form first).
    log_in(browser_page, staff)
    browser_page.visit("/groepen/nieuw/")
    browser_page.after(lambda: page.get_by_role("button", name="Groep maken").click())
    expect(page.locator(".vk-error-summary")).to_contain_text("Geef de groep een naam.")
    page.get_by_label("Naam van de groep").fill("Transformatiewerkplaats")
    page.get_by_label("Soort groep").select_option(label="werkgroep")
    page.get_by_label("Waar gaat de groep over?").fill("Partners werken samen aan de omslag.")
    page.get_by_label("E-mailadres van de eerste beheerder").fill(resident.email)
    browser_page.after(lambda: page.get_by_role("button", name="Groep maken").click())
    expect(page.get_by_text("De groep is gemaakt.")).to_be_visible()
    group = Group.objects.get()

    # 2. The admin invites by e-mail (a wrong address first), links a meeting and renews the link.
    log_in(browser_page, resident)
    browser_page.visit("/groepen/")
    browser_page.after(lambda: page.get_by_role("link", name="Transformatiewerkplaats").click())
    browser_page.after(lambda: page.get_by_role("link", name="Leden").click())
    page.get_by_label("E-mailadres").fill("onbekend@example.org")
    browser_page.after(lambda: page.get_by_role("button", name="Toevoegen", exact=True).click())
    expect(page.locator(".vk-error-summary")).to_contain_text("Er is geen account met dit e-mailadres.")
    page.get_by_label("E-mailadres").fill(outsider.email)
    browser_page.after(lambda: page.get_by_role("button", name="Toevoegen", exact=True).click())
    expect(page.get_by_text("Toegevoegd. We hebben een e-mail gestuurd.")).to_be_visible()
    page.get_by_label("Bijeenkomst uit de agenda").select_option(index=0)
    browser_page.after(lambda: page.get_by_role("button", name="Bijeenkomst toevoegen").click())
    expect(page.get_by_text("De bijeenkomst staat bij de groep.")).to_be_visible()
    token = group_invite_token(group)

    # 3. The ambassador joins by the link, posts (empty first) and shares a file.
    log_in(other_browser_page, ambassador)
    other_browser_page.visit(f"/groepen/{group.pk}/uitnodiging/{token}/")
    other_browser_page.after(lambda: other.get_by_role("button", name="Lid worden").click())
    expect(other.get_by_text("Welkom in de groep Transformatiewerkplaats!")).to_be_visible()
    expect(other.get_by_text("Werkplaatsdag Transformatie")).to_be_visible()
    other_browser_page.after(lambda: other.get_by_role("button", name="Bericht plaatsen").click())
    expect(other.locator(".vk-error-summary")).to_contain_text("Schrijf je bericht.")
    other.get_by_label("Nieuw bericht").fill("Fijn om hier samen te werken!")
    other_browser_page.after(lambda: other.get_by_role("button", name="Bericht plaatsen").click())
    expect(other.get_by_text("Fijn om hier samen te werken!")).to_be_visible()
    other.get_by_label("Nieuw bericht").fill("Volgende keer neem ik koffie mee.")
    other_browser_page.after(lambda: other.get_by_role("button", name="Bericht plaatsen").click())
    pdf = tmp_path / "verslag.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%verslag\n")
    other.get_by_label("Titel van het bestand").fill("Verslag werkplaats")
    other.get_by_label("Bestand", exact=True).set_input_files(str(pdf))
    other_browser_page.after(lambda: other.get_by_role("button", name="Bestand delen").click())
    with other.expect_download() as download:
        other.get_by_role("link", name="Verslag werkplaats").click()
    assert download.value.suggested_filename == "verslag.pdf"
    card = other.locator("li.vk-card", has_text="Fijn om hier samen te werken!")
    other_browser_page.after(lambda: card.get_by_role("button", name="Bericht weghalen").click())
    assert GroupPost.objects.count() == 1
    other_browser_page.after(lambda: other.get_by_role("button", name="Verslag werkplaats weghalen").click())
    assert not GroupFile.objects.exists()

    # 4. The admin reports a post, removes the member added by e-mail, makes the ambassador admin and
    # back, takes off the meeting and makes a new link.
    browser_page.visit(f"/groepen/{group.pk}/")
    page.get_by_text("Melden").click()
    page.get_by_label("Wat is er mis?").fill("Dit is een test van de meldknop.")
    browser_page.after(lambda: page.get_by_role("button", name="Melding versturen").click())
    expect(page.get_by_text("Een medewerker kijkt ernaar.")).to_be_visible()
    browser_page.visit(f"/groepen/{group.pk}/leden/")
    who = ambassador.display_name
    browser_page.after(lambda: page.get_by_role("button", name=f"{who} beheerder maken").click())
    browser_page.after(lambda: page.get_by_role("button", name=f"{who} is geen beheerder meer").click())
    name = outsider.display_name
    browser_page.after(lambda: page.get_by_role("button", name=f"{name} uit de groep halen").click())
    browser_page.after(
        lambda: page.get_by_role("button", name="Werkplaatsdag Transformatie weghalen").click()
    )
    browser_page.after(lambda: page.get_by_role("button", name="Nieuwe link maken").click())
    assert not Membership.objects.filter(user=outsider).exists()

    # 5. The ambassador leaves with one click; the group is gone for them.
    other_browser_page.visit(f"/groepen/{group.pk}/leden/")
    other_browser_page.after(lambda: other.get_by_role("button", name="Groep verlaten").click())
    expect(other.get_by_text("Je bent geen lid meer van Transformatiewerkplaats.")).to_be_visible()
    assert not Membership.objects.filter(user=ambassador).exists()
    assert other.evaluate("document.documentElement.scrollWidth") <= 390
