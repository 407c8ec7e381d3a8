"""On a phone: a training coordinator writes an e-learning (a module, a lesson with a preview and a
download, a quiz with two questions), tries the quiz as a learner, sees the statistics, exports the course
and imports it again; then a learner reads the lessons, marks them done, fails the quiz once with empty
answers, passes it and so completes the course."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.helpers import log_in
from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.learning.models import Course, EnrolmentStatus, Lesson, QuizAttempt
from veerkracht.learning.tests.factories.catalogue import CohortFactory, CourseFactory, EnrolmentFactory

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def _write_course(browser_page, course) -> None:
    page = browser_page.page
    browser_page.visit("/scholing/beheer/e-learning/")
    browser_page.after(lambda: page.get_by_role("link", name=course.title).click())
    browser_page.after(lambda: page.get_by_role("button", name="Module toevoegen").click())
    expect(page.locator("form.vk-form")).to_contain_text("verplicht")
    page.get_by_label("Naam van de module").fill("Kennismaken")
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan").click())
    expect(page.get_by_text("De module is opgeslagen.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("link", name="Les toevoegen aan Kennismaken").click())
    page.get_by_label("Titel van de les").fill("Wat telt voor jou?")
    page.get_by_label("Tekst (Markdown)").fill("## Begin\n\nVraag **wat iemand belangrijk vindt**.")
    browser_page.after(lambda: page.get_by_role("button", name="Voorbeeld bekijken").click())
    expect(page.locator("section strong")).to_have_text("wat iemand belangrijk vindt")
    page.get_by_label("Link naar een video").fill("https://video.example.org/gesprek")
    page.locator("#id_upload").set_input_files(
        files=[{"name": "Werkblad.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7 werkblad"}]
    )
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan").click())
    expect(page.get_by_text("De les is opgeslagen.")).to_be_visible()
    browser_page.after(
        lambda: page.get_by_role("link", name="bekijk Wat telt voor jou? als deelnemer").click()
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat telt voor jou?")


def _write_quiz(browser_page) -> None:
    page = browser_page.page
    browser_page.after(lambda: page.get_by_role("link", name="Terug naar de les bewerken").click())
    browser_page.after(lambda: page.get_by_role("link", name=settings_course_title(page)).click())
    browser_page.after(lambda: page.get_by_role("link", name="Toets toevoegen").click())
    page.get_by_label("Naam van de toets").fill("Eindtoets")
    page.get_by_label("Gehaald vanaf (procent goed)").fill("100")
    page.get_by_label("Aantal pogingen").fill("3")
    browser_page.after(lambda: page.get_by_role("button", name="Toets opslaan").click())
    expect(page.get_by_text("De toets is opgeslagen.")).to_be_visible()
    questions = [
        ("Waar begint het andere gesprek?", "één antwoord goed", ["Bij wat telt", "Bij de klacht"], [0]),
        (
            "Welke vragen zijn open?",
            "meer antwoorden kunnen goed zijn",
            ["Wat geeft je energie?", "Ja of nee?"],
            [0],
        ),
    ]
    for text, kind, choices, right in questions:
        browser_page.after(lambda: page.get_by_role("link", name="Vraag toevoegen").click())
        page.get_by_label("Vraag", exact=True).fill(text)
        page.get_by_label(kind).check()
        for row, choice in enumerate(choices, start=1):
            page.locator(f"#id_choice_{row}").fill(choice)
            page.get_by_label(f"Uitleg bij antwoord {row}").fill(f"Uitleg: {choice}")
            if row - 1 in right:
                page.get_by_label(f"Antwoord {row} is goed").check()
        browser_page.after(lambda: page.get_by_role("button", name="Vraag opslaan").click())
        expect(page.get_by_text("De vraag is opgeslagen.")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("link", name="Maak de toets als deelnemer").click())
    page.get_by_label("Bij de klacht").check()
    page.get_by_label("Wat geeft je energie?").check()
    browser_page.after(lambda: page.get_by_role("button", name="Toets inleveren (voorbeeld)").click())
    expect(page.get_by_text("Uitleg: Bij de klacht")).to_be_visible()


def settings_course_title(page) -> str:
    return page.locator(".vk-back").first.inner_text()


def _statistics_export_import(browser_page, course, tmp_path) -> None:
    page = browser_page.page
    browser_page.visit(f"/scholing/beheer/e-learning/{course.pk}/")
    browser_page.after(lambda: page.get_by_role("link", name="Hoe vaak is elke vraag fout?").click())
    expect(page.get_by_role("table")).to_contain_text("Waar begint het andere gesprek?")
    browser_page.visit(f"/scholing/beheer/e-learning/{course.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als pakket (ZIP)").click()
    package = tmp_path / "cursus.zip"
    download.value.save_as(package)
    browser_page.visit("/scholing/beheer/e-learning/importeren/")
    page.locator("#id_package").set_input_files(
        files=[{"name": "kapot.zip", "mimeType": "application/zip", "buffer": b"geen zip"}]
    )
    browser_page.after(lambda: page.get_by_role("button", name="Importeren").click())
    expect(page.locator("form.vk-form")).to_contain_text("Dit is geen goed ZIP-bestand.")
    page.locator("#id_package").set_input_files(str(package))
    browser_page.after(lambda: page.get_by_role("button", name="Importeren").click())
    expect(page.get_by_text("is geïmporteerd")).to_be_visible()
    assert Course.objects.filter(slug=f"{course.slug}-2", published_at__isnull=True).exists()
    # In the copy: rename the module, then delete it (after being asked).
    browser_page.after(lambda: page.get_by_role("link", name="Module Kennismaken wijzigen").click())
    page.get_by_label("Naam van de module").fill("Kennismaken (kopie)")
    browser_page.after(lambda: page.get_by_role("button", name="Opslaan").click())
    browser_page.after(lambda: page.get_by_role("link", name="Module Kennismaken (kopie) wijzigen").click())
    browser_page.after(lambda: page.get_by_role("link", name="Deze module verwijderen").click())
    browser_page.after(lambda: page.get_by_role("button", name="Ja, verwijderen").click())
    expect(page.get_by_text("De module is verwijderd.")).to_be_visible()


def test_writing_an_elearning_and_taking_it(browser_page, other_browser_page, resident, tmp_path):
    coordinator = UserFactory(roles=(Role.TRAINING_COORDINATOR,))
    course = CourseFactory(title="Het andere gesprek", requires_elearning=True)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course), user=resident)
    log_in(browser_page, coordinator)
    _write_course(browser_page, course)
    _write_quiz(browser_page)
    _statistics_export_import(browser_page, course, tmp_path)
    assert not Lesson.objects.filter(module__course__slug=f"{course.slug}-2").exists()
    assert Lesson.objects.filter(module__course=course, file_title="werkblad.pdf").exists()

    learner = other_browser_page
    page = learner.page
    log_in(learner, resident)
    learner.visit(f"/scholing/e-learning/{course.slug}/")
    learner.after(lambda: page.get_by_role("link", name="Begin met de eerste les").click())
    expect(page.get_by_role("link", name="Bekijk de video (opent een andere website)")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download werkblad.pdf").click()
    assert download.value.suggested_filename == "werkblad.pdf"
    learner.after(lambda: page.get_by_role("button", name="Klaar, terug naar het overzicht").click())
    expect(page.get_by_text("Je hebt de laatste les gedaan.")).to_be_visible()
    learner.after(lambda: page.get_by_role("link", name="Eindtoets").click())
    learner.after(lambda: page.get_by_role("button", name="Begin aan de toets").click())
    learner.after(lambda: page.get_by_role("button", name="Toets inleveren").click())
    expect(page.locator("form.vk-form")).to_contain_text("Kies bij deze vraag een antwoord.")
    page.get_by_label("Bij wat telt").check()
    page.get_by_label("Wat geeft je energie?").check()
    learner.after(lambda: page.get_by_role("button", name="Toets inleveren").click())
    expect(page.get_by_text("Gehaald! Je had 100% goed.")).to_be_visible()
    expect(page.get_by_text("Uitleg: Bij wat telt")).to_be_visible()
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert QuizAttempt.objects.get(enrolment=enrolment).passed
