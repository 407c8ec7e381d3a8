"""A resident on a phone fills in the spider web without an account, sees it, and keeps it."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

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
    page = browser_page.visit("/accounts/login/")
    page.get_by_label("E-mailadres").first.fill(resident.email)
    browser_page.after(lambda: page.get_by_role("button", name="Stuur mij een inlogcode").click())
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.outbox[-1].body, re.M).group(1)
    page.get_by_label("Code").fill(code)
    browser_page.after(lambda: page.get_by_role("button", name=re.compile("^Bevestig")).click())
    browser_page.visit(f"/mijn-spinnenweb/{new.pk}/?vergelijk={old.pk}")
    expect(page.get_by_role("table")).to_contain_text("+3,0")
    browser_page.visit("/mijn-spinnenweb/geschiedenis/")
    expect(page.get_by_role("heading", name="Hoe je cijfers veranderen")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
