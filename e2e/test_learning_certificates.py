"""On a phone: the training coordinator makes an intervision group (too few members first) and plans its
meetings, a member writes a reflection after a meeting, the coordinator revokes a certificate and issues
a new one, and anyone checks a certificate by its number (an unknown one first)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.helpers import log_in
from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.learning.models import IntervisionGroup, Reflection
from veerkracht.learning.tests.factories.certificates import make_certificate
from veerkracht.learning.tests.factories.intervision import make_cohort, past_meeting

pytestmark = pytest.mark.browser


def _name(user, name: str) -> None:
    user.profile.display_name = name
    user.profile.save(update_fields=["display_name"])


def test_an_intervision_group_from_making_to_reflection(browser_page, other_browser_page, region):
    page, other = browser_page.page, other_browser_page.page
    coordinator = UserFactory(roles=(Role.TRAINING_COORDINATOR,))
    cohort, users = make_cohort(learners=5)
    for i, user in enumerate(users):
        _name(user, f"Deelnemer {'ABCDE'[i]}")

    # 1. The coordinator picks too few learners first, then four.
    log_in(browser_page, coordinator)
    browser_page.visit("/scholing/beheer/intervisie/")
    browser_page.after(lambda: page.get_by_role("link", name=re.compile(cohort.course.title)).click())
    page.get_by_label("Naam van de intervisiegroep").fill("Intervisie Maastricht")
    for user in users[:3]:
        page.get_by_label(re.compile(user.profile.display_name)).check()
    browser_page.after(lambda: page.get_by_role("button", name="Groep maken").click())
    expect(page.get_by_text(re.compile("4 tot en met 8 deelnemers. Je koos er 3")).first).to_be_visible()
    page.get_by_label(re.compile(users[3].profile.display_name)).check()
    browser_page.after(lambda: page.get_by_role("button", name="Groep maken").click())
    expect(page.get_by_text("De intervisiegroep is gemaakt.")).to_be_visible()
    group = IntervisionGroup.objects.get()

    # 2. Planning: an end before the start first, then four meetings.
    day = (timezone.localdate() + timedelta(days=10)).isoformat()
    page.get_by_label("Datum van de eerste bijeenkomst").fill(day)
    page.get_by_label("Begint om").fill("19:30")
    page.get_by_label("Eindigt om").fill("18:00")
    page.get_by_label("Plek").fill("Buurthuis De Kern")
    browser_page.after(lambda: page.get_by_role("button", name="Bijeenkomsten plannen").click())
    expect(page.get_by_text("De eindtijd moet na de begintijd liggen.").first).to_be_visible()
    page.get_by_label("Eindigt om").fill("21:30")
    browser_page.after(lambda: page.get_by_role("button", name="Bijeenkomsten plannen").click())
    expect(page.get_by_text("De bijeenkomsten staan in de agenda.")).to_be_visible()
    assert group.meetings.count() == 4

    # 3. After a meeting, a member writes a reflection (empty first) that the group reads.
    past_meeting(group)
    log_in(other_browser_page, users[0])
    other_browser_page.visit(f"/scholing/intervisie/{group.pk}/")
    other_browser_page.after(lambda: other.get_by_role("button", name="Reflectie bewaren").click())
    expect(other.get_by_text("Schrijf je reflectie.").first).to_be_visible()
    other.get_by_label("Je reflectie", exact=True).fill("Ik vraag voortaan eerst door.")
    other_browser_page.after(lambda: other.get_by_role("button", name="Reflectie bewaren").click())
    expect(other.get_by_text("Je reflectie is bewaard.")).to_be_visible()
    expect(other.locator("li", has_text="Deelnemer A: Ik vraag voortaan eerst door.")).to_be_visible()
    assert Reflection.objects.get().author == users[0]

    # 4. The coordinator sees attendance, not the reflection.
    browser_page.visit(f"/scholing/intervisie/{group.pk}/aanwezigheid/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aanwezigheid")
    expect(page.get_by_text("Ik vraag voortaan eerst door.")).to_have_count(0)


def test_revoking_and_verifying_a_certificate(browser_page, region):
    page = browser_page.page
    certificate = make_certificate(title="Basis Positieve Gezondheid")
    coordinator = UserFactory(roles=(Role.TRAINING_COORDINATOR,))

    # 1. Anyone checks a number: a wrong one first, then the real one typed loosely.
    browser_page.visit("/scholing/certificaat/")
    page.get_by_label("Nummer van het certificaat").fill("VK-2020-AAAA-BBBB")
    browser_page.after(lambda: page.get_by_role("button", name="Certificaat controleren").click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Dit certificaat kennen we niet")
    page.get_by_label("Nummer van het certificaat").fill(certificate.number.lower().replace("-", " "))
    browser_page.after(lambda: page.get_by_role("button", name="Certificaat controleren").click())
    expect(page.get_by_role("heading", level=1)).to_have_text("Dit certificaat is echt")
    expect(page.get_by_text(certificate.holder_name)).to_be_visible()

    # 2. The coordinator finds it and revokes it (without a reason first).
    log_in(browser_page, coordinator)
    browser_page.visit("/scholing/beheer/certificaten/")
    page.get_by_label("Zoek op naam, cursus of nummer").fill(certificate.number)
    browser_page.after(lambda: page.get_by_role("button", name="Zoeken").click())
    browser_page.after(lambda: page.get_by_role("link", name=re.compile("intrekken")).click())
    browser_page.after(lambda: page.get_by_role("button", name="Certificaat intrekken").click())
    expect(page.get_by_text("Schrijf waarom je het certificaat intrekt.").first).to_be_visible()
    page.get_by_label("Waarom trek je het certificaat in?").fill("Uitgegeven voor de verkeerde cursus.")
    browser_page.after(lambda: page.get_by_role("button", name="Certificaat intrekken").click())
    expect(page.get_by_text("Het certificaat is ingetrokken.")).to_be_visible()
    browser_page.after(
        lambda: page.get_by_role("button", name=re.compile("Nieuw certificaat uitgeven")).click()
    )
    expect(page.get_by_text("Er is een nieuw certificaat uitgegeven")).to_be_visible()
    assert certificate.enrolment.certificates.filter(revoked_at__isnull=True).count() == 1

    # 3. The public page now says so.
    browser_page.visit(f"/scholing/certificaat/{certificate.number}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dit certificaat is ingetrokken")
    expect(page.get_by_text("Uitgegeven voor de verkeerde cursus.")).to_have_count(0)


def test_the_learner_sees_their_certificates(browser_page, region):
    page = browser_page.page
    certificate = make_certificate(title="Het andere gesprek voeren")
    log_in(browser_page, certificate.enrolment.user)
    browser_page.visit("/scholing/certificaten/")
    expect(page.get_by_role("heading", name="Het andere gesprek voeren")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Certificaat downloaden (PDF)").click()
    assert download.value.suggested_filename == f"certificaat-{certificate.number}.pdf"
