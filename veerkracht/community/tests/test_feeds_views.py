"""Visible outside: sitemap.xml, robots.txt, Open Graph and card metadata, share links, agenda feeds."""

from __future__ import annotations

import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from veerkracht.actioncentre.models import Review
from veerkracht.actioncentre.tests.factories import InitiativeFactory
from veerkracht.agenda.models import EventStatus, Visibility
from veerkracht.agenda.tests.factories import EventFactory
from veerkracht.community.models import LibraryReview, StoryStatus

from .factories import LibraryItemFactory, NewsItemFactory, StoryFactory

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _meta(html: str, prop: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', html)
    return found.group(1) if found else ""


def _public_pages() -> list[str]:
    initiative = InitiativeFactory(title="Wandelen in Weert")
    event = EventFactory(title="Inspiratiesessie Venlo")
    news = NewsItemFactory(title="Groot nieuws")
    item = LibraryItemFactory(title="Een goede methode")
    return [
        reverse("core:home"),
        reverse("core:positive_health"),
        reverse("core:contact"),
        reverse("core:privacy"),
        reverse("core:accessibility"),
        reverse("initiatives:list"),
        reverse("initiatives:detail", args=[initiative.slug]),
        reverse("agenda:list"),
        reverse("agenda:event", args=[event.pk]),
        reverse("community:news"),
        reverse("community:news_item", args=[news.pk]),
        reverse("community:library"),
        reverse("community:library_item", args=[item.pk]),
        reverse("connect:home"),
        reverse("actioncentre:home"),
    ]


def test_every_public_page_has_open_graph_and_card_metadata(region, client):
    for url in _public_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert _meta(html, "og:title"), url
        image = _meta(html, "og:image")
        assert image.startswith("http://testserver/") and image.endswith((".png", ".jpg")), url
        assert _meta(html, "og:url") == f"http://testserver{url}", url
        assert _meta(html, "twitter:card") == "summary_large_image", url
        assert f'<link rel="canonical" href="http://testserver{url}">' in html, url


def test_pages_with_content_use_its_title_and_share_without_scripts(region, client):
    news = NewsItemFactory(title="Groot nieuws")
    initiative = InitiativeFactory(title="Wandelen in Weert")
    event = EventFactory(title="Inspiratiesessie Venlo")
    item = LibraryItemFactory(title="Een goede methode")
    pages = {
        reverse("community:news_item", args=[news.pk]): "Groot nieuws",
        reverse("initiatives:detail", args=[initiative.slug]): "Wandelen in Weert",
        reverse("agenda:event", args=[event.pk]): "Inspiratiesessie Venlo",
        reverse("community:library_item", args=[item.pk]): "Een goede methode",
    }
    for url, title in pages.items():
        html = client.get(url).content.decode()
        assert _meta(html, "og:title") == title, url
        for target in (
            "wa.me",
            "facebook.com/sharer",
            "linkedin.com/sharing",
            "x.com/intent",
            "mailto:?subject",
        ):
            assert target in html, (url, target)
        assert "<script" not in html.replace(
            '<script src="/static/vendor/htmx/htmx.min.js" defer></script>', ""
        )


def test_an_invitation_only_session_offers_no_share_links(region, client_for, staff):
    event = EventFactory(visibility=Visibility.CLOSED)
    html = client_for(staff).get(reverse("agenda:event", args=[event.pk])).content.decode()
    assert "wa.me" not in html


def test_the_sitemap_lists_public_things_only(region, client):
    public = InitiativeFactory(title="Openbaar")
    waiting = InitiativeFactory(title="Wacht", review=Review.PENDING)
    event = EventFactory()
    draft = EventFactory(status=EventStatus.DRAFT)
    closed = EventFactory(visibility=Visibility.CLOSED)
    news = NewsItemFactory()
    later = NewsItemFactory(published_at=timezone.now() + timedelta(days=1))
    item = LibraryItemFactory()
    pending = LibraryItemFactory(review=LibraryReview.PENDING)
    story = StoryFactory()
    waiting_story = StoryFactory(status=StoryStatus.WAITING, published_at=None)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    urls = {loc.text for loc in ElementTree.fromstring(response.content).findall(".//s:loc", SITEMAP_NS)}  # noqa: S314 - our own response
    base = "http://testserver"
    assert {
        f"{base}/",
        f"{base}/agenda/",
        f"{base}/nieuws/",
        f"{base}/kennisbank/",
        f"{base}/initiatieven/{public.slug}/",
        f"{base}/agenda/{event.pk}/",
        f"{base}/nieuws/{news.pk}/",
        f"{base}/kennisbank/{item.pk}/",
        f"{base}/verhalen/",
        f"{base}/vragen/",
        f"{base}/verhalen/{story.pk}/",
    } <= urls
    for hidden in (
        f"{base}/initiatieven/{waiting.slug}/",
        f"{base}/agenda/{draft.pk}/",
        f"{base}/agenda/{closed.pk}/",
        f"{base}/nieuws/{later.pk}/",
        f"{base}/kennisbank/{pending.pk}/",
        f"{base}/verhalen/{waiting_story.pk}/",
    ):
        assert hidden not in urls


def test_the_sitemap_takes_constant_queries(region, client, django_assert_max_num_queries):
    NewsItemFactory()
    LibraryItemFactory()
    InitiativeFactory()
    EventFactory()
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(20) as few:
        client.get("/sitemap.xml")
    for _ in range(10):
        NewsItemFactory()
        LibraryItemFactory()
        InitiativeFactory()
        EventFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/sitemap.xml")


def test_robots_keeps_private_pages_out_and_points_to_the_sitemap(region, client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    for private in ("/beheer/", "/mijn-account/", "/agenda/aanmelding/", "/initiatieven/afmelden/"):
        assert f"Disallow: {private}\n" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /\n" not in text
    assert client.post("/robots.txt").status_code == 405


def test_the_agenda_feeds_list_upcoming_public_sessions(region, client):
    EventFactory(title="Binnenkort open")
    EventFactory(title="Concept", status=EventStatus.DRAFT)
    EventFactory(title="Besloten", visibility=Visibility.CLOSED)
    EventFactory(
        title="Voorbij",
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=2),
    )
    rss = client.get(reverse("agenda:feed_rss"))
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    titles = [t.text for t in ElementTree.fromstring(rss.content).iter("title")]  # noqa: S314 - our own response
    assert "Binnenkort open" in titles
    assert not {"Concept", "Besloten", "Voorbij"} & set(titles)
    atom = client.get(reverse("agenda:feed_atom"))
    assert atom["Content-Type"].startswith("application/atom+xml") and b"Binnenkort open" in atom.content
    assert b'rel="alternate" type="application/rss+xml"' in client.get(reverse("agenda:list")).content


def test_an_initiative_with_a_news_photo_shares_that_photo(region, client, staff, settings, tmp_path):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from veerkracht.actioncentre.services import initiatives as initiative_services

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20)).save(buffer, "PNG")
    initiative = InitiativeFactory(title="Met foto")
    initiative_services.initiative_update_post(
        initiative=initiative,
        author=staff,
        text="Kijk eens",
        photo=SimpleUploadedFile("x.png", buffer.getvalue()),
        photo_alt="De groep",
    )
    html = client.get(reverse("initiatives:detail", args=[initiative.slug])).content.decode()
    assert re.search(r'og:image" content="http://testserver/media/initiatieven/\d+/\d+/[0-9a-f]+\.jpg"', html)
    assert _meta(html, "og:image:alt") == "De groep"
