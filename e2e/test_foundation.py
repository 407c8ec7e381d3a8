"""A resident on a phone: read the home page, sign up, log in by code, switch language, log out."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from veerkracht.accounts.models import User

pytestmark = pytest.mark.browser
CONFIRM = re.compile("^Bevestig")


def _last_code() -> str:
    match = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.outbox[-1].body, re.MULTILINE)
    assert match, mail.outbox[-1].body
    return match.group(1)


def test_home_page_fits_a_phone_and_is_accessible(browser_page):
    page = browser_page.visit("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen werken aan een goed leven")
    # Nothing sticks out sideways on a 390 px wide screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The skip link is the first thing a keyboard user reaches, and it works.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Ga direct naar de inhoud")
    expect(skip).to_be_focused()
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    for name in ("Ik woon hier", "Ik werk met mensen", "Ik ben een organisatie"):
        expect(page.get_by_role("heading", name=name)).to_be_visible()


@pytest.mark.parametrize(
    "path",
    ["/positieve-gezondheid/", "/privacy/", "/toegankelijkheid/", "/contact/", "/pagina-bestaat-niet/"],
)
def test_public_pages_are_accessible_on_a_phone(browser_page, path):
    page = browser_page.visit(path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_sign_up_log_in_by_code_switch_language_and_log_out(browser_page):
    page = browser_page.visit("/")
    browser_page.after(lambda: page.get_by_role("link", name="Inloggen").click())
    browser_page.after(lambda: page.get_by_role("link", name="Account maken").click())

    # Sign up with only an e-mail address (and a first name).
    page.get_by_label("E-mailadres").fill("sanne@example.org")
    page.get_by_label("Je voornaam of roepnaam").fill("Sanne")
    browser_page.after(lambda: page.get_by_role("button", name="Account maken").click())
    assert User.objects.filter(email="sanne@example.org").exists()
    page.get_by_label("Code").fill(_last_code())
    browser_page.after(lambda: page.get_by_role("button", name=CONFIRM).click())
    browser_page.after(lambda: page.get_by_role("link", name="Mijn account", exact=True).click())
    expect(page.get_by_text("Je bent ingelogd met sanne@example.org.")).to_be_visible()

    # Log out, then back in with a code: no password needed.
    browser_page.after(lambda: page.get_by_role("button", name="Uitloggen").click())
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()
    browser_page.after(lambda: page.get_by_role("link", name="Inloggen").click())
    page.get_by_label("E-mailadres").first.fill("sanne@example.org")
    browser_page.after(lambda: page.get_by_role("button", name="Stuur mij een inlogcode").click())
    page.get_by_label("Code").fill(_last_code())
    browser_page.after(lambda: page.get_by_role("button", name=CONFIRM).click())
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()

    # Switch to English and back; the choice is remembered in the profile.
    browser_page.after(lambda: page.get_by_role("button", name="English").click())
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert User.objects.get(email="sanne@example.org").profile.preferred_language == "en"
    browser_page.after(lambda: page.get_by_role("button", name="Nederlands").click())
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    browser_page.after(lambda: page.get_by_role("button", name="Uitloggen").click())
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()


def test_a_wrong_code_gets_a_clear_message(browser_page, resident):
    page = browser_page.visit("/accounts/login/")
    page.get_by_label("E-mailadres").first.fill(resident.email)
    browser_page.after(lambda: page.get_by_role("button", name="Stuur mij een inlogcode").click())
    page.get_by_label("Code").fill("AAAA-AAAA")
    browser_page.after(lambda: page.get_by_role("button", name=CONFIRM).click())
    expect(page.locator(".utrecht-form-field-error-message").first).to_be_visible()
    browser_page.check()


def test_the_axe_check_really_catches_problems(browser_page):
    """Guard: the accessibility helper must fail on a page with known WCAG violations."""
    from e2e.a11y import axe_violations

    browser_page.visit("/")
    browser_page.page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        ' \'<img src="/static/img/logo.svg"><input type="text">\')'
    )
    ids = {v["id"] for v in axe_violations(browser_page.page)}
    assert {"image-alt", "label"} <= ids


def test_a_new_staff_member_must_set_up_two_step_login(browser_page, region):
    import time

    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    from veerkracht.accounts.models import Role
    from veerkracht.accounts.tests.factories import UserFactory

    staff = UserFactory(email="nieuw-team@example.org", password="een-lang-wachtwoord-42", roles=[Role.STAFF])
    Authenticator.objects.filter(user=staff).delete()

    page = browser_page.visit("/accounts/login/")
    page.get_by_text("Inloggen met een wachtwoord").click()
    page.locator("#id_login").fill(staff.email)
    page.locator("#id_password").fill("een-lang-wachtwoord-42")
    browser_page.after(lambda: page.get_by_role("button", name="Inloggen met wachtwoord").click())
    # Every page sends a staff member without two-step login to the set-up, which (as any change to
    # login security) first asks for the password again.
    browser_page.visit("/")
    assert "/accounts/reauthenticate/" in page.url
    page.locator("#id_password").fill("een-lang-wachtwoord-42")
    browser_page.after(lambda: page.locator("form.vk-form button[type=submit]").click())
    assert page.url.endswith("/accounts/2fa/totp/activate/")

    secret = page.locator("#authenticator_secret").input_value()
    if time.time() % 30 > 25:  # do not let the code expire between reading and submitting it
        time.sleep(30 - time.time() % 30 + 0.5)
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    page.locator("#id_code").fill(code)
    browser_page.after(lambda: page.locator("form.vk-form button[type=submit]").click())
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    browser_page.visit("/accounts/2fa/recovery-codes/")
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.RECOVERY_CODES).exists()
    browser_page.visit("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen werken aan een goed leven")


def test_a_resident_deletes_their_account_after_reading_what_goes_and_what_stays(browser_page, resident):
    from e2e.helpers import log_in_by_code
    from veerkracht.actioncentre.models import Initiative
    from veerkracht.actioncentre.services.initiatives import initiative_follow
    from veerkracht.actioncentre.tests.factories import InitiativeFactory

    kept = InitiativeFactory(owner=resident, title="Samen wandelen")
    initiative_follow(initiative=kept, user=User.objects.create_user(email="buur@example.org"))
    InitiativeFactory(owner=resident, title="Moestuin")
    log_in_by_code(browser_page, resident)
    page = browser_page.visit("/mijn-account/verwijderen/")
    expect(page.get_by_role("heading", name="Dit verwijderen we")).to_be_visible()
    expect(page.get_by_text("Je initiatief ‘Moestuin’, met het nieuws en de foto’s.")).to_be_visible()
    expect(
        page.get_by_text(re.compile("‘Samen wandelen’ blijft bestaan, want 1 persoon volgt het"))
    ).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # Without the tick nothing happens, and the page says why.
    browser_page.after(lambda: page.get_by_role("button", name="Verwijder mijn account").click())
    expect(page.locator("#id_confirm_error")).to_have_text(
        "Vink het vakje aan als je zeker weet dat je alles wilt verwijderen."
    )
    assert User.objects.filter(pk=resident.pk).exists()

    page.get_by_label("Ja, ik wil mijn account en al mijn gegevens nu verwijderen.").check()
    browser_page.after(lambda: page.get_by_role("button", name="Verwijder mijn account").click())
    expect(page.get_by_text("Je account en je gegevens zijn verwijderd.")).to_be_visible()
    assert not User.objects.filter(pk=resident.pk).exists()
    assert list(
        Initiative.objects.filter(title__in=["Samen wandelen", "Moestuin"]).values_list("title", "owner")
    ) == [("Samen wandelen", None)]


def test_the_main_menu_is_one_compact_row_on_a_phone_and_a_full_row_on_a_wide_screen(browser_page):
    page = browser_page.visit("/")
    # The page's own content starts in the first screen of an 844 px phone.
    assert page.evaluate("document.querySelector('h1').getBoundingClientRect().top") < 260
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    expect(nav.get_by_role("link", name="Initiatieven")).to_be_hidden()
    nav.get_by_text("Menu", exact=True).click()
    expect(nav.get_by_role("link", name="Initiatieven")).to_be_visible()
    browser_page.check()
    browser_page.after(lambda: nav.get_by_role("link", name="Initiatieven").click())
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Initiatieven"))
    # Closed again on the new page, with the current item named next to "Menu".
    expect(nav.locator("summary")).to_contain_text("Initiatieven")
    expect(nav.get_by_role("link", name="Initiatieven")).to_be_hidden()

    page.set_viewport_size({"width": 1280, "height": 800})
    expect(nav.locator("summary")).to_be_hidden()
    expect(nav.get_by_role("link", name="Initiatieven")).to_have_attribute("aria-current", "page")
    browser_page.check()
