"""Personal data has an owner in every app: every model about a person is declared, the download holds
every app's part, and deleting an account leaves no row that points to the person."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts import services as account_services
from veerkracht.accounts.models import OrganisationType, Role
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.actioncentre.models import Follow, Initiative
from veerkracht.actioncentre.services import connect as connect_services
from veerkracht.actioncentre.services import initiatives as initiative_services
from veerkracht.actioncentre.services import requests as request_services
from veerkracht.actioncentre.tests.factories import InitiativeFactory, OfferFactory
from veerkracht.core import personal_data
from veerkracht.core.audit import log_action
from veerkracht.policy.services import policy_save
from veerkracht.spiderweb.services import sharing as sharing_services

pytestmark = pytest.mark.django_db


def test_every_model_that_holds_a_person_is_declared_by_its_app():
    assert personal_data.undeclared_models() == []


def test_a_model_nobody_declared_is_found(monkeypatch):
    registered = {app: d for app, d in personal_data._registered.items() if app != "spiderweb"}
    monkeypatch.setattr(personal_data, "_registered", registered)
    missing = personal_data.undeclared_models()
    assert {"spiderweb.Assessment", "spiderweb.Share", "spiderweb.ConversationNote"} <= set(missing)
    # A web's reflection has no user or name field: it is declared for the reader, not found by the walk.
    assert "spiderweb.Reflection" not in missing


def test_two_apps_may_not_export_the_same_section(monkeypatch, resident):
    double = personal_data.PersonalData(
        app="double", models=(), export=lambda user: {"account": {}}, erase=lambda user: None
    )
    monkeypatch.setitem(personal_data._registered, "double", double)
    with pytest.raises(ValueError, match="account"):
        personal_data.export_all(resident)


@pytest.fixture
def busy_person(region, make_web, professional):
    """Someone who did a bit of everything: a web shared with a professional (with a note), a request,
    an initiative with news, a follow, an offer, an ambassador profile and a policy change."""
    person = UserFactory(email="druk@example.org", roles=[Role.AMBASSADOR], display_name="Dirk")
    web = make_web(person)
    _share, code = sharing_services.share_create(
        web=web, scope="one", expires_at=timezone.now() + timedelta(days=30)
    )
    share = sharing_services.share_claim(professional=professional, code=code)
    sharing_services.note_add(share=share, web=web, author=professional, text="Tot over een maand.")
    request_services.request_submit(
        region=region,
        kind="idea",
        title="Wandelen",
        description="Samen wandelen.",
        municipality=region.municipalities.get(code="GM0935"),
        name="Dirk",
        email=person.email,
        contact_consent=True,
        sender=person,
        base_url="",
    )
    initiative = InitiativeFactory(owner=person, title="Wandelclub")
    initiative_services.initiative_update_post(initiative=initiative, author=person, text="Eerste keer!")
    followed = InitiativeFactory(title="Moestuin")
    initiative_services.initiative_follow(initiative=followed, user=person)
    OfferFactory(owner=person, title="Mijn zaal")
    connect_services.ambassador_profile_save(user=person, region=region, expertise="Wandelen")
    municipality = OrganisationFactory(
        name="Gemeente Maastricht",
        type=OrganisationType.MUNICIPALITY,
        municipality=region.municipalities.get(code="GM0935"),
    )
    account_services.membership_set(organisation=municipality, user=person)
    policy_save(
        municipality=region.municipalities.get(code="GM0935"),
        user=person,
        in_policy=True,
        since_year=2020,
        document_title="Nota",
        document_url="",
        levels=["meso"],
        themes=[],
        notes="",
    )
    log_action("test.looked", actor=professional, person=person)
    return person


def test_the_download_holds_what_every_app_keeps(client_for, busy_person):
    data = json.loads(client_for(busy_person).get(reverse("accounts:export")).content)
    assert data["account"]["email"] == "druk@example.org"
    assert data["organisations"][0]["organisation"] == "Gemeente Maastricht"
    assert len(data["spider_webs"]) == 1 and data["shares"][0]["scope"] == "one"
    assert data["conversation_notes"][0]["text"] == "Tot over een maand."
    assert data["requests"][0]["title"] == "Wandelen"
    assert data["initiatives"][0]["title"] == "Wandelclub"
    assert data["follows"][0]["initiative"] == "Moestuin"
    assert data["offers"][0]["title"] == "Mijn zaal"
    assert data["ambassador_profile"]["expertise"] == "Wandelen"
    assert data["policy_changes"][0]["municipality"] == "Maastricht"
    assert {entry["what"] for entry in data["log"]} >= {"test.looked"}
    # The spider web's page offers the same download.
    assert json.loads(client_for(busy_person).get(reverse("spiderweb:export")).content) == data


def test_the_download_is_only_for_the_person_themselves(client):
    response = client.get(reverse("accounts:export"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_deleting_an_account_leaves_no_row_that_points_to_the_person(busy_person, professional):
    person_pk = busy_person.pk
    moestuin = Initiative.objects.get(title="Moestuin")
    assert moestuin.followers_count == 1

    account_services.account_delete(user=busy_person)

    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    pointing = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            points = field.is_relation and field.related_model is user_model
            if points and model._default_manager.filter(**{field.attname: person_pk}).exists():
                pointing.append(f"{model._meta.label}.{field.name}")
    assert pointing == []
    assert not user_model.objects.filter(pk=person_pk).exists()
    # An initiative nobody else follows goes with its owner; counts follow.
    assert not Initiative.objects.filter(title="Wandelclub").exists()
    assert Initiative.objects.get(pk=moestuin.pk).followers_count == 0
    assert not Follow.objects.exists()
    # The professional's own account is untouched.
    professional.refresh_from_db()
    assert professional.is_active
