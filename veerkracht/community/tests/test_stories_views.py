"""The story pages for each role: the public list and page, writing, "mijn verhalen", inspiring,
responding, reporting, waiting photos and the feeds; bad input and constant query counts."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from veerkracht.accounts import services as account_services
from veerkracht.actioncentre.tests.factories import InitiativeFactory
from veerkracht.agenda.tests.factories import EventFactory
from veerkracht.community.models import ContentReport, Inspiration, Story, StoryResponse, StoryStatus
from veerkracht.community.services import stories as services
from veerkracht.community.tests.factories import StoryFactory, StoryResponseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def _photo(name="foto.jpg") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (60, 40), (10, 120, 40)).save(out, format="JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def _queries(client, url, django_assert_num_queries) -> int:
    client.get(url)  # warm caches (region, content types)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


FORM = {
    "title": "Samen koken",
    "text": "Elke maand.\n\nMet de buren.",
    "level": "micro",
    "interpretations": ["approach", "movement"],
    "themes": ["food"],
    "dimensions": ["body"],
    "municipality": "GM0935",
    "action": "submit",
}


# --- the list -------------------------------------------------------------------------------------


def test_the_list_shows_published_stories_only(client, region):
    StoryFactory(title="Online")
    StoryFactory(title="Concept", status=StoryStatus.DRAFT)
    StoryFactory(title="Wacht", status=StoryStatus.WAITING)
    hidden = StoryFactory(title="Verborgen")
    Story.objects.filter(pk=hidden.pk).update(hidden_at="2026-01-01T00:00Z")
    html = client.get(reverse("community:stories")).content.decode()
    assert "Online" in html
    assert "Concept" not in html and "Wacht" not in html and "Verborgen" not in html


def test_the_filters_narrow_the_list(client, region):
    StoryFactory(title="In Venlo", municipality_id=None, level="macro")
    StoryFactory(title="Over beweging", interpretations=16, themes=8)
    url = reverse("community:stories")
    assert "Over beweging" not in client.get(url, {"gebruik": "approach"}).content.decode()
    html = client.get(url, {"gebruik": "movement", "thema": "movement"}).content.decode()
    assert "Over beweging" in html and "In Venlo" not in html
    assert "In Venlo" in client.get(url, {"niveau": "macro"}).content.decode()
    assert "In Venlo" not in client.get(url, {"deelregio": "zuid-limburg"}).content.decode()
    assert "Over beweging" in client.get(url, {"gemeente": "GM0935"}).content.decode()


@pytest.mark.parametrize(
    "query", [{"page": "abc"}, {"page": "99999999999999999999"}, {"gebruik": "nope"}, {"kant": "<b>"}]
)
def test_bad_input_on_the_list_is_no_error(client, region, query):
    StoryFactory()
    assert client.get(reverse("community:stories"), query).status_code == 200


def test_the_list_takes_the_same_number_of_queries_for_more_stories(
    client, region, django_assert_num_queries
):
    StoryFactory()
    url = reverse("community:stories")
    few = _queries(client, url, django_assert_num_queries)
    for _ in range(8):
        StoryFactory()
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200


# --- the page -------------------------------------------------------------------------------------


def test_the_page_shows_tags_links_and_responses(client, region, staff):
    initiative = InitiativeFactory(title="Moestuin De Linde")
    event = EventFactory(title="Inspiratiesessie Venlo")
    story = StoryFactory(
        title="Onze tuin",
        initiative=initiative,
        event=event,
        themes=1,
        dimensions=1,
        video_url="https://vimeo.com/123",
    )
    StoryResponseFactory(story=story, text="Wat fijn!")
    html = client.get(reverse("community:story", args=[story.pk])).content.decode()
    assert "Onze tuin" in html and "Moestuin De Linde" in html and "Inspiratiesessie Venlo" in html
    assert "Wat fijn!" in html and "Dit inspireert me" in html and "Meld dit verhaal" in html
    assert 'href="https://vimeo.com/123"' in html and "<iframe" not in html
    assert "player.vimeo" not in html and "youtube.com/embed" not in html


def test_the_page_takes_the_same_number_of_queries_for_more_responses(
    client, region, django_assert_num_queries
):
    story = StoryFactory()
    StoryResponseFactory(story=story)
    url = reverse("community:story", args=[story.pk])
    few = _queries(client, url, django_assert_num_queries)
    for _ in range(5):
        StoryResponseFactory(story=story)
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("status", [StoryStatus.DRAFT, StoryStatus.WAITING, StoryStatus.DECLINED])
def test_unpublished_stories_are_only_for_author_and_moderators(
    client, client_for, region, resident, outsider, staff, status
):
    story = StoryFactory(author=resident, status=status, published_at=None)
    url = reverse("community:story", args=[story.pk])
    assert client.get(url).status_code == 404
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(resident).get(url).status_code == 200
    assert client_for(staff).get(url).status_code == 200


def test_a_hidden_story_is_gone_for_the_public_and_shows_the_reason_to_its_author(
    client, client_for, region, resident, staff
):
    story = StoryFactory(author=resident)
    Story.objects.filter(pk=story.pk).update(
        hidden_at="2026-01-01T00:00Z", hidden_reason="Niet over gezondheid"
    )
    url = reverse("community:story", args=[story.pk])
    assert client.get(url).status_code == 404
    assert "Niet over gezondheid" in client_for(resident).get(url).content.decode()
    assert "Weer zichtbaar maken" in client_for(staff).get(url).content.decode()


def test_an_unknown_story_is_not_found(client, region):
    assert client.get("/verhalen/999999/").status_code == 404


def test_a_deleted_members_response_shows_as_deleted_participant(client, region, outsider):
    story = StoryFactory()
    StoryResponseFactory(story=story, author=outsider, text="Goed gedaan")
    account_services.account_delete(user=outsider)
    html = client.get(reverse("community:story", args=[story.pk])).content.decode()
    assert "Goed gedaan" in html and "verwijderde deelnemer" in html


# --- writing --------------------------------------------------------------------------------------


def test_writing_needs_an_account(client, region):
    response = client.get(reverse("community:story_create"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_a_member_writes_a_story_with_a_photo_that_waits(client_for, region, resident):
    client = client_for(resident)
    assert client.get(reverse("community:story_create")).status_code == 200
    data = {**FORM, "foto_1": _photo("Jan Jansen.jpg"), "alt_1": "Buren aan tafel"}
    response = client.post(reverse("community:story_create"), data)
    story = Story.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("community:story", args=[story.pk])
    assert story.status == StoryStatus.WAITING and story.interpretations == 0b10001
    photo = story.photos.get()
    assert photo.pending_photo and not photo.photo
    html = client.get(reverse("community:story", args=[story.pk])).content.decode()
    assert reverse("community:story_photo", args=[story.pk, photo.pk]) in html
    assert "Samen koken" in client.get(reverse("community:my_stories")).content.decode()


@pytest.mark.parametrize(
    "change,field",
    [
        ({"title": ""}, "title"),
        ({"interpretations": []}, "interpretations"),
        ({"video_url": "http://example.org/x"}, "video_url"),
        ({"video_url": "javascript:alert(1)"}, "video_url"),
        ({"municipality": "GM9999"}, "municipality"),
        ({"initiative": "99999"}, "initiative"),
        ({"level": "giga"}, "level"),
        ({"foto_1": SimpleUploadedFile("x.jpg", b"not a photo")}, "foto_1"),
    ],
)
def test_bad_input_returns_the_form_and_saves_nothing(client_for, region, resident, change, field):
    response = client_for(resident).post(reverse("community:story_create"), {**FORM, **change})
    assert response.status_code == 200 and field in response.context["form"].errors
    assert not Story.objects.exists()


def test_a_photo_needs_words_for_who_cannot_see_it(client_for, region, resident):
    response = client_for(resident).post(reverse("community:story_create"), {**FORM, "foto_1": _photo()})
    assert "alt_1" in response.context["form"].errors and not Story.objects.exists()


def test_a_draft_can_be_saved_and_sent_later(client_for, region, resident):
    client = client_for(resident)
    client.post(reverse("community:story_create"), {**FORM, "interpretations": [], "action": "draft"})
    story = Story.objects.get()
    assert story.status == StoryStatus.DRAFT
    url = reverse("community:story_edit", args=[story.pk])
    assert client.get(url).status_code == 200
    client.post(url, {**FORM, "title": "Samen koken (2)"})
    story.refresh_from_db()
    assert story.status == StoryStatus.WAITING and story.title == "Samen koken (2)"


def test_someone_else_cannot_edit_or_delete_a_story(client_for, region, resident, outsider):
    story = StoryFactory(author=resident, status=StoryStatus.DRAFT)
    client = client_for(outsider)
    assert client.get(reverse("community:story_edit", args=[story.pk])).status_code == 404
    assert client.post(reverse("community:story_delete", args=[story.pk])).status_code == 404
    assert Story.objects.filter(pk=story.pk).exists()


def test_a_published_story_cannot_be_edited_by_its_author(client_for, region, resident):
    story = StoryFactory(author=resident)
    assert client_for(resident).get(reverse("community:story_edit", args=[story.pk])).status_code == 404


def test_the_author_deletes_a_story(client_for, region, resident):
    story = StoryFactory(author=resident)
    response = client_for(resident).post(reverse("community:story_delete", args=[story.pk]))
    assert response.status_code == 302 and not Story.objects.exists()


def test_waiting_photos_are_for_their_author_and_moderators_only(
    client, client_for, region, resident, outsider, staff
):
    story = services.story_create(
        region=region,
        author=resident,
        data={"title": "T", "text": "x", "interpretations": ["approach"]},
        photos=[(_photo(), "Buren")],
    )
    url = reverse("community:story_photo", args=[story.pk, story.photos.get().pk])
    assert client_for(resident).get(url).status_code == 200
    assert client_for(staff).get(url).status_code == 200
    assert client_for(outsider).get(url).status_code == 404
    assert client.get(url).status_code == 302


# --- inspiring, responding, reporting -----------------------------------------------------------


def test_inspiring_without_an_account_counts_once_per_browser(client, region):
    story = StoryFactory()
    url = reverse("community:story_inspire", args=[story.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    client.post(url)
    story.refresh_from_db()
    assert story.inspiration_count == 1
    assert "Jij vindt dit verhaal inspirerend" in client.get(story.get_absolute_url()).content.decode()


def test_a_forged_browser_cookie_is_not_trusted(client, region):
    story = StoryFactory()
    client.cookies["vk_inspireert"] = "made-up"
    client.post(reverse("community:story_inspire", args=[story.pk]))
    assert Inspiration.objects.get().browser != "made-up"


def test_inspiring_is_limited_per_address(region):
    from django.test import Client

    story = StoryFactory()
    url = reverse("community:story_inspire", args=[story.pk])
    for _ in range(35):
        Client().post(url)
    story.refresh_from_db()
    assert story.inspiration_count == 30


def test_inspiring_with_an_account_counts_once(client_for, region, resident):
    story = StoryFactory()
    client = client_for(resident)
    for _ in range(3):
        client.post(reverse("community:story_inspire", args=[story.pk]))
    story.refresh_from_db()
    assert story.inspiration_count == 1


def test_inspiring_an_unpublished_story_is_not_found(client, region):
    story = StoryFactory(status=StoryStatus.WAITING)
    assert client.post(reverse("community:story_inspire", args=[story.pk])).status_code == 404


def test_members_respond_and_the_response_shows_at_once(client, client_for, region, resident):
    story = StoryFactory()
    url = reverse("community:story_respond", args=[story.pk])
    assert client.post(url, {"text": "Hoi"}).status_code == 302 and not StoryResponse.objects.exists()
    response = client_for(resident).post(url, {"text": "Prachtig verhaal"})
    assert response.status_code == 302
    assert "Prachtig verhaal" in client.get(story.get_absolute_url()).content.decode()


def test_an_empty_or_too_long_response_is_refused(client_for, region, resident):
    story = StoryFactory()
    client = client_for(resident)
    client.post(reverse("community:story_respond", args=[story.pk]), {"text": ""})
    client.post(reverse("community:story_respond", args=[story.pk]), {"text": "x" * 2001})
    assert not StoryResponse.objects.exists()


def test_responding_is_rate_limited(client_for, region, resident):
    story = StoryFactory()
    client = client_for(resident)
    for n in range(12):
        client.post(reverse("community:story_respond", args=[story.pk]), {"text": f"Reactie {n}"})
    assert StoryResponse.objects.count() == 10


def test_anyone_reports_a_story_or_a_response(client, region):
    story = StoryFactory()
    response = StoryResponseFactory(story=story)
    html = client.get(story.get_absolute_url()).content.decode()
    for obj in (story, response):
        from django.contrib.contenttypes.models import ContentType

        url = reverse("community:content_report", args=[ContentType.objects.get_for_model(obj).pk, obj.pk])
        assert url in html
        assert client.get(url).status_code == 200
        assert client.post(url, {"reason": ""}).status_code == 200  # the form again
        assert client.post(url, {"reason": "Kwetsend"}).status_code == 302
    assert ContentReport.objects.count() == 2


def test_reporting_unknown_or_non_community_things_is_not_found(client, region, resident):
    from django.contrib.contenttypes.models import ContentType

    user_type = ContentType.objects.get_for_model(resident).pk
    assert client.get(reverse("community:content_report", args=[user_type, resident.pk])).status_code == 404
    assert client.get(reverse("community:content_report", args=[999999, 1])).status_code == 404
    story = StoryFactory(status=StoryStatus.DRAFT)
    story_type = ContentType.objects.get_for_model(story).pk
    assert client.get(reverse("community:content_report", args=[story_type, story.pk])).status_code == 404


def test_reporting_is_rate_limited(client, region):
    from django.contrib.contenttypes.models import ContentType

    story = StoryFactory()
    url = reverse("community:content_report", args=[ContentType.objects.get_for_model(story).pk, story.pk])
    for n in range(12):
        client.post(url, {"reason": f"Melding {n}"})
    assert ContentReport.objects.count() == 10


# --- feeds and other apps' pages --------------------------------------------------------------


@pytest.mark.parametrize("name,kind", [("community:story_feed", "rss"), ("community:story_atom", "atom")])
def test_the_feeds_hold_published_stories_only(client, region, name, kind):
    StoryFactory(title="Online verhaal")
    StoryFactory(title="Nog niet", status=StoryStatus.WAITING)
    response = client.get(reverse(name))
    assert response.status_code == 200 and kind in response["Content-Type"]
    body = response.content.decode()
    assert "Online verhaal" in body and "Nog niet" not in body


def test_linked_stories_show_on_the_initiative_and_event_page(client, region):
    initiative = InitiativeFactory(title="Buurtkamer")
    event = EventFactory(title="Sessie")
    StoryFactory(title="Verhaal bij het initiatief", initiative=initiative)
    StoryFactory(title="Verhaal bij de sessie", event=event)
    StoryFactory(title="Nog geheim", initiative=initiative, event=event, status=StoryStatus.WAITING)
    html = client.get(reverse("initiatives:detail", args=[initiative.slug])).content.decode()
    assert "Verhaal bij het initiatief" in html and "Nog geheim" not in html
    html = client.get(reverse("agenda:event", args=[event.pk])).content.decode()
    assert "Verhaal bij de sessie" in html and "Nog geheim" not in html
