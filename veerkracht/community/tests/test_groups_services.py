from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from veerkracht.agenda.tests.factories import EventFactory
from veerkracht.community.models import GroupFile, GroupPost, Membership
from veerkracht.community.selectors.groups import groups_of, is_member_of_any_group, meetings_of
from veerkracht.community.services import groups as services
from veerkracht.community.tokens import group_invite_token
from veerkracht.core.personal_data import registered

from .factories import limburg, make_group

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def test_the_learning_app_creates_an_intervision_group(region, resident, outsider):
    group = services.group_create(region=region, name="Intervisie 1", kind="intervision", admins=[resident])
    services.group_add_member(group=group, user=outsider)
    services.group_add_member(group=group, user=outsider)  # twice: still one membership
    assert Membership.objects.filter(group=group).count() == 2
    services.group_remove_member(group=group, user=outsider)
    assert list(groups_of(outsider)) == []
    with pytest.raises(ValidationError):
        services.group_create(region=region, name="X", kind="nope", admins=[])


def test_only_staff_create_groups_in_the_site(region, resident, staff):
    with pytest.raises(PermissionDenied):
        services.group_create(
            region=region, name="Werkgroep", kind="working", admins=[resident], actor=resident
        )
    assert services.group_create(
        region=region, name="Werkgroep", kind="working", admins=[resident], actor=staff
    )


def test_admins_invite_by_email_and_remove(
    resident, outsider, ambassador, django_capture_on_commit_callbacks
):
    group = make_group(resident)
    with pytest.raises(PermissionDenied):
        services.group_invite_by_email(group=group, email=ambassador.email, actor=outsider)
    with pytest.raises(ValidationError):
        services.group_invite_by_email(group=group, email="niemand@example.org", actor=resident)
    with django_capture_on_commit_callbacks(execute=True):
        services.group_invite_by_email(group=group, email=ambassador.email.upper(), actor=resident)
    assert mail.outbox[-1].to == [ambassador.email]
    with pytest.raises(ValidationError):
        services.group_invite_by_email(group=group, email=ambassador.email, actor=resident)
    with pytest.raises(PermissionDenied):
        services.group_remove_member(group=group, user=resident, actor=ambassador)
    services.group_remove_member(group=group, user=ambassador, actor=resident)
    assert not Membership.objects.filter(user=ambassador).exists()


def test_the_last_admin_cannot_leave_while_others_stay(resident, outsider):
    group = make_group(resident, members=[outsider])
    with pytest.raises(ValidationError):
        services.group_leave(group=group, user=resident)
    services.group_leave(group=group, user=outsider)
    services.group_leave(group=group, user=resident)
    assert not Membership.objects.filter(group=group).exists()


def test_invitation_link_and_renewal(resident, outsider, ambassador):
    group = make_group(resident)
    old = group_invite_token(group)
    with pytest.raises(PermissionDenied):
        services.group_join(group=group, user=outsider, token="f" * 32)
    services.group_join(group=group, user=outsider, token=old)
    group = services.group_renew_invite_link(group=group, actor=resident)
    with pytest.raises(PermissionDenied):
        services.group_join(group=group, user=ambassador, token=old)
    assert is_member_of_any_group(outsider) and not is_member_of_any_group(ambassador)


def test_posts_and_files_are_for_members(resident, outsider):
    group = make_group(resident)
    with pytest.raises(PermissionDenied):
        services.group_post_create(group=group, author=outsider, text="Hallo")
    post = services.group_post_create(group=group, author=resident, text="Welkom allemaal")
    with pytest.raises(ValidationError):
        services.group_post_create(group=group, author=resident, text="  ")
    shared = services.group_file_upload(
        group=group, uploader=resident, title="Verslag", upload=SimpleUploadedFile("verslag.pdf", PDF)
    )
    assert shared.content_type == "application/pdf" and shared.filename == "verslag.pdf"
    services.group_post_delete(post=post, actor=resident)
    assert not GroupPost.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("script.html", b"<script>alert(1)</script>"),
        ("nep.pdf", b"<html>geen pdf</html>"),
        ("programma.exe", b"MZ\x90\x00"),
        ("tekst.txt", b"\x00\x01binary"),
    ],
)
def test_unsafe_files_are_refused(resident, name, content):
    group = make_group(resident)
    with pytest.raises(ValidationError):
        services.group_file_upload(
            group=group, uploader=resident, title="", upload=SimpleUploadedFile(name, content)
        )
    assert not GroupFile.objects.exists()


def test_too_big_files_are_refused(resident, monkeypatch):
    monkeypatch.setattr(services, "MAX_FILE_SIZE", 10)
    group = make_group(resident)
    with pytest.raises(ValidationError, match="te groot"):
        services.group_file_upload(
            group=group, uploader=resident, title="", upload=SimpleUploadedFile("a.pdf", PDF)
        )


def test_meetings_come_from_the_agenda(resident, outsider):
    group = make_group(resident)
    event = EventFactory(title="Ambassadeursoverleg")
    with pytest.raises(PermissionDenied):
        services.group_meeting_add(group=group, event_id=event.pk, actor=outsider)
    services.group_meeting_add(group=group, event_id=event.pk, actor=resident)
    assert [e.title for e in meetings_of(group)] == ["Ambassadeursoverleg"]
    services.group_meeting_remove(group=group, event_id=event.pk, actor=resident)
    assert meetings_of(group) == []


def test_personal_data_of_groups(resident, outsider):
    group = make_group(resident, members=[outsider])
    services.group_post_create(group=group, author=outsider, text="Mijn ervaring")
    services.group_file_upload(
        group=group, uploader=outsider, title="Foto", upload=SimpleUploadedFile("a.pdf", PDF)
    )
    part = next(p for p in registered() if p.app == "community")
    exported = part.export(outsider)
    assert exported["community_group_posts"][0]["text"] == "Mijn ervaring"
    assert exported["community_group_files"][0]["title"] == "Foto"
    assert exported["community_group_memberships"][0]["group"] == group.name
    part.erase(outsider)
    assert not GroupPost.objects.exists() and not GroupFile.objects.exists()
    assert list(Membership.objects.filter(group=group).values_list("user", flat=True)) == [resident.pk]
    assert limburg()


def test_when_the_only_admin_goes_the_longest_member_takes_over(resident, outsider, ambassador):
    group = make_group(resident, members=[outsider, ambassador])
    part = next(p for p in registered() if p.app == "community")
    part.erase(resident)
    assert list(Membership.objects.filter(group=group, is_admin=True).values_list("user", flat=True)) == [
        outsider.pk
    ]


def test_a_file_left_by_a_rolled_back_upload_is_swept_after_a_day(settings, tmp_path, resident):
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from veerkracht.community.services.files import files_sweep
    from veerkracht.community.storage import group_file_storage

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "public"  # the sweep reads the public photos' folders too
    group = make_group(resident)
    kept = services.group_file_upload(
        group=group, uploader=resident, title="", upload=SimpleUploadedFile("kept.pdf", PDF)
    ).file.name
    with pytest.raises(RuntimeError), transaction.atomic():  # a later step of the request fails
        left = services.group_file_upload(
            group=group, uploader=resident, title="", upload=SimpleUploadedFile("left.pdf", PDF)
        ).file.name
        raise RuntimeError
    assert group_file_storage.exists(left) and not GroupFile.objects.filter(file=left).exists()
    assert files_sweep() == 0  # young files may belong to a write still under way
    assert files_sweep(now=timezone.now() + timedelta(days=2)) == 1
    assert group_file_storage.exists(kept) and not group_file_storage.exists(left)
