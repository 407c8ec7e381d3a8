"""Deleting an account deletes the person everywhere.

A resident who used every feature deletes their account through the page. Afterwards every table of
the database is read, row by row and column by column, for their name, their e-mail addresses and the
free texts only they wrote. What stays on purpose (an initiative others follow, news on it, an accepted
introduction the other side keeps) stays without their name.
"""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from veerkracht.accounts import services as account_services
from veerkracht.accounts.models import Organisation, OrganisationType, Role
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.actioncentre.models import Connection, ConnectionStatus, Initiative, InitiativeUpdate, Request
from veerkracht.actioncentre.services import connect as connect_services
from veerkracht.actioncentre.services import initiatives as initiative_services
from veerkracht.actioncentre.services import moderation as moderation_services
from veerkracht.actioncentre.services import partnerships as partnership_services
from veerkracht.actioncentre.services import requests as request_services
from veerkracht.actioncentre.tests.factories import InitiativeFactory, NeedFactory, link_token
from veerkracht.agenda.models import Evaluation, Event, Registration
from veerkracht.agenda.tests.factories import EventFactory
from veerkracht.agenda.tests.factories import register as agenda_register
from veerkracht.core.audit import log_action
from veerkracht.policy.services import policy_save
from veerkracht.spiderweb.services import sharing as sharing_services
from veerkracht.spiderweb.services.webs import reflection_save, research_consent_set

pytestmark = pytest.mark.django_db

NAME = "Femke Zwanenburg"
EMAIL = "femke.zwanenburg@example.org"
OTHER_EMAIL = "f.zwanenburg@werk.example.org"
# Texts only she wrote: none of them may be anywhere after the deletion.
GONE = {
    "request": "ik heb schulden bij de energieleverancier",
    "request_without_account": "mijn buurvrouw en ik willen samen koken",
    "added_info": "ik kan alleen op woensdag",
    "reflection": "mijn kleinkinderen vaker zien",
    "note_on_her_web": "afspraak bij de schuldhulp gemaakt",
    "offer": "mijn schuur vol tuingereedschap",
    "bio": "ervaringsdeskundige bij rouw",
    "private_initiative": "geheime moestuin achter de flat",
    "need": "een aanhanger voor het snoeiafval",
    "introduction": "jullie zouden elkaar goed kunnen helpen",
    "waiting_text": "nieuwe tekst die nog wacht op het actiecentrum",
    "waiting_news": "foto van de eerste wandeling, nog niet nagekeken",
    "event_answer": "ik eet geen gluten en kom met de rolstoel",
    "evaluation": "ik ga de wandelgroep in mijn straat bellen",
}


def _photo() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(buffer, "JPEG")
    return SimpleUploadedFile("tuin.jpg", buffer.getvalue(), content_type="image/jpeg")


def _text_cells() -> list[tuple[str, str, str]]:
    """(table, column, value) for every text-like value in every table of the database."""
    cells = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
            cursor.execute(f"SELECT {quoted} FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, (bytes, memoryview)):
                        value = bytes(value).decode("utf-8", "replace")
                    if isinstance(value, (dict, list)):
                        value = json.dumps(value, ensure_ascii=False)
                    if isinstance(value, str) and value:
                        cells.append((table, column, value))
    return cells


def _found(terms: list[str]) -> list[str]:
    lowered = [t.lower() for t in terms]
    return [
        f"{table}.{column}: {value[:80]!r}"
        for table, column, value in _text_cells()
        if any(term in value.lower() for term in lowered)
    ]


@pytest.fixture
def femke(region, make_web, professional, staff, django_capture_on_commit_callbacks, settings, tmp_path):
    """A resident who used every feature of the platform."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    maastricht = region.municipalities.get(code="GM0935")
    person = UserFactory(email=EMAIL, roles=[Role.AMBASSADOR], display_name=NAME)
    EmailAddress.objects.create(user=person, email=OTHER_EMAIL, verified=True)
    neighbour = UserFactory(email="buur@example.org", display_name="Gerrit")

    with django_capture_on_commit_callbacks(execute=True):
        # Spider web: reflection, consent, shared with a GP who wrote a note.
        web = make_web(person)
        reflection_save(assessment=web, matters_most=GONE["reflection"])
        research_consent_set(user=person, given=True, education="middle")
        _share, code = sharing_services.share_create(
            web=web, scope="one", expires_at=timezone.now() + timedelta(days=30)
        )
        share = sharing_services.share_claim(professional=professional, code=code)
        sharing_services.note_add(share=share, web=web, author=professional, text=GONE["note_on_her_web"])

        # Action centre: a question with her account, one without (other address, other capitals).
        request, _token = request_services.request_submit(
            region=region,
            kind="support",
            title="Hulp bij geldzaken",
            description=GONE["request"],
            municipality=maastricht,
            name=NAME,
            email=EMAIL,
            contact_consent=True,
            sender=person,
            base_url="",
        )
        request_services.request_add_note(request=request, author=staff, text=f"Gebeld met {NAME}")
        request_services.request_add_sender_info(request=request, text=GONE["added_info"])
        request_services.request_submit(
            region=region,
            kind="idea",
            title="Samen koken",
            description=GONE["request_without_account"],
            municipality=maastricht,
            name="Femke",
            email=OTHER_EMAIL.upper(),
            contact_consent=True,
            sender=None,
            base_url="",
        )

        # An initiative others follow (stays, without her name), one nobody follows (goes).
        kept = InitiativeFactory(
            owner=person,
            title=f"Wandelen met {NAME.split()[0]}",
            description=f"Elke zondag. Vragen? Mail {EMAIL}.",
        )
        initiative_services.initiative_follow(initiative=kept, user=neighbour)
        greeting = initiative_services.initiative_update_post(
            initiative=kept, author=person, text=f"Groeten van {NAME}"
        )
        moderation_services.update_approve(update=greeting, actor=staff)
        alone = InitiativeFactory(owner=person, title="Moestuin", description=GONE["private_initiative"])
        NeedFactory(initiative=alone, description=GONE["need"])
        initiative_services.initiative_update_post(
            initiative=alone, author=person, text="Eerste oogst", photo=_photo(), photo_alt="Tomaten"
        )
        # A text change and news that wait for the action centre, and a partner she asked for.
        moderation_services.revision_submit(
            initiative=kept,
            author=person,
            title=kept.title,
            summary=kept.summary,
            description=GONE["waiting_text"],
            who=kept.who,
        )
        initiative_services.initiative_update_post(
            initiative=kept, author=person, text=GONE["waiting_news"], photo=_photo(), photo_alt="Wandelaars"
        )
        partnership_services.initiative_set_partners(
            initiative=kept, organisations=[OrganisationFactory(name="Wijkvereniging Oost")], actor=person
        )
        # News on someone else's initiative, and a follow.
        other = InitiativeFactory(title="Buurtkamer Oost", owner=neighbour)
        cheer = initiative_services.initiative_update_post(
            initiative=other, author=person, text=f"Leuk! {NAME}"
        )
        moderation_services.update_approve(update=cheer, actor=staff)
        initiative_services.initiative_follow(initiative=other, user=person)

        # She helps: an offer that was introduced to a need and accepted by both, and a proposed one.
        offer = connect_services.offer_create(
            owner=person,
            region=region,
            help_type="place",
            title="Gereedschap te leen",
            description=GONE["offer"],
            municipality=maastricht,
            themes=(),
            dimensions=(),
        )
        connect_services.ambassador_profile_save(
            user=person, region=region, expertise="Rouw", bio=GONE["bio"], municipality=maastricht
        )
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            accepted = connect_services.connection_propose(
                need=NeedFactory(initiative=other, help_type="place"),
                offer=offer,
                message=GONE["introduction"],
                proposed_by=staff,
            )
        for message in mail.outbox:
            connect_services.connection_answer(token=link_token(message.body), accept=True)
        connect_services.connection_propose(
            need=NeedFactory(initiative=other, help_type="place", description="Schoppen"),
            offer=offer,
            message=GONE["introduction"],
            proposed_by=staff,
        )

        # Her municipality's policy register, an organisation that used her address, the audit log.
        municipality = OrganisationFactory(
            name="Gemeente Maastricht", type=OrganisationType.MUNICIPALITY, municipality=maastricht
        )
        account_services.membership_set(organisation=municipality, user=person)
        OrganisationFactory(name="Tuinclub De Spade", email=EMAIL)
        policy_save(
            municipality=maastricht,
            user=person,
            in_policy=True,
            since_year=2020,
            document_title="Nota gezondheid",
            document_url="",
            levels=["meso"],
            themes=[],
            notes="",
        )
        log_action("test.searched", actor=staff, data={"q": EMAIL})
        _agenda(person)
    accepted.refresh_from_db()
    assert accepted.status == ConnectionStatus.ACCEPTED
    return person


def _agenda(person) -> None:
    """Sessions: one to come (with an answer to the organiser's question), one she came to and rated
    (registered from her other address, without account), and one she organises."""
    coming = EventFactory(questions=["Heb je een dieetwens of hulp nodig?"])
    answer = {str(coming.questions.get().pk): GONE["event_answer"]}
    agenda_register(coming, EMAIL, name=NAME, user=person, answers=answer)
    past = EventFactory()
    came = agenda_register(past, OTHER_EMAIL, name="Femke Z.")
    Event.objects.filter(pk=past.pk).update(
        starts_at=timezone.now() - timedelta(days=20), ends_at=timezone.now() - timedelta(days=20, hours=-2)
    )
    Registration.objects.filter(pk=came.pk).update(checked_in_at=timezone.now(), checked_in_places=1)
    Evaluation.objects.create(
        event=past,
        registration=came,
        score_1=5,
        score_2=5,
        score_3=4,
        score_4=5,
        next_step=GONE["evaluation"],
    )
    EventFactory(organisers=[person], organiser_name=f"{NAME} en de buren", contact_email=EMAIL)


def test_the_deletion_page_says_what_goes_and_what_stays(client_for, femke):
    page = client_for(femke).get(reverse("accounts:delete")).content.decode()
    assert "Dit verwijderen we" in page and "Dit blijft, zonder je naam" in page
    assert "Je 2 vragen en ideeën aan het actiecentrum" in page
    assert "Je initiatief ‘Moestuin’, met het nieuws en de foto’s." in page
    assert "blijft bestaan, want 1 persoon volgt het" in page
    assert "Je naam en e-mailadres bij 2 kennismakingen" in page


def test_the_download_holds_what_the_deletion_removes(client_for, femke):
    data = json.loads(client_for(femke).get(reverse("accounts:export")).content)
    assert {r["description"] for r in data["requests"]} == {GONE["request"], GONE["request_without_account"]}
    assert GONE["added_info"] in [e["text"] for r in data["requests"] for e in r["timeline"]]
    # Staff's internal notes about her question are not hers to read.
    assert f"Gebeld met {NAME}" not in json.dumps(data, ensure_ascii=False)
    initiatives = {i["title"]: i for i in data["initiatives"]}
    assert initiatives["Moestuin"]["needs"][0]["description"] == GONE["need"]
    assert initiatives["Moestuin"]["news"][0]["photo_description"] == "Tomaten"
    assert data["news_on_other_initiatives"][0]["text"] == f"Leuk! {NAME}"
    introductions = sorted(data["introductions"], key=lambda c: c["status"])
    assert [c["status"] for c in introductions] == ["accepted", "proposed"]
    assert all(c["you_are"] == "helper" and c["message"] == GONE["introduction"] for c in introductions)
    # The other side's address only once both said yes, as in the e-mails.
    assert introductions[0]["other_email"] and introductions[1]["other_email"] is None
    assert data["ambassador_profile"]["bio"] == GONE["bio"]
    sessions = data["event_registrations"]
    assert len(sessions) == 2 and GONE["evaluation"] in [
        s["evaluation"]["next_step"] for s in sessions if s["evaluation"]
    ]
    assert data["events_organised"][0]["organiser_name"] == f"{NAME} en de buren"


def test_after_deletion_no_table_holds_her_name_address_or_texts(
    client_for, femke, settings, django_capture_on_commit_callbacks
):
    before = _found([NAME, *NAME.split(), EMAIL, OTHER_EMAIL, *GONE.values()])
    assert len(before) > 20  # the scan sees her everywhere first: it can fail
    # Both photos wait for approval (in the private storage): hers is not staff's news.
    photo = InitiativeUpdate.objects.get(text="Eerste oogst").pending_photo
    waiting = InitiativeUpdate.objects.get(text=GONE["waiting_news"]).pending_photo
    assert photo.storage.exists(photo.name) and waiting.storage.exists(waiting.name)
    kept_pk = Initiative.objects.get(owner=femke, followers_count=1).pk
    owned = set(Initiative.objects.filter(owner=femke).values_list("pk", flat=True))
    assert len(owned) == 2

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(femke).post(reverse("accounts:delete"), {"confirm": "on"})
    assert response.status_code == 302

    assert _found([NAME, *NAME.split(), EMAIL, OTHER_EMAIL, *GONE.values()]) == []
    assert not photo.storage.exists(photo.name) and not waiting.storage.exists(waiting.name)
    # What others use stays, without her name.
    assert set(Initiative.objects.filter(pk__in=owned).values_list("pk", flat=True)) == {kept_pk}
    kept = Initiative.objects.get(pk=kept_pk)
    assert kept.owner is None and kept.title == "Wandelen met [verwijderd]"
    assert "femke" not in kept.slug and kept.description == "Elke zondag. Vragen? Mail [verwijderd]."
    assert kept.followers_count == 1
    assert InitiativeUpdate.objects.filter(initiative=kept, text="Groeten van [verwijderd]").exists()
    assert InitiativeUpdate.objects.filter(text="Leuk! [verwijderd]", author=None).exists()
    introduction = Connection.objects.get()
    assert introduction.status == ConnectionStatus.ACCEPTED
    assert (introduction.helper_name, introduction.helper_email, introduction.message) == (
        "[verwijderd]",
        "",
        "",
    )
    assert introduction.asker_email  # the other side keeps theirs
    assert not Request.objects.exists()
    assert Organisation.objects.get(name="Tuinclub De Spade").email == ""
    # The session she came to still counts her visit and her scores; the one she organises stays.
    visit = Registration.objects.get(checked_in_places=1)
    assert visit.erased_at and visit.user is None and Evaluation.objects.get().score_1 == 5
    organised = Event.objects.get(organiser_name="[verwijderd] en de buren")
    assert organised.contact_email == "" and not organised.organisers.exists()


def test_a_failed_deletion_deletes_nothing(client_for, femke, monkeypatch):
    from veerkracht.core import personal_data

    def broken(user):
        raise RuntimeError("disk full")

    declaration = personal_data._registered["policy"]
    monkeypatch.setitem(
        personal_data._registered,
        "policy",
        personal_data.PersonalData(**{**declaration.__dict__, "erase": broken}),
    )
    requests_before = Request.objects.count()
    with pytest.raises(RuntimeError):
        account_services.account_delete(user=femke)
    assert Request.objects.count() == requests_before
    assert Initiative.objects.filter(owner=femke).count() == 2
    femke.refresh_from_db()
