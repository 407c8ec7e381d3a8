from __future__ import annotations

from unittest import mock

import pytest
from django.core.mail import EmailMessage
from django.http import Http404
from django.test import RequestFactory

from veerkracht.accounts import dev
from veerkracht.accounts.tests.factories import totp_code
from veerkracht.core.mail import DevMailBackend

pytestmark = pytest.mark.django_db


def test_dev_mail_page_shows_sent_mail_and_demo_two_step_codes(settings, tmp_path, region):
    from veerkracht.accounts.demo import load

    settings.DEV_MAIL_DIR = tmp_path
    settings.DEBUG = True
    DevMailBackend().send_messages([EmailMessage("Je inlogcode", "ABCD-EFGH", to=["a@example.org"])])
    load(region)
    request = RequestFactory().get("/dev/mail/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    from veerkracht.accounts.models import User

    staff = User.objects.get(email="actiecentrum@demo.veerkracht.nl")
    # One fixed moment for page and test, so a 30-second code window cannot pass in between.
    with mock.patch("time.time", return_value=1_800_000_005.0):
        html = dev.mail_list(request).content.decode()
        expected = totp_code(staff)
    assert "Je inlogcode" in html and "ABCD-EFGH" in html
    assert expected in html


def test_dev_mail_page_is_404_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(Http404):
        dev.mail_list(RequestFactory().get("/dev/mail/"))


def test_demo_data_is_idempotent_and_has_one_login_per_role(region):
    from veerkracht.accounts.demo import DEMO_ACCOUNTS, load
    from veerkracht.accounts.models import Organisation, Role, User

    lines = load(region)
    load(region)
    assert len(lines) == len(DEMO_ACCOUNTS)
    assert User.objects.filter(email__endswith="@demo.veerkracht.nl").count() == len(DEMO_ACCOUNTS)
    # Every role can be tried with a demo login (a resident is anyone without a role).
    assert {role for a in DEMO_ACCOUNTS for role in a.roles} | {Role.RESIDENT} == set(Role)
    assert Organisation.objects.filter(is_core_partner=True).count() >= 3
    for account in DEMO_ACCOUNTS:
        user = User.objects.get(email=account.email)
        assert all(user.has_role(role) for role in account.roles)
