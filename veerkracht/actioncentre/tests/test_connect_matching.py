from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection as db
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from veerkracht.accounts import services as account_services
from veerkracht.accounts.models import Role
from veerkracht.accounts.tests.factories import UserFactory
from veerkracht.actioncentre.matching import suggestions_for_need, suggestions_for_request
from veerkracht.actioncentre.models import Availability, Offer, PartnerProfile
from veerkracht.actioncentre.services import connect as services
from veerkracht.actioncentre.vocab import HELP_TYPES

from .factories import (
    AmbassadorFactory,
    InitiativeFactory,
    NeedFactory,
    OfferFactory,
    PartnerFactory,
    RequestFactory,
)

pytestmark = pytest.mark.django_db


def _aged(offer, days):
    """Make an offer older, so ties are decided by a known created_at."""
    Offer.objects.filter(pk=offer.pk).update(created_at=timezone.now() - timedelta(days=days))
    return offer


@pytest.fixture
def known_case(region):
    """An initiative in Maastricht (Zuid-Limburg) about loneliness and growing older needs a place."""
    owner = UserFactory(email="eigenaar@example.org")
    initiative = InitiativeFactory(
        owner=owner, themes=["loneliness", "elderly"], dimensions=["participation", "meaning"]
    )
    need = NeedFactory(initiative=initiative, help_type="place")
    giver = UserFactory(email="gever@example.org")
    offers = {
        # 4 (place) + 2×2 themes + 1 dimension + 3 same municipality = 12
        "A": OfferFactory(owner=giver, themes=["loneliness", "elderly"], dimensions=["participation"]),
        # 4 + 2×1 + 0 + 2 same subregion (Heerlen) = 8
        "B": OfferFactory(owner=giver, code="GM0917", themes=["loneliness"]),
        # 4 + 2×1 + 2 dimensions + 1 whole region = 9
        "C": OfferFactory(
            owner=giver, code=None, themes=["elderly"], dimensions=["participation", "meaning"]
        ),
        # 4, in Venlo (elsewhere); D is newer than H
        "D": _aged(OfferFactory(owner=giver, code="GM0983", title="D"), 1),
        "H": _aged(OfferFactory(owner=giver, code="GM0983", title="H"), 5),
    }
    # Never suggested: another help type, hidden, the initiative owner's own offer.
    OfferFactory(owner=giver, help_type="money", themes=["loneliness", "elderly"])
    services.offer_set_active(offer=OfferFactory(owner=giver, themes=["loneliness"]), active=False)
    OfferFactory(owner=owner, themes=["loneliness", "elderly"])
    ambassadors = {
        # 3 (helps with a place) + 2×1 + 0 + 3 same municipality = 8
        "Amb1": AmbassadorFactory(
            email="amb1@example.org", help_types=["place", "knowledge"], themes=["loneliness"]
        ),
        # 0 + 2×1 + 1 + 0 (Venlo) = 3, and little time
        "Amb4": AmbassadorFactory(
            email="amb4@example.org",
            code="GM0983",
            themes=["elderly"],
            dimensions=["meaning"],
            availability=Availability.LIMITED,
        ),
    }
    AmbassadorFactory(email="amb2@example.org", help_types=["place"], availability=Availability.UNAVAILABLE)
    AmbassadorFactory(email="amb3@example.org", help_types=["place"], is_public=False)
    # 3 + 2×2 + 0 + 2 same subregion (Heerlen) = 9
    partner = PartnerFactory(themes=["loneliness", "elderly"])
    hidden = PartnerFactory(name="Verborgen", themes=["loneliness", "elderly"])
    PartnerProfile.objects.filter(organisation=hidden).update(is_public=False)
    return need, offers, ambassadors, partner


def _summary(suggestions):
    return [(s.kind, s.obj.pk, s.score) for s in suggestions]


def test_the_ranking_of_a_known_case(known_case):
    need, offers, ambassadors, partner = known_case
    expected = [
        ("offer", offers["A"].pk, 12),
        ("offer", offers["C"].pk, 9),
        ("partner", partner.partner_profile.pk, 9),
        ("offer", offers["B"].pk, 8),
        ("ambassador", ambassadors["Amb1"].pk, 8),
        ("offer", offers["D"].pk, 4),
        ("offer", offers["H"].pk, 4),
        ("ambassador", ambassadors["Amb4"].pk, 3),
    ]
    assert _summary(suggestions_for_need(need)) == expected
    assert _summary(suggestions_for_need(need, limit=3)) == expected[:3]


def test_reasons_are_plain_dutch(known_case):
    need, offers, ambassadors, partner = known_case
    by_pk = {(s.kind, s.obj.pk): s.reasons for s in suggestions_for_need(need)}
    assert by_pk[("offer", offers["A"].pk)] == [
        "Biedt een plek",
        "2 thema's gemeen: Eenzaamheid en meedoen, Ouder worden",
        "1 kant van gezondheid gemeen: Meedoen",
        "In dezelfde gemeente",
    ]
    assert by_pk[("offer", offers["C"].pk)][-1] == "Voor de hele regio"
    assert by_pk[("offer", offers["B"].pk)][-1] == "In dezelfde deelregio"
    assert by_pk[("offer", offers["D"].pk)] == ["Biedt een plek"]
    assert by_pk[("ambassador", ambassadors["Amb1"].pk)] == [
        "Kan helpen met: een plek",
        "1 thema gemeen: Eenzaamheid en meedoen",
        "In dezelfde gemeente",
    ]
    assert by_pk[("ambassador", ambassadors["Amb4"].pk)][-1] == "Let op: heeft weinig tijd"
    assert by_pk[("partner", partner.partner_profile.pk)][0] == "Kan helpen met: een plek"


def test_someone_already_proposed_is_not_suggested_again(known_case, staff):
    need, offers, _ambassadors, _partner = known_case
    services.connection_propose(need=need, offer=offers["A"], message="Past", proposed_by=staff)
    assert offers["A"].pk not in [s.obj.pk for s in suggestions_for_need(need) if s.kind == "offer"]


def test_ambassadors_without_the_role_any_more_are_left_out(known_case):
    need, _offers, ambassadors, _partner = known_case
    account_services.role_revoke(user=ambassadors["Amb1"].user, role=Role.AMBASSADOR)
    assert ambassadors["Amb1"].pk not in [
        s.obj.pk for s in suggestions_for_need(need) if s.kind == "ambassador"
    ]


def test_a_request_matches_any_of_its_help_types(region):
    giver = UserFactory(email="gever@example.org")
    place = OfferFactory(owner=giver, help_type="place")
    money = OfferFactory(owner=giver, help_type="money", code="GM0983")
    OfferFactory(owner=giver, help_type="publicity")
    request = RequestFactory(needs=HELP_TYPES.mask(["place", "money"]))
    assert _summary(suggestions_for_request(request)) == [("offer", place.pk, 7), ("offer", money.pk, 4)]


def _fill(region, owner, count):
    for i in range(count):
        OfferFactory(
            owner=owner,
            title=f"Aanbod {i}",
            description="Een ruimte.",
            themes=["loneliness"] if i % 2 else ["elderly"],
            dimensions=["participation"],
            code=None,
        )


def test_scoring_runs_in_sql_and_queries_do_not_grow_with_the_number_of_offers(region):
    initiative = InitiativeFactory(themes=["loneliness"], dimensions=["participation"])
    need = NeedFactory(initiative=initiative)
    giver = UserFactory(email="gever@example.org")
    counts = []
    for total in (5, 50):
        _fill(region, giver, total - Offer.objects.count())
        with CaptureQueriesContext(db) as queries:
            found = suggestions_for_need(need, limit=10)
        counts.append(len(queries))
        assert len(found) == min(total, 10)
    # With few offers nearby the pre-filter cannot prove its answer and the full ranking runs (one more
    # query); with many it can: the count never grows with the number of offers.
    assert counts[1] <= counts[0] <= 6
    offer_sql = next(q["sql"] for q in queries.captured_queries if "actioncentre_offer" in q["sql"])
    # The database scores, sorts and limits; Python never sees the other candidates.
    assert "CASE" in offer_sql and "ORDER BY" in offer_sql and "LIMIT 10" in offer_sql
