"""The search index follows every write: create, update, hide, delete; the rebuild; Dutch words."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection

from veerkracht.actioncentre.models import Initiative, Review
from veerkracht.actioncentre.tests.factories import (
    AmbassadorFactory,
    InitiativeFactory,
    OfferFactory,
    PartnerFactory,
)
from veerkracht.agenda.models import EventStatus, Visibility
from veerkracht.agenda.tests.factories import EventFactory
from veerkracht.community import fulltext
from veerkracht.community.models import SearchDocument
from veerkracht.community.selectors.search import matching_ids, search_site
from veerkracht.community.services.search import search_rebuild

pytestmark = pytest.mark.django_db


def _found(region, text: str, kind: str = "") -> list[str]:
    results = search_site(region, text, {"kind": kind} if kind else {}, per_kind=50)
    return [hit.title for group in results.groups for hit in group.hits]


def test_an_initiative_is_found_as_soon_as_it_is_saved_and_changes_with_it(region):
    initiative = InitiativeFactory(
        title="Wandelgroep De Stap", description="Elke week wandelingen door het bos."
    )
    assert _found(region, "wandeling") == ["Wandelgroep De Stap"]
    initiative.title = "Beweegclub De Stap"
    initiative.save()
    assert _found(region, "beweegclub") == ["Beweegclub De Stap"]
    assert _found(region, "wandelgroep") == []


def test_what_is_no_longer_public_disappears_and_deleting_removes_the_row(region):
    initiative = InitiativeFactory(title="Moestuin Oost")
    offer = OfferFactory(title="Moestuin gereedschap te leen")
    assert sorted(_found(region, "moestuin")) == ["Moestuin Oost", "Moestuin gereedschap te leen"]
    initiative.review = Review.REJECTED
    initiative.save()
    offer.is_active = False
    offer.save()
    assert _found(region, "moestuin") == []
    assert not SearchDocument.objects.exists()
    offer.is_active = True
    offer.save()
    offer.delete()
    assert not SearchDocument.objects.exists()


def test_sessions_drafts_closed_and_cancelled_are_not_found(region):
    EventFactory(title="Zingen in het park")
    EventFactory(title="Zingen concept", status=EventStatus.DRAFT)
    EventFactory(title="Zingen op uitnodiging", visibility=Visibility.CLOSED)
    cancelled = EventFactory(title="Zingen afgelast")
    cancelled.status = EventStatus.CANCELLED
    cancelled.save()
    assert _found(region, "zingen") == ["Zingen in het park"]


def test_ambassadors_and_partners_with_a_public_page_are_found(region):
    profile = AmbassadorFactory(name="Anouk Jansen", expertise="Eenzaamheid bij ouderen")
    PartnerFactory(name="Welzijn Zuid", description="Wij helpen buurten met eenzaamheid.")
    assert sorted(_found(region, "eenzaamheid")) == ["Anouk Jansen", "Welzijn Zuid"]
    profile.is_public = False
    profile.save()
    assert _found(region, "eenzaamheid") == ["Welzijn Zuid"]


def test_losing_the_ambassador_role_removes_the_profile(region):
    from veerkracht.accounts.models import Role
    from veerkracht.accounts.services import role_revoke

    profile = AmbassadorFactory(name="Bram", expertise="Voedseltuinen")
    assert _found(region, "voedseltuinen") == ["Bram"]
    role_revoke(user=profile.user, role=Role.AMBASSADOR, actor=None)
    assert _found(region, "voedseltuinen") == []


def test_dutch_stemming_and_folded_accents(region):
    InitiativeFactory(title="Wandeling langs de Maas", description="Koffie in het café na afloop.")
    assert _found(region, "wandelingen") == ["Wandeling langs de Maas"]
    assert _found(region, "cafe") == ["Wandeling langs de Maas"]
    assert _found(region, "CAFÉ Maas") == ["Wandeling langs de Maas"]
    assert _found(region, "maas -koffie") == []
    assert _found(region, "fietsen of koffie") == ["Wandeling langs de Maas"]
    assert _found(region, '"langs de maas"') == ["Wandeling langs de Maas"]


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "'",
        "NEAR(a b",
        "*",
        "(((",
        ")",
        "a AND OR NOT",
        "title:x",
        "^x",
        "-",
        "--",
        "\x00",
        "é" * 500,
        "de het",
    ],
)
def test_fts_syntax_in_the_words_never_breaks_the_search(region, text):
    InitiativeFactory(title="Buurtkamer")
    search_site(region, text, {})
    matching_ids("initiative", region, text)


def test_the_rebuild_indexes_everything_anew(region):
    InitiativeFactory(title="Repair cafe Noord")
    InitiativeFactory(title="Geheim plan", review=Review.PENDING)
    SearchDocument.objects.all().delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM community_search_fts")
    assert _found(region, "repair") == []
    counts = search_rebuild(region=region)
    assert counts["initiative"] == 1
    assert _found(region, "repair") == ["Repair cafe Noord"]
    call_command("search_rebuild", "--kind", "initiative", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _found(region, "repair") == ["Repair cafe Noord"]
    assert Initiative.objects.count() == 2


def test_the_analyser_matches_postgres_dutch_stemming():
    assert fulltext.stems("Wandelingen gezondheid vrijwilligers de het") == [
        "wandel",
        "gezond",
        "vrijwilliger",
    ]
    assert fulltext.fold("Één café") == "een cafe"


def test_a_partner_page_made_private_disappears_through_the_followed_model(region):
    from veerkracht.actioncentre.models import PartnerProfile

    organisation = PartnerFactory(name="Huis van de Wijk", description="Ontmoeting en koffie.")
    assert _found(region, "ontmoeting") == ["Huis van de Wijk"]
    profile = PartnerProfile.objects.get(organisation=organisation)
    profile.is_public = False
    profile.save()
    assert _found(region, "ontmoeting") == []


def test_the_demo_rebuilds_the_index(region):
    from veerkracht.community.demo import search

    InitiativeFactory(title="Samen sterk in Heerlen")
    SearchDocument.objects.all().delete()
    lines = search.load(region)
    assert any("Zoekindex" in line for line in lines)
    assert _found(region, "heerlen") == ["Samen sterk in Heerlen"]


def test_one_kind_of_another_region_is_not_shown(region):
    from veerkracht.regions.models import Region

    other = Region.objects.create(slug="elders", name="Elders", province_code="PV30", movement_name="Elders")
    initiative = InitiativeFactory(title="Dansen in de wijk")
    SearchDocument.objects.filter(object_id=initiative.pk).update(region=other)
    assert _found(region, "dansen") == []
