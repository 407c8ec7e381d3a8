from __future__ import annotations

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from veerkracht.community.models import NewsItem

from .factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def test_the_list_shows_current_news_in_constant_queries(region, client, django_assert_max_num_queries):
    for _ in range(3):
        NewsItemFactory()
    client.get(reverse("community:news"))
    with django_assert_max_num_queries(6) as few:
        client.get(reverse("community:news"))
    for _ in range(15):
        NewsItemFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("community:news"))
    assert response.status_code == 200 and response.context["page"].paginator.count == 18


@pytest.mark.parametrize("page", ["abc", "99999999999999999999", "-1", ""])
def test_odd_page_numbers_still_give_a_page(region, client, page):
    NewsItemFactory()
    assert client.get(reverse("community:news"), {"page": page}).status_code == 200


def test_scheduled_news_is_a_404_for_the_public_but_staff_see_it(region, client, client_for, staff, resident):
    item = NewsItemFactory(published_at=timezone.now() + timedelta(days=1))
    url = reverse("community:news_item", args=[item.pk])
    assert client.get(url).status_code == 404
    assert client_for(resident).get(url).status_code == 404
    response = client_for(staff).get(url)
    assert response.status_code == 200 and "verschijnt op" in response.content.decode()


def test_expired_news_keeps_its_page_marked_as_old_and_not_indexed(region, client, django_assert_num_queries):
    item = NewsItemFactory(expires_at=timezone.now() - timedelta(days=1))
    url = reverse("community:news_item", args=[item.pk])
    client.get(url)
    with django_assert_num_queries(2):  # region, the item
        response = client.get(url)
    html = response.content.decode()
    assert "Dit is oud nieuws." in html and '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert item.title not in client.get(reverse("community:news")).content.decode()


def test_unknown_and_hidden_news_are_404(region, client):
    hidden = NewsItemFactory(hidden_at=timezone.now())
    assert client.get(reverse("community:news_item", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("community:news_item", args=[999999])).status_code == 404


def test_only_staff_reach_the_writing_pages(region, client, client_for, resident, partner_admin):
    item = NewsItemFactory()
    for person in (resident, partner_admin):
        c = client_for(person)
        assert c.get(reverse("community:news_create")).status_code == 404
        assert c.get(reverse("community:news_manage")).status_code == 404
        assert c.get(reverse("community:news_edit", args=[item.pk])).status_code == 404
        assert c.post(reverse("community:news_hide", args=[item.pk]), {"reason": "x"}).status_code == 404
    assert client.get(reverse("community:news_create")).status_code == 302  # to the login


def test_staff_write_a_scheduled_item_and_bad_input_is_refused(region, client_for, staff):
    c = client_for(staff)
    bad = c.post(reverse("community:news_create"), {"title": "", "text": "", "published_date": "gisteren"})
    assert bad.status_code == 200 and not NewsItem.objects.exists()
    assert bad.context["form"].errors
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = c.post(
        reverse("community:news_create"),
        {
            "title": "Komt eraan",
            "text": "Morgen meer.",
            "published_date": tomorrow.isoformat(),
            "published_time": "09:00",
            "expires_date": (tomorrow + timedelta(days=7)).isoformat(),
        },
    )
    item = NewsItem.objects.get()
    assert response.status_code == 302 and item.is_scheduled
    assert timezone.localtime(item.expires_at).date() == tomorrow + timedelta(days=8)
    wrong = c.post(
        reverse("community:news_edit", args=[item.pk]),
        {
            "title": "x",
            "text": "y",
            "published_date": tomorrow.isoformat(),
            "published_time": "09:00",
            "expires_date": (tomorrow - timedelta(days=2)).isoformat(),
        },
    )
    assert wrong.status_code == 200 and "laatste dag" in wrong.content.decode().lower()
    assert c.get(reverse("community:news_manage")).status_code == 200


def test_staff_hide_with_a_reason_and_show_again(region, client, client_for, staff):
    item = NewsItemFactory()
    c = client_for(staff)
    c.post(reverse("community:news_hide", args=[item.pk]), {"reason": ""})
    assert not NewsItem.objects.get().is_hidden  # a reason is needed
    c.post(reverse("community:news_hide", args=[item.pk]), {"reason": "Klopt niet"})
    assert NewsItem.objects.get().hidden_reason == "Klopt niet"
    assert client.get(reverse("community:news_item", args=[item.pk])).status_code == 404
    c.post(reverse("community:news_hide", args=[item.pk]))
    assert not NewsItem.objects.get().is_hidden


def test_the_news_feeds_have_current_news_only(region, client):
    NewsItemFactory(title="Actueel")
    NewsItemFactory(title="Gepland", published_at=timezone.now() + timedelta(days=1))
    NewsItemFactory(title="Verborgen", hidden_at=timezone.now())
    rss = client.get(reverse("community:news_rss"))
    assert rss["Content-Type"].startswith("application/rss+xml")
    titles = [t.text for t in ElementTree.fromstring(rss.content).iter("title")]  # noqa: S314 - our own response
    assert "Actueel" in titles and "Gepland" not in titles and "Verborgen" not in titles
    atom = client.get(reverse("community:news_atom"))
    assert atom["Content-Type"].startswith("application/atom+xml") and b"Actueel" in atom.content
    assert b"http://testserver/nieuws/" in atom.content
