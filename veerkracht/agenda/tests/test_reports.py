from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from veerkracht.agenda.models import Idea, IdeaOutcome, Report, ReportFile
from veerkracht.agenda.selectors.reports import after_event
from veerkracht.agenda.services import ideas as idea_services

from .factories import EventFactory, factory_organiser, municipality

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def past_event(region):
    now = timezone.now()
    return EventFactory(
        starts_at=now - timedelta(days=1, hours=2),
        ends_at=now - timedelta(days=1),
        municipality=municipality("GM0983"),
    )


@pytest.fixture
def organiser_client(client_for):
    return client_for(factory_organiser())


def _jpeg_with_gps() -> SimpleUploadedFile:
    image = Image.new("RGB", (40, 30), (200, 50, 50))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile("mijn-buurvrouw.jpg", out.getvalue(), content_type="image/jpeg")


def test_an_organiser_writes_adds_a_photo_and_slides_and_publishes(past_event, organiser_client):
    url = reverse("agenda:report", args=[past_event.pk])
    assert organiser_client.post(url, {"text": "Het was een mooie avond."}).status_code == 302
    add = reverse("agenda:report_file_add", args=[past_event.pk])
    organiser_client.post(
        add, {"kind": "photo", "upload": _jpeg_with_gps(), "caption": "Mensen in een kring"}
    )
    pdf = SimpleUploadedFile("slides.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    organiser_client.post(add, {"kind": "slides", "upload": pdf, "caption": "Presentatie"})
    photo, slides = ReportFile.objects.order_by("id")
    assert photo.file.name.endswith(".jpg") and "buurvrouw" not in photo.file.name
    assert b"CameraMaker" not in photo.file.read()
    assert slides.file.name.endswith(".pdf")
    organiser_client.post(reverse("agenda:report_publish", args=[past_event.pk]), {"publish": "1"})
    assert Report.objects.get().published_at is not None
    html = render_to_string("agenda/reports/_on_event.html", {"event": past_event, **after_event(past_event)})
    assert "Het was een mooie avond." in html and "Mensen in een kring" in html and ".pdf" in html
    organiser_client.post(reverse("agenda:report_publish", args=[past_event.pk]), {"publish": "0"})
    assert after_event(past_event)["published_report"] is None


def test_a_fake_pdf_or_a_non_photo_is_refused_in_dutch(past_event, organiser_client):
    organiser_client.post(reverse("agenda:report", args=[past_event.pk]), {"text": "Verslag"})
    add = reverse("agenda:report_file_add", args=[past_event.pk])
    fake = SimpleUploadedFile("slides.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = organiser_client.post(add, {"kind": "slides", "upload": fake, "caption": ""})
    assert "geen pdf" in response.content.decode()
    text = SimpleUploadedFile("foto.jpg", b"hello", content_type="image/jpeg")
    response = organiser_client.post(add, {"kind": "photo", "upload": text, "caption": "x"})
    assert "geen foto" in response.content.decode()
    assert not ReportFile.objects.exists()


def test_an_empty_report_cannot_be_published(past_event, organiser_client):
    response = organiser_client.post(
        reverse("agenda:report_publish", args=[past_event.pk]), {"publish": "1"}, follow=True
    )
    assert "Schrijf eerst" in response.content.decode() and not Report.objects.exists()


def test_the_report_page_has_a_constant_number_of_queries(
    past_event, organiser_client, django_assert_num_queries
):
    url = reverse("agenda:report", args=[past_event.pk])
    organiser_client.post(url, {"text": "Verslag"})
    organiser_client.get(url)
    with django_assert_num_queries(8) as first:
        organiser_client.get(url)
    report = Report.objects.get()
    for n in range(3):
        ReportFile.objects.create(
            report=report, kind="slides", file=f"agenda/reports/x{n}.pdf", caption=str(n)
        )
    with django_assert_num_queries(len(first)):
        organiser_client.get(url)


def test_others_get_404_for_the_report_and_ideas_pages(past_event, client_for, staff, resident):
    for name in ("agenda:report", "agenda:ideas"):
        url = reverse(name, args=[past_event.pk])
        assert client_for(staff).get(url).status_code == 404
        assert client_for(resident).post(url, {"text": "x"}).status_code == 404
    delete = reverse("agenda:report_file_delete", args=[past_event.pk, 1])
    assert client_for(staff).post(delete).status_code == 404


def test_an_idea_becomes_an_initiative_that_shows_where_it_came_from(past_event, organiser_client, client):
    data = {
        "outcome": "initiative",
        "title": "Samen wandelen",
        "summary": "Elke week een rondje door de wijk.",
        "description": "Buren wandelen samen.",
        "who": "Drie buren",
        "municipality": past_event.municipality_id,
    }
    assert organiser_client.post(reverse("agenda:ideas", args=[past_event.pk]), data).status_code == 302
    idea = Idea.objects.get()
    assert idea.outcome == IdeaOutcome.INITIATIVE and idea.target_url.startswith("/initiatieven/")
    page = client.get(idea.target_url).content.decode()
    assert "Ontstaan in de sessie van" in page and "in Venlo" in page
    assert f'href="{past_event.get_absolute_url()}"' in page
    html = render_to_string("agenda/reports/_on_event.html", {"event": past_event, **after_event(past_event)})
    assert "Wat hier is ontstaan" in html and "Samen wandelen" in html


def test_an_idea_becomes_a_request_to_the_action_centre(past_event, organiser_client):
    data = {"outcome": "request", "title": "Een plek om te koken", "description": "Waar kunnen we koken?"}
    data["municipality"] = past_event.municipality_id
    organiser_client.post(reverse("agenda:ideas", args=[past_event.pk]), data)
    idea = Idea.objects.get()
    assert idea.outcome == IdeaOutcome.REQUEST and idea.target_url.startswith("/actiecentrum/")


def test_bad_idea_input_saves_nothing_anywhere(past_event, organiser_client):
    data = {
        "outcome": "initiative",
        "title": "Wandelen",
        "description": "Samen lopen",
        "municipality": past_event.municipality_id,
    }
    response = organiser_client.post(reverse("agenda:ideas", args=[past_event.pk]), data)
    assert "in één zin" in response.content.decode() and not Idea.objects.exists()


def test_ideas_are_refused_before_the_event(region):
    event = EventFactory()
    with pytest.raises(idea_services.ValidationError):
        idea_services.idea_create(
            event=event,
            outcome="request",
            title="Idee",
            description="x",
            municipality=event.municipality,
            actor=factory_organiser(),
        )
