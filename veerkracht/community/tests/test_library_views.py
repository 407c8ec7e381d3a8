from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts import services as account_services
from veerkracht.accounts.models import MembershipRole
from veerkracht.accounts.tests.factories import OrganisationFactory
from veerkracht.actioncentre.models import Initiative
from veerkracht.actioncentre.tests.factories import InitiativeFactory
from veerkracht.community.models import LibraryItem, LibraryReview

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


def _lesson(title: str) -> None:
    initiative = InitiativeFactory(title=title)
    Initiative.objects.filter(pk=initiative.pk).update(phase="stopped", lesson="Begin klein.")


def test_the_list_mixes_items_and_lessons_in_constant_queries(region, client, django_assert_max_num_queries):
    LibraryItemFactory()
    _lesson("Buurtkamer Noord")
    client.get(reverse("community:library"))
    with django_assert_max_num_queries(8) as few:
        client.get(reverse("community:library"))
    for i in range(20):
        LibraryItemFactory(organisation=OrganisationFactory(name=f"Org {i}") if i % 2 else None)
        _lesson(f"Initiatief {i}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("community:library"), {"page": 2})
    assert response.status_code == 200 and response.context["page"].paginator.count == 42
    assert "les uit een initiatief" in response.content.decode().lower()


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "10000000000000000000000"},
        {"niveau": "giga"},
        {"soort": "<script>"},
        {"voor": ""},
    ],
)
def test_bad_filters_and_pages_give_the_list(region, client, params):
    LibraryItemFactory()
    assert client.get(reverse("community:library"), params).status_code == 200


def test_filters_by_level_interpretation_and_target_group(region, client):
    LibraryItemFactory(
        title="Voor beleid", levels=8, interpretations=4, target_groups=16
    )  # macro, change, policy
    LibraryItemFactory(title="Voor inwoners", levels=1, target_groups=1)
    response = client.get(
        reverse("community:library"), {"niveau": "macro", "betekenis": "change", "voor": "policy"}
    )
    html = response.content.decode()
    assert "Voor beleid" in html and "Voor inwoners" not in html


def test_pending_rejected_and_hidden_items_are_404_for_the_public(region, client, client_for, resident):
    for item in (
        LibraryItemFactory(review=LibraryReview.PENDING),
        LibraryItemFactory(review=LibraryReview.REJECTED),
        LibraryItemFactory(hidden_at=timezone.now()),
    ):
        assert client.get(reverse("community:library_item", args=[item.pk])).status_code == 404
        assert client_for(resident).get(reverse("community:library_file", args=[item.pk])).status_code == 404
    assert client.get(reverse("community:library_item", args=[987654])).status_code == 404


def test_an_item_page_in_constant_queries(region, client, django_assert_num_queries):
    item = LibraryItemFactory(organisation=OrganisationFactory())
    url = reverse("community:library_item", args=[item.pk])
    client.get(url)
    with django_assert_num_queries(2):  # region, the item with its organisation
        response = client.get(url)
    assert response.status_code == 200 and 'property="og:title"' in response.content.decode()


def test_a_partner_admin_adds_an_item_that_waits_and_sees_it(
    region, client, client_for, partner_admin, organisation
):
    c = client_for(partner_admin)
    assert c.get(reverse("community:library_create")).status_code == 200
    empty = c.post(reverse("community:library_create"), {})
    assert empty.status_code == 200 and not LibraryItem.objects.exists()
    upload = SimpleUploadedFile("Gids.pdf", b"%PDF-1.7 inhoud", content_type="application/pdf")
    response = c.post(
        reverse("community:library_create"),
        {
            "kind": "guide",
            "title": "Onze gids",
            "summary": "Hoe wij het doen.",
            "file": upload,
            "levels": ["micro"],
            "target_groups": ["professionals"],
            "organisation": organisation.pk,
        },
    )
    item = LibraryItem.objects.get()
    assert response.status_code == 302 and item.review == LibraryReview.PENDING
    assert c.get(reverse("community:library_item", args=[item.pk])).status_code == 200
    assert c.get(reverse("community:library_mine")).status_code == 200
    download = c.get(reverse("community:library_file", args=[item.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert 'attachment; filename="gids.pdf"' in download["Content-Disposition"]
    assert (
        download["X-Content-Type-Options"] == "nosniff" and "sandbox" in download["Content-Security-Policy"]
    )
    assert client.get(reverse("community:library_item", args=[item.pk])).status_code == 404


def test_a_disguised_file_gets_the_form_back(region, client_for, staff):
    response = client_for(staff).post(
        reverse("community:library_create"),
        {"kind": "tool", "title": "x", "summary": "y", "file": SimpleUploadedFile("x.pdf", b"<html>")},
    )
    assert response.status_code == 200 and "Dit soort bestand kan niet" in response.content.decode()
    assert not LibraryItem.objects.exists()


def test_staff_approve_and_hide(region, client, client_for, staff):
    item = LibraryItemFactory(review=LibraryReview.PENDING, published_at=None)
    c = client_for(staff)
    assert c.get(reverse("community:library_mine")).status_code == 200
    c.post(reverse("community:library_review", args=[item.pk]), {"decision": "reject"})
    assert LibraryItem.objects.get().review == LibraryReview.PENDING  # a reason is needed
    c.post(reverse("community:library_review", args=[item.pk]), {"decision": "approve"})
    assert LibraryItem.objects.get().review == LibraryReview.PUBLIC
    assert client.get(reverse("community:library_item", args=[item.pk])).status_code == 200
    c.post(reverse("community:library_hide", args=[item.pk]), {"reason": "Reclame"})
    assert client.get(reverse("community:library_item", args=[item.pk])).status_code == 404


def test_who_may_not_write_gets_a_404(region, client, client_for, resident, partner_admin, organisation):
    other = LibraryItemFactory(organisation=OrganisationFactory(name="Ander"))
    r = client_for(resident)
    assert r.get(reverse("community:library_create")).status_code == 404
    assert r.get(reverse("community:library_mine")).status_code == 404
    assert r.get(reverse("community:library_edit", args=[other.pk])).status_code == 404
    p = client_for(partner_admin)
    assert p.get(reverse("community:library_edit", args=[other.pk])).status_code == 404
    assert (
        p.post(reverse("community:library_review", args=[other.pk]), {"decision": "approve"}).status_code
        == 404
    )
    assert p.post(reverse("community:library_hide", args=[other.pk]), {"reason": "x"}).status_code == 404
    assert client.get(reverse("community:library_create")).status_code == 302
