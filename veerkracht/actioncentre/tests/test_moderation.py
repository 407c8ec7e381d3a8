"""Moderation after approval: texts and news of a public initiative wait for staff."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from veerkracht.accounts.services import membership_set
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.actioncentre.models import InitiativeRevision, InitiativeUpdate, Review, RevisionStatus
from veerkracht.actioncentre.services import initiatives as initiative_services
from veerkracht.actioncentre.services import moderation as services
from veerkracht.core.models import AuditLogEntry

from .factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "public"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def owner(region):
    return UserFactory(email="eigenaar@example.org", display_name="Ria")


@pytest.fixture
def organisation(region):
    return OrganisationFactory(name="Buurtwerk Maastricht")


@pytest.fixture
def member(organisation):
    user = UserFactory(email="medewerker@example.org")
    membership_set(organisation=organisation, user=user)
    return user


@pytest.fixture
def public(region, owner, organisation, staff):
    return InitiativeFactory(
        created_by=staff, title="Wandelgroep", review=None, owner=owner, organisation=organisation
    )


@pytest.fixture
def people(resident, outsider, owner, member, staff):
    return {
        "anonymous": None,
        "resident": resident,
        "outsider": outsider,
        "owner": owner,
        "member": member,
        "staff": staff,
    }


def _edit(initiative, actor, **texts):
    data = {
        "title": initiative.title,
        "summary": initiative.summary,
        "description": initiative.description,
        "who": initiative.who,
    } | texts
    return initiative_services.initiative_update_details(
        initiative=initiative,
        actor=actor,
        municipality=initiative.municipality,
        themes=[],
        dimensions=[],
        organisation=initiative.organisation,
        **data,
    )


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 90)).save(out, format="JPEG")
    return out.getvalue()


def _fresh(initiative):
    initiative.refresh_from_db()
    return initiative


# --- Texts: services --------------------------------------------------------------------------


def test_an_owner_edit_waits_and_the_approved_texts_stay_visible(public, owner, client):
    edited = _edit(public, owner, title="Wandelgroep Oost", summary="Nu ook op zondag.")
    revision = edited.waiting_revision
    assert revision.status == RevisionStatus.PENDING and revision.author == owner
    assert revision.before["title"] == "Wandelgroep"
    assert _fresh(public).title == "Wandelgroep"
    html = client.get(reverse("initiatives:detail", args=[public.slug])).content.decode()
    assert "Wandelgroep Oost" not in html and "Nu ook op zondag." not in html
    assert AuditLogEntry.objects.filter(code="actioncentre.revision.submitted").exists()


def test_a_second_edit_replaces_the_waiting_one_and_keeps_it_in_the_history(public, owner, member):
    first = _edit(public, owner, title="Wandelgroep Oost").waiting_revision
    second = _edit(_fresh(public), member, title="Wandelgroep West").waiting_revision
    first.refresh_from_db()
    assert first.status == RevisionStatus.WITHDRAWN and second.is_pending
    assert InitiativeRevision.objects.filter(status=RevisionStatus.PENDING).count() == 1
    # Back to the texts on the website: nothing left to approve.
    assert _edit(_fresh(public), owner).waiting_revision is None
    assert not InitiativeRevision.objects.filter(status=RevisionStatus.PENDING).exists()


def test_staff_edits_go_live_and_are_kept_as_history(public, staff):
    _edit(public, staff, title="Wandelgroep Limburg")
    assert _fresh(public).title == "Wandelgroep Limburg"
    revision = InitiativeRevision.objects.get()
    assert revision.status == RevisionStatus.APPROVED and revision.before["title"] == "Wandelgroep"
    assert revision.reviewed_by == staff


def test_edits_of_an_initiative_that_is_not_public_yet_need_no_second_approval(region, owner):
    pending = InitiativeFactory(created_by=owner, owner=owner, title="Moestuin", review=None)
    _edit(pending, owner, title="Moestuin Noord")
    assert _fresh(pending).title == "Moestuin Noord" and not InitiativeRevision.objects.exists()


def test_staff_approve_and_the_author_gets_an_e_mail(
    public, owner, staff, django_capture_on_commit_callbacks
):
    revision = _edit(public, owner, title="Wandelgroep Oost").waiting_revision
    _edit(_fresh(public), staff, summary="Elke week.")  # staff change something meanwhile
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_approve(revision=revision, actor=staff)
    public = _fresh(public)
    assert public.title == "Wandelgroep Oost"
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.APPROVED and revision.before["summary"] == "Elke week."
    assert [m.to for m in mail.outbox] == [[owner.email]] and "staat nu op de website" in mail.outbox[0].body
    # A second click changes nothing and mails nobody.
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_approve(revision=revision, actor=staff)
    assert len(mail.outbox) == 1
    assert AuditLogEntry.objects.filter(code="actioncentre.revision.approved").count() == 1


def test_staff_reject_with_a_reason_the_author_reads(
    public, owner, staff, django_capture_on_commit_callbacks
):
    revision = _edit(public, owner, title="Koop onze pillen").waiting_revision
    with pytest.raises(ValidationError):
        services.revision_reject(revision=revision, actor=staff, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_reject(revision=revision, actor=staff, reason="Reclame past hier niet.")
    assert _fresh(public).title == "Wandelgroep"
    assert "Reclame past hier niet." in mail.outbox[0].body
    assert AuditLogEntry.objects.filter(code="actioncentre.revision.rejected").exists()


def test_only_staff_decide_and_only_the_author_withdraws(public, owner, member, outsider, staff):
    revision = _edit(public, owner, title="Wandelgroep Oost").waiting_revision
    for person in (owner, member, outsider):
        with pytest.raises(PermissionDenied):
            services.revision_approve(revision=revision, actor=person)
        with pytest.raises(PermissionDenied):
            services.revision_reject(revision=revision, actor=person, reason="nee")
    for person in (member, outsider, staff):
        with pytest.raises(PermissionDenied):
            services.revision_withdraw(revision=revision, actor=person)
    services.revision_withdraw(revision=revision, actor=owner)
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.WITHDRAWN and _fresh(public).title == "Wandelgroep"


# --- News: services ---------------------------------------------------------------------------


def _post(initiative, author, *, photo=True):
    upload = SimpleUploadedFile("IMG_1.jpg", _jpeg(), content_type="image/jpeg") if photo else None
    return initiative_services.initiative_update_post(
        initiative=initiative, author=author, text="Open dag!", photo=upload, photo_alt="Buren in de tuin"
    )


def test_news_with_a_photo_waits_and_the_photo_is_private(public, owner, client, client_for, settings):
    update = _post(public, owner)
    assert update.review == Review.PENDING and not update.photo and update.pending_photo
    private = settings.PRIVATE_MEDIA_ROOT / update.pending_photo.name
    assert private.is_file() and not list(settings.MEDIA_ROOT.rglob("*.jpg"))
    with pytest.raises(ValueError):
        update.pending_photo.url  # noqa: B018 - no public address at all
    html = client.get(reverse("initiatives:detail", args=[public.slug])).content.decode()
    assert "Open dag!" not in html
    # Nothing under /media/ serves it, even in development.
    assert client.get(f"/media/{update.pending_photo.name}").status_code == 404


def test_approved_news_moves_the_photo_to_public_storage(
    public, owner, staff, settings, django_capture_on_commit_callbacks
):
    update = _post(public, owner)
    private = settings.PRIVATE_MEDIA_ROOT / update.pending_photo.name
    with django_capture_on_commit_callbacks(execute=True):
        services.update_approve(update=update, actor=staff)
    update.refresh_from_db()
    assert update.is_public and update.photo and not update.pending_photo
    assert (settings.MEDIA_ROOT / update.photo.name).is_file() and not private.exists()
    assert AuditLogEntry.objects.filter(code="actioncentre.update.approved").exists()


def test_rejected_or_withdrawn_news_loses_its_photo(
    public, owner, member, staff, settings, django_capture_on_commit_callbacks
):
    rejected = _post(public, owner)
    private = settings.PRIVATE_MEDIA_ROOT / rejected.pending_photo.name
    with django_capture_on_commit_callbacks(execute=True):
        services.update_reject(update=rejected, actor=staff, reason="Er staan kinderen herkenbaar op.")
    rejected.refresh_from_db()
    assert rejected.review == Review.REJECTED and not rejected.pending_photo and not private.exists()
    assert "kinderen herkenbaar" in mail.outbox[-1].body
    withdrawn = _post(public, owner)
    private = settings.PRIVATE_MEDIA_ROOT / withdrawn.pending_photo.name
    with pytest.raises(PermissionDenied):
        services.update_withdraw(update=withdrawn, actor=member)
    with django_capture_on_commit_callbacks(execute=True):
        services.update_withdraw(update=withdrawn, actor=owner)
    assert not InitiativeUpdate.objects.filter(pk=withdrawn.pk).exists() and not private.exists()
    assert not list(settings.MEDIA_ROOT.rglob("*.jpg"))


def test_staff_news_goes_live_at_once(public, staff):
    update = _post(public, staff)
    assert update.is_public and update.photo and not update.pending_photo


def test_only_staff_decide_on_news(public, owner, outsider):
    update = _post(public, owner, photo=False)
    for person in (owner, outsider):
        with pytest.raises(PermissionDenied):
            services.update_approve(update=update, actor=person)
        with pytest.raises(PermissionDenied):
            services.update_reject(update=update, actor=person, reason="nee")


# --- Views ------------------------------------------------------------------------------------


def test_the_owner_sees_the_waiting_version_and_later_the_reason(client_for, public, owner, staff):
    client = client_for(owner)
    form = {
        "title": "Wandelgroep Oost",
        "summary": public.summary,
        "description": public.description,
        "municipality": public.municipality_id,
        "who": public.who,
        "organisation": public.organisation_id,
    }
    response = client.post(reverse("initiatives:edit", args=[public.slug]), form, follow=True)
    html = response.content.decode()
    assert "Je wijziging wacht op goedkeuring" in html and "Wandelgroep Oost" in html
    assert (
        'value="Wandelgroep Oost"'
        in client.get(reverse("initiatives:edit", args=[public.slug])).content.decode()
    )
    # Staff start from the texts on the website, not from the waiting ones.
    staff_form = client_for(staff).get(reverse("initiatives:edit", args=[public.slug])).content.decode()
    assert 'value="Wandelgroep"' in staff_form and 'value="Wandelgroep Oost"' not in staff_form
    services.revision_reject(revision=InitiativeRevision.objects.get(), actor=staff, reason="Te lang.")
    html = client.get(reverse("initiatives:detail", args=[public.slug])).content.decode()
    assert "niet goedgekeurd" in html and "Te lang." in html
    # A new try that is taken back leaves nothing to tell.
    client.post(
        reverse("initiatives:edit", args=[public.slug]), form | {"title": "Wandelgroep Zuid"}, follow=True
    )
    client.post(reverse("moderation:revision_withdraw", args=[public.slug]), follow=True)
    html = client.get(reverse("initiatives:detail", args=[public.slug])).content.decode()
    assert "Te lang." not in html and "wacht op goedkeuring" not in html


def test_the_review_pages_are_for_staff_only(client_for, people, public, owner):
    revision = _edit(public, owner, title="Wandelgroep Oost").waiting_revision
    update = _post(public, owner)
    for url in (
        reverse("moderation:revision_review", args=[revision.pk]),
        reverse("moderation:update_review", args=[update.pk]),
    ):
        for who, user in people.items():
            get = client_for(user).get(url)
            post = client_for(user).post(url, {"decision": "approve"})
            if who == "anonymous":
                assert get.status_code == post.status_code == 302
            elif who == "staff":  # the last one: staff approve
                assert get.status_code == 200 and post.status_code == 302
            else:
                assert get.status_code == post.status_code == 404, (who, url)
    assert InitiativeRevision.objects.get(pk=revision.pk).status == RevisionStatus.APPROVED
    assert InitiativeUpdate.objects.get(pk=update.pk).review == Review.PUBLIC


def test_staff_decide_in_the_queue_and_bad_input_gets_a_dutch_message(client_for, public, owner, staff):
    revision = _edit(public, owner, title="Wandelgroep Oost").waiting_revision
    update = _post(public, owner, photo=False)
    client = client_for(staff)
    queue = client.get(reverse("initiatives:review")).content.decode()
    assert reverse("moderation:revision_review", args=[revision.pk]) in queue
    assert reverse("moderation:update_review", args=[update.pk]) in queue
    page = client.get(reverse("moderation:revision_review", args=[revision.pk])).content.decode()
    assert "Nu op de website" in page and "Wandelgroep Oost" in page
    url = reverse("moderation:update_review", args=[update.pk])
    response = client.post(url, {"decision": "reject", "reason": ""})
    assert response.status_code == 200 and "Schrijf kort op waarom niet" in response.content.decode()
    assert client.post(url, {"decision": "vliegen"}).status_code == 404
    response = client.post(url, {"decision": "reject", "reason": "x" * 2000})
    assert response.status_code == 200 and "Er ging iets mis" in response.content.decode()
    assert InitiativeUpdate.objects.get(pk=update.pk).review == Review.PENDING
    url = reverse("moderation:revision_review", args=[revision.pk])
    assert client.post(url, {"decision": "approve"}).url == reverse("initiatives:review")
    assert _fresh(public).title == "Wandelgroep Oost"


def test_a_waiting_photo_is_shown_only_to_managers_and_staff(client_for, people, public, owner):
    update = _post(public, owner)
    url = reverse("moderation:waiting_photo", args=[public.slug, update.pk])
    for who, user in people.items():
        response = client_for(user).get(url)
        if who == "anonymous":
            assert response.status_code == 302
        elif who in {"owner", "member", "staff"}:
            assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
            assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
        else:
            assert response.status_code == 404, who
    # Through another initiative, or news without a waiting photo: 404.
    other = InitiativeFactory(owner=owner, title="Ander initiatief")
    assert (
        client_for(owner).get(reverse("moderation:waiting_photo", args=[other.slug, update.pk])).status_code
        == 404
    )
    text_only = _post(public, owner, photo=False)
    assert (
        client_for(owner)
        .get(reverse("moderation:waiting_photo", args=[public.slug, text_only.pk]))
        .status_code
        == 404
    )


def test_authors_withdraw_their_own_waiting_things_only(client_for, public, owner, member, outsider):
    revision = _edit(public, owner, title="Wandelgroep Oost").waiting_revision
    update = _post(public, owner, photo=False)
    revision_url = reverse("moderation:revision_withdraw", args=[public.slug])
    update_url = reverse("moderation:update_withdraw", args=[public.slug, update.pk])
    for person in (member, outsider):
        assert client_for(person).post(revision_url).status_code == 404
        assert client_for(person).post(update_url).status_code == 404
    assert client_for(owner).get(revision_url).status_code == 405
    assert client_for(owner).post(revision_url).status_code == 302
    assert client_for(owner).post(update_url).status_code == 302
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.WITHDRAWN and not InitiativeUpdate.objects.exists()


def test_the_history_is_for_managers_and_staff(client_for, people, public, owner, staff):
    _edit(public, staff, title="Wandelgroep Limburg")
    _edit(_fresh(public), owner, title="Wandelgroep Oost")
    url = reverse("moderation:history", args=[public.slug])
    for who, user in people.items():
        response = client_for(user).get(url)
        if who == "anonymous":
            assert response.status_code == 302
        elif who in {"owner", "member", "staff"}:
            html = response.content.decode()
            assert (
                response.status_code == 200 and "Wandelgroep Limburg" in html and "Wandelgroep Oost" in html
            )
        else:
            assert response.status_code == 404, who


def test_managers_see_waiting_news_on_the_page_and_others_do_not(client_for, public, owner, member, outsider):
    _post(public, owner)
    for person, sees in ((owner, True), (member, True), (outsider, False)):
        html = client_for(person).get(reverse("initiatives:detail", args=[public.slug])).content.decode()
        assert ("Open dag!" in html) is sees and ("Wacht op goedkeuring" in html) is sees


# --- Query counts -----------------------------------------------------------------------------


def _count_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_queue_and_history_query_counts_do_not_grow(client_for, region, owner, staff):
    def add(start, stop):
        for i in range(start, stop):
            initiative = InitiativeFactory(
                created_by=staff, owner=owner, title=f"Initiatief {i}", review=None
            )
            _edit(initiative, owner, title=f"Nieuw {i}")
            _post(initiative, owner, photo=False)
            _edit(_fresh(first), staff, summary=f"Versie {i}")

    first = InitiativeFactory(created_by=staff, owner=owner, title="Eerste", review=None)
    client = client_for(staff)
    urls = [reverse("initiatives:review"), reverse("moderation:history", args=[first.slug])]
    add(0, 3)
    few = [_count_queries(client, url) for url in urls]
    add(3, 20)
    many = [_count_queries(client, url) for url in urls]
    assert few == many and max(many) <= 12, (few, many)


# --- Personal data ----------------------------------------------------------------------------


def test_export_and_erase_of_revisions_and_partner_requests(public, owner, staff):
    from veerkracht.actioncentre import personal_data
    from veerkracht.actioncentre.models import InitiativePartner
    from veerkracht.actioncentre.services import partnerships
    from veerkracht.actioncentre.tests.factories import FollowFactory

    _edit(public, owner, title="Wandelgroep Oost")
    decided = InitiativeRevision.objects.get()
    services.revision_reject(revision=decided, actor=staff, reason="Te kort.")
    waiting = _edit(_fresh(public), owner, title="Wandelgroep West").waiting_revision
    partnerships.initiative_set_partners(
        initiative=public, organisations=[OrganisationFactory()], actor=owner
    )
    exported = personal_data.export(owner)
    assert [r["texts"]["title"] for r in exported["initiative_texts"]] == [
        "Wandelgroep Oost",
        "Wandelgroep West",
    ]
    assert exported["partner_requests"][0]["asked_by_you"] is True
    # Someone else follows the initiative, so it stays when its owner goes (with its history).
    FollowFactory(initiative=public)
    personal_data.erase(owner)
    assert not InitiativeRevision.objects.filter(pk=waiting.pk).exists()
    decided.refresh_from_db()
    assert decided.author is None and decided.reason == "Te kort."
    assert InitiativePartner.objects.get().requested_by is None
    personal_data.erase(staff)
    decided.refresh_from_db()
    assert decided.reviewed_by is None
