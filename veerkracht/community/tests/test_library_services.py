from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from veerkracht.accounts import services as account_services
from veerkracht.accounts.models import MembershipRole
from veerkracht.accounts.tests.factories import OrganisationFactory
from veerkracht.actioncentre.models import Phase
from veerkracht.actioncentre.services import initiatives as initiative_services
from veerkracht.actioncentre.tests.factories import InitiativeFactory
from veerkracht.community.models import LibraryItem, LibraryReview
from veerkracht.community.selectors.library import library_page
from veerkracht.community.services import library as services
from veerkracht.community.services.library import LibraryInput, prepare_library_file

from .factories import LibraryItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def organisation(region, partner_admin):
    organisation = OrganisationFactory(name="Welzijn Zuid")
    account_services.membership_set(organisation=organisation, user=partner_admin, role=MembershipRole.ADMIN)
    return organisation


def _pdf(name="Onze gids (versie 2).pdf", content=b"%PDF-1.4\n...") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_pdf_is_kept_under_a_random_name_and_shown_under_a_safe_one():
    prepared = prepare_library_file(_pdf("../../etc/Onze gids (versie 2).pdf"))
    assert prepared.name.endswith(".pdf") and "gids" not in prepared.name
    assert prepared.display_name == "onze-gids-versie-2.pdf"


@pytest.mark.parametrize(
    "name, content",
    [
        ("script.exe", b"MZ..."),
        ("pagina.html", b"<script>alert(1)</script>"),
        ("nep.pdf", b"<html>geen pdf</html>"),
        ("oud.doc", b"\xd0\xcf\x11\xe0"),
        (".pdf", b"%PDF-"),
    ],
)
def test_other_files_and_disguised_ones_are_refused(name, content):
    with pytest.raises(ValidationError):
        prepare_library_file(SimpleUploadedFile(name, content))


def test_a_too_big_file_is_refused(monkeypatch):
    monkeypatch.setattr(services, "MAX_FILE_BYTES", 10)
    with pytest.raises(ValidationError, match="te groot"):
        prepare_library_file(_pdf(content=b"%PDF-" + b"x" * 20))


def test_a_photo_is_re_encoded():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, "PNG")
    prepared = prepare_library_file(SimpleUploadedFile("foto.png", buffer.getvalue()))
    assert prepared.display_name == "foto.jpg" and prepared.content[:2] == b"\xff\xd8"


def test_staff_items_are_public_at_once(region, staff):
    item = services.library_item_create(
        region=region,
        actor=staff,
        data=LibraryInput(kind="guide", title="Gids", summary="Kort", body="Lang", levels=("meso",)),
    )
    assert item.review == LibraryReview.PUBLIC and item.published_at and item.level_labels


def test_partner_items_wait_for_staff_and_a_change_waits_again(region, staff, partner_admin, organisation):
    data = LibraryInput(kind="tool", title="Kaartjes", summary="Vragen", file=prepare_library_file(_pdf()))
    with pytest.raises(ValidationError):  # which organisation?
        services.library_item_create(region=region, actor=partner_admin, data=data)
    data = LibraryInput(**{**data.__dict__, "organisation_id": organisation.pk})
    item = services.library_item_create(region=region, actor=partner_admin, data=data)
    assert item.review == LibraryReview.PENDING and item.file and item.organisation == organisation
    with pytest.raises(ValidationError):
        services.library_item_review(item=item, actor=staff, approve=False, reason="")
    item = services.library_item_review(item=item, actor=staff, approve=True)
    assert item.review == LibraryReview.PUBLIC
    item = services.library_item_update(item=item, actor=partner_admin, data=data)
    assert item.review == LibraryReview.PENDING and item.published_at is None


def test_residents_and_other_organisations_cannot_write(region, resident, partner_admin, organisation):
    with pytest.raises(PermissionDenied):
        services.library_item_create(
            region=region, actor=resident, data=LibraryInput(kind="link", title="x", summary="y")
        )
    other = LibraryItemFactory(organisation=OrganisationFactory(name="Ander"))
    with pytest.raises(PermissionDenied):
        services.library_item_update(
            item=other, actor=partner_admin, data=LibraryInput(kind="link", title="x", summary="y")
        )


def test_a_video_needs_a_link_and_unknown_tags_are_refused(region, staff):
    with pytest.raises(ValidationError):
        services.library_item_create(
            region=region, actor=staff, data=LibraryInput(kind="video", title="x", summary="y", body="z")
        )
    with pytest.raises(ValidationError):
        services.library_item_create(
            region=region,
            actor=staff,
            data=LibraryInput(kind="method", title="x", summary="y", body="z", levels=("giga",)),
        )
    assert not LibraryItem.objects.exists()


def test_lessons_of_initiatives_appear_automatically_and_follow_changes(region, resident):
    initiative = InitiativeFactory(owner=resident, title="Moestuin", themes=("food",))
    initiative_services.initiative_change_phase(
        initiative=initiative, to_phase=Phase.CONNECT, actor=resident, reason="Partners"
    )
    initiative_services.initiative_change_phase(
        initiative=initiative,
        to_phase=Phase.ACCELERATE,
        actor=resident,
        reason="Het loopt",
        what_worked="Samen zaaien met de school.",
    )
    LibraryItemFactory(title="Gids")
    page = library_page(region, {}, 1, per_page=10)
    assert [e.title for e in page.object_list] == ["Wat werkte: Moestuin", "Gids"]
    assert page.object_list[0].is_lesson and page.object_list[0].url.endswith("/moestuin/")
    initiative_services.initiative_change_phase(
        initiative=initiative, to_phase=Phase.STOPPED, actor=resident, reason="Klaar", lesson="Begin klein."
    )
    lessons = library_page(region, {"kind": "lesson"}, 1, per_page=10)
    assert sorted(e.title for e in lessons.object_list) == [
        "Wat we leerden: Moestuin",
        "Wat werkte: Moestuin",
    ]
    assert library_page(region, {"level": "meso"}, 1, per_page=10).paginator.count == 0
    assert library_page(region, {"theme": "food"}, 1, per_page=10).paginator.count == 2
    assert library_page(region, {"kind": "method"}, 1, per_page=10).paginator.count == 1


def test_the_phase_form_asks_what_worked_when_accelerating():
    from veerkracht.actioncentre.forms.initiatives import PhaseForm

    form = PhaseForm({"to_phase": "accelerate", "reason": "Het loopt"}, current="connect")
    assert not form.is_valid() and "what_worked" in form.errors
    form = PhaseForm(
        {"to_phase": "accelerate", "reason": "Het loopt", "what_worked": "Elke week"}, current="connect"
    )
    assert form.is_valid()
