"""The search page: grouped results, filters, a page per kind, safe snippets, constant queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from veerkracht.actioncentre.tests.factories import InitiativeFactory, OfferFactory
from veerkracht.agenda.tests.factories import EventFactory, municipality
from veerkracht.core.vocabulary import DIMENSIONS, THEMES

pytestmark = pytest.mark.django_db
URL = reverse("community:search")


def _get(client, query: str = ""):
    response = client.get(URL + query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_a_box_and_is_in_the_menu(client, region):
    html = _get(client)
    assert 'role="search"' in html and 'name="q"' in html
    assert f'href="{URL}"' in html  # "Zoeken" in the main menu


def test_results_are_grouped_by_kind_with_counts_and_more(client, region):
    for n in range(5):
        InitiativeFactory(title=f"Wandelgroep {n}", description="Samen wandelen in de wijk.")
    OfferFactory(title="Wandelschoenen te leen", description="Voor wie mee wil wandelen.")
    EventFactory(title="Wandelen en praten", description="Een wandeling met een gesprek.")
    html = _get(client, "?q=wandelen")
    assert "Initiatieven" in html and "Aanbod" in html and "Bijeenkomsten" in html
    assert "7 resultaten" in html
    assert "Initiatieven (5)" in html and "Meer initiatieven (5)" in html
    assert html.count("Wandelgroep ") == 3  # the best three; the rest behind "meer"
    html = _get(client, "?q=wandelen&soort=initiative")
    assert html.count("Wandelgroep ") == 5 and "Wandelschoenen" not in html
    assert "Aanbod (1)" in html  # the other kinds still show their counts


def test_filters_on_place_theme_and_dimension(client, region):
    venlo = municipality("GM0983")
    EventFactory(
        title="Koken in Venlo",
        municipality=venlo,
        themes=THEMES.mask(["food"]),
        dimensions=DIMENSIONS.mask([DIMENSIONS.keys[0]]),
    )
    EventFactory(title="Koken in Maastricht", description="Samen koken.")
    for query in (
        "&gemeente=GM0983",
        f"&deelregio={venlo.subregion.slug}",
        "&thema=food",
        f"&kant={DIMENSIONS.keys[0]}",
    ):
        html = _get(client, "?q=koken" + query)
        assert "Koken in Venlo" in html and "Koken in Maastricht" not in html, query


def test_pages_per_kind(client, region):
    for n in range(25):
        InitiativeFactory(title=f"Buurtkamer {n}")
    html = _get(client, "?q=buurtkamer&soort=initiative")
    assert "Pagina 1 van 2" in html and html.count("Buurtkamer ") == 20
    html = _get(client, "?q=buurtkamer&soort=initiative&page=2")
    assert "Pagina 2 van 2" in html and html.count("Buurtkamer ") == 5
    html = _get(client, "?q=buurtkamer&soort=initiative&page=99999999999999999999")
    assert "Pagina 2 van 2" in html


@pytest.mark.parametrize(
    "query",
    [
        "?q=%22",
        "?q=NEAR(a+b",
        "?q=*",
        "?q=(((",
        "?q=a+OR+NOT",
        "?q=-",
        "?page=abc&q=x",
        "?q=x&soort=nope&thema=nope&kant=nope&gemeente=nope&deelregio=nope",
        "?q=" + "x" * 5000,
        "?q=%00",
    ],
)
def test_bad_input_never_breaks_the_page(client, region, query):
    InitiativeFactory(title="Buurtkamer")
    _get(client, query)


def test_snippets_are_escaped_and_mark_the_words(client, region):
    InitiativeFactory(
        title="<script>alert(1)</script> Moestuin", summary="Een <b>moestuin</b> voor iedereen."
    )
    html = _get(client, "?q=moestuin")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;<mark>moestuin</mark>&lt;/b&gt;" in html


def test_nothing_found_and_no_words(client, region):
    assert "Niets gevonden" in _get(client, "?q=zeppelin")
    assert "Typ een of meer woorden" in _get(client, "?q=+")


def _queries(client, query: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        _get(client, query)
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_results(client, region):
    InitiativeFactory(title="Samen sporten")
    EventFactory(title="Samen sporten in het park")
    _queries(client, "?q=sporten")  # warm caches (region, sources)
    few = _queries(client, "?q=sporten")
    few_kind = _queries(client, "?q=sporten&soort=initiative")
    for n in range(12):
        InitiativeFactory(title=f"Sporten {n}")
        OfferFactory(title=f"Sporttas {n}", description="Voor het sporten.")
        EventFactory(title=f"Sporten bijeenkomst {n}")
    assert _queries(client, "?q=sporten") == few
    assert _queries(client, "?q=sporten&soort=initiative") == few_kind


def test_no_region_yet_is_a_404_not_a_500(client, db):
    assert client.get(URL + "?q=wandelen").status_code == 404


def test_only_public_things_show_to_anyone_logged_in_or_not(client, region, staff, resident):
    waiting = InitiativeFactory(title="Geheim moestuinplan", owner=resident, review=None)
    assert waiting.review == "pending"  # a resident's initiative waits for approval
    client.force_login(staff)
    assert "Geheim moestuinplan" not in _get(client, "?q=moestuinplan")


def test_a_word_in_the_title_ranks_above_newer_texts_that_only_mention_it(client, region):
    InitiativeFactory(title="Moestuin aan de Maas", description="Groente kweken met de buurt.")
    for n in range(4):
        InitiativeFactory(title=f"Buurthuis {n}", description="Wij hebben ook een kleine moestuin achter.")
    html = _get(client, "?q=moestuin&soort=initiative")
    assert html.index("Moestuin aan de Maas") < html.index("Buurthuis 3")
    overview = _get(client, "?q=moestuin")
    assert "Moestuin aan de Maas" in overview  # among the best three, though four are newer


def test_a_rare_word_weighs_more_than_a_common_one(client, region):
    if connection.vendor != "sqlite":
        pytest.skip("bm25 on SQLite; PostgreSQL's ts_rank does not weigh words by how rare they are")
    for n in range(8):
        InitiativeFactory(title=f"Koffie {n}", description="Samen koffie drinken, elke week.")
    InitiativeFactory(title="Ochtend", description="Koffie en een gesprek over mantelzorg.")
    InitiativeFactory(title="Koffie koffie", description="Koffie, koffie en mantelzorg.")
    InitiativeFactory(title="Mantelzorg", description="Voor wie zorgt en koffie lust.")
    html = _get(client, "?q=koffie+OR+mantelzorg&soort=initiative")
    # The title with the rare word first; the title with the common word twice after it.
    assert html.index(">Mantelzorg<") < html.index("Koffie koffie") < html.index("Koffie 7")


def test_bm25_follows_the_formula():
    from veerkracht.community import fulltext

    title_hit = fulltext.bm25([("moestuin", "groent", "")], [("moestuin",)], [1.0])[0]
    body_hit = fulltext.bm25([("buurthuis", "moestuin", "")], [("moestuin",)], [1.0])[0]
    assert title_hit > body_hit > 0
    # freq 10 (title), length 2 = the average: 1.0 * 10 * 2.2 / (10 + 1.2)
    assert title_hit == pytest.approx(10 * 2.2 / 11.2)
    assert fulltext.phrase_hits(["a", "b", "a", "b", "a"], ("a", "b")) == 2
    assert fulltext.idf(100, 1) > fulltext.idf(100, 50) > 0 and fulltext.idf(10, 10) == 1e-6
