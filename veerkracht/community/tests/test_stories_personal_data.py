"""What a member wrote is theirs: stories, responses and inspirations in the download; on deletion their
stories and photos go, their responses stay as "verwijderde deelnemer", their inspirations go."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from veerkracht.accounts import services as account_services
from veerkracht.community.models import Inspiration, Story, StoryResponse
from veerkracht.community.services import stories as services
from veerkracht.community.storage import waiting_storage
from veerkracht.community.tests.factories import StoryFactory
from veerkracht.core import personal_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def _photo() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (20, 20)).save(out, format="JPEG")
    return SimpleUploadedFile("f.jpg", out.getvalue(), content_type="image/jpeg")


@pytest.fixture
def writer(region, resident, staff):
    story = services.story_create(
        region=region,
        author=resident,
        data={"title": "Mijn tuin", "text": "Tekst", "interpretations": ["approach"]},
        photos=[(_photo(), "Tuin")],
    )
    other = StoryFactory(title="Van een ander")
    services.response_create(story=other, author=resident, text="Mijn reactie")
    services.story_inspire(story=other, user=resident)
    return resident, story, other


def test_every_story_model_is_declared():
    assert not [m for m in personal_data.undeclared_models() if m.startswith("community.")]


def test_the_download_holds_stories_responses_and_inspirations(client_for, writer):
    resident, _story, _other = writer
    data = json.loads(client_for(resident).get(reverse("accounts:export")).content)
    assert data["community_stories"][0]["title"] == "Mijn tuin"
    assert data["community_stories"][0]["photos"][0]["alt"] == "Tuin"
    assert data["community_story_responses"][0]["text"] == "Mijn reactie"
    assert data["community_inspirations"][0]["story"] == "Van een ander"


def test_deleting_the_account(writer, django_capture_on_commit_callbacks):
    resident, story, other = writer
    photo_name = story.photos.get().pending_photo.name
    with django_capture_on_commit_callbacks(execute=True):
        account_services.account_delete(user=resident)
    assert not Story.objects.filter(pk=story.pk).exists()
    assert not waiting_storage.exists(photo_name)
    response = StoryResponse.objects.get()
    assert response.author is None and response.text == "Mijn reactie"
    assert not Inspiration.objects.exists()
    assert Story.objects.filter(pk=other.pk).exists()
