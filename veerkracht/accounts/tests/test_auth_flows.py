"""Sign-up, login by code, password login and two-step login, through allauth's real views."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from veerkracht.accounts.models import User
from veerkracht.accounts.tests.factories import totp_code

pytestmark = pytest.mark.django_db


def _code_from_last_mail() -> str:
    body = mail.outbox[-1].body
    match = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", body, re.MULTILINE)
    assert match, body
    return match.group(1)


def test_sign_up_needs_only_an_email_and_logs_in_after_the_code(region, django_capture_on_commit_callbacks):
    client = Client()
    # The sign-up code goes through the job queue: queued with the sign-up, sent after the commit.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"), {"email": "nieuw@example.org", "display_name": "Nina"}, follow=True
        )
    assert response.status_code == 200
    user = User.objects.get(email="nieuw@example.org")
    assert user.profile.display_name == "Nina"
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1
    response = client.post(reverse("account_email_verification_sent"), {"code": _code_from_last_mail()})
    assert response.status_code == 302
    profile = client.get(reverse("accounts:profile"))
    assert profile.status_code == 200
    assert "nieuw@example.org" in profile.content.decode()


def test_the_honeypot_silently_drops_bot_sign_ups(region):
    Client().post(reverse("account_signup"), {"email": "bot@example.org", "website": "http://spam.example"})
    assert not User.objects.filter(email="bot@example.org").exists()
    assert mail.outbox == []


def test_sign_up_is_rate_limited_per_ip(region):
    client = Client()
    statuses = [
        client.post(reverse("account_signup"), {"email": f"p{i}@example.org"}).status_code for i in range(11)
    ]
    assert statuses[-1] == 429
    assert (
        "Even wachten" in client.post(reverse("account_signup"), {"email": "x@example.org"}).content.decode()
    )


def test_log_in_by_code_without_a_password(resident, django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):  # the code goes through the queue
        response = client.post(reverse("account_request_login_code"), {"email": resident.email})
    assert response.status_code == 302
    sent = mail.outbox[-1]
    assert sent.subject == "Limburg Positief Gezond: Je inlogcode"
    assert "Hier is je code om in te loggen" in sent.body and "testserver" not in sent.body
    response = client.post(reverse("account_confirm_login_code"), {"code": _code_from_last_mail()})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_wrong_login_code_is_refused(resident):
    client = Client()
    client.post(reverse("account_request_login_code"), {"email": resident.email})
    response = client.post(reverse("account_confirm_login_code"), {"code": "WRONG1"})
    assert response.status_code == 200
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_log_in_with_an_optional_password(region):
    from veerkracht.accounts.tests.factories import UserFactory

    user = UserFactory(email="met-wachtwoord@example.org", password="een-lang-wachtwoord-42")
    client = Client()
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "een-lang-wachtwoord-42"}
    )
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_repeated_wrong_passwords_are_limited(region):
    from veerkracht.accounts.tests.factories import UserFactory

    user = UserFactory(email="doelwit@example.org", password="een-lang-wachtwoord-42")
    client = Client()
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "fout-fout-fout"})
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "een-lang-wachtwoord-42"}
    )
    assert response.status_code in (200, 429)
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_staff_log_in_with_a_second_step(region):
    from veerkracht.accounts.models import Role
    from veerkracht.accounts.tests.factories import UserFactory

    staff = UserFactory(email="medewerker@example.org", password="een-lang-wachtwoord-42", roles=[Role.STAFF])
    client = Client()
    response = client.post(
        reverse("account_login"), {"login": staff.email, "password": "een-lang-wachtwoord-42"}
    )
    assert response.url == reverse("mfa_authenticate")
    assert client.get(reverse("accounts:profile")).status_code == 302  # not logged in yet
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200  # wrong code: form again
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(staff)})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_staff_without_two_step_login_must_set_it_up_first(region, client_for):
    from allauth.mfa.models import Authenticator

    from veerkracht.accounts.models import Role
    from veerkracht.accounts.tests.factories import UserFactory

    analyst = UserFactory(email="nieuwe-analist@example.org", roles=[Role.ANALYST])
    Authenticator.objects.filter(user=analyst).delete()
    client = client_for(analyst)
    response = client.get("/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    # A resident is never forced.
    assert client_for(UserFactory(email="gewoon@example.org")).get("/").status_code == 200


@pytest.mark.parametrize(
    ("role", "landing"),
    [
        (None, "/mijn-spinnenweb/"),
        ("professional", "/mijn-spinnenweb/met-mij-gedeeld/"),
        ("staff", "/actiecentrum/bord/"),
        ("analyst", "/monitor/"),
        ("region_admin", "/beheer/"),
        ("partner_admin", "/verbinden/partners/"),
        ("ambassador", "/verbinden/"),
    ],
)
def test_after_logging_in_each_role_lands_where_its_work_is(region, role, landing):
    from veerkracht.accounts.adapter import landing_url
    from veerkracht.accounts.tests.factories import UserFactory

    user = UserFactory(email=f"{role or 'inwoner'}@example.org", roles=[role] if role else [])
    assert landing_url(user) == landing


def test_a_resident_lands_on_their_spider_web_after_logging_in_and_a_next_still_wins(region, client):
    from veerkracht.accounts.tests.factories import UserFactory

    UserFactory(email="jan@example.org", password="Een-lang-wachtwoord-2026")
    response = client.post(
        "/accounts/login/", {"login": "jan@example.org", "password": "Een-lang-wachtwoord-2026"}
    )
    assert response.status_code == 302 and response.url == "/mijn-spinnenweb/"
    client.logout()
    response = client.post(
        "/accounts/login/?next=/initiatieven/",
        {"login": "jan@example.org", "password": "Een-lang-wachtwoord-2026", "next": "/initiatieven/"},
    )
    assert response.url == "/initiatieven/"


def test_account_pages_speak_our_plain_dutch_not_stock_texts(client_for, client, resident, region):
    """Django's and allauth's own Dutch ("Uw wachtwoord", "aanmelden", "Authenticator geheim") is
    replaced by ours (locale/nl): "je", "inloggen", no jargon."""
    responses = [client.get("/accounts/login/code/")]
    own = client_for(resident)
    urls = ("/accounts/password/change/", "/accounts/2fa/", "/accounts/logout/", "/accounts/email/")
    responses += [own.get(url, follow=True) for url in urls]
    assert all(r.status_code == 200 for r in responses)
    pages = [r.content.decode() for r in responses]
    text = " ".join(re.sub(r"<[^>]+>", " ", page.split("<main", 1)[1].split("</main>")[0]) for page in pages)
    for stock in (
        "Uw ",
        " uw ",
        "aanmeld",
        "Afmelden",
        "Authenticator",
        "Twee-factor",
        "Primair",
        "Geverifieerd",
    ):
        assert stock not in text, stock
    for ours in (
        "Je wachtwoord moet minstens",
        "Inloggen in twee stappen",
        "Weet je zeker dat je wilt uitloggen?",
        "Hoofdadres",
    ):
        assert ours in text, ours


def test_forgot_password_is_offered_once_on_the_login_page(client, region):
    assert client.get("/accounts/login/").content.decode().count("Wachtwoord vergeten?") == 1


def test_sign_up_during_a_mail_outage_completes_and_a_retry_sends_a_code_again(
    region, django_capture_on_commit_callbacks
):
    from unittest import mock

    from veerkracht.core.models import OutgoingMail

    down = mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("smtp down"))
    with down, django_capture_on_commit_callbacks(execute=True):
        first = Client().post(reverse("account_signup"), {"email": "buiten@example.org"}, follow=True)
    assert first.status_code == 200 and User.objects.filter(email="buiten@example.org").count() == 1
    assert OutgoingMail.objects.filter(to="buiten@example.org", status="queued").count() == 1  # tried later
    with django_capture_on_commit_callbacks(execute=True):  # the mail server is back; she tries again
        again = Client().post(reverse("account_signup"), {"email": "buiten@example.org"}, follow=True)
    assert again.status_code == 200 and "bestaat al" not in again.content.decode()
    assert User.objects.filter(email="buiten@example.org").count() == 1
    assert mail.outbox and mail.outbox[-1].to == ["buiten@example.org"]
