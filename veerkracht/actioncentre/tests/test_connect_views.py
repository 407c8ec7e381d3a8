from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core import mail
from django.db import connection as db
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from veerkracht.accounts import services as account_services
from veerkracht.accounts.models import MembershipRole, Role
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.actioncentre.models import (
    AmbassadorProfile,
    Connection,
    ConnectionStatus,
    Offer,
    PartnerProfile,
)
from veerkracht.actioncentre.services import connect as services

from .factories import (
    AmbassadorFactory,
    InitiativeFactory,
    NeedFactory,
    OfferFactory,
    PartnerFactory,
    RequestFactory,
    link_token,
    municipality,
)

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "resident", "owner", "ambassador", "partner_admin", "staff", "outsider"]


@dataclass
class World:
    users: dict
    need: object
    offer: object
    hidden_offer: object
    profile: object
    private_profile: object
    partner: object
    hidden_partner: object
    request: object
    asker_token: str
    helper_token: str


@pytest.fixture
def world(region, resident, ambassador, partner_admin, staff, outsider, django_capture_on_commit_callbacks):
    owner = UserFactory(email="eigenaar@example.org", display_name="Olga")
    need = NeedFactory(initiative=InitiativeFactory(owner=owner, themes=["loneliness"]))
    offer = OfferFactory(owner=owner, themes=["loneliness"], title="Zaal in De Kring")
    hidden_offer = OfferFactory(owner=owner, title="Verborgen aanbod")
    services.offer_set_active(offer=hidden_offer, active=False)
    profile = services.ambassador_profile_save(
        user=ambassador, region=region, expertise="Gesprekken in de wijk", help_types=["place"]
    )
    private_profile = AmbassadorFactory(email="stil@example.org", is_public=False, expertise="Geheim profiel")
    partner = PartnerFactory(name="Buurtwerk Zuid", email="info@buurtwerk.example.org")
    account_services.membership_set(organisation=partner, user=partner_admin, role=MembershipRole.ADMIN)
    hidden_partner = PartnerFactory(name="Niet openbaar", is_public=False)
    account_services.membership_set(
        organisation=hidden_partner, user=partner_admin, role=MembershipRole.ADMIN
    )
    request = RequestFactory()
    henk = UserFactory(email="henk@example.org", display_name="Henk")
    henks_offer = OfferFactory(owner=henk, title="Plek van Henk")
    with django_capture_on_commit_callbacks(execute=True):
        services.connection_propose(
            need=need, offer=henks_offer, message="Jullie passen bij elkaar.", proposed_by=staff
        )
    asker_mail, helper_mail = mail.outbox[-2:]
    users = {
        "anonymous": None,
        "resident": resident,
        "owner": owner,
        "ambassador": ambassador,
        "partner_admin": partner_admin,
        "staff": staff,
        "outsider": outsider,
    }
    return World(
        users,
        need,
        offer,
        hidden_offer,
        profile,
        private_profile,
        partner,
        hidden_partner,
        request,
        link_token(asker_mail.body),
        link_token(helper_mail.body),
    )


def _everyone(code):
    return dict.fromkeys(PERSONAS, code)


def _only(allowed, *, anonymous="login", others=404, code=200):
    expected = dict.fromkeys(PERSONAS, others) | {"anonymous": anonymous}
    return expected | dict.fromkeys(allowed, code)


LOGGED_IN = [p for p in PERSONAS if p != "anonymous"]

# (url name, arguments from the world, method, expected status per persona)
MATRIX = [
    ("connect:home", lambda w: [], "get", _everyone(200)),
    ("connect:offer_create", lambda w: [], "get", _only(LOGGED_IN)),
    ("connect:offer", lambda w: [w.offer.pk], "get", _everyone(200)),
    ("connect:offer", lambda w: [w.hidden_offer.pk], "get", _only(["owner"], anonymous=404)),
    ("connect:offer_edit", lambda w: [w.offer.pk], "get", _only(["owner"])),
    ("connect:offer_hide", lambda w: [w.offer.pk], "post", _only(["owner"], code=302)),
    ("connect:offer_show", lambda w: [w.hidden_offer.pk], "post", _only(["owner"], code=302)),
    ("connect:my_offers", lambda w: [], "get", _only(LOGGED_IN)),
    ("connect:ambassadors", lambda w: [], "get", _everyone(200)),
    ("connect:ambassador", lambda w: [w.profile.pk], "get", _everyone(200)),
    ("connect:ambassador", lambda w: [w.private_profile.pk], "get", _only([], anonymous=404)),
    ("connect:ambassador_edit", lambda w: [], "get", _only(["ambassador"])),
    ("connect:partners", lambda w: [], "get", _everyone(200)),
    ("connect:partner", lambda w: [w.partner.slug], "get", _everyone(200)),
    ("connect:partner", lambda w: [w.hidden_partner.slug], "get", _only(["partner_admin"], anonymous=404)),
    ("connect:partner_edit", lambda w: [w.partner.slug], "get", _only(["partner_admin"])),
    ("connect:suggestions", lambda w: [w.need.pk], "get", _only(["owner", "staff"])),
    ("connect:propose", lambda w: [w.need.pk], "post", _only(["owner", "staff"], code=400)),
    ("connect:request_suggestions", lambda w: [w.request.pk], "get", _only(["staff"])),
    ("connect:request_propose", lambda w: [w.request.pk], "post", _only(["staff"], code=400)),
    ("connect:answer", lambda w: [w.asker_token], "get", _everyone(200)),
    ("connect:answer", lambda w: ["onbekende-link"], "get", _everyone(404)),
    ("connect:connections", lambda w: [], "get", _only(["staff"])),
]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_permission_matrix(world, client_for, persona):
    client = client_for(world.users[persona])
    for name, args, method, expected in MATRIX:
        url = reverse(name, args=args(world))
        # An empty proposal: allowed people get the form back (400), others a 404.
        response = getattr(client, method)(url, {"target": "", "message": ""} if "propose" in name else {})
        want = expected[persona]
        if want == "login":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], (name, persona)
        else:
            assert response.status_code == want, (name, args(world), persona)


def test_hiding_is_post_only(world, client_for):
    client = client_for(world.users["owner"])
    assert client.get(reverse("connect:offer_hide", args=[world.offer.pk])).status_code == 405
    assert Offer.objects.get(pk=world.offer.pk).is_active


# --- Offers -----------------------------------------------------------------------------------


def test_a_resident_publishes_an_offer(region, resident, client_for):
    client = client_for(resident)
    data = {
        "help_type": "knowledge",
        "title": "Hulp bij subsidieaanvragen",
        "description": "Ik heb twintig jaar bij de gemeente gewerkt.",
        "themes": ["money", "work"],
        "dimensions": ["daily"],
        "municipality": municipality(region, "GM0983").pk,
    }
    response = client.post(reverse("connect:offer_create"), data)
    offer = Offer.objects.get(owner=resident)
    assert response.status_code == 302 and response["Location"] == reverse("connect:offer", args=[offer.pk])
    assert offer.subregion.name == "Noord-Limburg" and offer.theme_labels == [
        "Geldzorgen en schulden",
        "Werk en inkomen",
    ]
    page = client.get(reverse("connect:home")).content.decode()
    assert "Hulp bij subsidieaanvragen" in page and resident.email not in page


def test_bad_offer_input_returns_the_form_and_saves_nothing(region, resident, client_for):
    response = client_for(resident).post(
        reverse("connect:offer_create"), {"help_type": "unicorns", "title": "", "description": "x"}
    )
    assert response.status_code == 200
    assert "Er ging iets mis" in response.content.decode()
    assert not Offer.objects.exists()


def test_only_organisations_of_ones_own_are_offered(region, resident, outsider, client_for):
    mine = OrganisationFactory(name="Mijn club")
    theirs = OrganisationFactory(name="Andermans club")
    account_services.membership_set(organisation=mine, user=resident, role=MembershipRole.MEMBER)
    page = client_for(resident).get(reverse("connect:offer_create")).content.decode()
    assert "Mijn club" in page and "Andermans club" not in page
    response = client_for(resident).post(
        reverse("connect:offer_create"),
        {"help_type": "place", "title": "Zaal", "description": "Groot", "organisation": theirs.pk},
    )
    assert response.status_code == 200 and not Offer.objects.exists()
    assert (
        "Namens een organisatie?"
        not in client_for(outsider).get(reverse("connect:offer_create")).content.decode()
    )


def test_the_owner_edits_hides_and_shows_an_offer(world, client_for):
    client = client_for(world.users["owner"])
    edit = reverse("connect:offer_edit", args=[world.offer.pk])
    assert "Zaal in De Kring" in client.get(edit).content.decode()
    client.post(edit, {"help_type": "place", "title": "Grote zaal", "description": "Voor 40 mensen."})
    world.offer.refresh_from_db()
    assert world.offer.title == "Grote zaal" and world.offer.municipality is None
    client.post(reverse("connect:offer_hide", args=[world.offer.pk]))
    assert "Grote zaal" not in client_for(None).get(reverse("connect:home")).content.decode()
    assert client_for(None).get(reverse("connect:offer", args=[world.offer.pk])).status_code == 404
    client.post(reverse("connect:offer_show", args=[world.offer.pk]))
    assert "Grote zaal" in client_for(None).get(reverse("connect:home")).content.decode()


def test_others_cannot_change_an_offer(world, client_for):
    client = client_for(world.users["staff"])
    response = client.post(
        reverse("connect:offer_edit", args=[world.offer.pk]),
        {"help_type": "place", "title": "Gekaapt", "description": "x"},
    )
    assert response.status_code == 404
    world.offer.refresh_from_db()
    assert world.offer.title == "Zaal in De Kring"
    mine = client_for(world.users["resident"]).get(reverse("connect:my_offers")).content.decode()
    assert "Zaal in De Kring" not in mine


def test_offer_filters(region, resident, client_for):
    OfferFactory(owner=resident, help_type="place", title="Zaal in Maastricht", themes=["elderly"])
    OfferFactory(owner=resident, help_type="money", title="Fonds in Venlo", code="GM0983")
    OfferFactory(owner=resident, help_type="people", title="Vrijwilligers overal", code=None)
    client = client_for(None)

    def titles(**params):
        page = client.get(reverse("connect:home"), params).content.decode()
        return {t for t in ("Zaal in Maastricht", "Fonds in Venlo", "Vrijwilligers overal") if t in page}

    assert titles(help_type="money") == {"Fonds in Venlo"}
    assert titles(theme="elderly") == {"Zaal in Maastricht"}
    venlo = municipality(region, "GM0983")
    assert titles(place=f"g{venlo.pk}") == {"Fonds in Venlo", "Vrijwilligers overal"}
    assert titles(place=f"s{venlo.subregion_id}") == {"Fonds in Venlo", "Vrijwilligers overal"}
    assert titles(q="fonds") == {"Fonds in Venlo"}
    # Nonsense in the address is ignored, never an error page.
    assert (
        client.get(reverse("connect:home"), {"help_type": "x", "place": "zz", "page": "-1"}).status_code
        == 200
    )


def _queries(client, url) -> int:
    client.get(url)  # warm up: the first request of a session does some one-off work
    with CaptureQueriesContext(db) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_offer_list_is_paginated_with_a_constant_query_count(region, resident, client_for):
    client = client_for(resident)
    url = reverse("connect:home")
    for i in range(3):
        OfferFactory(owner=resident, title=f"Aanbod {i}")
    few = _queries(client, url)
    for i in range(3, 30):
        OfferFactory(owner=resident, title=f"Aanbod {i}", code=None if i % 2 else "GM0983")
    assert _queries(client, url) <= few  # one less once the pre-filter finds enough (matching.py) <= 12
    page = client.get(url).content.decode()
    assert page.count('class="vk-card"') == 20 and "Volgende pagina" in page
    assert client.get(url, {"page": 2}).content.decode().count('class="vk-card"') == 10


# --- Ambassadors ------------------------------------------------------------------------------


def test_an_ambassador_creates_and_edits_their_profile(region, ambassador, client_for):
    client = client_for(ambassador)
    url = reverse("connect:ambassador_edit")
    assert "nog geen profiel" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "expertise": "Positieve Gezondheid in de huisartsenpraktijk",
            "municipality": municipality(region, "GM0983").pk,
            "help_types": ["knowledge"],
            "themes": ["care"],
            "availability": "limited",
            "is_public": "on",
        },
    )
    profile = AmbassadorProfile.objects.get(user=ambassador)
    assert response["Location"] == reverse("connect:ambassador", args=[profile.pk])
    assert profile.subregion.name == "Noord-Limburg" and profile.availability == "limited"
    page = client_for(None).get(response["Location"]).content.decode()
    assert "Heeft weinig tijd" in page and "Kennis en advies" in page
    assert ambassador.email not in page and "mailto:" not in page.split("<footer")[0]
    assert client.post(url, {"expertise": "", "availability": "nope"}).status_code == 200
    profile.refresh_from_db()
    assert profile.expertise == "Positieve Gezondheid in de huisartsenpraktijk"


def test_a_private_profile_is_only_seen_by_its_owner(region, client_for):
    private = AmbassadorFactory(email="prive@example.org", is_public=False, expertise="Prive")
    url = reverse("connect:ambassador", args=[private.pk])
    assert client_for(private.user).get(url).status_code == 200
    assert client_for(None).get(url).status_code == 404
    assert "Prive" not in client_for(None).get(reverse("connect:ambassadors")).content.decode()


def test_ambassador_filters_and_constant_queries(region, client_for):
    client = client_for(None)
    url = reverse("connect:ambassadors")
    for i in range(3):
        AmbassadorFactory(email=f"a{i}@example.org", themes=["care"], name=f"Zuid{i}")
    few = _queries(client, url)
    for i in range(3, 30):
        AmbassadorFactory(email=f"a{i}@example.org", code="GM0983", themes=["school"], name=f"Noord{i}")
    assert _queries(client, url) <= few  # one less once the pre-filter finds enough (matching.py)
    venlo = municipality(region, "GM0983")
    page = client.get(url, {"subregion": venlo.subregion_id, "theme": "school"}).content.decode()
    assert "Noord10" in page and "Zuid0" not in page
    assert "a3@example.org" not in page


# --- Partners ---------------------------------------------------------------------------------


def test_partners_list_core_partners_first_and_filters_by_type(region, client_for):
    PartnerFactory(name="Aardige stichting")
    PartnerFactory(name="Zorgverzekeraar Kern", is_core_partner=True)
    page = client_for(None).get(reverse("connect:partners")).content.decode()
    assert page.index("Zorgverzekeraar Kern") < page.index("Aardige stichting")
    assert "Kernpartner" in page
    filtered = client_for(None).get(reverse("connect:partners"), {"type": "insurer"}).content.decode()
    assert "Aardige stichting" not in filtered


def test_a_partner_page_shows_offers_ambassadors_and_public_initiatives(world, region, client_for):
    partner = world.partner
    owner = world.users["owner"]
    account_services.membership_set(organisation=partner, user=owner, role=MembershipRole.MEMBER)
    OfferFactory(owner=owner, title="Zaal van Buurtwerk", organisation=partner)
    AmbassadorProfile.objects.filter(pk=world.profile.pk).update(organisation=partner)
    shown = InitiativeFactory(title="Moestuin Oost", organisation=partner)
    accepted = {"status": "accepted"}
    pending = InitiativeFactory(title="Nog niet goedgekeurd", review="pending")
    pending.partners.add(partner, through_defaults=accepted)
    also = InitiativeFactory(title="Samen sporten")
    also.partners.add(partner, through_defaults=accepted)
    unasked = InitiativeFactory(title="Zonder toestemming")
    unasked.partners.add(partner)  # a request the organisation has not answered
    page = client_for(None).get(reverse("connect:partner", args=[partner.slug])).content.decode()
    for text in ("Zaal van Buurtwerk", "Gesprekken in de wijk", shown.title, also.title):
        assert text in page
    assert "Nog niet goedgekeurd" not in page and partner.email not in page
    assert "Zonder toestemming" not in page


def test_a_partner_admin_edits_the_page(world, client_for):
    client = client_for(world.users["partner_admin"])
    url = reverse("connect:partner_edit", args=[world.partner.slug])
    response = client.post(
        url,
        {
            "description": "Wij maken buurten sterker.",
            "website": "buurtwerk.example.org",
            "help_types": ["people", "place"],
            "themes": ["neighbourhood"],
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    world.partner.refresh_from_db()
    assert world.partner.website == "https://buurtwerk.example.org"
    assert PartnerProfile.objects.get(organisation=world.partner).help_types == 0b11
    bad = client.post(url, {"website": "geen url met spaties"})
    assert bad.status_code == 200 and "Er ging iets mis" in bad.content.decode()


def test_a_partner_admin_role_alone_does_not_give_edit_rights(region, client_for):
    organisation = PartnerFactory(name="Andere organisatie")
    stranger = UserFactory(email="ander-beheer@example.org", roles=[Role.PARTNER_ADMIN])
    assert (
        client_for(stranger).get(reverse("connect:partner_edit", args=[organisation.slug])).status_code == 404
    )


def test_partner_pages_have_a_constant_query_count(region, client_for):
    client = client_for(None)
    partner = PartnerFactory(name="Groot")
    member = UserFactory(email="lid@example.org")
    account_services.membership_set(organisation=partner, user=member, role=MembershipRole.MEMBER)
    detail = reverse("connect:partner", args=[partner.slug])
    for i in range(3):
        OfferFactory(owner=member, title=f"Aanbod {i}", organisation=partner)
        PartnerFactory(name=f"Partner {i}")
    few_detail, few_list = _queries(client, detail), _queries(client, reverse("connect:partners"))
    for i in range(3, 30):
        OfferFactory(owner=member, title=f"Aanbod {i}", organisation=partner)
        PartnerFactory(name=f"Partner {i}")
    assert _queries(client, detail) == few_detail
    assert _queries(client, reverse("connect:partners")) == few_list


# --- Suggestions, proposing, answering --------------------------------------------------------


def test_the_owner_sees_ranked_suggestions_and_proposes(
    world, region, client_for, django_capture_on_commit_callbacks
):
    client = client_for(world.users["owner"])
    page = client.get(reverse("connect:suggestions", args=[world.need.pk])).content.decode()
    assert "Gesprekken in de wijk" in page and "Kan helpen met: een plek" in page
    assert "Zaal in De Kring" not in page  # the owner's own offer
    assert page.count("Plek van Henk") == 0 and "Henk – voorgesteld" in page  # already proposed
    key = f"ambassador-{world.profile.pk}"
    url = reverse("connect:propose", args=[world.need.pk])
    empty = client.post(url, {"target": key, "message": ""})
    assert empty.status_code == 400 and "Schrijf kort waarom" in empty.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"target": key, "message": "Zij kent veel zalen."})
    assert response["Location"] == reverse("connect:suggestions", args=[world.need.pk])
    connection = Connection.objects.get(ambassador=world.profile)
    assert connection.proposed_by == world.users["owner"] and len(mail.outbox) == 2


def test_proposing_someone_not_on_the_list_is_refused(world, client_for):
    client = client_for(world.users["staff"])
    url = reverse("connect:propose", args=[world.need.pk])
    for target in (
        f"ambassador-{world.private_profile.pk}",
        f"offer-{world.hidden_offer.pk}",
        "partner-999",
        "%s-1",
    ):
        response = client.post(url, {"target": target, "message": "Probeer"})
        assert response.status_code == 400, target
    assert Connection.objects.count() == 1


def test_staff_propose_for_a_request(world, client_for):
    client = client_for(world.users["staff"])
    page = client.get(reverse("connect:request_suggestions", args=[world.request.pk])).content.decode()
    assert "Gesprekken in de wijk" in page
    response = client.post(
        reverse("connect:request_propose", args=[world.request.pk]),
        {"target": f"ambassador-{world.profile.pk}", "message": "Zij weet het."},
    )
    assert response.status_code == 302
    assert Connection.objects.get(request=world.request).asker_email == world.request.email


def test_suggestions_have_a_constant_query_count(world, region, client_for):
    client = client_for(world.users["staff"])
    url = reverse("connect:suggestions", args=[world.need.pk])
    giver = UserFactory(email="gever@example.org")
    for i in range(3):
        OfferFactory(owner=giver, title=f"Plek {i}")
    few = _queries(client, url)
    for i in range(3, 30):
        OfferFactory(owner=giver, title=f"Plek {i}")
    assert _queries(client, url) <= few  # one less once the pre-filter finds enough (matching.py)


def test_answering_through_the_private_links(world, client_for, django_capture_on_commit_callbacks):
    owner = world.users["owner"]
    anonymous = client_for(None)
    asker_url = reverse("connect:answer", args=[world.asker_token])
    helper_url = reverse("connect:answer", args=[world.helper_token])
    page = anonymous.get(asker_url).content.decode()
    assert (
        "Ja, breng ons in contact" in page
        and "Nee, liever niet" in page
        and "Jullie passen bij elkaar." in page
    )
    assert "henk@example.org" not in page and owner.email not in page  # no addresses before both said yes
    response = anonymous.post(asker_url, {"answer": "yes"})
    assert response.status_code == 302
    again = anonymous.post(asker_url, {"answer": "no"}, follow=True).content.decode()
    assert "Je hebt al geantwoord" in again
    assert Connection.objects.get().asker_answer is True
    assert anonymous.post(asker_url, {"answer": "misschien"}).status_code == 302
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        anonymous.post(helper_url, {"answer": "yes"})
    connection = Connection.objects.get()
    assert connection.status == ConnectionStatus.ACCEPTED and len(mail.outbox) == 2
    assert connection.helper_email in anonymous.get(asker_url).content.decode()


def test_saying_no_shows_a_kind_page(world, client_for):
    client = client_for(None)
    url = reverse("connect:answer", args=[world.helper_token])
    page = client.post(url, {"answer": "no"}, follow=True).content.decode()
    assert "Je hebt nee gezegd" in page
    other = client.get(reverse("connect:answer", args=[world.asker_token])).content.decode()
    assert "gaat niet door" in other and "Ja, breng ons in contact" not in other


def test_staff_see_connections_with_a_yearly_count(world, client_for):
    services.connection_answer(token=world.asker_token, accept=True)
    services.connection_answer(token=world.helper_token, accept=True)
    client = client_for(world.users["staff"])
    page = client.get(reverse("connect:connections")).content.decode()
    assert "is er 1 verbinding gemaakt" in page
    assert world.need.description in page
    declined = client.get(reverse("connect:connections"), {"status": "declined"}).content.decode()
    assert "Er zijn geen voorstellen met deze status" in declined


def test_the_connections_list_has_a_constant_query_count(world, region, client_for):
    client = client_for(world.users["staff"])
    url = reverse("connect:connections")
    giver = UserFactory(email="gever@example.org")

    def propose(count):
        for i in range(count):
            offer = OfferFactory(owner=giver, title=f"Plek {i}")
            services.connection_propose(
                need=world.need, offer=offer, message="Past", proposed_by=world.users["staff"]
            )

    propose(2)
    few = _queries(client, url)
    propose(27)
    assert _queries(client, url) <= few  # one less once the pre-filter finds enough (matching.py)
