"""A resident on a phone fills in the spider web without an account, sees it, and keeps it."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from e2e.helpers import log_in_by_code
from veerkracht.spiderweb.models import Assessment

pytestmark = pytest.mark.browser


def _answer_step(page, value: str) -> None:
    fieldsets = page.locator("fieldset.vk-item")
    for i in range(fieldsets.count()):
        fieldsets.nth(i).locator(f"label.vk-scale__label:text-is('{value}')").click()


def test_fill_in_without_account_then_keep_it_after_logging_in(browser_page, instruments, resident):
    page = browser_page.visit("/mijn-spinnenweb/")
    browser_page.after(
        lambda: page.get_by_role("button", name=re.compile("Begin: .*eenvoudig", re.I)).first.click()
    )
    expect(page.get_by_text("Stap 1 van 6")).to_be_visible()

    # Next without answers: a clear message, and the page is still accessible.
    browser_page.after(lambda: page.get_by_role("button", name="Volgende").click())
    expect(page.get_by_role("alert")).to_contain_text("Kies bij elke zin een cijfer")

    # Keyboard: the scale is a native radio group, so arrow keys change the answer.
    first = page.locator("fieldset.vk-item").first.locator("input[type=radio]").first
    first.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.locator("fieldset.vk-item").first.locator("input[value='2']")).to_be_checked()

    for step in range(6):
        _answer_step(page, "7")
        if step == 0:
            page.locator("fieldset.vk-item").first.get_by_label("Hierover wil ik praten").check()
        button = "Klaar: laat mijn spinnenweb zien" if step == 5 else "Volgende"
        browser_page.after(lambda b=button: page.get_by_role("button", name=b).click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Je spinnenweb")
    expect(page.locator("figure.vk-web svg")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("7,0")
    expect(page.get_by_role("heading", name="Hierover wil je praten")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert not Assessment.objects.exists()

    browser_page.after(
        lambda: page.get_by_role("link", name="Ik heb al een account: inloggen en bewaren").click()
    )
    page.get_by_label("E-mailadres").first.fill(resident.email)
    browser_page.after(lambda: page.get_by_role("button", name="Stuur mij een inlogcode").click())
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.outbox[-1].body, re.M).group(1)
    page.get_by_label("Code").fill(code)
    browser_page.after(lambda: page.get_by_role("button", name=re.compile("^Bevestig")).click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Spinnenweb bewaren in je account")
    browser_page.after(lambda: page.get_by_role("button", name="Ja, bewaar het").click())
    expect(page.get_by_text("Je spinnenweb is bewaard in je account.")).to_be_visible()
    web = Assessment.objects.get(owner=resident)
    assert web.score_body == 7.0 and len(web.talk_about) == 1


def test_history_and_comparison_on_a_phone(browser_page, resident, make_web, client_for):
    old, new = make_web(resident, score=4), make_web(resident, score=7)
    log_in_by_code(browser_page, resident)
    page = browser_page.visit(f"/mijn-spinnenweb/{new.pk}/?vergelijk={old.pk}")
    expect(page.get_by_role("table")).to_contain_text("+3,0")
    browser_page.visit("/mijn-spinnenweb/geschiedenis/")
    expect(page.get_by_role("heading", name="Hoe je cijfers veranderen")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Words and dates in tables stay whole (no "Lic ha a m sf un cti es", no "31 -1 0- 20 26").
    lines = page.evaluate(
        """() => [...document.querySelectorAll('table th, table td')].filter(c => c.textContent.trim())
        .map(c => { const r = document.createRange(); r.selectNodeContents(c);
          const words = c.textContent.trim().split(/\\s+/).length;
          const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
          return [c.textContent.trim(), tops.size, words]; })"""
    )
    assert [text for text, rows, words in lines if rows > words] == []
    # The wide table is one block per web on a phone; every table fits the screen.
    assert page.evaluate(
        "[...document.querySelectorAll('table')].every(t => t.getBoundingClientRect().right <= 390)"
    )


def test_sharing_with_a_professional_notes_access_log_and_stopping(
    browser_page, other_browser_page, resident, professional, make_web
):
    web = make_web(resident, score=5)
    page, theirs = browser_page.page, other_browser_page.page

    # The resident shares this web with a code, for 30 days.
    log_in_by_code(browser_page, resident)
    browser_page.visit(f"/mijn-spinnenweb/{web.pk}/")
    browser_page.after(
        lambda: page.get_by_role("link", name="Bespreken met je huisarts of hulpverlener").click()
    )
    browser_page.after(lambda: page.get_by_role("button", name="Delen").click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Je spinnenweb is gedeeld")
    code = page.locator(".vk-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # The professional, on their own phone, enters the code, sees the web and writes a note.
    log_in_by_code(other_browser_page, professional)
    other_browser_page.visit("/mijn-spinnenweb/met-mij-gedeeld/")
    theirs.get_by_label("Code van de inwoner").fill(code.lower())
    other_browser_page.after(lambda: theirs.get_by_role("button", name="Openen").click())
    expect(theirs.get_by_role("heading", level=1)).to_contain_text(resident.display_name)
    expect(theirs.locator("figure.vk-web svg")).to_be_visible()
    theirs.get_by_label("Notitie bij dit gesprek").fill("We spreken af over drie weken weer te kijken.")
    other_browser_page.after(lambda: theirs.get_by_role("button", name="Notitie opslaan").click())
    expect(theirs.get_by_text("We spreken af over drie weken weer te kijken.")).to_be_visible()
    shared_url = theirs.url

    # The resident reads the note, sees who looked, and stops sharing.
    browser_page.visit(f"/mijn-spinnenweb/{web.pk}/")
    expect(page.get_by_text("We spreken af over drie weken weer te kijken.")).to_be_visible()
    browser_page.visit("/mijn-spinnenweb/delen/")
    expect(page.get_by_role("list").filter(has_text="bekeek je spinnenweb")).to_contain_text(
        professional.display_name
    )
    browser_page.after(lambda: page.get_by_role("button", name="Stop met delen").click())
    expect(page.locator(".vk-card").first).to_contain_text("gestopt")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # At once, the professional gets nothing any more.
    response = theirs.goto(shared_url)
    other_browser_page.check()
    assert response.status == 404
    expect(theirs.get_by_role("heading", level=1)).to_have_text("Deze pagina bestaat niet")


def test_from_the_home_page_to_help_nearby_and_a_shared_web_on_a_phone(browser_page, instruments, staff):
    """The resident journey, counted in taps: home → fill in → what helps nearby → shared with the GP
    (sign-up included). Typing is not counted; every tap goes through browser_page.after."""
    from veerkracht.actioncentre.tests.factories import InitiativeFactory

    InitiativeFactory(title="Koffie in Wyck", code="GM0935", dimensions=("participation",))
    taps = 0

    def tap(action) -> None:
        nonlocal taps
        taps += 1
        browser_page.after(action)

    page = browser_page.visit("/")
    tap(lambda: page.get_by_role("link", name="Vul je spinnenweb in").click())
    tap(lambda: page.get_by_role("button", name=re.compile("Begin: .*eenvoudig", re.I)).first.click())
    for step in range(6):
        _answer_step(page, "6")
        tap(
            lambda s=step: page.get_by_role(
                "button", name="Klaar: laat mijn spinnenweb zien" if s == 5 else "Volgende"
            ).click()
        )
    expect(page.get_by_role("heading", level=1)).to_have_text("Je spinnenweb")
    answering_taps = taps

    # Uitzicht: choose the part and the place, see what is there, one tap away.
    page.get_by_label("Waar wil je aan werken?").select_option(label="Meedoen")
    page.get_by_label("In welke gemeente woon je?").select_option(label="Maastricht")
    browser_page.after(lambda: page.get_by_role("button", name="Laat zien wat er is").click())
    expect(page.get_by_text("Je wilt werken aan Meedoen.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("link", name="Koffie in Wyck").click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Koffie in Wyck")
    page.go_back()
    browser_page.check()

    # Share with the GP: make an account, and the same form keeps and shares.
    tap(lambda: page.get_by_role("link", name="Account maken en delen").click())
    page.get_by_label("E-mailadres").fill("femke@example.org")
    page.get_by_label("Je voornaam of roepnaam").fill("Femke")
    tap(lambda: page.get_by_role("button", name="Account maken").click())
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.outbox[-1].body, re.M).group(1)
    page.get_by_label("Code").fill(code)
    tap(lambda: page.get_by_role("button", name=re.compile("^Bevestig")).click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Spinnenweb delen met een professional")
    tap(lambda: page.get_by_role("button", name="Bewaren en delen").click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Je spinnenweb is gedeeld")
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", page.locator(".vk-code").inner_text().strip())
    assert Assessment.objects.get(owner__email="femke@example.org").shares.count() == 1
    # Before: 14 taps besides the answers; now the sharing part takes 4.
    assert taps - answering_taps == 4 and answering_taps == 8
