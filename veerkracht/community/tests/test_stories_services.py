"""Stories: writing, the moderation flow (photos private until approval, the author mailed after the
commit), "dit inspireert me" once per person, responses, hiding and deleting."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from veerkracht.community.models import Inspiration, Story, StoryStatus
from veerkracht.community.services import moderation as moderation_services
from veerkracht.community.services import stories as services
from veerkracht.community.storage import waiting_storage
from veerkracht.community.tests.factories import StoryFactory
from veerkracht.core.models import AuditLogEntry, OutgoingMail

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def _photo() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (60, 40), (10, 120, 40)).save(out, format="JPEG")
    return SimpleUploadedFile("jan thuis.jpg", out.getvalue(), content_type="image/jpeg")


DATA = {
    "title": "Koffie in de wijk",
    "text": "Eerst drie buren.\n\nNu vijftien.",
    "level": "micro",
    "interpretations": ["movement"],
    "themes": ["loneliness"],
    "dimensions": ["participation"],
}


def test_a_residents_story_waits_with_its_photo_in_private_storage(region, resident):
    story = services.story_create(region=region, author=resident, data=DATA, photos=[(_photo(), "Buren")])
    assert story.status == StoryStatus.WAITING and story.published_at is None
    photo = story.photos.get()
    assert not photo.photo and waiting_storage.exists(photo.pending_photo.name)
    assert "jan" not in photo.pending_photo.name


def test_staff_story_is_published_at_once_with_a_public_photo(region, staff):
    story = services.story_create(region=region, author=staff, data=DATA, photos=[(_photo(), "Buren")])
    assert story.status == StoryStatus.PUBLISHED and story.published_at is not None
    assert story.photos.get().photo and not story.photos.get().pending_photo


def test_a_draft_needs_no_interpretation_but_sending_does(region, resident):
    draft = services.story_create(
        region=region, author=resident, data={**DATA, "interpretations": []}, submit=False
    )
    assert draft.status == StoryStatus.DRAFT
    with pytest.raises(ValidationError):
        services.story_update(story=draft, actor=resident, data={"interpretations": []}, submit=True)


def test_a_video_link_must_be_https(region, resident):
    with pytest.raises(ValidationError):
        services.story_create(region=region, author=resident, data={**DATA, "video_url": "http://youtu.be/x"})
    with pytest.raises(ValidationError):
        services.story_create(
            region=region, author=resident, data={**DATA, "video_url": "javascript:alert(1)"}
        )


def test_more_than_three_photos_is_refused(region, resident):
    with pytest.raises(ValidationError):
        services.story_create(
            region=region, author=resident, data=DATA, photos=[(_photo(), f"foto {n}") for n in range(4)]
        )
    assert not Story.objects.exists()


def test_approving_publishes_moves_the_photo_and_mails_after_commit(
    region, resident, staff, django_capture_on_commit_callbacks
):
    story = services.story_create(region=region, author=resident, data=DATA, photos=[(_photo(), "Buren")])
    private_name = story.photos.get().pending_photo.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.story_approve(story=story, actor=staff)
    assert not OutgoingMail.objects.filter(to=resident.email).exists()  # not inside the transaction
    for callback in callbacks:
        callback()
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED and story.published_at
    photo = story.photos.get()
    assert photo.photo and not photo.pending_photo and not waiting_storage.exists(private_name)
    assert OutgoingMail.objects.filter(to=resident.email, subject__contains="staat online").exists()
    assert AuditLogEntry.objects.filter(code="community.story.approved").exists()


def test_declining_keeps_the_reason_for_the_author_and_mails_it(
    region, resident, staff, django_capture_on_commit_callbacks, mailoutbox
):
    story = services.story_create(region=region, author=resident, data=DATA)
    with pytest.raises(ValidationError):
        services.story_decline(story=story, actor=staff, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.story_decline(story=story, actor=staff, reason="Er staat een achternaam in.")
    story.refresh_from_db()
    assert story.status == StoryStatus.DECLINED and story.decline_reason == "Er staat een achternaam in."
    assert [m.to for m in mailoutbox] == [[resident.email]]
    assert "Er staat een achternaam in." in mailoutbox[0].body
    # The author changes it and sends it again.
    services.story_update(story=story, actor=resident, data={"title": "Koffie"}, submit=True)
    story.refresh_from_db()
    assert story.status == StoryStatus.WAITING and story.title == "Koffie"


def test_only_moderators_decide(region, resident, ambassador):
    story = services.story_create(region=region, author=resident, data=DATA)
    with pytest.raises(PermissionDenied):
        services.story_approve(story=story, actor=ambassador)
    with pytest.raises(PermissionDenied):
        services.story_update(story=story, actor=ambassador, data={"title": "Van mij"})


def test_the_author_cannot_change_a_published_story(region, resident, staff):
    story = services.story_create(region=region, author=resident, data=DATA)
    services.story_approve(story=story, actor=staff)
    story.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.story_update(story=story, actor=resident, data={"title": "Anders"})


def test_inspire_is_once_per_account_and_per_browser(region, resident):
    story = StoryFactory()
    assert services.story_inspire(story=story, user=resident) is True
    assert services.story_inspire(story=story, user=resident) is False
    assert services.story_inspire(story=story, browser="abc") is True
    assert services.story_inspire(story=story, browser="abc") is False
    assert services.story_inspire(story=story, browser="def") is True
    story.refresh_from_db()
    assert story.inspiration_count == 3 == Inspiration.objects.count()


def test_inspire_needs_a_public_story_and_someone(region, resident):
    with pytest.raises(ValidationError):
        services.story_inspire(story=StoryFactory(status=StoryStatus.WAITING), user=resident)
    with pytest.raises(ValidationError):
        services.story_inspire(story=StoryFactory())


def test_responses_are_public_at_once_and_need_a_public_story(region, resident):
    story = StoryFactory()
    response = services.response_create(story=story, author=resident, text="  Mooi!  ")
    assert response.text == "Mooi!" and not response.is_hidden
    with pytest.raises(ValidationError):
        services.response_create(story=story, author=resident, text="")
    with pytest.raises(ValidationError):
        services.response_create(story=StoryFactory(status=StoryStatus.DRAFT), author=resident, text="Hoi")


def test_hiding_a_story_takes_it_off_the_public_and_closes_reports(region, resident, staff):
    story = StoryFactory()
    report = moderation_services.content_report(obj=story, reason="Reclame", reporter=resident)
    moderation_services.content_hide(obj=story, actor=staff, reason="Reclame voor een winkel")
    story.refresh_from_db()
    report.refresh_from_db()
    assert not story.is_public and report.status == "hidden"
    with pytest.raises(ValidationError):
        services.story_inspire(story=story, user=resident)
    moderation_services.content_restore(obj=story, actor=staff)
    story.refresh_from_db()
    assert story.is_public


def test_deleting_a_story_deletes_its_photos(region, resident, django_capture_on_commit_callbacks):
    story = services.story_create(region=region, author=resident, data=DATA, photos=[(_photo(), "Buren")])
    name = story.photos.get().pending_photo.name
    with django_capture_on_commit_callbacks(execute=True):
        services.story_delete(story=story, actor=resident)
    assert not Story.objects.exists() and not waiting_storage.exists(name)
