"""Sessions keep the id of the person logged in beside them, so deleting an account ends its sessions
on every device without decoding everyone's; the move from Django's own table keeps people logged in."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session
from django.test import Client

from veerkracht.accounts.models import UserSession
from veerkracht.accounts.services import account_delete

pytestmark = pytest.mark.django_db
BACKEND = "veerkracht.accounts.backends.LoginBackend"


def _device(user) -> Client:
    client = Client()
    client.force_login(user, backend=BACKEND)
    return client


def test_a_login_stores_who_is_logged_in_beside_the_session(resident):
    client = _device(resident)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert UserSession.objects.get(session_key=key).user_id == resident.pk
    anonymous = Client()
    anonymous.get("/")
    assert not UserSession.objects.exclude(user_id=resident.pk).filter(user_id__isnull=False).exists()


def test_deleting_an_account_ends_its_sessions_on_every_device_and_no_others(resident, professional):
    phone, laptop, colleague = _device(resident), _device(resident), _device(professional)
    assert phone.get("/mijn-account/").status_code == 200
    account_delete(user=resident)
    assert not UserSession.objects.filter(user_id=resident.pk).exists()
    for device in (phone, laptop):
        assert device.get("/mijn-account/").status_code == 302  # to the login page
    assert colleague.get("/mijn-account/").status_code == 200


@pytest.mark.parametrize("engine", ["db", "cached_db"])
def test_both_engines_keep_the_id(engine, resident):
    store = import_module(f"veerkracht.accounts.sessions.{engine}").SessionStore()
    store["_auth_user_id"] = str(resident.pk)
    store.create()
    assert UserSession.objects.get(session_key=store.session_key).user_id == resident.pk


def test_the_move_copies_sessions_that_have_not_ended_and_empties_the_old_table(resident):
    migration = import_module("veerkracht.accounts.migrations.0005_user_sessions")
    logged_in, anonymous = DjangoSessionStore(), DjangoSessionStore()
    logged_in["_auth_user_id"] = str(resident.pk)
    anonymous["draft"] = {"answers": [3, 4]}
    for store in (logged_in, anonymous):
        store.create()
    migration.copy_sessions(apps, None)
    assert UserSession.objects.get(session_key=logged_in.session_key).user_id == resident.pk
    assert UserSession.objects.get(session_key=anonymous.session_key).user_id is None
    assert not Session.objects.exists()
