from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from veerkracht.community.models import NewsItem
from veerkracht.community.selectors.news import current_news
from veerkracht.community.services import news as services
from veerkracht.core.models import AuditLogEntry

from .factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def _photo() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 100, 50)).save(buffer, "PNG")
    return SimpleUploadedFile("mijn naam op een foto.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_staff_write_news_with_a_photo_that_gets_a_clean_random_name(region, staff):
    item = services.news_create(
        region=region,
        actor=staff,
        title=" Nieuw! ",
        text="Tekst",
        published_at=timezone.now(),
        photo=_photo(),
        photo_alt="Een oranje vlak",
    )
    assert item.title == "Nieuw!" and item.photo.name.endswith(".jpg")
    assert "naam" not in item.photo.name
    assert AuditLogEntry.objects.filter(code="community.newsitem.created").count() == 1


def test_only_staff_write_news(region, resident, partner_admin):
    for person in (resident, partner_admin):
        with pytest.raises(PermissionDenied):
            services.news_create(
                region=region, actor=person, title="x", text="y", published_at=timezone.now()
            )
    assert not NewsItem.objects.exists()


def test_expiry_must_come_after_publication_and_a_photo_needs_words(region, staff):
    now = timezone.now()
    with pytest.raises(ValidationError):
        services.news_create(
            region=region, actor=staff, title="x", text="y", published_at=now, expires_at=now - timedelta(1)
        )
    with pytest.raises(ValidationError):
        services.news_create(
            region=region, actor=staff, title="x", text="y", published_at=now, photo=_photo()
        )
    assert not NewsItem.objects.exists()


def test_scheduled_expired_and_hidden_news_are_not_in_the_list(region, staff):
    shown = NewsItemFactory(title="Nu")
    NewsItemFactory(title="Later", published_at=timezone.now() + timedelta(days=2))
    NewsItemFactory(title="Oud", expires_at=timezone.now() - timedelta(minutes=1))
    NewsItemFactory(title="Verborgen", hidden_at=timezone.now())
    assert list(current_news(region)) == [shown]


def test_updating_changes_dates_and_removes_the_photo(region, staff):
    item = services.news_create(
        region=region,
        actor=staff,
        title="a",
        text="b",
        published_at=timezone.now(),
        photo=_photo(),
        photo_alt="iets",
    )
    later = timezone.now() + timedelta(days=3)
    item = services.news_update(
        item=item, actor=staff, title="c", text="d", published_at=later, remove_photo=True
    )
    assert item.title == "c" and not item.photo and item.photo_alt == "" and item.is_scheduled


def test_news_that_just_appeared_or_expired_is_saved_again(region):
    now = timezone.now()
    appeared = NewsItemFactory(published_at=now - timedelta(minutes=5))
    expired = NewsItemFactory(published_at=now - timedelta(days=5), expires_at=now - timedelta(minutes=5))
    NewsItemFactory(published_at=now - timedelta(days=2))
    NewsItemFactory(published_at=now + timedelta(days=2))
    before = {i.pk: i.updated_at for i in NewsItem.objects.all()}
    assert services.news_touch_due(now=now) == 2
    after = {i.pk: i.updated_at for i in NewsItem.objects.all()}
    assert {pk for pk in after if after[pk] != before[pk]} == {appeared.pk, expired.pk}
