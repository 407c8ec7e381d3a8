"""On phones: a resident brings an idea; the action centre picks it up, connects it, starts an initiative."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from e2e.helpers import log_in_by_code
from veerkracht.actioncentre.models import Connection, ConnectionStatus, Initiative, Request, RequestStatus

pytestmark = pytest.mark.browser


def _link_in_last_mail(to: str, path_part: str) -> str:
    message = next(m for m in reversed(mail.outbox) if to in m.to)
    return re.search(rf"https?://\S+{path_part}\S+/", message.body).group(0)


def test_an_idea_goes_from_intake_to_triage_to_a_connection_and_an_initiative(
    browser_page, other_browser_page, staff, ambassador, region
):
    from veerkracht.actioncentre.models import AmbassadorProfile
    from veerkracht.actioncentre.vocab import HELP_TYPES
    from veerkracht.core.vocabulary import THEMES

    AmbassadorProfile.objects.create(
        user=ambassador,
        region=region,
        expertise="Moestuinen en gezond eten in de wijk",
        municipality=ambassador.profile.municipality,
        subregion=ambassador.profile.municipality.subregion,
        themes=THEMES.mask(["food", "neighbourhood"]),
        help_types=HELP_TYPES.mask(["knowledge", "contacts"]),
    )
    page, theirs = browser_page.page, other_browser_page.page

    # 1. A resident without an account sends an idea.
    browser_page.visit("/actiecentrum/")
    browser_page.after(lambda: page.get_by_role("link", name="Stuur je vraag of idee in").first.click())
    # What matters comes first; the rest is folded away. Sending it empty puts focus on the errors.
    expect(page.get_by_label("Gezond eten")).to_be_hidden()
    browser_page.after(lambda: page.get_by_role("button", name="Insturen").click())
    expect(page.locator(".vk-error-summary")).to_be_focused()
    expect(page.locator(".vk-error-summary")).to_contain_text(
        "Schrijf in een paar woorden waar het over gaat."
    )
    page.get_by_label("Een idee").check()
    page.get_by_label("Waar gaat het over?").fill("Moestuin bij de basisschool")
    page.get_by_label("Vertel er meer over").fill("Kinderen en ouderen kweken samen groente.")
    page.get_by_label("In welke gemeente?").select_option(label="Maastricht")
    page.get_by_text("Wil je meer vertellen?").click()
    page.get_by_label("Gezond eten").check()
    page.get_by_label("Kennis en advies").check()
    page.get_by_label("Je naam").fill("Mieke")
    page.get_by_label("Je e-mailadres").fill("mieke@example.org")
    page.get_by_label("Het actiecentrum mag contact met mij opnemen over mijn vraag").check()
    browser_page.after(lambda: page.get_by_role("button", name="Insturen").click())
    expect(page.get_by_text("Bewaar deze link")).to_be_visible()
    follow_url = _link_in_last_mail("mieke@example.org", "/actiecentrum/volgen/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    request = Request.objects.get(title="Moestuin bij de basisschool")

    # 2. Staff, on their own phone, pick it up and send a message.
    log_in_by_code(other_browser_page, staff)
    other_browser_page.visit("/actiecentrum/bord/")
    other_browser_page.after(lambda: theirs.get_by_role("link", name="Moestuin bij de basisschool").click())
    theirs.get_by_label("Wie pakt deze vraag op?").select_option(label=staff.display_name)
    other_browser_page.after(lambda: theirs.get_by_role("button", name="Toewijzen").click())
    theirs.get_by_label("Bericht aan de indiener").fill("Mooi idee! We zoeken iemand die kan helpen.")
    other_browser_page.after(lambda: theirs.get_by_role("button", name="Bericht versturen").click())
    request.refresh_from_db()
    assert request.status == RequestStatus.HANDLING and request.assignee == staff
    follow_url = _link_in_last_mail("mieke@example.org", "/actiecentrum/volgen/")  # a fresh link

    # 3. The resident follows it through the private link, without an account. The secret leaves the
    #    address bar at once; both forms on the page work (an empty one first gets a clear message).
    page.goto(follow_url)
    browser_page.check()
    assert page.url.endswith("/actiecentrum/volgen/")
    expect(page.get_by_text("Mooi idee! We zoeken iemand die kan helpen.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("button", name="Versturen").click())
    expect(page.get_by_text("Schrijf eerst iets op.").first).to_be_visible()
    page.get_by_label("Wil je iets aanvullen?").fill("We kunnen op woensdagmiddag.")
    browser_page.after(lambda: page.get_by_role("button", name="Versturen").click())
    expect(page.get_by_text("Dank je. Je aanvulling staat bij je vraag.")).to_be_visible()
    expect(page.get_by_text("We kunnen op woensdagmiddag.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("button", name="English").click())
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("We kunnen op woensdagmiddag.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("button", name="Nederlands").click())
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    # 4. Staff see who can help and propose the ambassador; both say yes.
    other_browser_page.after(
        lambda: theirs.get_by_role("link", name=re.compile("Wie kan helpen", re.I)).click()
    )
    expect(theirs.get_by_text(ambassador.display_name).first).to_be_visible()
    connect_ambassador(other_browser_page, ambassador)
    connection = Connection.objects.get(request=request)
    for email in ("mieke@example.org", ambassador.email):
        page.goto(_link_in_last_mail(email, "/verbinden/antwoord/"))
        browser_page.check()
        browser_page.after(lambda: page.get_by_role("button", name=re.compile("^Ja")).click())
    connection.refresh_from_db()
    request.refresh_from_db()
    assert connection.status == ConnectionStatus.ACCEPTED and request.status == RequestStatus.CONNECTED

    # 5. Staff turn the idea into an initiative; it is public at once.
    other_browser_page.visit(f"/actiecentrum/bord/{request.pk}/")
    other_browser_page.after(lambda: theirs.get_by_role("link", name="Maak er een initiatief van").click())
    expect(theirs.get_by_label("Naam van het initiatief")).to_have_value("Moestuin bij de basisschool")
    theirs.get_by_label("Vertel in één zin wat jullie doen").fill("Jong en oud kweken samen groente.")
    theirs.get_by_label("Wie zitten erachter?").fill("Mieke en de ouderraad")
    other_browser_page.after(lambda: theirs.get_by_role("button", name="Aanmelden").click())
    initiative = Initiative.objects.get(requests=request)
    assert initiative.is_public

    browser_page.visit(f"/initiatieven/{initiative.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Moestuin bij de basisschool")
    expect(page.get_by_text("Mieke en de ouderraad")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def connect_ambassador(other_browser_page, ambassador) -> None:
    page = other_browser_page.page
    card = page.locator("ol > li").filter(has=page.get_by_role("heading", name=ambassador.display_name))
    card.get_by_text("Voorstellen", exact=True).click()  # the form is folded away in each card
    card.get_by_label("Waarom deze twee?").fill("Zij weet alles van moestuinen in de wijk.")
    button = card.get_by_role("button", name="Stel voor en mail beide kanten")
    other_browser_page.after(lambda: button.click())
