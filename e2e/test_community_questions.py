"""On a phone: a member asks a question, another answers and reports it, the asker marks the answer that
helped, and staff hide an answer and hand the question to the action centre."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.helpers import log_in
from veerkracht.community.models import Answer, ContentReport, Question

pytestmark = pytest.mark.browser


def test_asking_answering_reporting_and_handing_over(
    browser_page, other_browser_page, resident, outsider, staff
):
    page, other = browser_page.page, other_browser_page.page

    # 1. The asker: an empty form gets a clear message, then the question goes online.
    log_in(browser_page, resident)
    browser_page.visit("/vragen/")
    browser_page.after(lambda: page.get_by_role("link", name="Stel een vraag").click())
    browser_page.after(lambda: page.get_by_role("button", name="Vraag plaatsen").click())
    expect(page.locator(".vk-error-summary")).to_contain_text("Schrijf je vraag in één zin.")
    page.get_by_label("Je vraag in één zin").fill("Hoe begin ik een wandelgroep in mijn wijk?")
    page.get_by_label("Vertel er meer over").fill("Ik wil met buren wandelen. Waar begin ik?")
    page.get_by_label("Bewegen en sport").check()
    page.get_by_label("Gemeente (niet verplicht)").select_option(label="Maastricht")
    browser_page.after(lambda: page.get_by_role("button", name="Vraag plaatsen").click())
    expect(page.get_by_role("heading", name="Hoe begin ik een wandelgroep in mijn wijk?")).to_be_visible()
    question = Question.objects.get()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # 2. Someone else filters the list on open questions, answers (empty first) and reports the question.
    log_in(other_browser_page, outsider)
    other_browser_page.visit("/vragen/")
    other.get_by_text("Filteren").click()
    other.get_by_label("Welke vragen").select_option(label="Nog zonder antwoord")
    other.get_by_label("Thema").select_option(label="Bewegen en sport")
    other_browser_page.after(lambda: other.get_by_role("button", name="Toon vragen").click())
    other_browser_page.after(lambda: other.get_by_role("link", name=question.title).click())
    other_browser_page.after(lambda: other.get_by_role("button", name="Antwoord plaatsen").click())
    expect(other.locator(".vk-error-summary")).to_contain_text("Schrijf je antwoord.")
    other.get_by_label("Je antwoord").fill(
        "Hang een briefje op bij de bakker en begin met één vaste ochtend."
    )
    other_browser_page.after(lambda: other.get_by_role("button", name="Antwoord plaatsen").click())
    expect(other.get_by_text("Dank je wel! Je antwoord staat bij de vraag.")).to_be_visible()
    other.get_by_text("Melden").first.click()
    other.get_by_label("Wat is er mis?").first.fill("Dit is een test van de meldknop.")
    other_browser_page.after(lambda: other.get_by_role("button", name="Melding versturen").first.click())
    expect(other.get_by_text("Een medewerker kijkt ernaar.")).to_be_visible()
    answer_card = other.locator("li.vk-card").first
    answer_card.get_by_text("Melden").click()
    answer_card.get_by_label("Wat is er mis?").fill("Ook het antwoord, om de knop te testen.")
    other_browser_page.after(lambda: answer_card.get_by_role("button", name="Melding versturen").click())
    assert ContentReport.objects.count() == 2

    # 3. The asker marks the answer that helped.
    browser_page.visit(f"/vragen/{question.pk}/")
    browser_page.after(lambda: page.get_by_role("button", name="Dit antwoord hielp mij").click())
    expect(page.get_by_text("Dit antwoord hielp de vrager")).to_be_visible()
    question.refresh_from_db()
    assert question.helpful_answer == Answer.objects.get()

    # 4. Staff hide a second answer and hand the question to the action centre.
    Answer.objects.create(question=question, author=outsider, text="Koop mijn wandelschoenen!")
    log_in(other_browser_page, staff)
    other_browser_page.visit(f"/vragen/{question.pk}/")
    card = other.locator("li.vk-card", has_text="Koop mijn wandelschoenen!")
    card.get_by_text("Verbergen (medewerker)").click()
    card.get_by_label("Waarom verberg je dit?").fill("Reclame")
    other_browser_page.after(lambda: card.get_by_role("button", name="Verbergen").click())
    expect(other.get_by_text("Verborgen. Het staat niet meer op de site.")).to_be_visible()
    other_browser_page.after(lambda: other.get_by_role("button", name="Doorzetten").click())
    expect(other.get_by_text("Het actiecentrum helpt hierbij.")).to_be_visible()
    question.refresh_from_db()
    assert question.actioncentre_request_id
    browser_page.visit(f"/vragen/{question.pk}/")
    expect(page.get_by_text("Koop mijn wandelschoenen!")).to_have_count(0)

    # 5. Staff hide the question itself: the asker still sees it, with the reason; the list does not.
    article = other.locator("article")
    article.get_by_text("Verbergen (medewerker)").click()
    article.get_by_label("Waarom verberg je dit?").fill("Dubbele vraag")
    other_browser_page.after(lambda: article.get_by_role("button", name="Verbergen").click())
    browser_page.visit(f"/vragen/{question.pk}/")
    expect(page.get_by_text("Dubbele vraag")).to_be_visible()
    browser_page.visit("/vragen/")
    expect(page.get_by_role("link", name=question.title)).to_have_count(0)
